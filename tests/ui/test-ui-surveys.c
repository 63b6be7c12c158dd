/* test-ui-surveys.c - the Surveys page in the real app against a real belongingd
 *
 * On the demo school: a leader opens the Surveys page, which shows the
 * newest closed window with answers; the heat table's "Everyone" cell of
 * the first question is the daemon's share agreeing; broken down by gender,
 * the demo's few nonbinary students are a suppressed cell "fewer than 10"
 * with a tooltip, and the CSV says the same without numbers; the trend over
 * both quarters by gender hides them in each quarter, and by English learner
 * status gives the daemon's own shares for the question chosen; printing the
 * open window's slips for its advisory writes a PDF whose text (pdftotext)
 * has every student still to answer by name, the page's address and one
 * code per slip that the daemon takes.  BEL_UI_SLIPS=FILE.pdf keeps a copy.
 * With a breakdown and with an open window, the page fits 1024 pixels.
 * A teacher who advises no advisory has no Surveys button.
 * Through a proxy that holds "who am I" back, the list still fills.
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).  With
 * BEL_UI_SHOT=FILE.png it also saves a screenshot of the results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bel-survey-export.h"
#include "bel-surveys-page.h"
#include "bel-test-survey-form.h"
#include "bel-ui-test-util.h"
#include "test-proxy.h"
#include "../bel-test-slowdown.h"

#define N_STUDENTS 120
#define LEADER     "angela.whitfield"

/* The page the window built when Surveys was first shown. */
static BelSurveysPage *
surveys_page (UiFixture *f)
{
  return BEL_SURVEYS_PAGE (ui_page (f, "surveys"));
}


static gboolean
results_shown (UiFixture *f, gconstpointer window_id)
{
  BelSurveysPage *page = surveys_page (f);

  return !bel_surveys_page_get_loading (page) && bel_surveys_page_get_window (page) != 0 &&
         (window_id == NULL || bel_surveys_page_get_window (page) == *(const gint64 *) window_id) &&
         bel_surveys_page_get_heat_table (page) != NULL && gtk_widget_get_mapped (GTK_WIDGET (page));
}

static void
open_surveys (UiFixture *f)
{
  ui_sign_in (f, LEADER);
  ui_wait_until (f, ui_surveys_available, NULL, "the Surveys page to be available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-surveys", NULL));
  ui_wait_until (f, results_shown, NULL, "survey results");
  g_assert_cmpstr (bel_window_get_page_name (f->window), ==, "surveys");
}

static const char *
cell_text (GtkWidget *grid,
           int        column,
           int        row)
{
  GtkWidget *child = gtk_grid_get_child_at (GTK_GRID (grid), column, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

/* The row of the table whose first column says @label, or -1. */
static int
row_of (GtkWidget  *grid,
        const char *label)
{
  for (int r = 1; gtk_grid_get_child_at (GTK_GRID (grid), 0, r) != NULL; r++)
    if (g_strcmp0 (cell_text (grid, 0, r), label) == 0)
      return r;
  return -1;
}

static void
take_screenshot (void)
{
  const char *shot = g_getenv ("BEL_UI_SHOT");
  g_autofree char *command = NULL;

  if (shot == NULL)
    return;
  ui_spin (600);
  command = g_strdup_printf ("import -window root %s", shot);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* The button under @widget that activates @action, or NULL. */
static GtkWidget *
button_of (GtkWidget  *widget,
           const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_of (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}


/* Nothing of the page is cut off in a window @width pixels wide: the page
 * asks for no more (a wider page is clipped by the window). */
static void
assert_page_fits (BelSurveysPage *page,
                  int             width)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
}

static void
test_results_show_suppressed_cells (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *csv = NULL;
  JsonObject *overall, *first;
  GtkWidget *grid, *nonbinary_cell;
  int everyone, nonbinary;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  open_surveys (f);
  page = surveys_page (f);
  /* the results as first shown can be exported */
  g_assert_true (gtk_widget_is_sensitive (button_of (GTK_WIDGET (page), "surveys.export-csv")));

  /* the daemon's own figure for everyone, first question */
  http = ui_http_sign_in (f, LEADER);
  path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/results", bel_surveys_page_get_window (page));
  results = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (results), "window_name"), ==, "Quarter 2");
  overall = json_object_get_object_member (json_node_get_object (results), "overall");
  first = json_array_get_object_element (json_object_get_array_member (overall, "items"), 0);
  expected = g_strdup_printf ("%.0f%%", json_object_get_double_member (first, "agree_share") * 100);

  bel_surveys_page_set_breakdown (page, "attr:gender");
  assert_page_fits (page, 1024);
  grid = bel_surveys_page_get_heat_table (page);
  everyone = row_of (grid, "Everyone");
  g_assert_cmpint (everyone, ==, 1);
  g_assert_cmpstr (cell_text (grid, 2, everyone), ==, expected);
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (GTK_GRID (grid), 2, everyone), "survey-heat"));

  /* a handful of nonbinary students: suppressed, said so, explained */
  nonbinary = row_of (grid, "Nonbinary");
  g_assert_cmpint (nonbinary, >, 1);
  g_assert_cmpstr (cell_text (grid, 1, nonbinary), ==, "—");
  nonbinary_cell = gtk_grid_get_child_at (GTK_GRID (grid), 2, nonbinary);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (nonbinary_cell)), ==, "fewer than 10");
  g_assert_true (gtk_widget_has_css_class (nonbinary_cell, "survey-suppressed"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (nonbinary_cell), "Small groups"));
  g_assert_cmpint (row_of (grid, "Small groups (pooled)"), >, nonbinary);

  /* the CSV is the table as shown: no numbers for the suppressed group */
  csv = bel_surveys_page_get_csv (page);
  g_assert_nonnull (strstr (csv, "\r\nNonbinary,fewer than 10,,,,,,,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nEveryone,"));
  take_screenshot ();

  /* English learners: a real difference, shown as a gap */
  bel_surveys_page_set_breakdown (page, "el_status");
  g_assert_cmpint (row_of (bel_surveys_page_get_heat_table (page), "English learners"), >, 1);
}

/* The heat table's label with @css_class, or NULL. */
static GtkWidget *
label_with_class (GtkWidget  *grid,
                  const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return child;
  return NULL;
}

static gboolean
all_hidden_shown (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page = surveys_page (f);

  return results_shown (f, NULL) && label_with_class (bel_surveys_page_get_heat_table (page), "survey-all-hidden");
}

static void
test_every_group_hidden_says_so (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(JsonNode) settings = NULL;
  g_autoptr(JsonNode) patch = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *grid, *message;
  JsonObject *overall;
  JsonArray *items;
  gint64 answered, min;

  open_surveys (f);
  page = surveys_page (f);
  http = ui_http_sign_in (f, LEADER);
  path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/results", bel_surveys_page_get_window (page));
  results = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  overall = json_object_get_object_member (json_node_get_object (results), "overall");
  /* students may skip a question: the fewest who answered one */
  answered = json_object_get_int_member (overall, "respondents");
  items = json_object_get_array_member (overall, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    answered = MIN (answered, json_object_get_int_member (json_array_get_object_element (items, i), "respondents"));
  g_assert_cmpint (answered, >=, 3);
  min = MIN (answered, 100);

  /* the smallest group shown is (nearly) everyone who answered: every grade is smaller */
  settings = ui_http_request (http, "GET", "/api/v1/schools/1/survey-settings", NULL, &error);
  g_assert_no_error (error);
  body = g_strdup_printf ("{\"min_respondents\": %" G_GINT64_FORMAT "}", min);
  patch = json_from_string (body, &error);
  g_assert_no_error (error);
  changed = ui_http_request_if_match (http, "PATCH", "/api/v1/schools/1/survey-settings", patch,
                                      json_object_get_int_member (json_node_get_object (settings), "version"), &error);
  g_assert_no_error (error);
  bel_surveys_page_set_breakdown (page, "grade");
  bel_surveys_page_reload (page);
  ui_wait_until (f, all_hidden_shown, NULL, "the message that every group is hidden");

  /* everyone, then one message: no row of "fewer than N" per grade */
  grid = bel_surveys_page_get_heat_table (page);
  g_assert_cmpint (row_of (grid, "Everyone"), ==, 1);
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (GTK_GRID (grid), 2, 1), "survey-heat"));
  g_assert_null (label_with_class (grid, "survey-suppressed"));
  g_assert_cmpint (row_of (grid, "Small groups (pooled)"), ==, -1);
  message = label_with_class (grid, "survey-all-hidden");
  expected = g_strdup_printf ("Every group here has fewer than %" G_GINT64_FORMAT " answers", min);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)), expected));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "privacy"));
  take_screenshot ();

  /* everyone only: the table, no message */
  bel_surveys_page_set_breakdown (page, "");
  g_assert_null (label_with_class (bel_surveys_page_get_heat_table (page), "survey-all-hidden"));
}

static gboolean
trend_by (UiFixture *f, gconstpointer key)
{
  BelSurveysPage *page = surveys_page (f);
  BelSurveyTrend *trend = bel_surveys_page_get_trend (page);

  return !bel_surveys_page_get_loading (page) && bel_survey_trend_get_n_series (trend) > 0 &&
         g_strcmp0 (bel_survey_trend_get_series (trend, 0), "Everyone") == 0 &&
         strstr (bel_survey_trend_get_summary (trend), key) != NULL;
}

static int
series_of (BelSurveyTrend *trend,
           const char     *label)
{
  for (guint s = 0; s < bel_survey_trend_get_n_series (trend); s++)
    if (g_strcmp0 (bel_survey_trend_get_series (trend, s), label) == 0)
      return (int) s;
  return -1;
}

static void
test_trend_by_subgroup_hides_small_groups (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  BelSurveyTrend *trend;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonArray *windows;
  gint64 item_id;
  int nonbinary, el;

  open_surveys (f);
  page = surveys_page (f);
  trend = bel_surveys_page_get_trend (page);
  /* everyone: one line per question, over both quarters */
  bel_surveys_page_set_breakdown (page, "");
  ui_wait_until (f, results_shown, NULL, "the results for everyone");
  g_assert_cmpuint (bel_survey_trend_get_n_series (trend), ==, 4);
  g_assert_nonnull (strstr (bel_survey_trend_get_summary (trend), "Quarter 1"));

  /* by gender: everyone first, and the few nonbinary students hidden in each quarter, never drawn */
  bel_surveys_page_set_breakdown (page, "attr:gender");
  ui_wait_until (f, trend_by, "Gender: share agreeing with “", "the trend by gender");
  nonbinary = series_of (trend, "Nonbinary");
  g_assert_cmpint (nonbinary, >, 0);
  g_assert_cmpfloat (bel_survey_trend_get_value (trend, nonbinary, 0), ==, BEL_SURVEY_TREND_HIDDEN);
  g_assert_cmpfloat (bel_survey_trend_get_value (trend, nonbinary, 1), ==, BEL_SURVEY_TREND_HIDDEN);
  g_assert_nonnull (strstr (bel_survey_trend_get_summary (trend), "Nonbinary: Quarter 1 hidden (too few answered), "
                                                                  "Quarter 2 hidden"));
  take_screenshot ();

  /* English learners: the daemon's own shares, quarter by quarter, for the question chosen */
  bel_surveys_page_set_breakdown (page, "el_status");
  ui_wait_until (f, trend_by, "English learner status: share agreeing", "the trend by English learner status");
  http = ui_http_sign_in (f, LEADER);
  path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/trend?breakdown=el_status",
                          bel_surveys_page_get_survey (page));
  node = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  windows = json_object_get_array_member (json_node_get_object (node), "windows");
  item_id = json_object_get_int_member (json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (node), "items"), 1), "id");
  bel_surveys_page_set_trend_item (page, item_id);
  ui_wait_until (f, trend_by, "with “People care”", "the second question");
  el = series_of (trend, "English learners");
  g_assert_cmpint (el, >, 0);
  for (guint w = 0; w < json_array_get_length (windows); w++)
    {
      JsonObject *b = json_object_get_object_member (json_array_get_object_element (windows, w), "breakdown");
      JsonArray *cells = json_object_get_array_member (b, "cells");

      for (guint c = 0; c < json_array_get_length (cells); c++)
        {
          JsonObject *cell = json_array_get_object_element (cells, c);

          if (g_strcmp0 (json_object_get_string_member (cell, "key"), "current") != 0)
            continue;
          g_assert_false (json_object_get_boolean_member (cell, "suppressed"));
          g_assert_cmpfloat_with_epsilon (bel_survey_trend_get_value (trend, el, w),
                                          bel_survey_cell_share (cell, item_id), 1e-9);
        }
    }
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

/* The text of @pdf (pdftotext): a slip per student of the advisory, with
 * the student's name and a code the daemon takes, and the page's address. */
static void
check_slips_text (UiFixture  *f,
                  BelClient  *http,
                  const char *pdf,
                  gint64      advisory_id,
                  int         count)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = g_strdup_printf ("%s/survey", f->daemon->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) code_re = g_regex_new ("[34679ACDEFGHJKMNPQRTUVWXY]{5}-[34679ACDEFGHJKMNPQRTUVWXY]{5}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(JsonNode) students = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  JsonArray *list;
  int named = 0;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, url));

  /* every student of the advisory who has not answered yet, by the name they go by */
  path = g_strdup_printf ("/api/v1/schools/1/students?advisory=%" G_GINT64_FORMAT "&limit=200", advisory_id);
  students = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (students), "items");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *student = json_array_get_object_element (list, i);
      const char *preferred = json_object_get_string_member_with_default (student, "preferred_name", NULL);
      g_autofree char *name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred
                                                         : json_object_get_string_member (student, "given_name"),
                                               json_object_get_string_member (student, "family_name"));

      named += strstr (text, name) != NULL;
    }
  g_assert_cmpint (named, ==, count);

  /* one code per slip, each different, and the daemon takes them */
  g_regex_match (code_re, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *code = g_match_info_fetch (match, 0);

      g_assert_false (g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL));
      g_ptr_array_add (codes, g_steal_pointer (&code));
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (codes->len, ==, (guint) count);
  g_assert_cmpuint (bel_test_survey_answer (f->daemon->url, g_ptr_array_index (codes, 0), 4), ==, 200);
  g_assert_cmpuint (bel_test_survey_answer (f->daemon->url, g_ptr_array_index (codes, codes->len - 1), 2), ==, 200);
}

static void
test_slips_print_to_pdf (UiFixture *f, gconstpointer data)
{
  BelSurveysPage *page;
  g_autoptr(BelClient) http = NULL;
  g_autoptr(JsonNode) surveys = NULL;
  g_autoptr(JsonNode) windows = NULL;
  g_autoptr(JsonNode) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bel-slips-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slips.pdf", NULL);
  g_autofree char *contents = NULL;
  JsonArray *list;
  JsonObject *open_survey = NULL;
  gint64 window_id, advisory_id;
  gsize length = 0;
  int count = 0;

  open_surveys (f);
  page = surveys_page (f);
  http = ui_http_sign_in (f, LEADER);
  surveys = ui_http_request (http, "GET", "/api/v1/schools/1/surveys", NULL, &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (surveys), "items");
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (list, i), "title"),
                   "Advisory check-in") == 0)
      open_survey = json_array_get_object_element (list, i);
  g_assert_nonnull (open_survey);
  advisory_id = json_object_get_int_member (json_array_get_object_element (
                  json_object_get_array_member (open_survey, "targets"), 0), "value");
  path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/windows", json_object_get_int_member (open_survey, "id"));
  windows = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  window_id = json_object_get_int_member (json_array_get_object_element (
                json_object_get_array_member (json_node_get_object (windows), "items"), 0), "id");

  bel_surveys_page_select_window (page, window_id);
  ui_wait_until (f, results_shown, &window_id, "the open window's results");
  g_assert_cmpstr (bel_surveys_page_get_window_status (page), ==, "open");
  assert_page_fits (page, 1024);
  g_signal_connect (page, "slips-printed", G_CALLBACK (slips_printed), &count);
  bel_surveys_page_print_slips (page, advisory_id, pdf);
  ui_wait_until (f, printed, &count, "the slips to print");
  g_assert_cmpint (count, >, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  if (g_getenv ("BEL_UI_SLIPS") != NULL) /* to look at */
    g_assert_true (g_file_set_contents (g_getenv ("BEL_UI_SLIPS"), contents, length, NULL));
  check_slips_text (f, http, pdf, advisory_id, count);

  /* two answered: the results are there, still too few to show, and the page fits */
  bel_surveys_page_reload (page);
  ui_wait_until (f, all_hidden_shown, NULL, "too few answered to show");
  assert_page_fits (page, 1024);

  /* the daemon knows the new codes: issued for every student of the advisory */
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT, window_id);
  target = ui_http_request (http, "GET", path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (target), "codes_issued"), ==, count);
  g_unlink (pdf);
  g_rmdir (dir);
}

static gboolean
students_shown (UiFixture *f, gconstpointer data)
{
  return g_strcmp0 (bel_window_get_page_name (f->window), "main") == 0;
}

static void
test_teacher_without_advisory_has_no_button (UiFixture *f, gconstpointer data)
{
  /* kwame.mensah advises no advisory in a demo of 120 students */
  ui_sign_in (f, "kwame.mensah");
  ui_spin (1500);
  g_assert_false (ui_surveys_available (f, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-surveys", NULL));
  ui_spin (200);
  ui_wait_until (f, students_shown, NULL, "still the students page");
}

/* Where @key was last in the proxy's log, or -1. */
static int
last_answered (TestProxy  *proxy,
               const char *prefix,
               const char *suffix)
{
  GPtrArray *log = test_proxy_get_log (proxy);

  for (guint i = log->len; i > 0; i--)
    if (g_str_has_prefix (g_ptr_array_index (log, i - 1), prefix) &&
        g_str_has_suffix (g_ptr_array_index (log, i - 1), suffix))
      return (int) i - 1;
  return -1;
}

/* On a busy network who I am can come back after the surveys and their
 * windows: the list fills all the same and the latest results show. */
static void
test_list_fills_whatever_comes_last (UiFixture *f, gconstpointer data)
{
  g_autoptr(TestProxy) proxy = test_proxy_new (f->daemon->url);

  ui_sign_in_at (f, test_proxy_get_url (proxy), LEADER);
  ui_wait_until (f, ui_surveys_available, NULL, "the Surveys page to be available");
  /* a second, or as many as the slowdown under the sanitizers: under ASan at
   * a load of 9 the surveys and their windows took longer than one */
  test_proxy_hold_back (proxy, "GET", "/api/v1/me", 1000 * bel_test_slowdown ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-surveys", NULL));
  ui_wait_until (f, results_shown, NULL, "survey results");
  g_assert_cmpint (last_answered (proxy, "GET /api/v1/surveys/", "/windows"), >=, 0);
  g_assert_cmpint (last_answered (proxy, "GET /api/v1/me", ""), >,
                   last_answered (proxy, "GET /api/v1/surveys/", "/windows"));
  g_assert_cmpuint (bel_surveys_page_get_window (surveys_page (f)), !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, GUINT_TO_POINTER (N_STUDENTS), ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/ui/surveys/results-show-suppressed-cells", test_results_show_suppressed_cells);
  ADD ("/ui/surveys/every-group-hidden-says-so", test_every_group_hidden_says_so);
  ADD ("/ui/surveys/trend-by-subgroup-hides-small-groups", test_trend_by_subgroup_hides_small_groups);
  ADD ("/ui/surveys/slips-print-to-pdf", test_slips_print_to_pdf);
  ADD ("/ui/surveys/teacher-without-advisory-has-no-button", test_teacher_without_advisory_has_no_button);
  ADD ("/ui/surveys/list-fills-whatever-comes-last", test_list_fills_whatever_comes_last);
#undef ADD

  return g_test_run ();
}
