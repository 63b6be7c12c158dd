/* test-goals-measurements.c - benchmarks met once with a live event, bulk entry, CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-goals.h"
#include "bel-test-ws.h"

typedef struct {
  BelTestGoals g;
  gint64 jose_goal;   /* reading: 180 -> 200, benchmarks 185 (2025-12-01), 190 (2026-03-01) */
  gint64 bao_goal;    /* reading: 160 -> 190 */
  gint64 amara_goal;  /* errors: 20 -> 5 */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *jose = NULL, *bao = NULL, *amara = NULL;

  bel_test_goals_setup (g);
  bel_test_goals_start (g);
  jose = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 180, "
                          "\"baseline_date\": \"2025-09-01\", \"target_value\": 200, "
                          "\"target_date\": \"2026-06-01\", \"benchmarks\": ["
                          "{\"due_on\": \"2025-12-01\", \"target_value\": 185}, "
                          "{\"due_on\": \"2026-03-01\", \"target_value\": 190}]}", g->reading_id);
  bao = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 160, "
                         "\"baseline_date\": \"2025-09-01\", \"target_value\": 190, "
                         "\"target_date\": \"2026-06-01\"}", g->reading_id);
  amara = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 20, "
                           "\"baseline_date\": \"2025-09-01\", \"target_value\": 5, "
                           "\"target_date\": \"2026-06-01\"}", g->errors_id);
  f->jose_goal = bel_test_goals_create (g, g->teacher, g->seed.student_id, jose);
  f->bao_goal = bel_test_goals_create (g, g->teacher, g->bao_id, bao);
  f->amara_goal = bel_test_goals_create (g, g->counselor, g->amara_id, amara);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  bel_test_goals_teardown (&f->g);
}

static guint
count_type (BelTestWs  *ws,
            const char *type)
{
  guint n = 0;

  for (guint i = 0; i < ws->events->len; i++)
    n += g_strcmp0 (bel_test_ws_event_type (ws, i), type) == 0;
  return n;
}

static JsonObject *
event_of_type (BelTestWs  *ws,
               const char *type)
{
  for (guint i = 0; i < ws->events->len; i++)
    if (g_strcmp0 (bel_test_ws_event_type (ws, i), type) == 0)
      return json_node_get_object (g_ptr_array_index (ws->events, i));
  g_assert_not_reached ();
}

static gint64
measurement_count (Fixture *f,
                   gint64   goal_id)
{
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal = bel_test_goals_get (&f->g, f->g.teacher, &r, "/api/v1/goals/%" G_GINT64_FORMAT, goal_id);

  return json_object_get_int_member (goal, "measurement_count");
}

static void
test_benchmark_met_once (Fixture       *f,
                         gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestWs) ws = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *advocates = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/advocates",
                                                g->seed.student_id);
  JsonObject *event, *payload, *benchmark, *goal;
  JsonArray *notify;

  /* Theo becomes José's advocate: he is told too. */
  r = bel_test_goals_request (g, "POST", g->counselor, advocates,
                              "{\"account_id\": %" G_GINT64_FORMAT ", \"follow_up_on\": \"2026-12-15\"}",
                              g->teacher2_id);
  g_assert_cmpuint (r->status, ==, 201);

  ws = bel_test_ws_open (g->d->url, g->leader, g->seed.school_id, -1);
  g_assert_cmpuint (ws->status, ==, 101);
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->jose_goal, "2025-10-15", 184, 201), ==, 0);
  /* 186 reaches 185: the first benchmark, not the second. */
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->jose_goal, "2025-11-20", 186, 201), ==, 1);
  g_assert_true (bel_test_ws_wait_events (ws, 3, 5000));
  bel_test_spin (200);
  g_assert_cmpuint (count_type (ws, "goal.benchmark_met"), ==, 1);
  event = event_of_type (ws, "goal.benchmark_met");
  g_assert_cmpint (json_object_get_int_member (event, "school_id"), ==, g->seed.school_id);
  payload = json_object_get_object_member (event, "data");
  g_assert_cmpint (json_object_get_int_member (payload, "student_id"), ==, g->seed.student_id);
  g_assert_cmpint (json_object_get_int_member (payload, "goal_id"), ==, f->jose_goal);
  g_assert_cmpstr (json_object_get_string_member (payload, "student_name"), ==, "José Álvarez");
  g_assert_cmpfloat (json_object_get_double_member (payload, "value"), ==, 186);
  g_assert_cmpstr (json_object_get_string_member (payload, "measured_on"), ==, "2025-11-20");
  benchmark = json_object_get_object_member (payload, "benchmark");
  g_assert_cmpstr (json_object_get_string_member (benchmark, "due_on"), ==, "2025-12-01");
  g_assert_cmpint (json_object_get_int_member (payload, "benchmark_id"), ==,
                   json_object_get_int_member (benchmark, "id"));
  /* The adults to tell: the advisor, then the advocate. */
  notify = json_object_get_array_member (payload, "notify");
  g_assert_cmpuint (json_array_get_length (notify), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (notify, 0), "account_id"), ==,
                   g->seed.teacher_id);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
                     json_array_get_object_element (notify, 0), "reasons"), 0), ==, "advisor");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (notify, 1), "account_id"), ==,
                   g->teacher2_id);

  /* Two more measurements over 185 (and one over both): each benchmark is met once. */
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->jose_goal, "2025-12-10", 187, 201), ==, 0);
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher2, f->jose_goal, "2026-01-10", 191, 201), ==, 1);
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->jose_goal, "2026-01-20", 192, 201), ==, 0);
  g_assert_true (bel_test_ws_wait_events (ws, 7, 5000));
  bel_test_spin (300);
  g_assert_cmpuint (count_type (ws, "goal.benchmark_met"), ==, 2);
  g_assert_cmpuint (count_type (ws, "goal.measured"), ==, 5);

  /* The first benchmark still names the measurement that met it. */
  g_clear_pointer (&r, bel_test_response_free);
  goal = bel_test_goals_get (g, g->teacher, &r, "/api/v1/goals/%" G_GINT64_FORMAT, f->jose_goal);
  benchmark = json_array_get_object_element (json_object_get_array_member (goal, "benchmarks"), 0);
  g_assert_cmpstr (json_object_get_string_member (benchmark, "met_on"), ==, "2025-11-20");
  g_assert_cmpfloat (json_object_get_double_member (benchmark, "met_value"), ==, 186);
}

static void
test_bulk_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/measurements",
                                           g->seed.school_id);
  g_autoptr(BelTestResponse) r = NULL;
  JsonArray *items;

  /* Row 1 is off the scale, row 2 names a student with no goal on the metric. */
  r = bel_test_goals_request (g, "POST", g->teacher, path,
                              "{\"rows\": ["
                              "{\"goal_id\": %" G_GINT64_FORMAT ", \"measured_on\": \"2025-10-01\", \"value\": 183},"
                              "{\"student_id\": %" G_GINT64_FORMAT ", \"metric_id\": %" G_GINT64_FORMAT ", "
                              "\"measured_on\": \"2025-10-01\", \"value\": 310},"
                              "{\"student_id\": %" G_GINT64_FORMAT ", \"metric_id\": %" G_GINT64_FORMAT ", "
                              "\"measured_on\": \"2025-10-01\", \"value\": 12}]}",
                              f->jose_goal, g->bao_id, g->reading_id, g->bao_id, g->errors_id);
  bel_test_goals_assert_field (r, "rows[1].value");
  bel_test_goals_assert_field (r, "rows[2].metric_id");
  g_assert_cmpint (measurement_count (f, f->jose_goal), ==, 0);
  g_assert_cmpint (measurement_count (f, f->bao_goal), ==, 0);

  /* A malformed row is named too. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->teacher, path,
                              "{\"rows\": [{\"goal_id\": %" G_GINT64_FORMAT ", \"measured_on\": \"2025-10-01\"}]}",
                              f->jose_goal);
  bel_test_goals_assert_field (r, "rows[0].value");

  /* All good: every row is written, in order. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->teacher, path,
                              "{\"rows\": ["
                              "{\"goal_id\": %" G_GINT64_FORMAT ", \"measured_on\": \"2025-10-01\", \"value\": 183,"
                              " \"source\": \"Fall screener\"},"
                              "{\"student_id\": %" G_GINT64_FORMAT ", \"metric_id\": %" G_GINT64_FORMAT ", "
                              "\"measured_on\": \"2025-10-01\", \"value\": 170}]}",
                              f->jose_goal, g->bao_id, g->reading_id);
  g_assert_cmpuint (r->status, ==, 201);
  items = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "goal_id"), ==,
                   f->bao_goal);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "author_name"), ==,
                   "Tess Teacher");
  g_assert_cmpint (measurement_count (f, f->jose_goal), ==, 1);
  g_assert_cmpint (measurement_count (f, f->bao_goal), ==, 1);
}

static BelTestResponse *
post_csv (Fixture    *f,
          const char *dry_run,
          const char *csv)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/measurements/import%s%s",
                                           f->g.seed.school_id, dry_run ? "?dry_run=" : "", dry_run ? dry_run : "");
  SoupMessage *msg = bel_test_daemon_message (f->g.d, "POST", path, f->g.counselor, NULL, NULL);
  g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));

  soup_message_set_request_body_from_bytes (msg, "text/csv", body);
  return bel_test_daemon_send (f->g.d, msg);
}

static JsonObject *
preview_row (JsonObject *preview,
             guint       n)
{
  return json_array_get_object_element (json_object_get_array_member (preview, "rows"), n);
}

static const char *
first_error_field (JsonObject *row)
{
  JsonArray *errors = json_object_get_array_member (row, "errors");

  return json_array_get_length (errors) ? json_object_get_string_member (json_array_get_object_element (errors, 0),
                                                                          "field")
                                        : NULL;
}

static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *csv = NULL, *fixed = NULL;
  JsonObject *preview;

  csv = g_strdup_printf ("SIS_ID,metric,date,value,source\r\n"
                         "S-1001,\"Reading readiness, scaled score\",2025-10-01,183,\"Fall screener, \"\"A\"\"\"\r\n"
                         "S-9999,\"Reading readiness, scaled score\",2025-10-01,183,Fall screener\r\n"
                         "S-1001,%" G_GINT64_FORMAT ",2025-13-01,12,Fall screener\r\n"
                         "\r\n"
                         "S-1001,\"Reading readiness, scaled score\",2025-11-01,lots,Fall screener\r\n"
                         "S-1001,Spelling,2025-11-01,180,\r\n",
                         g->errors_id);
  /* The preview shows each row and its problems; nothing is written. */
  r = post_csv (f, "true", csv);
  g_assert_cmpuint (r->status, ==, 200);
  preview = bel_test_response_object (r);
  g_assert_true (json_object_get_boolean_member (preview, "dry_run"));
  g_assert_cmpint (json_object_get_int_member (preview, "valid_rows"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (preview, "invalid_rows"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (preview, "written"), ==, 0);
  g_assert_null (first_error_field (preview_row (preview, 0)));
  g_assert_cmpstr (json_object_get_string_member (preview_row (preview, 0), "student_name"), ==, "José Álvarez");
  g_assert_cmpstr (json_object_get_string_member (preview_row (preview, 0), "source"), ==, "Fall screener, \"A\"");
  g_assert_cmpint (json_object_get_int_member (preview_row (preview, 0), "goal_id"), ==, f->jose_goal);
  g_assert_cmpstr (first_error_field (preview_row (preview, 1)), ==, "rows[1].sis_id");
  /* José has no goal on the errors metric; the date is not a date either. */
  g_assert_cmpstr (first_error_field (preview_row (preview, 2)), ==, "rows[2].metric_id");
  g_assert_cmpstr (first_error_field (preview_row (preview, 3)), ==, "rows[3].value");
  g_assert_cmpint (json_object_get_int_member (preview_row (preview, 3), "line"), ==, 6);
  g_assert_cmpstr (first_error_field (preview_row (preview, 4)), ==, "rows[4].metric");
  g_assert_cmpint (measurement_count (f, f->jose_goal), ==, 0);

  /* The default is a preview too. */
  g_clear_pointer (&r, bel_test_response_free);
  r = post_csv (f, NULL, csv);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpint (measurement_count (f, f->jose_goal), ==, 0);

  /* Committing with bad rows writes nothing and names every bad row. */
  g_clear_pointer (&r, bel_test_response_free);
  r = post_csv (f, "false", csv);
  bel_test_goals_assert_field (r, "rows[1].sis_id");
  bel_test_goals_assert_field (r, "rows[3].value");
  g_assert_cmpint (measurement_count (f, f->jose_goal), ==, 0);

  /* Fixed, it is written, and meets benchmarks as any measurement does. */
  fixed = g_strdup_printf ("date,value,sis_id,goal_id\n"
                           "2025-10-01,183,S-1001,\n"
                           "2025-11-01,186,,%" G_GINT64_FORMAT "\n"
                           "2025-11-01,171,B-0002,\n",
                           f->jose_goal);
  g_clear_pointer (&r, bel_test_response_free);
  r = post_csv (f, "false", fixed);
  /* No metric column: rows need a goal_id. */
  bel_test_goals_assert_field (r, "rows[0].metric");
  g_clear_pointer (&fixed, g_free);
  fixed = g_strdup_printf ("date,score,sis_id,metric\n"
                           "2025-10-01,183,S-1001,%" G_GINT64_FORMAT "\n", g->reading_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = post_csv (f, "false", fixed);
  bel_test_goals_assert_field (r, "header");
  g_clear_pointer (&fixed, g_free);
  fixed = g_strdup_printf ("date,value,sis_id,metric,source\n"
                           "2025-10-01,183,S-1001,%" G_GINT64_FORMAT ",Screener\n"
                           "2025-11-01,186,S-1001,\"Reading readiness, scaled score\",Screener\n",
                           g->reading_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = post_csv (f, "false", fixed);
  g_assert_cmpuint (r->status, ==, 201);
  g_assert_cmpint (bel_test_response_int (r, "written"), ==, 2);
  g_assert_cmpint (bel_test_response_int (r, "benchmarks_met"), ==, 1);
  g_assert_cmpint (measurement_count (f, f->jose_goal), ==, 2);

  /* Not CSV: 415. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->counselor, "/api/v1/schools/1/measurements/import", "{}");
  bel_test_assert_problem (r, 415);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/goals/benchmarks/met-exactly-once-with-a-live-event", test_benchmark_met_once);
  ADD ("/goals/measurements/bulk-entry-is-all-or-nothing", test_bulk_all_or_nothing);
  ADD ("/goals/measurements/csv-import-previews-then-commits", test_csv_import);
#undef ADD

  return g_test_run ();
}
