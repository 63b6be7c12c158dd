/* bel-contact-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-contact-dialog.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-client-checkins.h"

typedef struct {
  BelClient *client;
  gint64     student_id;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->client);
  g_free (form);
}

static char *
field_text (BelCareDialog *dialog,
            const char    *name)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, name)))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
switch_on (BelCareDialog *dialog,
           const char    *name)
{
  return gtk_switch_get_active (GTK_SWITCH (bel_care_dialog_get_field (dialog, name)));
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) contact = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  if (contact == NULL)
    {
      bel_care_dialog_set_busy (dialog, FALSE);
      bel_care_dialog_show_error (dialog, error->message);
      return;
    }
  bel_care_dialog_saved (dialog, contact);
}

static void
save (BelCareDialog *dialog,
      Form          *form)
{
  g_autoptr(BelContact) contact = g_object_new (BEL_TYPE_CONTACT, NULL);
  g_autofree char *today = bel_client_care_date (0);
  g_autofree char *caregiver = field_text (dialog, "caregiver");
  g_autofree char *relationship = field_text (dialog, "relationship");
  g_autofree char *language = field_text (dialog, "language");
  g_autofree char *concern = field_text (dialog, "concern");
  g_autofree char *outcome = field_text (dialog, "outcome");
  guint channel = adw_combo_row_get_selected (ADW_COMBO_ROW (bel_care_dialog_get_field (dialog, "channel")));

  g_object_set (contact,
                "caregiver-name", caregiver,
                "relationship", relationship,
                "channel", bel_contact_channels[channel],
                "language", language,
                "interpreter", switch_on (dialog, "interpreter"),
                "good-news", switch_on (dialog, "good-news"),
                "concern", concern,
                "outcome", outcome,
                "contacted-on", today,
                NULL);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_create_contact_async (form->client, form->student_id, contact, NULL, created_cb,
                                   g_object_ref (dialog));
}

static void
required_changed (BelCareDialog *dialog)
{
  g_autofree char *caregiver = field_text (dialog, "caregiver");
  g_autofree char *relationship = field_text (dialog, "relationship");

  bel_care_dialog_set_can_save (dialog, caregiver != NULL && relationship != NULL);
}

static GtkWidget *
entry_row (BelCareDialog *dialog,
           GtkWidget     *group,
           const char    *name,
           const char    *title,
           const char    *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  bel_care_dialog_set_field (dialog, name, row);
  return row;
}

static GtkWidget *
switch_row (BelCareDialog *dialog,
            GtkWidget     *group,
            const char    *name,
            const char    *title,
            const char    *subtitle,
            gboolean       active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  bel_care_dialog_set_field (dialog, name, toggle);
  return toggle;
}

BelCareDialog *
bel_contact_dialog_new (GtkWidget  *parent,
                        BelClient  *client,
                        gint64      student_id,
                        const char *student_name,
                        const char *home_language,
                        gboolean    good_news)
{
  BelCareDialog *dialog = bel_care_dialog_new (parent, _("Family Contact"), student_name, _("_Log Contact"));
  Form *form = g_new0 (Form, 1);
  GtkWidget *who = adw_preferences_group_new ();
  GtkWidget *how = adw_preferences_group_new ();
  GtkWidget *what = adw_preferences_group_new ();
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  GtkWidget *channel = adw_combo_row_new ();
  g_autofree char *language_hint = NULL;

  form->client = g_object_ref (client);
  form->student_id = student_id;
  g_object_set_data_full (G_OBJECT (dialog), "bel-contact-form", form, (GDestroyNotify) form_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (who), _("Caregiver"));
  g_signal_connect_swapped (entry_row (dialog, who, "caregiver", _("Name"), NULL), "changed",
                            G_CALLBACK (required_changed), dialog);
  g_signal_connect_swapped (entry_row (dialog, who, "relationship", _("Relationship, e.g. mother, grandfather"), NULL),
                            "changed", G_CALLBACK (required_changed), dialog);
  bel_care_dialog_add (dialog, who);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (how), _("How"));
  if (bel_care_needs_interpreter (home_language))
    {
      language_hint = g_strdup_printf (_("Home language: %s. Speak in it, with an interpreter if you need one."),
                                       home_language);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (how), language_hint);
    }
  for (guint i = 0; bel_contact_channels[i] != NULL; i++)
    gtk_string_list_append (channels, bel_care_channel_label (bel_contact_channels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (channel), _("Channel"));
  adw_combo_row_set_model (ADW_COMBO_ROW (channel), G_LIST_MODEL (channels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (how), channel);
  bel_care_dialog_set_field (dialog, "channel", channel);
  entry_row (dialog, how, "language", _("Language used"), home_language);
  switch_row (dialog, how, "interpreter", _("With an interpreter"), NULL,
              bel_care_needs_interpreter (home_language));
  bel_care_dialog_add (dialog, how);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (what), _("What"));
  switch_row (dialog, what, "good-news", _("Good news"),
              _("Every family hears something good at least once a quarter"), good_news);
  entry_row (dialog, what, "concern", _("Concern (optional)"), NULL);
  entry_row (dialog, what, "outcome", _("Outcome (optional)"), NULL);
  bel_care_dialog_add (dialog, what);

  bel_care_dialog_set_can_save (dialog, FALSE);
  g_signal_connect (dialog, "save", G_CALLBACK (save), form);
  return dialog;
}
