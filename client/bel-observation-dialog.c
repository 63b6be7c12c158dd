/* bel-observation-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-observation-dialog.h"

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

static const char *
selected_kind (BelCareDialog *dialog)
{
  for (guint i = 0; bel_observation_kinds[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("kind-", bel_observation_kinds[i], NULL);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bel_care_dialog_get_field (dialog, name))))
        return bel_observation_kinds[i];
    }
  return "strength";
}

static char *
body_text (BelCareDialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bel_care_dialog_get_field (dialog, "body")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) observation = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  if (observation == NULL)
    {
      bel_care_dialog_set_busy (dialog, FALSE);
      bel_care_dialog_show_error (dialog, error->message);
      return;
    }
  bel_care_dialog_saved (dialog, observation);
}

static void
save (BelCareDialog *dialog,
      Form          *form)
{
  g_autoptr(BelObservation) observation = g_object_new (BEL_TYPE_OBSERVATION, NULL);
  g_autofree char *body = body_text (dialog);
  g_autofree char *today = bel_client_care_date (0);
  const char *kind = selected_kind (dialog);

  g_object_set (observation, "kind", kind, "body", body, "observed-on", today,
                "raise-flag", g_str_equal (kind, "concern") &&
                              gtk_switch_get_active (GTK_SWITCH (bel_care_dialog_get_field (dialog, "raise-flag"))),
                NULL);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_create_observation_async (form->client, form->student_id, observation, NULL, created_cb,
                                       g_object_ref (dialog));
}

static void
changed (BelCareDialog *dialog)
{
  g_autofree char *body = NULL;
  GtkWidget *flag_row = bel_care_dialog_get_field (dialog, "raise-flag-row");

  if (flag_row == NULL)
    return; /* still being built */
  body = body_text (dialog);

  gtk_widget_set_visible (flag_row, g_str_equal (selected_kind (dialog), "concern"));
  bel_care_dialog_set_can_save (dialog, *body != '\0');
}

BelCareDialog *
bel_observation_dialog_new (GtkWidget  *parent,
                            BelClient  *client,
                            gint64      student_id,
                            const char *student_name)
{
  BelCareDialog *dialog = bel_care_dialog_new (parent, _("Observation"), student_name, _("_Add"));
  Form *form = g_new0 (Form, 1);
  GtkWidget *kind_group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *body_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *body = gtk_text_view_new ();
  GtkWidget *flag_group = adw_preferences_group_new ();
  GtkWidget *flag_row = adw_action_row_new ();
  GtkWidget *flag_switch = gtk_switch_new ();
  GtkWidget *first = NULL;

  form->client = g_object_ref (client);
  form->student_id = student_id;
  g_object_set_data_full (G_OBJECT (dialog), "bel-observation-form", form, (GDestroyNotify) form_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (kind_group), _("What did you notice?"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (kind_group),
                                         _("Other adults who know this student will see it with theirs."));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  for (guint i = 0; bel_observation_kinds[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("kind-", bel_observation_kinds[i], NULL);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (bel_care_observation_kind_label (bel_observation_kinds[i]));

      if (first == NULL)
        first = toggle;
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), GTK_TOGGLE_BUTTON (first));
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (changed), dialog);
      gtk_box_append (GTK_BOX (box), toggle);
      bel_care_dialog_set_field (dialog, name, toggle);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (first), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (kind_group), box);
  bel_care_dialog_add (dialog, kind_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (body_group), _("In a sentence or two"));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (body), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (body), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (body), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (body), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (body), 12);
  gtk_widget_set_size_request (body, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Observation"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), body);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (body_group), frame);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), "changed", G_CALLBACK (changed), dialog);
  bel_care_dialog_set_field (dialog, "body", body);
  bel_care_dialog_add (dialog, body_group);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (flag_row), _("Raise a concern flag"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (flag_row),
                               _("The student comes up at the next team meeting"));
  gtk_widget_set_valign (flag_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (flag_row), flag_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (flag_row), flag_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (flag_group), flag_row);
  bel_care_dialog_set_field (dialog, "raise-flag", flag_switch);
  bel_care_dialog_set_field (dialog, "raise-flag-row", flag_row);
  bel_care_dialog_add (dialog, flag_group);

  g_signal_connect (dialog, "save", G_CALLBACK (save), form);
  changed (dialog);
  gtk_widget_grab_focus (body);
  return dialog;
}
