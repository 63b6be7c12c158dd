/* test-demo-surveys.c - belongingctl demo's belonging surveys: two closed
 * quarters with small groups suppressed and real group differences, and an
 * open window that takes a code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-error.h"
#include "bel-store-private.h"
#include "bel-survey-results.h"
#include "bel-survey-taking.h"
#include "bel-surveys.h"
#include "bel-test-ctl.h"
#include "bel-test-daemon.h"

static void
run_demo (BelTestDaemon *d,
          const char    *students,
          const char    *seed)
{
  const char *args[] = { "--database", d->db_path, "demo", "--students", students, "--seed", seed, NULL };
  g_autoptr(BelTestCtl) r = bel_test_ctl_runv (NULL, args);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Surveys: “Belonging survey”"));
  g_assert_nonnull (strstr (r->out, "“Advisory check-in” is open"));
}

static gint64
query_int (BelEngine  *engine,
           const char *sql,
           const char *text)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  if (text != NULL)
    bel_bind_text (stmt, 1, text);
  g_assert_true (bel_store_step_row (store, stmt, &error));
  g_assert_no_error (error);
  value = bel_column_int64 (stmt, 0);
  return value;
}

static BelSurveyBreakdown *
breakdown (BelSurveyResults *results,
           const char       *key)
{
  for (guint i = 0; i < results->breakdowns->len; i++)
    {
      BelSurveyBreakdown *b = g_ptr_array_index (results->breakdowns, i);

      if (g_strcmp0 (b->key, key) == 0)
        return b;
    }
  g_assert_not_reached ();
}

static BelSurveyCell *
cell (BelSurveyBreakdown *b,
      const char         *label)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      BelSurveyCell *c = g_ptr_array_index (b->cells, i);

      if (g_strcmp0 (c->label, label) == 0)
        return c;
    }
  return NULL;
}

/* Share agreeing over all items of a cell. */
static double
agree_share (BelSurveyCell *c,
             guint          n_items)
{
  gint64 agree = 0, all = 0;

  for (guint i = 0; i < n_items; i++)
    for (guint v = 0; v < 5; v++)
      {
        all += c->dist[i * 5 + v];
        if (v >= 3)
          agree += c->dist[i * 5 + v];
      }
  g_assert_cmpint (all, >, 0);
  return (double) agree / all;
}

static void
test_results_suppressed (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelSurveyResults) q1 = NULL;
  g_autoptr(BelSurveyResults) q2 = NULL;
  g_autoptr(GError) error = NULL;
  BelSurveyBreakdown *gender, *el, *ethnicity;
  BelSurveyCell *current, *none, *nonbinary;
  gint64 students, q1_id, q2_id;
  guint suppressed = 0;

  run_demo (d, "400", "1");
  engine = bel_test_daemon_open_engine (d);
  students = query_int (engine, "SELECT count(*) FROM student WHERE advisory_id IS NOT NULL", NULL);
  q1_id = query_int (engine, "SELECT id FROM survey_window WHERE name = ?", "Quarter 1");
  q2_id = query_int (engine, "SELECT id FROM survey_window WHERE name = ?", "Quarter 2");
  g_assert_cmpint (query_int (engine, "SELECT count(*) FROM survey_window WHERE status = ?", "closed"), ==, 2);

  q1 = bel_survey_results_compute (engine, q1_id, &error);
  g_assert_no_error (error);
  q2 = bel_survey_results_compute (engine, q2_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (q1->survey, "mode"), ==, "confidential");
  g_assert_cmpuint (q1->items->len, ==, 4);

  /* about 85% answered */
  g_assert_false (q1->overall->suppressed);
  g_assert_cmpint (q1->overall->respondents, >=, students * 78 / 100);
  g_assert_cmpint (q1->overall->respondents, <=, students * 92 / 100);
  g_assert_cmpint (q2->overall->respondents, >=, students * 78 / 100);

  /* the few nonbinary students and small ethnic groups are suppressed and pooled */
  gender = breakdown (q1, "attr:gender");
  nonbinary = cell (gender, "Nonbinary");
  g_assert_true (nonbinary != NULL && nonbinary->suppressed);
  g_assert_nonnull (gender->small_groups);
  g_assert_cmpint (gender->small_groups->respondents, >=, q1->min_respondents);
  ethnicity = breakdown (q1, "attr:ethnicity");
  for (guint i = 0; i < ethnicity->cells->len; i++)
    suppressed += ((BelSurveyCell *) g_ptr_array_index (ethnicity->cells, i))->suppressed;
  g_assert_cmpuint (suppressed, >=, 2);

  /* current English learners report lower belonging than students who never were */
  el = breakdown (q2, "el_status");
  current = NULL;
  none = NULL;
  for (guint i = 0; i < el->cells->len; i++)
    {
      BelSurveyCell *c = g_ptr_array_index (el->cells, i);

      if (g_strcmp0 (c->key, "current") == 0)
        current = c;
      else if (g_strcmp0 (c->key, "none") == 0)
        none = c;
    }
  g_assert_nonnull (current);
  g_assert_nonnull (none);
  g_assert_false (current->suppressed);
  g_assert_cmpfloat (agree_share (current, 4) + 0.08, <, agree_share (none, 4));
  /* and everyone a little higher in quarter 2 */
  g_assert_cmpfloat (agree_share (q1->overall, 4), <, agree_share (q2->overall, 4));
}

static void
test_open_window_takes_a_code (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slips = NULL;
  g_autoptr(BelSurveyTicket) ticket = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) adults = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(BelSurveyWindow) after = NULL;
  gint64 window_id, advisory_id, item_id;
  const char *code = NULL;

  run_demo (d, "60", "2");
  engine = bel_test_daemon_open_engine (d);
  window_id = query_int (engine, "SELECT id FROM survey_window WHERE status = ?", "open");
  g_assert_cmpint (query_int (engine, "SELECT count(*) FROM survey_code WHERE used = 0 AND window_id = "
                              "(SELECT id FROM survey_window WHERE status = ?)", "open"), >, 0);
  g_assert_cmpint (query_int (engine, "SELECT count(*) FROM survey_response r JOIN survey_window w "
                              "ON w.id = r.window_id WHERE w.status = ?", "open"), ==, 0);
  advisory_id = query_int (engine, "SELECT json_extract (targets, '$[0].value') FROM survey WHERE title = ?",
                           "Advisory check-in");

  /* printing the slips issues new codes: the plain ones are only in this answer */
  slips = bel_survey_codes_issue (engine, bel_engine_system_actor (engine), window_id, advisory_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slips->len, >, 0);
  for (guint i = 0; i < slips->len && code == NULL; i++)
    code = bel_resource_get_string (g_ptr_array_index (slips, i), "code");
  g_assert_nonnull (code);

  ticket = bel_survey_ticket_find (engine, code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ticket->window_id, ==, window_id);
  item_id = query_int (engine, "SELECT i.id FROM survey_item i JOIN survey s ON s.id = i.survey_id "
                       "WHERE s.title = ? ORDER BY i.position LIMIT 1", "Advisory check-in");
  g_hash_table_insert (values, &item_id, GINT_TO_POINTER (4));
  g_assert_true (bel_survey_submit (engine, code, values, adults, "2026-12-01", &error));
  g_assert_no_error (error);
  /* once only */
  g_assert_false (bel_survey_submit (engine, code, values, adults, "2026-12-01", &error));
  g_assert_error (error, BEL_ERROR, BEL_ERROR_CONFLICT);
  g_clear_error (&error);

  after = bel_survey_windows_get (engine, bel_engine_system_actor (engine), window_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bel_resource_get_int (after, "response-count"), ==, 1);
}

/* The same seed gives the same answers. */
static char *
dump_answers (BelTestDaemon *d)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (d);
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT w.name, st.sis_id, r.submitted_on, i.key, a.value FROM survey_answer a "
      "JOIN survey_response r ON r.id = a.response_id JOIN survey_window w ON w.id = r.window_id "
      "JOIN survey_item i ON i.id = a.item_id JOIN student st ON st.id = r.student_id ORDER BY 1, 2, 4", &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  while (bel_store_step_row (store, stmt, &error))
    g_string_append_printf (out, "%s %s %s %s %d\n", bel_column_text (stmt, 0), bel_column_text (stmt, 1),
                            bel_column_text (stmt, 2), bel_column_text (stmt, 3), bel_column_int (stmt, 4));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static void
test_same_seed_same_answers (void)
{
  g_autoptr(BelTestDaemon) a = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) b = bel_test_daemon_new ();
  g_autofree char *answers_a = NULL;
  g_autofree char *answers_b = NULL;

  run_demo (a, "40", "7");
  run_demo (b, "40", "7");
  answers_a = dump_answers (a);
  answers_b = dump_answers (b);
  g_assert_cmpuint (strlen (answers_a), >, 2000);
  g_assert_cmpstr (answers_a, ==, answers_b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo-surveys/results-suppressed", test_results_suppressed);
  g_test_add_func ("/demo-surveys/open-window-takes-a-code", test_open_window_takes_a_code);
  g_test_add_func ("/demo-surveys/same-seed-same-answers", test_same_seed_same_answers);
  return g_test_run ();
}
