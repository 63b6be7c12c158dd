/* test-goals-math.c - the aim line, on/off track, growth, revisions and summaries over HTTP
 *
 * Known fixtures (see bel-test-goals.h for the school):
 *   A  José reading, higher is better: 180 on 2025-09-01 -> 200 on 2026-06-01 (273 days),
 *      benchmark 190 due 2026-01-15
 *   B  Amara errors, lower is better:   20 on 2025-09-01 ->   5 on 2026-06-01,
 *      benchmark 14 due 2026-01-15
 *   C  Bao reading over two school years: 150 on 2025-09-01 -> 190 on 2027-06-01 (638 days),
 *      benchmarks 167 due 2026-06-01 and 182 due 2027-02-01
 *   D  José errors exactly on its aim line: 30 on 2025-09-01 -> 9 on 2026-06-01 (-1/13 a day)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-goals.h"

#define EPS 1e-6

typedef struct {
  BelTestGoals g;
  gint64 a, b, c, d;
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

static void
create_goals (Fixture *f)
{
  gint64 ids[4];

  bel_test_goals_create_known (&f->g, ids);
  f->a = ids[0], f->b = ids[1], f->c = ids[2], f->d = ids[3];
}

static JsonObject *
goal_as_of (Fixture          *f,
            gint64            goal_id,
            const char       *as_of,
            BelTestResponse **r)
{
  return bel_test_goals_get (&f->g, f->g.teacher2, r, "/api/v1/goals/%" G_GINT64_FORMAT "?as_of=%s",
                             goal_id, as_of);
}

static gdouble
expected_on (Fixture    *f,
             gint64      goal_id,
             const char *as_of)
{
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal = goal_as_of (f, goal_id, as_of, &r);

  g_assert_cmpstr (json_object_get_string_member (goal, "as_of"), ==, as_of);
  return bel_test_goals_number (goal, "expected_value");
}

static const char *
track_on (Fixture    *f,
          gint64      goal_id,
          const char *as_of)
{
  static char track[32];
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal = goal_as_of (f, goal_id, as_of, &r);

  g_strlcpy (track, json_object_get_string_member (goal, "track"), sizeof track);
  return track;
}

static void
test_aim_line (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal;

  create_goals (f);
  /* Straight from baseline to target, flat before and after. */
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->a, "2025-09-01"), 180.0, EPS);
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->a, "2025-12-01"), 180.0 + 20.0 * 91 / 273, EPS);
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->a, "2026-06-01"), 200.0, EPS);
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->a, "2025-06-01"), 180.0, EPS);
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->a, "2026-09-01"), 200.0, EPS);
  /* Lower is better: the line falls. */
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->b, "2025-12-01"), 20.0 - 15.0 * 91 / 273, EPS);
  /* Across school years: one straight line over 638 days. */
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->c, "2026-09-01"), 150.0 + 40.0 * 365 / 638, EPS);
  g_assert_cmpfloat_with_epsilon (expected_on (f, f->c, "2027-06-01"), 190.0, EPS);

  goal = goal_as_of (f, f->a, "2025-12-01", &r);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "aim_per_week"), 20.0 / 273 * 7, EPS);
  g_assert_cmpstr (json_object_get_string_member (goal, "track"), ==, "not_enough_data");
  g_assert_true (json_object_get_boolean_member (goal, "set_with_student"));
  g_assert_false (json_object_get_boolean_member (goal, "set_with_family"));
  g_assert_cmpstr (json_object_get_string_member (goal, "direction"), ==, "higher");
  g_assert_true (json_object_get_null_member (goal, "growth_per_week"));

  /* A bad day is a 400. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_daemon_request (f->g.d, "GET", "/api/v1/goals/1?as_of=2026-02-30", f->g.teacher, NULL, NULL);
  bel_test_assert_problem (r, 400);
}

static void
test_track_higher (Fixture       *f,
                   gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal;

  create_goals (f);
  bel_test_goals_measure (g, g->teacher, f->a, "2025-10-01", 181, 201);   /* line 182.2 */
  bel_test_goals_measure (g, g->teacher, f->a, "2025-11-01", 183, 201);   /* line 184.5 */
  g_assert_cmpstr (track_on (f, f->a, "2025-12-31"), ==, "not_enough_data");
  bel_test_goals_measure (g, g->teacher, f->a, "2025-12-01", 185, 201);   /* line 186.7 */
  g_assert_cmpstr (track_on (f, f->a, "2025-12-31"), ==, "off_track");
  /* One at or above the line among the last three is enough. */
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->a, "2026-01-05", 190, 201), ==, 1);
  g_assert_cmpstr (track_on (f, f->a, "2026-01-31"), ==, "on_track");
  /* As of an earlier day, later measurements do not count. */
  g_assert_cmpstr (track_on (f, f->a, "2025-12-15"), ==, "off_track");

  goal = goal_as_of (f, f->a, "2026-01-31", &r);
  g_assert_cmpint (json_object_get_int_member (goal, "measurement_count"), ==, 4);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "latest_value"), 190, EPS);
  g_assert_cmpstr (json_object_get_string_member (goal, "latest_on"), ==, "2026-01-05");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (goal, "measurements")), ==, 4);
  /* The only benchmark is met, so none is next. */
  g_assert_true (json_object_get_null_member (goal, "next_benchmark_id"));
}

static void
test_track_lower (Fixture       *f,
                  gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal, *benchmark;

  create_goals (f);
  /* Above the falling line is behind when lower is better. */
  g_assert_cmpuint (bel_test_goals_measure (g, g->counselor, f->b, "2025-10-01", 19, 201), ==, 0);
  bel_test_goals_measure (g, g->counselor, f->b, "2025-11-01", 17.5, 201);
  bel_test_goals_measure (g, g->counselor, f->b, "2025-12-01", 15.5, 201);
  g_assert_cmpstr (track_on (f, f->b, "2025-12-31"), ==, "off_track");
  goal = goal_as_of (f, f->b, "2025-12-31", &r);
  g_assert_cmpint (json_object_get_int_member (goal, "next_benchmark_id"), >, 0);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "next_benchmark_target"), 14, EPS);
  g_clear_pointer (&r, bel_test_response_free);

  /* 12 is at or below the benchmark's 14: met; and below the line (13.08): on track. */
  g_assert_cmpuint (bel_test_goals_measure (g, g->counselor, f->b, "2026-01-05", 12, 201), ==, 1);
  g_assert_cmpstr (track_on (f, f->b, "2026-01-31"), ==, "on_track");
  goal = goal_as_of (f, f->b, "2026-01-31", &r);
  benchmark = json_array_get_object_element (json_object_get_array_member (goal, "benchmarks"), 0);
  g_assert_cmpstr (json_object_get_string_member (benchmark, "met_on"), ==, "2026-01-05");
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (benchmark, "met_value"), 12, EPS);
  g_assert_nonnull (json_object_get_string_member (benchmark, "met_at"));
  g_assert_cmpfloat (bel_test_goals_number (goal, "growth_per_week"), <, 0);
  /* Reaching the target (5 or fewer errors) meets the goal. */
  bel_test_goals_measure (g, g->counselor, f->b, "2026-03-02", 5, 201);
  g_clear_pointer (&r, bel_test_response_free);
  goal = goal_as_of (f, f->b, "2026-03-31", &r);
  g_assert_cmpstr (json_object_get_string_member (goal, "status"), ==, "met");
  g_assert_cmpstr (json_object_get_string_member (goal, "track"), ==, "closed");
}

static void
test_multi_year (Fixture       *f,
                 gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal;

  create_goals (f);
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->c, "2026-05-01", 166, 201), ==, 0);
  /* The first benchmark is met in the next school year, late but met. */
  g_assert_cmpuint (bel_test_goals_measure (g, g->teacher, f->c, "2026-09-15", 172, 201), ==, 1);
  bel_test_goals_measure (g, g->teacher, f->c, "2026-11-02", 176, 201);
  /* Lines on those days: 165.17, 173.76, 176.77: the first is above it. */
  g_assert_cmpstr (track_on (f, f->c, "2026-11-02"), ==, "on_track");
  goal = goal_as_of (f, f->c, "2026-11-02", &r);
  g_assert_cmpstr (json_object_get_string_member (goal, "next_benchmark_due"), ==, "2027-02-01");
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "next_benchmark_target"), 182, EPS);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "expected_value"), 150.0 + 40.0 * 427 / 638, EPS);
  g_assert_cmpstr (json_object_get_string_member (goal, "status"), ==, "active");

  /* A fourth measurement below the line: the last three are 172, 176 and 175, all behind. */
  bel_test_goals_measure (g, g->teacher, f->c, "2026-11-16", 175, 201);
  g_assert_cmpstr (track_on (f, f->c, "2026-11-16"), ==, "off_track");
}

static void
test_growth (Fixture       *f,
             gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal;

  create_goals (f);
  /* Exactly on the line (-1/13 a day): the trend is the aim. */
  bel_test_goals_measure (g, g->teacher, f->d, "2025-12-01", 23, 201);
  bel_test_goals_measure (g, g->teacher, f->d, "2026-03-02", 16, 201);
  goal = goal_as_of (f, f->d, "2026-03-31", &r);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "aim_per_week"), -7.0 / 13, EPS);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "growth_per_week"), -7.0 / 13, EPS);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "growth_per_year"), -365.25 / 13, EPS);
  g_assert_cmpstr (json_object_get_string_member (goal, "track"), ==, "not_enough_data");
}

static void
assert_invalid_goal (Fixture    *f,
                     gint64      metric_id,
                     const char *values,
                     const char *field)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", f->g.seed.student_id);
  g_autoptr(BelTestResponse) r = bel_test_goals_request (&f->g, "POST", f->g.counselor, path,
                                                         "{\"metric_id\": %" G_GINT64_FORMAT ", %s}",
                                                         metric_id, values);

  bel_test_goals_assert_field (r, field);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *path = NULL;
  g_autoptr(BelTestResponse) r = NULL;

  /* The target must be better than the baseline, whichever way is better. */
  assert_invalid_goal (f, g->reading_id, "\"baseline_value\": 180, \"baseline_date\": \"2025-09-01\", "
                       "\"target_value\": 170, \"target_date\": \"2026-06-01\"", "target_value");
  assert_invalid_goal (f, g->errors_id, "\"baseline_value\": 20, \"baseline_date\": \"2025-09-01\", "
                       "\"target_value\": 25, \"target_date\": \"2026-06-01\"", "target_value");
  assert_invalid_goal (f, g->reading_id, "\"baseline_value\": 180, \"baseline_date\": \"2025-09-01\", "
                       "\"target_value\": 400, \"target_date\": \"2026-06-01\"", "target_value");
  assert_invalid_goal (f, g->reading_id, "\"baseline_value\": 180, \"baseline_date\": \"2025-09-01\", "
                       "\"target_value\": 200, \"target_date\": \"2025-06-01\"", "target_date");
  assert_invalid_goal (f, g->reading_id, "\"baseline_value\": 180, \"baseline_date\": \"2025-09-01\", "
                       "\"target_value\": 200, \"target_date\": \"2026-06-01\", \"benchmarks\": "
                       "[{\"due_on\": \"2026-01-01\", \"target_value\": 190}, "
                       "{\"due_on\": \"2026-07-01\", \"target_value\": 195}]", "benchmarks[1].due_on");
  assert_invalid_goal (f, 999, "\"baseline_value\": 180, \"baseline_date\": \"2025-09-01\", "
                       "\"target_value\": 200, \"target_date\": \"2026-06-01\"", "metric_id");

  /* One active goal per metric. */
  create_goals (f);
  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", g->seed.student_id);
  r = bel_test_goals_request (g, "POST", g->counselor, path,
                              "{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 180, "
                              "\"baseline_date\": \"2025-09-01\", \"target_value\": 200, "
                              "\"target_date\": \"2026-06-01\"}", g->reading_id);
  bel_test_assert_problem (r, 409);
  /* A measurement off the scale, before the baseline or in the future is refused. */
  bel_test_goals_measure (g, g->teacher, f->a, "2025-10-01", 301, 422);
  bel_test_goals_measure (g, g->teacher, f->a, "2025-08-01", 181, 422);
  bel_test_goals_measure (g, g->teacher, f->a, "2099-01-01", 181, 422);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/goals/math/aim-line-is-straight-from-baseline-to-target", test_aim_line);
  ADD ("/goals/math/three-below-the-line-is-off-track", test_track_higher);
  ADD ("/goals/math/lower-is-better-turns-the-rule-around", test_track_lower);
  ADD ("/goals/math/multi-year-goal-keeps-one-line", test_multi_year);
  ADD ("/goals/math/growth-is-the-trend-per-week-and-year", test_growth);
  ADD ("/goals/math/bad-goals-and-measurements-are-refused", test_validation);
#undef ADD

  return g_test_run ();
}
