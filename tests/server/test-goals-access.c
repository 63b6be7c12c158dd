/* test-goals-access.c - who reads and who changes goals, metrics and measurements
 *
 * "teacher" advises Falcons (José, Bao); "teacher2" advises nobody until the
 * counselor makes him Amara's advocate; "outsider" teaches at another school.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-goals.h"

typedef struct {
  BelTestGoals g;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bel_test_goals_setup (&f->g);
  bel_test_goals_start (&f->g);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  bel_test_goals_teardown (&f->g);
}

static char *
goal_body (gint64 metric_id)
{
  return g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 180, "
                          "\"baseline_date\": \"2025-09-01\", \"target_value\": 200, "
                          "\"target_date\": \"2026-06-01\"}", metric_id);
}

static guint
post_goal (Fixture    *f,
           const char *token,
           gint64      student_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", student_id);
  g_autofree char *body = goal_body (f->g.reading_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->g.d, "POST", path, token, body, NULL);

  return r->status;
}

static guint
get_status (Fixture    *f,
            const char *token,
            const char *path)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->g.d, "GET", path, token, NULL, NULL);

  return r->status;
}

static void
test_goal_writers (Fixture       *f,
                   gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *body = goal_body (g->reading_id);
  g_autofree char *goal_path = NULL, *student_goals = NULL, *school_goals = NULL, *advocates = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  gint64 jose_goal, amara_goal;

  /* The student's advisor sets and measures; another teacher may not. */
  g_assert_cmpuint (post_goal (f, g->teacher2, g->seed.student_id), ==, 403);
  g_assert_cmpuint (post_goal (f, g->outsider, g->seed.student_id), ==, 403);
  jose_goal = bel_test_goals_create (g, g->teacher, g->seed.student_id, body);
  bel_test_goals_measure (g, g->teacher2, jose_goal, "2025-10-01", 182, 403);
  bel_test_goals_measure (g, g->outsider, jose_goal, "2025-10-01", 182, 403);
  bel_test_goals_measure (g, g->teacher, jose_goal, "2025-10-01", 182, 201);
  goal_path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT, jose_goal);
  r = bel_test_goals_request (g, "PATCH", g->teacher2, goal_path, "{\"rationale\": \"x\"}");
  bel_test_assert_problem (r, 403);

  /* Every staff member of the school reads them; no one else does. */
  student_goals = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", g->seed.student_id);
  school_goals = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/goals", g->seed.school_id);
  g_assert_cmpuint (get_status (f, g->teacher2, goal_path), ==, 200);
  g_assert_cmpuint (get_status (f, g->teacher2, student_goals), ==, 200);
  g_assert_cmpuint (get_status (f, g->teacher2, school_goals), ==, 200);
  g_assert_cmpuint (get_status (f, g->outsider, goal_path), ==, 403);
  g_assert_cmpuint (get_status (f, g->outsider, student_goals), ==, 403);
  g_assert_cmpuint (get_status (f, g->outsider, school_goals), ==, 403);
  g_assert_cmpuint (get_status (f, NULL, goal_path), ==, 401);
  g_assert_cmpuint (get_status (f, g->teacher, "/api/v1/goals/999999"), ==, 404);

  /* Counselors and leaders set goals for any student of the school. */
  amara_goal = bel_test_goals_create (g, g->counselor, g->amara_id, body);
  g_assert_cmpuint (post_goal (f, g->leader, g->bao_id), ==, 201);
  g_assert_cmpuint (post_goal (f, g->teacher, g->amara_id), ==, 403);
  bel_test_goals_measure (g, g->teacher2, amara_goal, "2025-10-01", 182, 403);

  /* An advocate link lets a teacher record for that student, and only that one. */
  advocates = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/advocates", g->amara_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->counselor, advocates,
                              "{\"account_id\": %" G_GINT64_FORMAT ", \"follow_up_on\": \"2026-12-15\"}",
                              g->teacher2_id);
  g_assert_cmpuint (r->status, ==, 201);
  bel_test_goals_measure (g, g->teacher2, amara_goal, "2025-10-01", 182, 201);
  bel_test_goals_measure (g, g->teacher2, jose_goal, "2025-11-01", 184, 403);
}

static void
test_bulk_rows_need_permission (Fixture       *f,
                                gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *body = goal_body (g->reading_id);
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/measurements",
                                           g->seed.school_id);
  g_autoptr(BelTestResponse) r = NULL;
  gint64 jose_goal = bel_test_goals_create (g, g->teacher, g->seed.student_id, body);
  gint64 amara_goal = bel_test_goals_create (g, g->counselor, g->amara_id, body);

  /* The advisor's class entry may not slip in a row for someone else's student. */
  r = bel_test_goals_request (g, "POST", g->teacher, path,
                              "{\"rows\": ["
                              "{\"goal_id\": %" G_GINT64_FORMAT ", \"measured_on\": \"2025-10-01\", \"value\": 183},"
                              "{\"goal_id\": %" G_GINT64_FORMAT ", \"measured_on\": \"2025-10-01\", \"value\": 183}]}",
                              jose_goal, amara_goal);
  bel_test_goals_assert_field (r, "rows[1].student_id");
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->outsider, path,
                              "{\"rows\": [{\"goal_id\": %" G_GINT64_FORMAT ", \"measured_on\": \"2025-10-01\", "
                              "\"value\": 183}]}", jose_goal);
  bel_test_assert_problem (r, 403);
}

static void
test_metric_writers (Fixture       *f,
                     gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/metrics", g->seed.school_id);
  g_autofree char *metric_path = NULL;
  g_autofree char *body = goal_body (g->reading_id);
  const char *metric = "{\"name\": \"Weekly math formative\", \"unit\": \"% correct\", \"scale_min\": 0, "
                       "\"scale_max\": 100, \"direction\": \"higher\", \"language\": null}";
  g_autoptr(BelTestResponse) r = NULL;
  gint64 id;

  r = bel_test_goals_request (g, "POST", g->teacher, path, "%s", metric);
  bel_test_assert_problem (r, 403);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->counselor, path, "%s", metric);
  bel_test_assert_problem (r, 403);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->leader, path, "%s", metric);
  g_assert_cmpuint (r->status, ==, 201);
  id = bel_test_response_int (r, "id");
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->leader, path, "%s", metric);
  bel_test_assert_problem (r, 409);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->leader, path,
                              "{\"name\": \"Upside down\", \"unit\": \"x\", \"scale_min\": 10, \"scale_max\": 1, "
                              "\"direction\": \"higher\"}");
  bel_test_goals_assert_field (r, "scale_max");

  /* Counselors and teachers read them. */
  g_assert_cmpuint (get_status (f, g->counselor, path), ==, 200);
  g_assert_cmpuint (get_status (f, g->teacher2, path), ==, 200);
  g_assert_cmpuint (get_status (f, g->outsider, path), ==, 403);

  /* A metric with goals keeps its scale; its description still changes. */
  bel_test_goals_create (g, g->teacher, g->seed.student_id, body);
  metric_path = g_strdup_printf ("/api/v1/metrics/%" G_GINT64_FORMAT, g->reading_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "PATCH", g->leader, metric_path, "{\"scale_max\": 400}");
  bel_test_assert_problem (r, 409);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "PATCH", g->leader, metric_path, "{\"description\": \"Fall, winter, spring\"}");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpint (bel_test_response_int (r, "version"), ==, 2);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "PATCH", g->counselor, metric_path, "{\"description\": \"x\"}");
  bel_test_assert_problem (r, 403);
  g_assert_cmpint (id, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/goals/access/advisor-counselor-leader-and-advocates-write", test_goal_writers);
  ADD ("/goals/access/bulk-rows-need-permission-for-each-student", test_bulk_rows_need_permission);
  ADD ("/goals/access/leaders-write-metrics-staff-read-them", test_metric_writers);
#undef ADD

  return g_test_run ();
}
