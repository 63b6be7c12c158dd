/* bel-surveys-page-windows.c - leaders open, close and schedule survey windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-client-surveys.h"
#include "bel-survey-window-dialog.h"
#include "bel-surveys-page-private.h"

static gboolean
has_status (BelSurveysPage *self,
            const char     *status)
{
  BelSurveyWindow *window = bel_surveys_page_find_window (self, self->window_id);

  return window != NULL && g_strcmp0 (bel_resource_get_string (window, "status"), status) == 0;
}

void
bel_surveys_page_update_actions (BelSurveysPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->content), "results") == 0;
  gboolean can_open = self->leader && has_status (self, "scheduled");
  gboolean can_close = self->leader && (has_status (self, "open") || has_status (self, "scheduled"));

  gtk_widget_action_set_enabled (widget, "surveys.new", self->leader);
  gtk_widget_action_set_enabled (widget, "surveys.settings", self->leader);
  gtk_widget_action_set_enabled (widget, "surveys.schedule-window", self->leader && self->survey_id != 0);
  gtk_widget_action_set_enabled (widget, "surveys.open-window", can_open);
  gtk_widget_action_set_enabled (widget, "surveys.close-window", can_close);
  gtk_widget_action_set_enabled (widget, "surveys.export-csv", shown && self->results != NULL);
  gtk_widget_set_visible (self->open_button, can_open);
  gtk_widget_set_visible (self->close_button, can_close);
  gtk_button_set_label (GTK_BUTTON (self->close_button),
                        has_status (self, "scheduled") ? _("_Cancel Window…") : _("_Close Window…"));
}

typedef struct {
  BelSurveysPage *self;
  char           *status;
  char           *name;
} Move;

static void
move_free (Move *move)
{
  g_object_unref (move->self);
  g_free (move->status);
  g_free (move->name);
  g_free (move);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Move, move_free)

static void
moved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(Move) move = user_data;
  BelSurveysPage *self = move->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveyWindow) window = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);
  g_autofree char *message = NULL;

  bel_surveys_page_busy (self, -1);
  if (window == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          bel_surveys_page_toast (self, error->message);
          bel_surveys_page_reload (self); /* someone else may have moved it: show how it is */
        }
      return;
    }
  if (g_strcmp0 (move->status, "open") == 0)
    message = g_strdup_printf (_("“%s” is open: students can answer with their codes"), move->name);
  else
    message = g_strdup_printf (_("“%s” is closed"), move->name);
  bel_surveys_page_toast (self, message);
  g_signal_emit (self, bel_surveys_page_signals[WINDOW_CHANGED], 0, bel_resource_get_id (window));
  bel_surveys_page_reload (self);
}

static void
move_window (BelSurveysPage *self,
             const char     *status)
{
  BelSurveyWindow *window = bel_surveys_page_find_window (self, self->window_id);
  g_autoptr(BelSurveyWindow) changes = g_object_new (BEL_TYPE_SURVEY_WINDOW, "status", status, NULL);
  Move *move;

  if (window == NULL || self->client == NULL)
    return;
  move = g_new0 (Move, 1);
  move->self = g_object_ref (self);
  move->status = g_strdup (status);
  move->name = g_strdup (bel_resource_get_string (window, "name"));
  bel_surveys_page_busy (self, +1);
  bel_client_update_survey_window_async (self->client, self->window_id, bel_resource_get_version (window), changes,
                                         self->cancellable, moved, move);
}

static void
open_window (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  move_window (BEL_SURVEYS_PAGE (widget), "open");
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                BelSurveysPage   *self)
{
  if (g_strcmp0 (response, "close") == 0)
    move_window (self, "closed");
}

static void
close_window (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (widget);
  BelSurveyWindow *window = bel_surveys_page_find_window (self, self->window_id);
  gboolean scheduled = has_status (self, "scheduled");
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (window == NULL)
    return;
  heading = g_strdup_printf (scheduled ? _("Cancel “%s”?") : _("Close “%s”?"),
                             bel_resource_get_string (window, "name"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   scheduled
                                   ? _("It will never open: codes printed for it will not work. To ask students "
                                       "later, schedule a new window.")
                                   : _("Students can no longer answer, and codes not used yet stop working. A closed "
                                       "window never reopens: to ask again, schedule a new window."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Open"),
                                    "close", scheduled ? _("_Cancel Window") : _("_Close Window"), NULL);
  if (scheduled)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep It"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
scheduled_cb (BelSurveysPage *self,
              gint64          window_id)
{
  self->window_id = window_id;
  bel_surveys_page_toast (self, _("Window scheduled"));
  g_signal_emit (self, bel_surveys_page_signals[WINDOW_CHANGED], 0, window_id);
  bel_surveys_page_reload (self);
}

static void
schedule_window (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (widget);
  BelSurvey *survey = bel_surveys_page_find_survey (self, self->survey_id);
  BelSurveyWindowDialog *dialog;

  if (survey == NULL || self->client == NULL)
    return;
  dialog = bel_survey_window_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                         self->survey_id, bel_resource_get_string (survey, "title"));
  g_signal_connect_object (dialog, "done", G_CALLBACK (scheduled_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bel_surveys_page_install_window_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "surveys.open-window", NULL, open_window);
  gtk_widget_class_install_action (widget_class, "surveys.close-window", NULL, close_window);
  gtk_widget_class_install_action (widget_class, "surveys.schedule-window", NULL, schedule_window);
}
