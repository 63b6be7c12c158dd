/* test-demo-goals.c - belongingctl demo's growth goals, as the daemon serves them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-store-private.h"
#include "bel-test-ctl.h"
#include "bel-test-daemon.h"
#include "bel-test-ws.h"

#define DEMO_PASSWORD "belonging-demo"

static char *
run_demo (BelTestDaemon *d,
          const char    *students,
          const char    *seed)
{
  const char *args[] = { "--database", d->db_path, "demo", "--students", students, "--seed", seed, NULL };
  g_autoptr(BelTestCtl) r = bel_test_ctl_runv (NULL, args);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Growth goals:"));
  return g_strdup (r->out);
}

/* The goals, benchmarks and measurements of the database, by SIS id rather than by row id. */
static char *
dump_goals (BelTestDaemon *d)
{
  static const char * const queries[] = {
    "SELECT st.sis_id, m.name, g.baseline_value, g.baseline_date, g.target_value, g.target_date, g.status, "
    "g.set_with_family, g.created_at FROM goal g JOIN student st ON st.id = g.student_id "
    "JOIN growth_metric m ON m.id = g.metric_id ORDER BY 1, 2",
    "SELECT st.sis_id, m.name, b.due_on, b.target_value, b.met_on, b.met_value, b.met_at FROM benchmark b "
    "JOIN goal g ON g.id = b.goal_id JOIN student st ON st.id = g.student_id "
    "JOIN growth_metric m ON m.id = g.metric_id ORDER BY 1, 2, 3",
    "SELECT st.sis_id, m.name, x.measured_on, x.value, x.author_name, x.created_at FROM measurement x "
    "JOIN student st ON st.id = x.student_id JOIN growth_metric m ON m.id = x.metric_id ORDER BY 1, 2, 3",
  };
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (d);
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(BelStmt) stmt = bel_store_prepare (store, queries[q], &error);

      g_assert_no_error (error);
      while (bel_store_step_row (store, stmt, &error))
        for (int c = 0, n = bel_stmt_column_count (stmt); c < n; c++)
          g_string_append_printf (out, "%s%c", bel_column_text (stmt, c) ?: "-", c == n - 1 ? '\n' : ' ');
      g_assert_no_error (error);
    }
  return g_string_free (out, FALSE);
}

static void
test_same_seed_same_goals (void)
{
  g_autoptr(BelTestDaemon) a = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) b = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) c = bel_test_daemon_new ();
  g_autofree char *out_a = run_demo (a, "40", "7");
  g_autofree char *out_b = run_demo (b, "40", "7");
  g_autofree char *out_c = run_demo (c, "40", "8");
  g_autofree char *goals_a = dump_goals (a);
  g_autofree char *goals_b = dump_goals (b);
  g_autofree char *goals_c = dump_goals (c);

  g_assert_cmpuint (strlen (goals_a), >, 10000);
  g_assert_cmpstr (goals_a, ==, goals_b);
  g_assert_cmpstr (goals_a, !=, goals_c);
}

typedef struct {
  char   *advisor;
  char   *student;
  double  score;
} Celebration;

/* "For a celebration: sign in as USER, open NAME and record a reading score of N or more." */
static void
parse_celebration (const char  *out,
                   Celebration *c)
{
  g_autoptr(GRegex) re = g_regex_new ("sign in as ([a-z.-]+), open (.+) and record a reading score of "
                                      "([0-9.]+) or more", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *score = NULL;

  g_assert_true (g_regex_match (re, out, 0, &match));
  c->advisor = g_match_info_fetch (match, 1);
  c->student = g_match_info_fetch (match, 2);
  score = g_match_info_fetch (match, 3);
  c->score = g_ascii_strtod (score, NULL);
}

static JsonObject *
find_goal (JsonArray  *goals,
           const char *student,
           const char *metric)
{
  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      JsonObject *goal = json_array_get_object_element (goals, i);

      if (g_strcmp0 (json_object_get_string_member (goal, "student_name"), student) == 0 &&
          g_strcmp0 (json_object_get_string_member (goal, "metric_name"), metric) == 0)
        return goal;
    }
  return NULL;
}

static void
test_served_with_a_celebration (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *out = run_demo (d, "120", "20262027");
  g_autofree char *token = NULL, *path = NULL, *body = NULL;
  g_autoptr(BelTestResponse) goals = NULL, summary = NULL, metrics = NULL, recorded = NULL;
  g_autoptr(BelTestWs) ws = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  Celebration c = { 0 };
  JsonObject *goal, *total, *event = NULL;
  JsonArray *items, *notify;
  gboolean spanish = FALSE;
  guint n_spanish = 0;

  parse_celebration (out, &c);
  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, c.advisor, DEMO_PASSWORD);

  /* Three metrics, one of them in Spanish, with bilingual goals on it. */
  metrics = bel_test_daemon_request (d, "GET", "/api/v1/schools/1/metrics", token, NULL, NULL);
  g_assert_cmpuint (metrics->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (metrics), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < json_array_get_length (items); i++)
    spanish |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "language"),
                          "Spanish") == 0;
  g_assert_true (spanish);

  /* Most students have goals; some are on track, some are not. */
  summary = bel_test_daemon_request (d, "GET", "/api/v1/schools/1/goals/summary", token, NULL, NULL);
  g_assert_cmpuint (summary->status, ==, 200);
  total = json_object_get_object_member (bel_test_response_object (summary), "total");
  g_assert_cmpint (json_object_get_int_member (total, "students"), >=, 100);
  g_assert_cmpint (json_object_get_int_member (total, "on_track"), >, json_object_get_int_member (total, "off_track"));
  g_assert_cmpint (json_object_get_int_member (total, "off_track"), >, 10);

  goals = bel_test_daemon_request (d, "GET", "/api/v1/schools/1/goals?status=all", token, NULL, NULL);
  g_assert_cmpuint (goals->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (goals), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    n_spanish += g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "language"),
                            "Spanish") == 0;
  g_assert_cmpuint (n_spanish, >, 0);
  goal = find_goal (items, c.student, "Reading readiness, scaled score");
  g_assert_nonnull (goal);
  g_assert_cmpstr (json_object_get_string_member (goal, "track"), ==, "on_track");
  g_assert_cmpfloat (json_object_get_double_member (goal, "next_benchmark_target"), ==, c.score);
  g_assert_cmpfloat (json_object_get_double_member (goal, "latest_value"), ==, c.score - 1);

  /* The advisor records the score: everyone connected hears of it. */
  ws = bel_test_ws_open (d->url, token, 1, -1);
  g_assert_cmpuint (ws->status, ==, 101);
  path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT "/measurements", json_object_get_int_member (goal, "id"));
  body = g_strdup_printf ("{\"measured_on\": \"%s\", \"value\": %g}", today, c.score);
  recorded = bel_test_daemon_request (d, "POST", path, token, body, NULL);
  g_assert_cmpuint (recorded->status, ==, 201);
  g_assert_true (bel_test_ws_wait_events (ws, 2, 5000));
  for (guint i = 0; i < ws->events->len; i++)
    if (g_strcmp0 (bel_test_ws_event_type (ws, i), "goal.benchmark_met") == 0)
      event = json_object_get_object_member (json_node_get_object (g_ptr_array_index (ws->events, i)), "data");
  g_assert_nonnull (event);
  g_assert_cmpstr (json_object_get_string_member (event, "student_name"), ==, c.student);
  notify = json_object_get_array_member (event, "notify");
  g_assert_cmpuint (json_array_get_length (notify), >=, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
                     json_array_get_object_element (notify, 0), "reasons"), 0), ==, "advisor");
  g_free (c.advisor);
  g_free (c.student);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/goals/same-seed-same-goals", test_same_seed_same_goals);
  g_test_add_func ("/demo/goals/served-with-a-celebration-ready", test_served_with_a_celebration);
  return g_test_run ();
}
