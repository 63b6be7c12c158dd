/* bel-survey-window-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-window-dialog.h"

#include <glib/gi18n.h>

#include "bel-client-surveys.h"
#include "bel-date-row.h"

struct _BelSurveyWindowDialog {
  AdwWindow     parent_instance;
  BelClient    *client;
  gint64        survey_id;
  GCancellable *cancellable;
  AdwPreferencesGroup *group;
  GtkEditable  *name;
  GtkEditable  *opens_on;
  GtkEditable  *closes_on;
  GtkWidget    *schedule;
  GtkLabel     *error;
};

G_DEFINE_FINAL_TYPE (BelSurveyWindowDialog, bel_survey_window_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

const char *
bel_survey_window_status_for (const char *opens_on)
{
  g_autofree char *today = bel_date_from_today (0);

  return g_strcmp0 (opens_on, today) <= 0 ? "open" : "scheduled";
}

static void
made (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  g_autoptr(BelSurveyWindowDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveyWindow) window = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);

  if (window == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      gtk_widget_set_sensitive (self->schedule, TRUE);
      return;
    }
  g_signal_emit (self, signals[DONE], 0, bel_resource_get_id (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
schedule_clicked (BelSurveyWindowDialog *self)
{
  const char *opens = gtk_editable_get_text (self->opens_on);
  g_autoptr(BelSurveyWindow) window = g_object_new (BEL_TYPE_SURVEY_WINDOW,
                                                    "name", gtk_editable_get_text (self->name),
                                                    "opens-on", opens,
                                                    "closes-on", gtk_editable_get_text (self->closes_on),
                                                    "status", bel_survey_window_status_for (opens), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_set_sensitive (self->schedule, FALSE);
  bel_client_create_survey_window_async (self->client, self->survey_id, window, self->cancellable, made,
                                         g_object_ref (self));
}

void
bel_survey_window_dialog_schedule (BelSurveyWindowDialog *self,
                                   const char            *name,
                                   const char            *opens_on,
                                   const char            *closes_on)
{
  g_return_if_fail (BEL_IS_SURVEY_WINDOW_DIALOG (self));
  gtk_editable_set_text (self->name, name);
  gtk_editable_set_text (self->opens_on, opens_on);
  gtk_editable_set_text (self->closes_on, closes_on);
  schedule_clicked (self);
}

static void
bel_survey_window_dialog_dispose (GObject *object)
{
  BelSurveyWindowDialog *self = BEL_SURVEY_WINDOW_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_survey_window_dialog_parent_class)->dispose (object);
}

static void
bel_survey_window_dialog_class_init (BelSurveyWindowDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_survey_window_dialog_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_survey_window_dialog_init (BelSurveyWindowDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%B %Y");
  g_autofree char *today = bel_date_from_today (0);
  g_autofree char *closes = bel_date_from_today (11);
  GtkWidget *name = adw_entry_row_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Schedule a window"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 420);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  self->schedule = gtk_button_new_with_mnemonic (_("_Schedule"));
  gtk_widget_add_css_class (self->schedule, "suggested-action");
  g_signal_connect_swapped (self->schedule, "clicked", G_CALLBACK (schedule_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->schedule);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group,
                                         _("The same questions, asked again: results compare this window with the "
                                           "earlier ones. A window whose first day is today opens now; a later one "
                                           "waits until you open it. Students answer until the last day."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name), month);
  adw_preferences_group_add (self->group, name);
  self->name = GTK_EDITABLE (name);
  self->opens_on = GTK_EDITABLE (bel_date_row_new (_("First day"), today));
  adw_preferences_group_add (self->group, GTK_WIDGET (self->opens_on));
  self->closes_on = GTK_EDITABLE (bel_date_row_new (_("Last day"), closes));
  adw_preferences_group_add (self->group, GTK_WIDGET (self->closes_on));
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BelSurveyWindowDialog *
bel_survey_window_dialog_new (GtkWindow  *parent,
                              BelClient  *client,
                              gint64      survey_id,
                              const char *survey_title)
{
  BelSurveyWindowDialog *self = g_object_new (BEL_TYPE_SURVEY_WINDOW_DIALOG, "transient-for", parent, NULL);

  self->client = g_object_ref (client);
  self->survey_id = survey_id;
  adw_preferences_group_set_title (self->group, survey_title);
  return self;
}
