/* test-ui-goals.c - growth goals in the real app against a real belongingd
 *
 * Signs in as the demo's celebration advisor, opens the demo's celebration
 * student, and records scores through the goal card's dialog: the chart and
 * status follow, the daemon has the score, and meeting the next benchmark
 * brings the celebration (live event) and a row in "Wins this week".  The
 * Goals page sorts and filters off-track goals.
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bel-application.h"
#include "bel-benchmark.h"
#include "bel-celebration.h"
#include "bel-client-goals.h"
#include "bel-goal-card.h"
#include "bel-goal-wizard.h"
#include "bel-goals-page.h"
#include "bel-measurement-dialog.h"
#include "bel-sign-in-page.h"
#include "bel-student-goals.h"
#include "bel-student-page.h"
#include "bel-students-page.h"
#include "bel-window.h"
#include "bel-wins-view.h"
#include "test-daemon.h"
#include "../bel-test-slowdown.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 40
#define READING    "Reading readiness, scaled score"

typedef struct {
  TestDaemon      *daemon;
  BelApplication  *app;
  BelWindow       *window;
  BelSignInPage   *sign_in;
  BelStudentsPage *students;
  char            *advisor;    /* from the demo's output */
  char            *student;
  double           value;      /* meets the student's next reading benchmark */
  BelStudentGoals *goals;
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

static void
wait_until (Fixture *f, Condition condition, gconstpointer data, const char *what)
{
  gint64 deadline = bel_test_deadline (20);

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for: %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
page_is (Fixture *f, gconstpointer name)
{
  return g_strcmp0 (bel_window_get_page_name (f->window), name) == 0;
}

static gboolean
students_loaded (Fixture *f, gconstpointer data)
{
  return g_list_model_get_n_items (bel_students_page_get_students (f->students)) == N_STUDENTS;
}

static void
parse_demo (Fixture *f)
{
  g_autoptr(GRegex) re = g_regex_new ("sign in as (\\S+), open (.+) and record a reading score of ([0-9.]+) or more",
                                      0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *value = NULL;

  g_assert_true (g_regex_match (re, f->daemon->demo_output, 0, &match));
  f->advisor = g_match_info_fetch (match, 1);
  f->student = g_match_info_fetch (match, 2);
  value = g_match_info_fetch (match, 3);
  f->value = g_ascii_strtod (value, NULL);
  g_assert_cmpfloat (f->value, >, 0);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GList *windows;
  static guint n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.GoalsTest%u", BEL_APP_ID, ++n_apps);

  f->daemon = test_daemon_new (N_STUDENTS);
  parse_demo (f);
  f->app = bel_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  g_application_activate (G_APPLICATION (f->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);
  f->window = BEL_WINDOW (windows->data);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 780);
  f->sign_in = child (f->window, BEL_TYPE_WINDOW, "sign_in_page");
  f->students = child (f->window, BEL_TYPE_WINDOW, "students_page");
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  const char *shot = g_getenv ("GOALS_TEST_HOLD");

  /* GOALS_TEST_HOLD=SECONDS keeps the window up for a screenshot. */
  if (shot != NULL)
    {
      gint64 until = g_get_monotonic_time () + (gint64) (g_ascii_strtod (shot, NULL) * G_USEC_PER_SEC);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  test_daemon_free (f->daemon);
  g_free (f->advisor);
  g_free (f->student);
}

static void
set_text (gpointer widget, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
sign_in_and_open_student (Fixture *f)
{
  GListModel *model;
  GtkSelectionModel *selection;
  BelStudentPage *detail;
  gboolean found = FALSE;

  set_text (child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "address_row"), f->daemon->url);
  set_text (child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "username_row"), f->advisor);
  set_text (child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "password_row"), TEST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sign_in), "sign-in.submit", NULL));
  wait_until (f, page_is, "main", "the students page");
  wait_until (f, students_loaded, NULL, "all students listed");

  model = bel_students_page_get_students (f->students);
  selection = gtk_list_view_get_model (child (f->students, BEL_TYPE_STUDENTS_PAGE, "list_view"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BelStudent) item = g_list_model_get_item (model, i);
      g_autofree char *full = bel_student_dup_full_name (item);
      g_autofree char *display = bel_student_dup_display_name (item);

      if (g_strcmp0 (full, f->student) == 0 || g_strcmp0 (display, f->student) == 0)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          found = TRUE;
          break;
        }
    }
  g_assert_true (found);
  detail = child (f->students, BEL_TYPE_STUDENTS_PAGE, "detail");
  f->goals = child (detail, BEL_TYPE_STUDENT_PAGE, "goals");
}

static gboolean
has_cards (Fixture *f, gconstpointer data)
{
  return !bel_student_goals_get_loading (f->goals) && bel_student_goals_get_n_cards (f->goals) > 0;
}

static BelGoalCard *
reading_card (Fixture *f)
{
  wait_until (f, has_cards, NULL, "the student's goal cards");
  for (guint i = 0; i < bel_student_goals_get_n_cards (f->goals); i++)
    {
      BelGoalCard *card = bel_student_goals_get_card (f->goals, i);
      if (g_strcmp0 (bel_resource_get_string (bel_goal_card_get_goal (card), "metric-name"), READING) == 0)
        return card;
    }
  g_assert_not_reached ();
}

static gboolean
points_are (Fixture *f, gconstpointer n)
{
  BelGoalCard *card;

  if (bel_student_goals_get_loading (f->goals) || bel_student_goals_get_n_cards (f->goals) == 0)
    return FALSE;
  card = reading_card (f);
  return bel_goal_chart_get_n_points (bel_goal_card_get_chart (card)) == GPOINTER_TO_UINT (n);
}

/* The dialog closed, or it shows why it could not save. */
static gboolean
dialog_done (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog = bel_student_goals_get_dialog (f->goals);

  return dialog == NULL || ui_shown_error (dialog) != NULL;
}

static gboolean
on_screen (Fixture *f, gconstpointer widget)
{
  return ui_on_screen (NULL, widget);
}

static void
wait_for_dialog_to_close (Fixture *f, const char *what)
{
  GtkWindow *dialog;

  wait_until (f, dialog_done, NULL, what);
  dialog = bel_student_goals_get_dialog (f->goals);
  if (dialog != NULL)
    g_error ("The dialog stayed open after saving: %s", ui_shown_error (dialog));
}

/* Records @value through the card's dialog, as a user would. */
static void
record_score (Fixture *f, double value, const char *source)
{
  BelGoalCard *card = reading_card (f);
  guint before = bel_goal_chart_get_n_points (bel_goal_card_get_chart (card));
  BelMeasurementDialog *dialog;
  g_autofree char *text = g_strdup_printf ("%g", value);

  g_signal_emit_by_name (card, "record");
  dialog = BEL_MEASUREMENT_DIALOG (bel_student_goals_get_dialog (f->goals));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_until (f, on_screen, dialog, "the measurement dialog on screen");
  bel_measurement_dialog_fill (dialog, NULL, text, source);
  bel_measurement_dialog_save (dialog);
  wait_for_dialog_to_close (f, "the dialog to close after saving");
  wait_until (f, points_are, GUINT_TO_POINTER (before + 1), "the new point on the chart");
}

typedef struct {
  BelGoal *goal;
  gboolean done;
} Fetch;

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;

  fetch->goal = bel_client_goal_finish (BEL_CLIENT (source), result, &error);
  g_assert_no_error (error);
  fetch->done = TRUE;
}

static BelGoal *
fetch_goal (Fixture *f, gint64 goal_id)
{
  BelApplication *app = f->app;
  Fetch fetch = { 0 };

  bel_client_get_goal_async (bel_application_get_client (app), goal_id, NULL, fetched_cb, &fetch);
  while (!fetch.done)
    g_main_context_iteration (NULL, TRUE);
  return fetch.goal;
}

/* GOALS_TEST_SHOTS=DIR: screenshots of the screen at the interesting moments. */
static void
snap (const char *name, double settle)
{
  const char *dir = g_getenv ("GOALS_TEST_SHOTS");
  gint64 until = g_get_monotonic_time () + (gint64) (settle * G_USEC_PER_SEC);
  g_autofree char *path = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
        gtk_widget_queue_draw (w);
        break;
      }
  }
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  path = g_build_filename (dir, name, NULL);
  quoted = g_shell_quote (path);
  command = g_strdup_printf ("import -window root %s", quoted);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static BelGoal *
goal_of (Fixture *f)
{
  return bel_goal_card_get_goal (reading_card (f));
}

static gboolean
wizard_ready (Fixture *f, gconstpointer wizard)
{
  return bel_goal_wizard_get_ready ((BelGoalWizard *) wizard);
}

static gboolean
revised_from (Fixture *f, gconstpointer old_id)
{
  if (bel_student_goals_get_loading (f->goals) || bel_student_goals_get_n_cards (f->goals) == 0)
    return FALSE;
  return bel_resource_get_int (goal_of (f), "revised-from") == (gint64) GPOINTER_TO_SIZE (old_id);
}

/* ---- tests ---- */

static void
test_record_updates_chart (Fixture *f, gconstpointer data)
{
  BelGoalCard *card;
  BelGoal *goal;
  g_autoptr(BelGoal) stored = NULL;
  GListModel *measurements;
  guint n_before;
  gint64 goal_id;
  double low, suggestion;
  BelGoalWizard *wizard;
  const char *summary;
  g_autofree char *latest = NULL;

  sign_in_and_open_student (f);
  card = reading_card (f);
  goal = bel_goal_card_get_goal (card);
  goal_id = bel_resource_get_id (goal);
  n_before = bel_goal_chart_get_n_points (bel_goal_card_get_chart (card));
  g_assert_cmpuint (n_before, >=, 3);
  g_assert_cmpuint (n_before, ==, g_list_model_get_n_items (bel_resource_get_object (goal, "measurements")));
  /* The demo puts this student on the line: on track, and the chart says so in words. */
  g_assert_cmpstr (bel_goal_card_get_status (card), ==, "On track");
  summary = bel_goal_chart_get_summary (bel_goal_card_get_chart (card));
  g_assert_true (g_str_has_prefix (summary, "On track: latest "));
  g_assert_nonnull (strstr (summary, "expected today"));

  /* Three low scores in a row: behind the aim line, so off track. */
  low = bel_resource_get_double (goal, "baseline-value");
  for (guint i = 0; i < 3; i++)
    record_score (f, low, "Winter screener");
  card = reading_card (f);
  g_assert_cmpuint (bel_goal_chart_get_n_points (bel_goal_card_get_chart (card)), ==, n_before + 3);
  g_assert_cmpstr (bel_goal_card_get_status (card), ==, "Off track");
  snap ("goals-off-track.png", 1.0);
  latest = g_strdup_printf ("Off track: latest %g", low);
  g_assert_true (g_str_has_prefix (bel_goal_chart_get_summary (bel_goal_card_get_chart (card)), latest));

  /* The daemon has them. */
  stored = fetch_goal (f, goal_id);
  measurements = bel_resource_get_object (stored, "measurements");
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, n_before + 3);
  g_assert_cmpstr (bel_resource_get_string (stored, "track"), ==, "off_track");
  g_assert_cmpfloat (bel_resource_get_double (stored, "latest-value"), ==, low);
  /* No benchmark met, no celebration. */
  g_assert_cmpuint (bel_celebration_get_n_shown (bel_celebration_get (GTK_WIDGET (f->window))), ==, 0);

  /* Revise it to the suggested, ambitious but attainable target: a new goal, the old one kept. */
  g_signal_emit_by_name (reading_card (f), "revise");
  wizard = BEL_GOAL_WIZARD (bel_student_goals_get_dialog (f->goals));
  g_assert_nonnull (wizard);
  wait_until (f, wizard_ready, wizard, "the wizard's suggestion");
  suggestion = bel_goal_wizard_get_suggestion (wizard);
  g_assert_cmpfloat (suggestion, >, bel_resource_get_double (goal_of (f), "baseline-value"));
  bel_goal_wizard_use_suggestion (wizard);
  bel_goal_wizard_save (wizard);
  wait_for_dialog_to_close (f, "the wizard to close after saving");
  wait_until (f, revised_from, GSIZE_TO_POINTER (goal_id), "the revised goal's card");
  g_assert_cmpfloat (bel_resource_get_double (goal_of (f), "target-value"), ==, suggestion);
  /* the measurements stay with the student: the new goal's chart shows them all */
  g_assert_cmpuint (bel_goal_chart_get_n_points (bel_goal_card_get_chart (reading_card (f))), ==, n_before + 3);
  g_clear_object (&stored);
  stored = fetch_goal (f, goal_id);
  g_assert_cmpstr (bel_resource_get_string (stored, "status"), ==, "revised");
}

static gboolean
celebrated (Fixture *f, gconstpointer data)
{
  return bel_celebration_get_n_shown (bel_celebration_get (GTK_WIDGET (f->window))) > 0;
}

static gboolean
goals_loaded (Fixture *f, gconstpointer data)
{
  BelGoalsPage *page = BEL_GOALS_PAGE (bel_window_get_page (f->window, "goals"));
  return !bel_goals_page_get_loading (page) && g_list_model_get_n_items (bel_goals_page_get_model (page)) > 0;
}

static void
test_benchmark_met_celebrates (Fixture *f, gconstpointer data)
{
  BelCelebration *celebration;
  BelGoalsPage *page;
  g_autoptr(BelGoal) stored = NULL;
  GListModel *benchmarks;
  BelWinsView *wins;
  guint n_met = 0, n_all, n_off;

  sign_in_and_open_student (f);
  celebration = bel_celebration_get (GTK_WIDGET (f->window));
  g_assert_nonnull (celebration);
  {
    gint64 deadline = bel_test_deadline (10);
    while (!bel_celebration_get_live (celebration) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (bel_celebration_get_live (celebration));
  }
  record_score (f, f->value, "Winter screener");
  snap ("goals-recorded.png", 0.0);

  /* The live event reaches the advisor: a toast naming the student, and the confetti. */
  wait_until (f, celebrated, NULL, "the celebration");
  g_assert_cmpuint (bel_celebration_get_n_shown (celebration), ==, 1);
  snap ("goals-celebration.png", 0.5);
  if (g_getenv ("GOALS_TEST_SHOTS") != NULL)
    {
      GtkWidget *w;
      /* the reading chart in view: its buttons take the focus, the page scrolls to them */
      for (w = GTK_WIDGET (reading_card (f)); w != NULL && !GTK_IS_BUTTON (w);)
        w = gtk_widget_get_last_child (w) ? gtk_widget_get_last_child (w) : NULL;
      if (w != NULL)
        gtk_widget_grab_focus (w);
      snap ("goals-student.png", 2.5);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      snap ("goals-student-dark.png", 1.0);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }
  g_assert_nonnull (strstr (bel_celebration_get_last_text (celebration), READING));
  g_assert_true (g_str_has_prefix (bel_celebration_get_last_text (celebration), f->student));

  /* The daemon met the benchmark with this score. */
  stored = fetch_goal (f, bel_resource_get_id (bel_goal_card_get_goal (reading_card (f))));
  benchmarks = bel_resource_get_object (stored, "benchmarks");
  for (guint i = 0; i < g_list_model_get_n_items (benchmarks); i++)
    {
      g_autoptr(BelBenchmark) bm = g_list_model_get_item (benchmarks, i);
      if (bel_resource_get_double (bm, "met-value") == f->value)
        n_met++;
    }
  g_assert_cmpuint (n_met, ==, 1);

  /* The Goals page: sorted by student, "Off track only" keeps only those; the win is listed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-goals", NULL));
  wait_until (f, page_is, "goals", "the goals page");
  page = BEL_GOALS_PAGE (bel_window_get_page (f->window, "goals"));
  g_assert_nonnull (page);
  wait_until (f, goals_loaded, NULL, "the school's goals");
  n_all = bel_goals_page_get_n_shown (page);
  snap ("goals-page.png", 1.0);
  bel_goals_page_set_off_track_only (page, TRUE);
  n_off = bel_goals_page_get_n_shown (page);
  g_assert_cmpuint (n_off, >, 0);
  g_assert_cmpuint (n_off, <, n_all);
  snap ("goals-page-off-track.png", 0.5);
  bel_goals_page_set_off_track_only (page, FALSE);
  g_assert_cmpuint (bel_goals_page_get_n_shown (page), ==, n_all);
  wins = BEL_WINS_VIEW (bel_goals_page_get_wins (page));
  g_assert_nonnull (wins);
  g_assert_cmpuint (bel_wins_view_get_n_wins (wins), >=, 1);
  if (g_getenv ("GOALS_TEST_SHOTS") != NULL)
    {
      AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (wins), ADW_TYPE_VIEW_STACK));
      adw_view_stack_set_visible_child (stack, GTK_WIDGET (wins));
      snap ("goals-wins.png", 1.0);
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-students", NULL);
      g_signal_emit_by_name (reading_card (f), "revise");
      snap ("goals-wizard.png", 1.5);
    }
}

int
main (int argc, char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add ("/ui/goals/record-updates-chart", Fixture, NULL,
              fixture_set_up, test_record_updates_chart, fixture_tear_down);
  g_test_add ("/ui/goals/benchmark-met-celebrates", Fixture, NULL,
              fixture_set_up, test_benchmark_met_celebrates, fixture_tear_down);
  return g_test_run ();
}
