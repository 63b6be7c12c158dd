/* bel-surveys-page-actions.c - the Surveys page's code slips, CSV export and new survey
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

static gint64
chosen_advisory (BelSurveysPage *self)
{
  guint i = gtk_drop_down_get_selected (self->advisory_choice);

  if (self->advisories == NULL || i >= self->advisories->len)
    return 0;
  return bel_resource_get_id (g_ptr_array_index (self->advisories, i));
}

static void
confirm_response (AdwMessageDialog *dialog,
                  const char       *response,
                  BelSurveysPage   *self)
{
  if (g_strcmp0 (response, "issue") == 0)
    bel_surveys_page_print_slips (self, chosen_advisory (self), NULL);
}

void
bel_surveys_page_print_clicked (BelSurveysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  gint64 advisory = chosen_advisory (self);

  if (advisory == 0 || self->results == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Issue new codes and print?"),
      _("Every student of the advisory who has not answered gets a new code. Codes are shown only this once: "
        "print the slips now. Codes printed earlier and not yet used stop working.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "issue", _("_Issue and Print"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
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

void
bel_surveys_page_export_clicked (BelSurveysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
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

void
bel_surveys_page_new_clicked (BelSurveysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BelSurveyDialog *dialog;

  if (self->school == NULL)
    return;
  dialog = bel_survey_dialog_new (GTK_WINDOW (root), self->client, bel_resource_get_id (self->school));
  g_signal_connect_swapped (dialog, "done", G_CALLBACK (bel_surveys_page_reload), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
