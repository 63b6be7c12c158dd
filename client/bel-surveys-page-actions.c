/* bel-surveys-page-actions.c - the Surveys page's code slips, CSV export, new survey and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bel-advisory.h"
#include "bel-client-surveys.h"
#include "bel-survey-dialog.h"
#include "bel-survey-export.h"
#include "bel-survey-slips.h"
#include "bel-surveys-page-private.h"

/* ---- code slips ---- */

typedef struct {
  BelSurveysPage *self;
  char           *export_path;
  char           *title;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->self);
  g_free (job->export_path);
  g_free (job->title);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static void
codes_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PrintJob) job = user_data;
  BelSurveysPage *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slips = bel_client_surveys_list_finish (BEL_CLIENT (source), result, &error);
  g_autofree char *url = NULL;
  GtkRoot *root;
  guint count;

  bel_surveys_page_busy (self, -1);
  if (slips == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bel_surveys_page_toast (self, error->message);
      g_signal_emit (self, bel_surveys_page_signals[SLIPS_PRINTED], 0, -1);
      return;
    }
  count = bel_survey_slips_count (slips);
  url = g_strdup_printf ("%s/survey", bel_client_get_base_url (self->client));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!bel_survey_slips_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, slips, job->title, url,
                               job->export_path, &error))
    {
      bel_surveys_page_toast (self, error->message);
      g_signal_emit (self, bel_surveys_page_signals[SLIPS_PRINTED], 0, -1);
      return;
    }
  if (job->export_path == NULL)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u new code issued; earlier unused codes no longer work",
                                                            "%u new codes issued; earlier unused codes no longer work",
                                                            count), count);
      bel_surveys_page_toast (self, message);
    }
  g_signal_emit (self, bel_surveys_page_signals[SLIPS_PRINTED], 0, (int) count);
  bel_surveys_page_reload (self);
}

void
bel_surveys_page_print_slips (BelSurveysPage *self,
                              gint64          advisory_id,
                              const char     *export_path)
{
  PrintJob *job;
  JsonObject *results;

  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  g_return_if_fail (self->results != NULL);
  results = json_node_get_object (self->results);
  job = g_new0 (PrintJob, 1);
  job->self = g_object_ref (self);
  job->export_path = g_strdup (export_path);
  job->title = g_strdup_printf ("%s — %s", json_object_get_string_member_with_default (results, "survey_title", ""),
                                json_object_get_string_member_with_default (results, "window_name", ""));
  bel_surveys_page_busy (self, +1);
  bel_client_issue_survey_codes_async (self->client, self->window_id, advisory_id, self->cancellable, codes_cb, job);
}

static void
confirm_response (AdwMessageDialog *dialog,
                  const char       *response,
                  BelSurveysPage   *self)
{
  gint64 advisory_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "advisory-id");

  if (g_strcmp0 (response, "issue") == 0)
    bel_surveys_page_print_slips (self, advisory_id, NULL);
}

void
bel_surveys_page_confirm_slips (BelSurveysPage *self,
                                gint64          advisory_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (advisory_id == 0 || self->results == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Issue new codes and print?"),
      _("Every student of the advisory who has not answered gets a new code. Codes are shown only this once: "
        "print the slips now. Codes printed earlier and not yet used stop working."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "issue", _("_Issue and Print"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "advisory-id", g_memdup2 (&advisory_id, sizeof advisory_id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- CSV ---- */

char *
bel_surveys_page_get_csv (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  if (self->results == NULL)
    return NULL;
  return bel_survey_results_csv (json_node_get_object (self->results), self->breakdown);
}

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               BelSurveysPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      csv = bel_surveys_page_get_csv (self);
      if (csv != NULL && !g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                   NULL, &error))
        bel_surveys_page_toast (self, error->message);
      else
        bel_surveys_page_toast (self, _("Table saved"));
    }
  g_object_unref (chooser);
}

static void
export_csv (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->results == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the table"), GTK_WINDOW (root), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("survey-%s.csv", self->breakdown && *self->breakdown ? self->breakdown : "everyone");
  g_strdelimit (name, ":", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
survey_made (BelSurveysPage *self,
             gint64          survey_id)
{
  self->survey_id = survey_id;
  self->window_id = 0;
  bel_surveys_page_reload (self);
}

static void
new_survey (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (widget);
  BelSurveyDialog *dialog;

  if (self->school == NULL || self->client == NULL)
    return;
  dialog = bel_survey_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                  bel_resource_get_id (self->school), self->advisories);
  g_signal_connect_object (dialog, "done", G_CALLBACK (survey_made), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the school's settings ---- */

static void
settings_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveySettings) settings = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);

  bel_surveys_page_busy (self, -1);
  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bel_surveys_page_toast (self, error->message);
      return;
    }
  bel_surveys_page_toast (self, _("Survey settings saved"));
  if (self->window_id != 0)
    bel_surveys_page_select (self, self->survey_id, self->window_id);
}

static void
settings_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BelSurveysPage   *self)
{
  BelSurveySettings *settings = g_object_get_data (G_OBJECT (dialog), "settings");
  GtkSpinButton *min = g_object_get_data (G_OBJECT (dialog), "min");
  GtkSwitch *leaders = g_object_get_data (G_OBJECT (dialog), "leaders");

  if (g_strcmp0 (response, "save") != 0 || self->school == NULL)
    return;
  g_object_set (settings, "min-respondents", (gint64) gtk_spin_button_get_value_as_int (min),
                "leaders-see-teacher-results", gtk_switch_get_active (leaders), NULL);
  bel_surveys_page_busy (self, +1);
  bel_client_update_survey_settings_async (self->client, bel_resource_get_id (self->school), settings,
                                           self->cancellable, settings_saved, g_object_ref (self));
}

static GtkWidget *
settings_row (const char *title,
              const char *subtitle,
              GtkWidget  *control)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  return row;
}

static void
settings_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BelSurveySettings *settings = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);
  GtkWidget *dialog, *group, *min, *leaders;

  bel_surveys_page_busy (self, -1);
  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bel_surveys_page_toast (self, error->message);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Survey Settings"),
                                   _("For every survey of the school."));
  g_object_set_data_full (G_OBJECT (dialog), "settings", settings, g_object_unref);
  min = gtk_spin_button_new_with_range (3, 100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (min), (double) bel_resource_get_int (settings, "min-respondents"));
  leaders = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (leaders), bel_resource_get_bool (settings, "leaders-see-teacher-results"));
  group = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (group),
                       settings_row (_("Smallest group shown"),
                                     _("Groups with fewer students who answered are hidden and pooled, and so are "
                                       "groups that would give them away"), min));
  gtk_list_box_append (GTK_LIST_BOX (group),
                       settings_row (_("Leaders see teachers’ own results"),
                                     _("Results by advisory and class are feedback about each teacher: off, only "
                                       "the teacher sees their own"), leaders));
  g_object_set_data (G_OBJECT (dialog), "min", min);
  g_object_set_data (G_OBJECT (dialog), "leaders", leaders);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (settings_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_settings (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (widget);

  if (self->school == NULL || self->client == NULL)
    return;
  bel_surveys_page_busy (self, +1);
  bel_client_get_survey_settings_async (self->client, bel_resource_get_id (self->school), self->cancellable,
                                        settings_loaded, g_object_ref (self));
}

void
bel_surveys_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "surveys.new", NULL, new_survey);
  gtk_widget_class_install_action (widget_class, "surveys.export-csv", NULL, export_csv);
  gtk_widget_class_install_action (widget_class, "surveys.settings", NULL, open_settings);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "surveys.new", NULL);
}
