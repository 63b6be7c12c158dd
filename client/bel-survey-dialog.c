/* bel-survey-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-dialog.h"

#include <glib/gi18n.h>

#include "bel-client-surveys.h"
#include "bel-survey-item.h"
#include "bel-survey-target.h"

static const char * const default_items[] = {
  N_("I feel supported by my school"),
  N_("People at my school care about me"),
  N_("When I feel like giving up, my teacher asks me to keep trying"),
  N_("My teachers make me feel like I belong"),
};
static const char * const default_keys[] = { "supported", "cared_for", "keep_trying", "belong" };

struct _BelSurveyDialog {
  AdwWindow       parent_instance;
  BelClient      *client;
  gint64          school_id;
  GCancellable   *cancellable;
  AdwEntryRow    *title;
  AdwEntryRow    *items[4];
  AdwComboRow    *target;
  AdwComboRow    *mode;
  AdwEntryRow    *window_name;
  AdwEntryRow    *opens_on;
  AdwEntryRow    *closes_on;
  GtkButton      *schedule;
  GtkLabel       *error;
  gint64          survey_id;
};

G_DEFINE_FINAL_TYPE (BelSurveyDialog, bel_survey_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fail (BelSurveyDialog *self,
      GError          *error)
{
  gtk_label_set_text (self->error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule), TRUE);
}

static void
window_made (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BelSurveyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) window = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);

  if (window == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error);
      return;
    }
  g_signal_emit (self, signals[DONE], 0, self->survey_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
make_window (BelSurveyDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *opens = gtk_editable_get_text (GTK_EDITABLE (self->opens_on));
  g_autoptr(BelSurveyWindow) window = g_object_new (BEL_TYPE_SURVEY_WINDOW,
                                            "name", gtk_editable_get_text (GTK_EDITABLE (self->window_name)),
                                            "opens-on", opens,
                                            "closes-on", gtk_editable_get_text (GTK_EDITABLE (self->closes_on)),
                                            "status", g_strcmp0 (opens, today) <= 0 ? "open" : "scheduled",
                                            NULL);

  bel_client_create_survey_window_async (self->client, self->survey_id, window,
                                         self->cancellable, window_made, g_object_ref (self));
}

static void
survey_made (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BelSurveyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurvey) survey = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);

  if (survey == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error);
      return;
    }
  self->survey_id = bel_resource_get_id (survey);
  make_window (self);
}

static void
schedule_clicked (BelSurveyDialog *self)
{
  g_autoptr(BelSurvey) survey = bel_survey_new ();
  g_autoptr(GListStore) items = g_list_store_new (BEL_TYPE_SURVEY_ITEM);
  g_autoptr(GListStore) targets = g_list_store_new (BEL_TYPE_SURVEY_TARGET);
  guint target = adw_combo_row_get_selected (self->target);
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->items); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->items[i]));
      g_autoptr(BelSurveyItem) item = NULL;

      changed |= g_strcmp0 (text, _(default_items[i])) != 0;
      if (*text == '\0')
        continue;
      item = g_object_new (BEL_TYPE_SURVEY_ITEM, "text", text,
                           "key", g_strcmp0 (text, _(default_items[i])) == 0 ? default_keys[i] : NULL, NULL);
      g_list_store_append (items, item);
    }
  if (target > 0) /* 1 .. 4: grades 9 .. 12 */
    {
      g_autoptr(BelSurveyTarget) t = g_object_new (BEL_TYPE_SURVEY_TARGET, "kind", "grade",
                                                   "value", (gint64) (8 + target), NULL);
      g_list_store_append (targets, t);
    }
  g_object_set (survey,
                "title", gtk_editable_get_text (GTK_EDITABLE (self->title)),
                "mode", adw_combo_row_get_selected (self->mode) == 0 ? "confidential" : "anonymous",
                "targets", targets,
                "items", changed ? G_LIST_MODEL (items) : NULL, /* unchanged: the defaults, translated */
                NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule), FALSE);
  bel_client_create_survey_async (self->client, self->school_id, survey, self->cancellable, survey_made,
                                  g_object_ref (self));
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
bel_survey_dialog_dispose (GObject *object)
{
  BelSurveyDialog *self = BEL_SURVEY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_survey_dialog_parent_class)->dispose (object);
}

static void
bel_survey_dialog_class_init (BelSurveyDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_survey_dialog_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
bel_survey_dialog_init (BelSurveyDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *about = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *questions = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *when = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char * const targets[] = { N_("The whole school"), N_("Grade 9"), N_("Grade 10"), N_("Grade 11"),
                                   N_("Grade 12"), NULL };
  const char * const modes[] = { N_("Confidential: results by subgroup, nobody sees one student's answers"),
                                 N_("Anonymous: only grade and advisory are kept"), NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 11);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *closes = g_date_time_format (later, "%Y-%m-%d");

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("New survey"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  self->schedule = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Schedule")));
  gtk_widget_add_css_class (GTK_WIDGET (self->schedule), "suggested-action");
  g_signal_connect_swapped (self->schedule, "clicked", G_CALLBACK (schedule_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->schedule));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (about, _("Survey"));
  self->title = entry_row (about, _("Title"), _("Belonging survey"));
  self->target = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target), _("For"));
  adw_combo_row_set_model (self->target, G_LIST_MODEL (gtk_string_list_new (targets)));
  adw_preferences_group_add (about, GTK_WIDGET (self->target));
  self->mode = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mode), _("Mode"));
  adw_combo_row_set_model (self->mode, G_LIST_MODEL (gtk_string_list_new (modes)));
  adw_preferences_group_add (about, GTK_WIDGET (self->mode));

  adw_preferences_group_set_title (questions, _("Questions"));
  adw_preferences_group_set_description (questions, _("Strongly disagree … strongly agree. Leave the four "
                                                      "default questions as they are to keep their translations "
                                                      "and compare with earlier surveys."));
  for (guint i = 0; i < G_N_ELEMENTS (self->items); i++)
    {
      g_autofree char *label = g_strdup_printf (_("Question %u"), i + 1);
      self->items[i] = entry_row (questions, label, _(default_items[i]));
    }

  adw_preferences_group_set_title (when, _("First window"));
  adw_preferences_group_set_description (when, _("Dates are YYYY-MM-DD; the closing day is printed on the "
                                                 "code slips. A window opens now when its first day is today."));
  self->window_name = entry_row (when, _("Name"), _("This term"));
  self->opens_on = entry_row (when, _("Opens on"), today);
  self->closes_on = entry_row (when, _("Closes on"), closes);
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), about);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), questions);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), when);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BelSurveyDialog *
bel_survey_dialog_new (GtkWindow *parent,
                       BelClient *client,
                       gint64     school_id)
{
  BelSurveyDialog *self = g_object_new (BEL_TYPE_SURVEY_DIALOG, "transient-for", parent, NULL);

  self->client = g_object_ref (client);
  self->school_id = school_id;
  return self;
}
