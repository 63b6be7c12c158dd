/* test-ui-survey-windows.c - a survey's life in the real app against a real belongingd
 *
 * On the demo school, as a leader: make a survey for one advisory with a
 * question of one's own (New Survey dialog), see its window open and who has
 * answered "0 of N"; print the advisory's slips; a student answers in a
 * browser (the same HTTP requests) with a code and the count becomes
 * "1 of N" while the page is on screen (live events); compare the adults
 * students named with the map; close the window (confirming) and see it
 * closed.  Then schedule a new window of the demo survey, open it, and
 * change the school's smallest group.  A teacher who advises an advisory
 * sees only their own advisory's response rate and cannot move windows; a
 * teacher who advises none but teaches a class sees that class's results.
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).  With
 * BEL_UI_SHOT_DIR=DIR it also saves screenshots of the pages it passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bel-survey-dialog.h"
#include "bel-survey-window-dialog.h"
#include "bel-surveys-page.h"
#include "bel-test-survey-form.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 120
#define LEADER     "angela.whitfield"
#define ADVISOR    "chinedu.okafor"   /* advises the demo's "Advisory check-in" advisory */

static BelSurveysPage *
surveys_page (UiFixture *f)
{
  return BEL_SURVEYS_PAGE (ui_page (f, "surveys"));
}


static gboolean
settled (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page = surveys_page (f);

  return !bel_surveys_page_get_loading (page) && gtk_widget_get_mapped (GTK_WIDGET (page)) &&
         !bel_survey_rates_view_get_loading (bel_surveys_page_get_rates (page));
}

static void
open_surveys (UiFixture  *f,
              const char *username)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  ui_sign_in (f, username);
  ui_wait_until (f, ui_surveys_available, NULL, "the Surveys page to be available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-surveys", NULL));
  ui_wait_until (f, settled, NULL, "the Surveys page");
}

static void
take_screenshot (const char *name)
{
  const char *dir = g_getenv ("BEL_UI_SHOT_DIR");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  ui_spin (600);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* The one toplevel of @type (a dialog the page opened), waiting for it. */
typedef struct {
  GType      type;
  GtkWindow *found;
} Toplevel;

static gboolean
toplevel_shown (UiFixture *f, gconstpointer data)
{
  Toplevel *t = (Toplevel *) data;
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, t->type) && gtk_widget_get_visible (l->data))
      t->found = l->data;
  return t->found != NULL;
}

static gpointer
wait_for_dialog (UiFixture  *f,
                 GType       type,
                 const char *what)
{
  Toplevel t = { type, NULL };

  ui_wait_until (f, toplevel_shown, &t, what);
  return t.found;
}

static gboolean
dialog_gone (UiFixture *f, gconstpointer data)
{
  Toplevel t = { *(const GType *) data, NULL };

  return !toplevel_shown (f, &t);
}

static void
activate (UiFixture  *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (surveys_page (f)), action, NULL));
}

static gboolean
action_enabled (UiFixture  *f,
                const char *action)
{
  /* a disabled widget action does nothing and says so */
  GtkWidget *page = GTK_WIDGET (surveys_page (f));
  g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_button_new ());
  gboolean sensitive;

  gtk_widget_set_parent (probe, page);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  sensitive = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return sensitive;
}

static JsonObject *
get_object (BelClient  *http,
            JsonNode  **keep,
            const char *format,
            ...) G_GNUC_PRINTF (3, 4);

static JsonObject *
get_object (BelClient  *http,
            JsonNode  **keep,
            const char *format,
            ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  g_clear_pointer (keep, json_node_unref);
  *keep = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  return json_node_get_object (*keep);
}

/* The advisory of the demo with the most students (id), and its size. */
static gint64
biggest_advisory (BelClient *http,
                  gint64    *members)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items = json_object_get_array_member (get_object (http, &node, "/api/v1/schools/1/advisories"),
                                                   "items");
  gint64 best = 0;

  *members = 0;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);

      if (json_object_get_int_member (a, "member_count") > *members)
        {
          *members = json_object_get_int_member (a, "member_count");
          best = json_object_get_int_member (a, "id");
        }
    }
  g_assert_cmpint (best, >, 0);
  return best;
}

/* Whether a label in @widget says @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct {
  gint64 advisory_id;
  gint64 responded;
} RateIs;

static gboolean
rate_is (UiFixture *f, gconstpointer data)
{
  const RateIs *want = data;
  BelSurveyRate *rate = bel_survey_rates_view_get_rate (bel_surveys_page_get_rates (surveys_page (f)),
                                                       want->advisory_id);

  return settled (f, NULL) && rate != NULL && bel_resource_get_int (rate, "responded") == want->responded;
}

static gboolean
rates_live (UiFixture *f, gconstpointer data)
{
  return bel_survey_rates_view_get_live (bel_surveys_page_get_rates (surveys_page (f)));
}

static gboolean
status_is (UiFixture *f, gconstpointer status)
{
  return settled (f, NULL) && g_strcmp0 (bel_surveys_page_get_window_status (surveys_page (f)), status) == 0;
}

static gboolean
dialog_ready (UiFixture *f, gconstpointer dialog)
{
  return bel_survey_dialog_get_ready (BEL_SURVEY_DIALOG ((gpointer) dialog));
}

static void
slips_printed (BelSurveysPage *page,
               int             count,
               int            *out)
{
  *out = count;
}

static gboolean
printed (UiFixture *f, gconstpointer count)
{
  return *(const int *) count != 0;
}

static gboolean
map_loaded (UiFixture *f, gconstpointer data)
{
  BelSurveyAdultMapView *view = bel_surveys_page_get_adult_map (surveys_page (f));

  return !bel_survey_adult_map_view_get_loading (view) && bel_survey_adult_map_view_get_map (view) != NULL;
}

/* Makes the survey in the dialog; returns its window's id (the page shows it). */
static gint64
make_advisory_survey (UiFixture *f,
                      gint64     advisory_id)
{
  BelSurveyDialog *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *closes = g_date_time_format (later, "%Y-%m-%d");
  GType type = BEL_TYPE_SURVEY_DIALOG;

  activate (f, "surveys.new");
  dialog = wait_for_dialog (f, BEL_TYPE_SURVEY_DIALOG, "the New Survey dialog");
  ui_wait_until (f, dialog_ready, dialog, "the grades of the school");
  bel_survey_dialog_set_title (dialog, "Advisory pulse");
  /* an advisory target with nothing ticked is refused by the dialog itself */
  bel_survey_dialog_target_advisory (dialog, 0);
  bel_survey_dialog_schedule (dialog);
  g_assert_nonnull (strstr (bel_survey_dialog_get_error (dialog), "Tick the advisories"));
  bel_survey_dialog_target_advisory (dialog, advisory_id);
  bel_survey_dialog_add_question (dialog, "I have a friend at school");
  bel_survey_dialog_set_mode (dialog, "confidential");
  bel_survey_dialog_set_ask_adults (dialog, TRUE);
  bel_survey_dialog_set_window (dialog, "This week", today, closes);
  take_screenshot ("survey-dialog");
  bel_survey_dialog_schedule (dialog);
  ui_wait_until (f, dialog_gone, &type, "the dialog to close");
  ui_wait_until (f, status_is, "open", "the new window, open");
  return bel_surveys_page_get_window (surveys_page (f));
}

static void
test_advisory_survey_from_open_to_closed (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) codes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bel-slips-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slips.pdf", NULL);
  g_autofree char *path = NULL;
  JsonObject *survey, *target, *window, *map;
  AdwMessageDialog *confirm;
  gint64 advisory_id, members, window_id;
  GtkWidget *row;
  RateIs none, one, two;
  const char *code;
  int count = 0;

  open_surveys (f, LEADER);
  page = surveys_page (f);
  http = ui_http_sign_in (f, LEADER);
  advisory_id = biggest_advisory (http, &members);
  window_id = make_advisory_survey (f, advisory_id);
  g_assert_cmpint (window_id, >, 0);

  /* what the daemon stored: the advisory, the four questions and ours, the adults item, open */
  window = get_object (http, &node, "/api/v1/survey-windows/%" G_GINT64_FORMAT, window_id);
  g_assert_cmpstr (json_object_get_string_member (window, "status"), ==, "open");
  survey = get_object (http, &node, "/api/v1/surveys/%" G_GINT64_FORMAT, bel_surveys_page_get_survey (page));
  g_assert_cmpstr (json_object_get_string_member (survey, "title"), ==, "Advisory pulse");
  g_assert_true (json_object_get_boolean_member (survey, "ask_adults"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (survey, "items")), ==, 6);
  target = json_array_get_object_element (json_object_get_array_member (survey, "targets"), 0);
  g_assert_cmpstr (json_object_get_string_member (target, "kind"), ==, "advisory");
  g_assert_cmpint (json_object_get_int_member (target, "value"), ==, advisory_id);

  /* who has answered: that advisory alone, nobody yet, said in words */
  none = (RateIs) { advisory_id, 0 };
  ui_wait_until (f, rate_is, &none, "the advisory's response rate");
  g_assert_null (bel_survey_rates_view_get_rate (bel_surveys_page_get_rates (page), 0));
  row = bel_survey_rates_view_get_row (bel_surveys_page_get_rates (page), advisory_id);
  {
    g_autofree char *expected = g_strdup_printf ("0 of %" G_GINT64_FORMAT " answered", members);

    g_assert_true (has_label (row, expected));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "no codes printed yet"));
  }

  /* the advisory's slips, printed to a PDF */
  g_signal_connect (page, "slips-printed", G_CALLBACK (slips_printed), &count);
  bel_surveys_page_print_slips (page, advisory_id, pdf);
  ui_wait_until (f, printed, &count, "the slips to print");
  g_assert_cmpint (count, ==, members);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);
  g_rmdir (dir);

  /* a student answers in a browser; the page, listening, says 1 of N */
  ui_wait_until (f, rates_live, NULL, "live events");
  take_screenshot ("survey-open-window");
  path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%" G_GINT64_FORMAT "/codes",
                          window_id, advisory_id);
  codes = ui_http_request (http, "POST", path, NULL, &error);
  g_assert_no_error (error);
  code = json_object_get_string_member (json_array_get_object_element (
           json_object_get_array_member (json_node_get_object (codes), "items"), 0), "code");
  g_assert_cmpuint (bel_test_survey_answer (f->daemon->url, code, 4), ==, 200);
  one = (RateIs) { advisory_id, 1 };
  ui_wait_until (f, rate_is, &one, "1 answered, live");
  {
    g_autofree char *expected = g_strdup_printf ("1 of %" G_GINT64_FORMAT " answered", members);

    row = bel_survey_rates_view_get_row (bel_surveys_page_get_rates (page), advisory_id);
    g_assert_true (has_label (row, expected));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "codes printed for"));
  }

  /* the adults students named, next to the map: one respondent, who named nobody */
  bel_survey_adult_map_view_load (bel_surveys_page_get_adult_map (page));
  ui_wait_until (f, map_loaded, NULL, "the adult map");
  map = bel_survey_adult_map_view_get_map (bel_surveys_page_get_adult_map (page));
  g_assert_cmpint (json_object_get_int_member (map, "respondents"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (map, "named_nobody_count"), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bel_surveys_page_get_adult_map (page))));

  /* another answers while the leader is on the students page (nothing
   * listens then): back on Surveys, the page says 2 of N */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-students", NULL));
  ui_wait_until (f, ui_page_is, "main", "the students page");
  code = json_object_get_string_member (json_array_get_object_element (
           json_object_get_array_member (json_node_get_object (codes), "items"), 1), "code");
  g_assert_cmpuint (bel_test_survey_answer (f->daemon->url, code, 2), ==, 200);
  ui_spin (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-surveys", NULL));
  two = (RateIs) { advisory_id, 2 };
  ui_wait_until (f, rate_is, &two, "2 answered, after coming back");

  /* closing asks first; "Keep Open" keeps it open */
  g_assert_true (action_enabled (f, "surveys.close-window"));
  activate (f, "surveys.close-window");
  confirm = wait_for_dialog (f, ADW_TYPE_MESSAGE_DIALOG, "the confirmation");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "never reopens"));
  adw_message_dialog_response (confirm, "cancel");
  ui_spin (300);
  window = get_object (http, &node, "/api/v1/survey-windows/%" G_GINT64_FORMAT, window_id);
  g_assert_cmpstr (json_object_get_string_member (window, "status"), ==, "open");
  activate (f, "surveys.close-window");
  confirm = wait_for_dialog (f, ADW_TYPE_MESSAGE_DIALOG, "the confirmation");
  adw_message_dialog_response (confirm, "close");
  ui_wait_until (f, status_is, "closed", "the window, closed");
  window = get_object (http, &node, "/api/v1/survey-windows/%" G_GINT64_FORMAT, window_id);
  g_assert_cmpstr (json_object_get_string_member (window, "status"), ==, "closed");
  g_assert_false (action_enabled (f, "surveys.close-window"));
  g_assert_false (action_enabled (f, "surveys.open-window"));
}

static gint64
demo_survey (BelClient  *http,
             const char *title)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items = json_object_get_array_member (get_object (http, &node, "/api/v1/schools/1/surveys"), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "title"), title) == 0)
      return json_object_get_int_member (json_array_get_object_element (items, i), "id");
  g_assert_not_reached ();
}

static void
test_schedule_open_and_settings (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) node = NULL;
  BelSurveyWindowDialog *dialog;
  AdwMessageDialog *settings;
  GtkWidget *extra;
  GtkSpinButton *spin = NULL;
  gint64 survey_id;
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  JsonObject *window;
  GType type = BEL_TYPE_SURVEY_WINDOW_DIALOG;

  open_surveys (f, LEADER);
  page = surveys_page (f);
  http = ui_http_sign_in (f, LEADER);
  survey_id = demo_survey (http, "Belonging survey");
  bel_surveys_page_select (page, survey_id, 0);

  /* a window planned for later: scheduled, and "Open Now" opens it */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) a = g_date_time_add_days (now, 3);
    g_autoptr(GDateTime) b = g_date_time_add_days (now, 14);

    opens = g_date_time_format (a, "%Y-%m-%d");
    closes = g_date_time_format (b, "%Y-%m-%d");
  }
  activate (f, "surveys.schedule-window");
  dialog = wait_for_dialog (f, BEL_TYPE_SURVEY_WINDOW_DIALOG, "the Schedule dialog");
  bel_survey_window_dialog_schedule (dialog, "Quarter 3", opens, closes);
  ui_wait_until (f, dialog_gone, &type, "the dialog to close");
  ui_wait_until (f, status_is, "scheduled", "the new window, scheduled");
  g_assert_cmpint (bel_surveys_page_get_survey (page), ==, survey_id);
  g_assert_true (action_enabled (f, "surveys.open-window"));
  take_screenshot ("survey-scheduled-window");
  activate (f, "surveys.open-window");
  ui_wait_until (f, status_is, "open", "the window, open");
  window = get_object (http, &node, "/api/v1/survey-windows/%" G_GINT64_FORMAT, bel_surveys_page_get_window (page));
  g_assert_cmpstr (json_object_get_string_member (window, "name"), ==, "Quarter 3");
  g_assert_cmpstr (json_object_get_string_member (window, "status"), ==, "open");

  /* the smallest group shown is the school's to choose */
  activate (f, "surveys.settings");
  settings = wait_for_dialog (f, ADW_TYPE_MESSAGE_DIALOG, "the settings");
  extra = adw_message_dialog_get_extra_child (settings);
  for (GtkWidget *w = extra; w != NULL && spin == NULL;)
    {
      /* the first spin button of the form */
      GtkWidget *next = gtk_widget_get_first_child (w);
      if (GTK_IS_SPIN_BUTTON (w))
        spin = GTK_SPIN_BUTTON (w);
      while (next == NULL && w != extra)
        {
          next = gtk_widget_get_next_sibling (w);
          w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  gtk_spin_button_set_value (spin, 12);
  adw_message_dialog_response (settings, "save");
  ui_spin (200);
  ui_wait_until (f, settled, NULL, "the results again");
  window = get_object (http, &node, "/api/v1/schools/1/survey-settings");
  g_assert_cmpint (json_object_get_int_member (window, "min_respondents"), ==, 12);
}

static void
test_advisor_sees_own_rate_only (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *survey;
  gint64 survey_id, advisory_id, window_id;

  open_surveys (f, ADVISOR);
  page = surveys_page (f);
  http = ui_http_sign_in (f, LEADER);
  survey_id = demo_survey (http, "Advisory check-in");
  survey = get_object (http, &node, "/api/v1/surveys/%" G_GINT64_FORMAT, survey_id);
  advisory_id = json_object_get_int_member (json_array_get_object_element (
                  json_object_get_array_member (survey, "targets"), 0), "value");
  window_id = json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (
                get_object (http, &node, "/api/v1/surveys/%" G_GINT64_FORMAT "/windows", survey_id), "items"), 0),
                "id");
  bel_surveys_page_select_window (page, window_id);
  ui_wait_until (f, status_is, "open", "the open window");
  {
    RateIs none = { advisory_id, 0 };
    ui_wait_until (f, rate_is, &none, "their advisory's rate");
  }
  /* only their advisory; they may print its slips but not open, close or make surveys */
  g_assert_nonnull (bel_survey_rates_view_get_row (bel_surveys_page_get_rates (page), advisory_id));
  g_assert_null (gtk_widget_get_next_sibling (bel_survey_rates_view_get_row (bel_surveys_page_get_rates (page),
                                                                           advisory_id)));
  g_assert_false (action_enabled (f, "surveys.close-window"));
  g_assert_false (action_enabled (f, "surveys.new"));
  g_assert_false (action_enabled (f, "surveys.schedule-window"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bel_surveys_page_get_adult_map (page))));
}

/* Kwame Mensah advises nobody; a roster import gave him a class of two advisories. */
static void
add_class (TestDaemon *daemon,
           const char *teacher)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *sql[] = {
    "INSERT INTO class (school_id, sis_id, title, created_at, updated_at) "
    "VALUES (1, 'PHY-1', 'Physics', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')",
    "INSERT INTO enrollment (class_id, sis_id, account_id, role, created_at, updated_at) "
    "SELECT last_insert_rowid (), 'PHY-1-T', id, 'teacher', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z' "
    "FROM account WHERE username = ?1",
    "INSERT INTO enrollment (class_id, sis_id, student_id, role, created_at, updated_at) "
    "SELECT c.id, 'PHY-1-' || st.id, st.id, 'student', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z' "
    "FROM class c, student st WHERE c.sis_id = 'PHY-1' AND st.advisory_id IN "
    "(SELECT id FROM advisory ORDER BY id LIMIT 2)",
  };

  g_assert_cmpint (sqlite3_open (daemon->database, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL), ==, SQLITE_OK);
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_text (stmt, 1, teacher, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_changes (db), >, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

static int
table_row (GtkWidget  *grid,
           const char *label)
{
  for (int r = 1; gtk_grid_get_child_at (GTK_GRID (grid), 0, r) != NULL; r++)
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, r))), label) == 0)
      return r;
  return -1;
}

static void
test_class_teacher_sees_own_class (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  GtkWidget *grid, *cell;
  int physics;

  add_class (f->daemon, "kwame.mensah");
  open_surveys (f, "kwame.mensah");
  page = surveys_page (f);
  ui_wait_until (f, status_is, "closed", "the latest results");
  bel_surveys_page_set_breakdown (page, "class");
  ui_wait_until (f, settled, NULL, "the results by class");
  grid = bel_surveys_page_get_heat_table (page);
  physics = table_row (grid, "Physics");
  g_assert_cmpint (physics, >, 1);
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 2, physics);
  g_assert_true (gtk_widget_has_css_class (cell, "survey-heat"));
  /* only his class: nobody else's, no subgroups */
  g_assert_cmpint (table_row (grid, "Physics") + 1, ==, table_row (grid, "Gap, highest to lowest"));
  bel_surveys_page_set_breakdown (page, "attr:gender");
  ui_wait_until (f, settled, NULL, "the results again");
  g_assert_cmpint (table_row (bel_surveys_page_get_heat_table (page), "Nonbinary"), ==, -1);
  g_assert_false (action_enabled (f, "surveys.new"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, GUINT_TO_POINTER (N_STUDENTS), ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/ui/surveys/advisory-survey-from-open-to-closed", test_advisory_survey_from_open_to_closed);
  ADD ("/ui/surveys/schedule-open-and-settings", test_schedule_open_and_settings);
  ADD ("/ui/surveys/advisor-sees-own-rate-only", test_advisor_sees_own_rate_only);
  ADD ("/ui/surveys/class-teacher-sees-own-class", test_class_teacher_sees_own_class);
#undef ADD

  return g_test_run ();
}
