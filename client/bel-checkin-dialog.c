/* bel-checkin-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-checkin-dialog.h"

#include <glib/gi18n.h>

#include "bel-checklist-item.h"
#include "bel-client-checkins.h"

typedef struct {
  BelClient  *client;
  gint64      student_id;
  GPtrArray  *keys;        /* checklist keys, in order */
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->client);
  g_clear_pointer (&form->keys, g_ptr_array_unref);
  g_free (form);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) checkin = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  if (checkin == NULL)
    {
      bel_care_dialog_set_busy (dialog, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bel_care_dialog_show_error (dialog, error->message);
      return;
    }
  bel_care_dialog_saved (dialog, checkin);
}

static void
save (BelCareDialog *dialog,
      Form          *form)
{
  g_autoptr(BelCheckin) checkin = bel_checkin_new ();
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *today = bel_client_care_date (0);
  GtkWidget *academic = bel_care_dialog_get_field (dialog, "kind-academic");
  const char *note = gtk_editable_get_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, "note")));
  g_autofree char *note_copy = g_strstrip (g_strdup (note));

  for (guint i = 0; i < form->keys->len; i++)
    {
      const char *key = form->keys->pdata[i];
      g_autofree char *check_name = g_strconcat ("check:", key, NULL);
      g_autofree char *answer_name = g_strconcat ("answer:", key, NULL);
      GtkWidget *check = bel_care_dialog_get_field (dialog, check_name);
      GtkWidget *entry = bel_care_dialog_get_field (dialog, answer_name);
      g_autofree char *answer = NULL;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      answer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
      if (*answer == '\0')
        {
          g_free (answer);
          answer = g_strdup (_("Talked about it"));
        }
      g_hash_table_insert (answers, (gpointer) key, g_steal_pointer (&answer));
    }
  g_object_set (checkin,
                "checked-on", today,
                "kind", gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (academic)) ? "academic" : "non_academic",
                "answers", answers,
                "note", *note_copy != '\0' ? note_copy : NULL,
                "follow-up-needed", gtk_switch_get_active (GTK_SWITCH (bel_care_dialog_get_field (dialog, "follow-up"))),
                NULL);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_create_checkin_async (form->client, form->student_id, checkin, NULL, created_cb,
                                   g_object_ref (dialog));
}

static void
check_toggled (GtkCheckButton *check,
               GtkWidget      *entry)
{
  gboolean active = gtk_check_button_get_active (check);

  gtk_widget_set_sensitive (entry, active);
}

static GtkWidget *
kind_group (BelCareDialog *dialog,
            const char    *kind)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *personal = gtk_toggle_button_new_with_mnemonic (_("_Non-academic"));
  GtkWidget *academic = gtk_toggle_button_new_with_mnemonic (_("_Academic"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Kind of check-in"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A non-academic check-in is about the student, not the work."));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (academic), GTK_TOGGLE_BUTTON (personal));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (g_strcmp0 (kind, "academic") == 0 ? academic : personal), TRUE);
  gtk_box_append (GTK_BOX (box), personal);
  gtk_box_append (GTK_BOX (box), academic);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  bel_care_dialog_set_field (dialog, "kind-academic", academic);
  bel_care_dialog_set_field (dialog, "kind-non-academic", personal);
  return group;
}

static GtkWidget *
checklist_group (BelCareDialog      *dialog,
                 BelCheckinSettings *settings,
                 Form               *form)
{
  GtkWidget *group = adw_preferences_group_new ();
  GListModel *items = settings != NULL ? bel_resource_get_object (settings, "checklist") : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What you talked about"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelChecklistItem) item = g_list_model_get_item (items, i);
      const char *key = bel_resource_get_string (item, "key");
      g_autofree char *check_name = g_strconcat ("check:", key, NULL);
      g_autofree char *answer_name = g_strconcat ("answer:", key, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *entry = gtk_entry_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bel_resource_get_string (item, "label"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("A few words (optional)"));
      gtk_entry_set_max_length (GTK_ENTRY (entry), 200);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (entry, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bel_resource_get_string (item, "label"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), entry);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (form->keys, g_strdup (key));
      bel_care_dialog_set_field (dialog, check_name, check);
      bel_care_dialog_set_field (dialog, answer_name, entry);
    }
  return group;
}

static GtkWidget *
note_group (BelCareDialog *dialog)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *note = adw_entry_row_new ();
  GtkWidget *follow = adw_action_row_new ();
  GtkWidget *follow_switch = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note (optional)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (follow), _("Needs a follow-up"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (follow), _("Keep it on your list until someone acts on it"));
  gtk_widget_set_valign (follow_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (follow), follow_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (follow), follow_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), follow);
  bel_care_dialog_set_field (dialog, "note", note);
  bel_care_dialog_set_field (dialog, "follow-up", follow_switch);
  return group;
}

BelCareDialog *
bel_checkin_dialog_new (GtkWidget          *parent,
                        BelClient          *client,
                        BelCheckinSettings *settings,
                        gint64              student_id,
                        const char         *student_name,
                        const char         *kind)
{
  BelCareDialog *dialog = bel_care_dialog_new (parent, _("Check-in"), student_name, _("_Log Check-in"));
  Form *form = g_new0 (Form, 1);

  form->client = g_object_ref (client);
  form->student_id = student_id;
  form->keys = g_ptr_array_new_with_free_func (g_free);
  g_object_set_data_full (G_OBJECT (dialog), "bel-checkin-form", form, (GDestroyNotify) form_free);

  bel_care_dialog_add (dialog, kind_group (dialog, kind));
  bel_care_dialog_add (dialog, checklist_group (dialog, settings, form));
  bel_care_dialog_add (dialog, note_group (dialog));
  g_signal_connect (dialog, "save", G_CALLBACK (save), form);
  return dialog;
}
