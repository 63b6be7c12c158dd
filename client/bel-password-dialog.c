/* bel-password-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-password-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bel-error.h"

#define MIN_LENGTH 10 /* the daemon's policy */

static const char *
text_of (BelCareDialog *dialog,
         const char    *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, name)));
}

/* The daemon's field errors in the words of this form. */
static char *
explain (const GError *error)
{
  g_autoptr(GPtrArray) fields = bel_error_get_field_errors (error);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      BelFieldError *fe = g_ptr_array_index (fields, i);

      if (g_strcmp0 (fe->field, "current_password") == 0)
        return g_strdup (_("That is not your current password."));
      if (g_strcmp0 (fe->field, "new_password") == 0)
        return g_strdup_printf (_("The new password %s."), fe->message);
    }
  return g_strdup (error->message);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  if (!bel_client_change_password_finish (BEL_CLIENT (source), result, &error))
    {
      g_autofree char *message = explain (error);

      bel_care_dialog_set_busy (dialog, FALSE);
      bel_care_dialog_show_error (dialog, message);
      return;
    }
  bel_care_dialog_saved (dialog, NULL);
}

static void
save (BelCareDialog *dialog,
      BelClient     *client)
{
  bel_care_dialog_show_error (dialog, NULL);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_change_password_async (client, text_of (dialog, "current"), text_of (dialog, "new"), NULL,
                                    changed_cb, g_object_ref (dialog));
}

static void
changed (BelCareDialog *dialog)
{
  GtkWidget *repeat = bel_care_dialog_get_field (dialog, "repeat");
  const char *new_password, *again;
  gboolean long_enough, same;

  if (repeat == NULL)
    return; /* still being built */
  new_password = text_of (dialog, "new");
  again = text_of (dialog, "repeat");
  long_enough = g_utf8_strlen (new_password, -1) >= MIN_LENGTH;
  same = g_str_equal (new_password, again);
  /* Mark the repeat row only once it is as long as the new one: not while typing it */
  if (!same && strlen (again) >= strlen (new_password))
    gtk_widget_add_css_class (repeat, "error");
  else
    gtk_widget_remove_css_class (repeat, "error");
  bel_care_dialog_set_can_save (dialog, *text_of (dialog, "current") != '\0' && long_enough && same);
}

static GtkWidget *
password_row (BelCareDialog *dialog,
              GtkWidget     *group,
              const char    *name,
              const char    *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed), dialog);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  bel_care_dialog_set_field (dialog, name, row);
  return row;
}

BelCareDialog *
bel_password_dialog_new (GtkWidget *parent,
                         BelClient *client)
{
  BelAccount *account = bel_client_get_account (client);
  const char *who = account != NULL ? bel_resource_get_string (account, "display-name") : NULL;
  BelCareDialog *dialog = bel_care_dialog_new (parent, _("Change Password"), who, _("C_hange"));
  GtkWidget *current_group = adw_preferences_group_new ();
  GtkWidget *new_group = adw_preferences_group_new ();
  g_autofree char *rule = g_strdup_printf (_("At least %d characters. Every other computer where you are signed in "
                                             "is signed out; this one stays signed in."), MIN_LENGTH);
  GtkWidget *current;

  g_object_set_data_full (G_OBJECT (dialog), "bel-password-client", g_object_ref (client), g_object_unref);
  current = password_row (dialog, current_group, "current", _("Current Password"));
  bel_care_dialog_add (dialog, current_group);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (new_group), rule);
  password_row (dialog, new_group, "new", _("New Password"));
  password_row (dialog, new_group, "repeat", _("Repeat New Password"));
  bel_care_dialog_add (dialog, new_group);

  g_signal_connect (dialog, "save", G_CALLBACK (save), client);
  changed (dialog);
  gtk_widget_grab_focus (current);
  return dialog;
}
