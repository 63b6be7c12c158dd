/* bel-support-plan-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-support-plan-view.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-client-checkins.h"

typedef struct {
  BelClient      *client;
  BelSupportPlan *plan;
  gint64          plan_id;
} View;

static void
view_free (View *view)
{
  g_clear_object (&view->client);
  g_clear_object (&view->plan);
  g_free (view);
}

static char *
field_text (BelCareDialog *dialog,
            const char    *name)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, name)))));
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) plan = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  if (plan == NULL)
    {
      bel_care_dialog_set_busy (dialog, FALSE);
      bel_care_dialog_show_error (dialog, error->message);
      return;
    }
  bel_care_dialog_saved (dialog, plan);
}

static void
add_review (BelCareDialog *dialog,
            View          *view)
{
  g_autoptr(BelPlanReview) review = bel_plan_review_new ();
  g_autofree char *note = field_text (dialog, "review-note");
  g_autofree char *next = field_text (dialog, "next-review-on");
  g_autofree char *today = bel_client_care_date (0);

  if (view->plan == NULL)
    return;
  g_object_set (review, "note", note, "reviewed-on", today, "next-review-on", *next != '\0' ? next : NULL, NULL);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_review_support_plan_async (view->client, view->plan_id, review, NULL, changed_cb,
                                        g_object_ref (dialog));
}

static void
close_plan (GtkButton *button,
            gpointer   user_data)
{
  BelCareDialog *dialog = BEL_CARE_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));
  View *view = g_object_get_data (G_OBJECT (dialog), "bel-plan-view");
  g_autofree char *outcome = field_text (dialog, "outcome");
  g_autoptr(JsonObject) changes = json_object_new ();

  if (view->plan == NULL)
    return;
  if (*outcome == '\0')
    {
      bel_care_dialog_show_error (dialog, _("Say how it went before closing the plan."));
      return;
    }
  json_object_set_string_member (changes, "status", user_data);
  json_object_set_string_member (changes, "outcome", outcome);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_update_support_plan_async (view->client, view->plan, changes, NULL, changed_cb, g_object_ref (dialog));
}

static void
review_changed (BelCareDialog *dialog)
{
  View *view = g_object_get_data (G_OBJECT (dialog), "bel-plan-view");
  g_autofree char *note = field_text (dialog, "review-note");

  bel_care_dialog_set_can_save (dialog, view->plan != NULL && *note != '\0' &&
                                g_strcmp0 (bel_resource_get_string (view->plan, "status"), "active") == 0);
}

static GtkWidget *
info_row (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
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

static char *
people_text (GListModel *people)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, bel_resource_get_string (person, "display-name") ?: "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_plan (BelCareDialog *dialog,
           View          *view)
{
  BelSupportPlan *plan = view->plan;
  gboolean active = g_strcmp0 (bel_resource_get_string (plan, "status"), "active") == 0;
  GtkWidget *summary = adw_preferences_group_new ();
  GtkWidget *actions = adw_preferences_group_new ();
  GtkWidget *reviews = adw_preferences_group_new ();
  GListModel *list;
  g_autofree char *tier = g_strdup_printf (_("Tier %" G_GINT64_FORMAT), bel_resource_get_int (plan, "tier"));
  g_autofree char *review_on = bel_care_format_date (bel_resource_get_string (plan, "review-on"), NULL);
  g_autofree char *contributors = people_text (bel_resource_get_object (plan, "contributors"));
  g_autofree char *status = NULL;
  GtkWidget *tier_chip = bel_care_chip_new (tier, bel_resource_get_int (plan, "tier") >= 3 ? "concern" : "need");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (summary), _("Plan"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (summary), tier_chip);
  info_row (summary, _("Concern"), bel_resource_get_string (plan, "concern"));
  info_row (summary, _("Owner"), bel_resource_get_string (plan, "owner-name"));
  info_row (summary, _("Contributors"), *contributors != '\0' ? contributors : _("Nobody else yet"));
  info_row (summary, _("Review on"), review_on);
  if (!active)
    {
      status = g_strdup_printf (_("Closed: %s"), bel_resource_get_string (plan, "status"));
      info_row (summary, status, bel_resource_get_string (plan, "outcome"));
    }
  bel_care_dialog_add (dialog, summary);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (actions), _("Actions"));
  list = bel_resource_get_object (plan, "actions");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) action = g_list_model_get_item (list, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = bel_care_format_date (bel_resource_get_string (action, "due-on"), "");
      g_autofree char *escaped = g_markup_escape_text (bel_resource_get_string (action, "description"), -1);
      g_autofree char *subtitle = g_strdup_printf (_("%s · due %s"),
                                                   bel_resource_get_string (action, "owner-name") ?: "", due);
      gboolean done = bel_resource_get_bool (action, "done");
      gboolean late = !done && bel_care_days_from_today (bel_resource_get_string (action, "due-on")) < 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (done)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), bel_care_chip_new (_("Done"), "strength"));
      else if (late)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), bel_care_chip_new (_("Late"), "missed"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (actions), row);
    }
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (actions), _("No actions yet"));
  bel_care_dialog_add (dialog, actions);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (reviews), _("Reviews"));
  list = bel_resource_get_object (plan, "reviews");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) review = g_list_model_get_item (list, i);
      g_autofree char *when = bel_care_format_date (bel_resource_get_string (review, "reviewed-on"), "");
      g_autofree char *title = g_strdup_printf ("%s · %s", when, bel_resource_get_string (review, "author-name") ?: "");

      info_row (reviews, title, bel_resource_get_string (review, "note"));
    }
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (reviews), _("Not reviewed yet"));
  if (active)
    {
      g_autofree char *next = bel_client_care_date (14);

      g_signal_connect_swapped (entry_row (dialog, reviews, "review-note", _("How is it going?"), NULL),
                                "changed", G_CALLBACK (review_changed), dialog);
      entry_row (dialog, reviews, "next-review-on", _("Next review on (YYYY-MM-DD)"), next);
    }
  bel_care_dialog_add (dialog, reviews);

  if (active)
    {
      GtkWidget *closing = adw_preferences_group_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *complete = gtk_button_new_with_mnemonic (_("_Completed"));
      GtkWidget *discontinue = gtk_button_new_with_mnemonic (_("_Discontinue"));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (closing), _("Close the plan"));
      entry_row (dialog, closing, "outcome", _("Outcome"), NULL);
      gtk_widget_set_margin_top (buttons, 12);
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_widget_add_css_class (complete, "suggested-action");
      gtk_widget_add_css_class (discontinue, "destructive-action");
      g_signal_connect (complete, "clicked", G_CALLBACK (close_plan), (gpointer) "completed");
      g_signal_connect (discontinue, "clicked", G_CALLBACK (close_plan), (gpointer) "discontinued");
      gtk_box_append (GTK_BOX (buttons), discontinue);
      gtk_box_append (GTK_BOX (buttons), complete);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (closing), buttons);
      bel_care_dialog_set_field (dialog, "complete", complete);
      bel_care_dialog_set_field (dialog, "discontinue", discontinue);
      bel_care_dialog_add (dialog, closing);
    }
  review_changed (dialog);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  View *view = g_object_get_data (G_OBJECT (dialog), "bel-plan-view");
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) plan = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  bel_care_dialog_set_busy (dialog, FALSE);
  if (plan == NULL)
    {
      bel_care_dialog_show_error (dialog, error->message);
      return;
    }
  view->plan = BEL_SUPPORT_PLAN (g_steal_pointer (&plan));
  show_plan (dialog, view);
}

gboolean
bel_support_plan_view_get_loaded (BelCareDialog *dialog)
{
  View *view = g_object_get_data (G_OBJECT (dialog), "bel-plan-view");

  return view != NULL && view->plan != NULL;
}

BelCareDialog *
bel_support_plan_view_new (GtkWidget  *parent,
                           BelClient  *client,
                           gint64      plan_id,
                           const char *student_name)
{
  BelCareDialog *dialog = bel_care_dialog_new (parent, _("Support Plan"), student_name, _("_Add Review"));
  View *view = g_new0 (View, 1);

  view->client = g_object_ref (client);
  view->plan_id = plan_id;
  g_object_set_data_full (G_OBJECT (dialog), "bel-plan-view", view, (GDestroyNotify) view_free);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 720);
  bel_care_dialog_set_can_save (dialog, FALSE);
  g_signal_connect (dialog, "save", G_CALLBACK (add_review), view);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_get_support_plan_async (client, plan_id, NULL, loaded_cb, g_object_ref (dialog));
  return dialog;
}
