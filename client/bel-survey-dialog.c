/* bel-survey-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-dialog.h"

#include <glib/gi18n.h>

#include "bel-advisory.h"
#include "bel-client-surveys.h"
#include "bel-date-row.h"
#include "bel-format.h"
#include "bel-student.h"
#include "bel-survey-item.h"
#include "bel-survey-target.h"
#include "bel-survey-window-dialog.h"

#define MAX_QUESTIONS 30
#define N_GRADES      (BEL_GRADE_MAX - BEL_GRADE_MIN + 1)

enum { TARGET_SCHOOL, TARGET_GRADES, TARGET_ADVISORIES };

static const char * const default_items[] = {
  N_("I feel supported by my school"),
  N_("People at my school care about me"),
  N_("When I feel like giving up, my teacher asks me to keep trying"),
  N_("My teachers make me feel like I belong"),
};
static const char * const default_keys[] = { "supported", "cared_for", "keep_trying", "belong" };

struct _BelSurveyDialog {
  AdwWindow            parent_instance;
  BelClient           *client;
  gint64               school_id;
  GCancellable        *cancellable;
  GtkEditable         *title;
  AdwPreferencesGroup *who;
  AdwComboRow         *target;
  GPtrArray           *grade_rows;     /* rows with "grade" and "check" */
  GPtrArray           *advisory_rows;  /* rows with "advisory-id" and "check" */
  gint64               grade_counts[N_GRADES];
  guint                grades_pending;
  AdwPreferencesGroup *questions;
  GPtrArray           *question_rows;  /* AdwEntryRow; the defaults carry "default-index" + 1 */
  GtkWidget           *add_question;
  GtkCheckButton      *confidential;
  GtkCheckButton      *anonymous;
  GtkSwitch           *ask_adults;
  GtkEditable         *window_name;
  GtkEditable         *opens_on;
  GtkEditable         *closes_on;
  GtkWidget           *schedule;
  GtkLabel            *error;
  gint64               survey_id;
};

G_DEFINE_FINAL_TYPE (BelSurveyDialog, bel_survey_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fail (BelSurveyDialog *self,
      const char      *message)
{
  gtk_label_set_text (self->error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
  gtk_widget_set_sensitive (self->schedule, TRUE);
}

/* ---- rows with a check box: grades and advisories ---- */

static GtkWidget *
check_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static gboolean
row_checked (GtkWidget *row)
{
  return gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
}

static void
target_changed (BelSurveyDialog *self)
{
  guint target = adw_combo_row_get_selected (self->target);

  for (guint i = 0; i < self->grade_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->grade_rows, i), target == TARGET_GRADES);
  for (guint i = 0; i < self->advisory_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->advisory_rows, i), target == TARGET_ADVISORIES);
}

static void
add_advisories (BelSurveyDialog *self,
                GPtrArray       *advisories)
{
  for (guint i = 0; advisories != NULL && i < advisories->len; i++)
    {
      BelAdvisory *advisory = g_ptr_array_index (advisories, i);
      gint64 members = bel_resource_get_int (advisory, "member-count");
      const char *advisor = bel_resource_get_string (advisory, "advisor-name");
      g_autofree char *size = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " student",
                                                         "%" G_GINT64_FORMAT " students", members), members);
      g_autofree char *subtitle = advisor ? g_strdup_printf ("%s · %s", advisor, size) : g_strdup (size);
      GtkWidget *row = check_row (bel_resource_get_string (advisory, "name"), subtitle);

      g_object_set_data (G_OBJECT (row), "advisory-id", GSIZE_TO_POINTER ((gsize) bel_resource_get_id (advisory)));
      gtk_widget_set_visible (row, FALSE);
      g_ptr_array_add (self->advisory_rows, row);
      adw_preferences_group_add (self->who, row);
    }
}

typedef struct {
  BelSurveyDialog *self;
  int              grade;
} GradeCount;

static void
add_grade_rows (BelSurveyDialog *self)
{
  for (int grade = BEL_GRADE_MIN; grade <= BEL_GRADE_MAX; grade++)
    {
      gint64 n = self->grade_counts[grade - BEL_GRADE_MIN];
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (n <= 0)
        continue;
      title = bel_format_grade (grade);
      subtitle = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " student", "%" G_GINT64_FORMAT " students", n), n);
      row = check_row (title, subtitle);
      g_object_set_data (G_OBJECT (row), "grade", GINT_TO_POINTER (grade));
      g_ptr_array_add (self->grade_rows, row);
      adw_preferences_group_add (self->who, row);
    }
  /* the advisories after the grades */
  for (guint i = 0; i < self->advisory_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->advisory_rows, i);

      g_object_ref (row);
      adw_preferences_group_remove (self->who, row);
      adw_preferences_group_add (self->who, row);
      g_object_unref (row);
    }
  target_changed (self);
}

static void
grade_counted (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GradeCount *count = user_data;
  g_autoptr(BelSurveyDialog) self = count->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) students = NULL;
  gint64 total = 0;
  int grade = count->grade;

  g_free (count);
  students = bel_client_list_students_finish (BEL_CLIENT (source), result, &total, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->grade_counts[grade - BEL_GRADE_MIN] = students != NULL ? total : 0;
  if (--self->grades_pending == 0)
    add_grade_rows (self);
}

/* How many students each grade has (one small request per possible grade). */
static void
count_grades (BelSurveyDialog *self)
{
  for (int grade = BEL_GRADE_MIN; grade <= BEL_GRADE_MAX; grade++)
    {
      GradeCount *count = g_new0 (GradeCount, 1);

      count->self = g_object_ref (self);
      count->grade = grade;
      self->grades_pending++;
      bel_client_list_students_async (self->client, self->school_id, NULL, grade, 0, NULL, 1, self->cancellable,
                                      grade_counted, count);
    }
}

/* ---- questions ---- */

static void
renumber (BelSurveyDialog *self)
{
  for (guint i = 0; i < self->question_rows->len; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Question %u"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (g_ptr_array_index (self->question_rows, i)), title);
    }
  gtk_widget_set_sensitive (self->add_question, self->question_rows->len < MAX_QUESTIONS);
}

static void
remove_question (GtkButton       *button,
                 BelSurveyDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  g_ptr_array_remove (self->question_rows, row);
  adw_preferences_group_remove (self->questions, row);
  renumber (self);
}

static GtkWidget *
question_row (BelSurveyDialog *self,
              const char      *text,
              int              default_index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this question"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this question"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_question), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "default-index", GINT_TO_POINTER (default_index + 1));
  g_ptr_array_add (self->question_rows, row);
  adw_preferences_group_add (self->questions, row);
  renumber (self);
  return row;
}

void
bel_survey_dialog_add_question (BelSurveyDialog *self,
                                const char      *text)
{
  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  if (self->question_rows->len < MAX_QUESTIONS)
    question_row (self, text, -1);
}

static void
add_question_clicked (BelSurveyDialog *self)
{
  gtk_widget_grab_focus (question_row (self, "", -1));
}

/* NULL when the four defaults are there as they were (the daemon gives them, translated). */
static GListStore *
items_of (BelSurveyDialog *self)
{
  g_autoptr(GListStore) items = g_list_store_new (BEL_TYPE_SURVEY_ITEM);
  gboolean as_default = self->question_rows->len == G_N_ELEMENTS (default_items);

  for (guint i = 0; i < self->question_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->question_rows, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      int d = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "default-index")) - 1;
      gboolean unchanged = d >= 0 && g_strcmp0 (text, _(default_items[d])) == 0;
      g_autoptr(BelSurveyItem) item = NULL;

      as_default &= unchanged && d == (int) i;
      if (*text == '\0')
        continue;
      /* the English text with its key, so the daemon adds the translations */
      item = g_object_new (BEL_TYPE_SURVEY_ITEM, "text", unchanged ? default_items[d] : text,
                           "key", unchanged ? default_keys[d] : NULL, NULL);
      g_list_store_append (items, item);
    }
  return as_default ? NULL : g_steal_pointer (&items);
}

/* ---- scheduling ---- */

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
        {
          g_autofree char *message = g_strdup_printf (_("The survey was made, but not its window: %s. Schedule a "
                                                        "window from the Surveys page."), error->message);
          g_signal_emit (self, signals[DONE], 0, self->survey_id);
          fail (self, message);
        }
      return;
    }
  g_signal_emit (self, signals[DONE], 0, self->survey_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
survey_made (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BelSurveyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurvey) survey = bel_client_survey_object_finish (BEL_CLIENT (source), result, &error);
  const char *opens = gtk_editable_get_text (self->opens_on);
  g_autoptr(BelSurveyWindow) window = NULL;

  if (survey == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error->message);
      return;
    }
  self->survey_id = bel_resource_get_id (survey);
  window = g_object_new (BEL_TYPE_SURVEY_WINDOW, "name", gtk_editable_get_text (self->window_name),
                         "opens-on", opens, "closes-on", gtk_editable_get_text (self->closes_on),
                         "status", bel_survey_window_status_for (opens), NULL);
  bel_client_create_survey_window_async (self->client, self->survey_id, window, self->cancellable, window_made,
                                         g_object_ref (self));
}

/* The targets ticked; FALSE (and a message) when a choice needs one and has none. */
static gboolean
targets_of (BelSurveyDialog *self,
            GListStore      *targets)
{
  guint target = adw_combo_row_get_selected (self->target);
  GPtrArray *rows = target == TARGET_GRADES ? self->grade_rows : self->advisory_rows;

  if (target == TARGET_SCHOOL)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(BelSurveyTarget) t = NULL;

      if (!row_checked (row))
        continue;
      if (target == TARGET_GRADES)
        t = g_object_new (BEL_TYPE_SURVEY_TARGET, "kind", "grade",
                          "value", (gint64) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "grade")), NULL);
      else
        t = g_object_new (BEL_TYPE_SURVEY_TARGET, "kind", "advisory",
                          "value", (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "advisory-id")),
                          NULL);
      g_list_store_append (targets, t);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (targets)) > 0)
    return TRUE;
  fail (self, target == TARGET_GRADES ? _("Tick the grades who answer, or choose the whole school.")
                                      : _("Tick the advisories who answer, or choose the whole school."));
  return FALSE;
}

void
bel_survey_dialog_schedule (BelSurveyDialog *self)
{
  g_autoptr(BelSurvey) survey = bel_survey_new ();
  g_autoptr(GListStore) items = NULL;
  g_autoptr(GListStore) targets = g_list_store_new (BEL_TYPE_SURVEY_TARGET);

  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_set_sensitive (self->schedule, FALSE);
  if (!targets_of (self, targets))
    return;
  items = items_of (self);
  if (items != NULL && g_list_model_get_n_items (G_LIST_MODEL (items)) == 0)
    {
      fail (self, _("Write at least one question."));
      return;
    }
  g_object_set (survey,
                "title", gtk_editable_get_text (self->title),
                "mode", gtk_check_button_get_active (self->anonymous) ? "anonymous" : "confidential",
                "ask-adults", gtk_switch_get_active (self->ask_adults),
                "targets", targets,
                "items", items,
                NULL);
  bel_client_create_survey_async (self->client, self->school_id, survey, self->cancellable, survey_made,
                                  g_object_ref (self));
}

/* ---- what a person does with the form ---- */

void
bel_survey_dialog_set_title (BelSurveyDialog *self,
                             const char      *title)
{
  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  gtk_editable_set_text (self->title, title);
}

static gboolean
tick (BelSurveyDialog *self,
      guint            target,
      GPtrArray       *rows,
      const char      *key,
      gsize            value)
{
  adw_combo_row_set_selected (self->target, target);
  for (guint i = 0; i < rows->len; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), key)) == value)
      {
        gtk_check_button_set_active (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "check"), TRUE);
        return TRUE;
      }
  return FALSE;
}

void
bel_survey_dialog_target_advisory (BelSurveyDialog *self,
                                   gint64           advisory_id)
{
  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  tick (self, TARGET_ADVISORIES, self->advisory_rows, "advisory-id", (gsize) advisory_id);
}

gboolean
bel_survey_dialog_target_grade (BelSurveyDialog *self,
                                int              grade)
{
  g_return_val_if_fail (BEL_IS_SURVEY_DIALOG (self), FALSE);
  return tick (self, TARGET_GRADES, self->grade_rows, "grade", (gsize) GPOINTER_TO_SIZE (GINT_TO_POINTER (grade)));
}

void
bel_survey_dialog_set_mode (BelSurveyDialog *self,
                            const char      *mode)
{
  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  gtk_check_button_set_active (g_strcmp0 (mode, "anonymous") == 0 ? self->anonymous : self->confidential, TRUE);
}

void
bel_survey_dialog_set_ask_adults (BelSurveyDialog *self,
                                  gboolean         ask)
{
  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  gtk_switch_set_active (self->ask_adults, ask);
}

void
bel_survey_dialog_set_window (BelSurveyDialog *self,
                              const char      *name,
                              const char      *opens_on,
                              const char      *closes_on)
{
  g_return_if_fail (BEL_IS_SURVEY_DIALOG (self));
  gtk_editable_set_text (self->window_name, name);
  gtk_editable_set_text (self->opens_on, opens_on);
  gtk_editable_set_text (self->closes_on, closes_on);
}

gboolean
bel_survey_dialog_get_ready (BelSurveyDialog *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_DIALOG (self), FALSE);
  return self->grades_pending == 0;
}

const char *
bel_survey_dialog_get_error (BelSurveyDialog *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : NULL;
}

/* ---- the form ---- */

static GtkEditable *
entry_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (group, row);
  return GTK_EDITABLE (row);
}

static GtkWidget *
choice_row (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            GtkWidget           *control,
            gboolean             prefix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (prefix)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), control);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  adw_preferences_group_add (group, row);
  return control;
}

static AdwPreferencesGroup *
who_group (BelSurveyDialog *self)
{
  const char * const targets[] = { N_("The whole school"), N_("Some grades"), N_("Some advisories"), NULL };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  for (guint i = 0; targets[i] != NULL; i++)
    gtk_string_list_append (labels, _(targets[i]));
  adw_preferences_group_set_title (group, _("Who answers"));
  adw_preferences_group_set_description (group, _("Each student answers with a one-time code printed on a slip "
                                                  "for their advisory."));
  self->target = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target), _("Students"));
  adw_combo_row_set_model (self->target, G_LIST_MODEL (labels));
  g_signal_connect_swapped (self->target, "notify::selected", G_CALLBACK (target_changed), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->target));
  return group;
}

static AdwPreferencesGroup *
questions_group (BelSurveyDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->questions = group;
  adw_preferences_group_set_title (group, _("Questions"));
  adw_preferences_group_set_description (group, _("Students answer each from “strongly disagree” to “strongly "
                                                  "agree”. Keep the four questions as they are to keep their "
                                                  "translations and compare with earlier surveys."));
  self->add_question = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (self->add_question, "flat");
  gtk_widget_set_tooltip_text (self->add_question, _("Add a question"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_question), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a question"), -1);
  g_signal_connect_swapped (self->add_question, "clicked", G_CALLBACK (add_question_clicked), self);
  adw_preferences_group_set_header_suffix (group, self->add_question);
  for (guint i = 0; i < G_N_ELEMENTS (default_items); i++)
    question_row (self, _(default_items[i]), (int) i);
  return group;
}

static AdwPreferencesGroup *
privacy_group (BelSurveyDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Privacy"));
  adw_preferences_group_set_description (group, _("Nobody can read one student’s answers, in either mode. Groups "
                                                  "too small to hide a student are never shown."));
  self->confidential = GTK_CHECK_BUTTON (choice_row (group, _("Confidential"),
      _("Answers stay linked to the student only to report by English learner status, IEP or 504 plan, gender and "
        "class, as well as grade and advisory"), gtk_check_button_new (), TRUE));
  self->anonymous = GTK_CHECK_BUTTON (choice_row (group, _("Anonymous"),
      _("Only the student’s grade and advisory are kept with the answers: results by grade and advisory only"),
      gtk_check_button_new (), TRUE));
  gtk_check_button_set_group (self->anonymous, self->confidential);
  gtk_check_button_set_active (self->confidential, TRUE);
  self->ask_adults = GTK_SWITCH (choice_row (group, _("Ask which adults they could go to"),
      _("Students pick adults from the staff list; counselors and leaders compare it with the relationship map "
        "(with names only in a confidential survey)"), gtk_switch_new (), FALSE));
  return group;
}

static AdwPreferencesGroup *
window_group (BelSurveyDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *today = bel_date_from_today (0);
  g_autofree char *closes = bel_date_from_today (11);

  adw_preferences_group_set_title (group, _("First window"));
  adw_preferences_group_set_description (group, _("When students answer. A window whose first day is today opens "
                                                  "now; a later one waits until a leader opens it. The last day is "
                                                  "printed on the code slips."));
  self->window_name = entry_row (group, _("Name"), _("This term"));
  self->opens_on = GTK_EDITABLE (bel_date_row_new (_("First day"), today));
  adw_preferences_group_add (group, GTK_WIDGET (self->opens_on));
  self->closes_on = GTK_EDITABLE (bel_date_row_new (_("Last day"), closes));
  adw_preferences_group_add (group, GTK_WIDGET (self->closes_on));
  return group;
}

static void
bel_survey_dialog_dispose (GObject *object)
{
  BelSurveyDialog *self = BEL_SURVEY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->grade_rows, g_ptr_array_unref);
  g_clear_pointer (&self->advisory_rows, g_ptr_array_unref);
  g_clear_pointer (&self->question_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (bel_survey_dialog_parent_class)->dispose (object);
}

static void
bel_survey_dialog_class_init (BelSurveyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_survey_dialog_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_survey_dialog_init (BelSurveyDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *about = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->cancellable = g_cancellable_new ();
  self->grade_rows = g_ptr_array_new ();
  self->advisory_rows = g_ptr_array_new ();
  self->question_rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("New survey"));
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  self->schedule = gtk_button_new_with_mnemonic (_("_Schedule"));
  gtk_widget_add_css_class (self->schedule, "suggested-action");
  g_signal_connect_swapped (self->schedule, "clicked", G_CALLBACK (bel_survey_dialog_schedule), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->schedule);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  self->title = entry_row (about, _("Title"), _("Belonging survey"));
  self->who = who_group (self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), about);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->who);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), questions_group (self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), privacy_group (self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), window_group (self));
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BelSurveyDialog *
bel_survey_dialog_new (GtkWindow *parent,
                       BelClient *client,
                       gint64     school_id,
                       GPtrArray *advisories)
{
  BelSurveyDialog *self = g_object_new (BEL_TYPE_SURVEY_DIALOG, "transient-for", parent, NULL);

  self->client = g_object_ref (client);
  self->school_id = school_id;
  add_advisories (self, advisories);
  count_grades (self);
  return self;
}
