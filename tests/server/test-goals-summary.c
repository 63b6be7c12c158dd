/* test-goals-summary.c - revisions, the school's goal list and its summaries over HTTP
 *
 * The known goals of test-goals-math.c (see bel-test-goals.h for the school):
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

static void
test_revise (Fixture       *f,
             gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autofree char *path = NULL, *old_path = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *goal;
  gint64 revised;

  create_goals (f);
  bel_test_goals_measure (g, g->teacher, f->a, "2025-10-01", 181, 201);
  path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT "/revisions", f->a);
  r = bel_test_goals_request (g, "POST", g->teacher, path,
                              "{\"target_value\": 195, \"target_date\": \"2026-08-01\", "
                              "\"rationale\": \"More time after a move\"}");
  g_assert_cmpuint (r->status, ==, 201);
  goal = bel_test_response_object (r);
  revised = json_object_get_int_member (goal, "id");
  g_assert_cmpint (json_object_get_int_member (goal, "revised_from"), ==, f->a);
  g_assert_cmpstr (json_object_get_string_member (goal, "status"), ==, "active");
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "baseline_value"), 180, EPS);
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (goal, "target_value"), 195, EPS);
  /* The unmet benchmark is carried over; the measurement still counts. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (goal, "benchmarks")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (goal, "measurement_count"), ==, 1);

  /* The old goal is kept, closed as revised, and no longer changes. */
  g_clear_pointer (&r, bel_test_response_free);
  old_path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT, f->a);
  goal = bel_test_goals_get (g, g->teacher, &r, "%s", old_path);
  g_assert_cmpstr (json_object_get_string_member (goal, "status"), ==, "revised");
  g_assert_cmpint (json_object_get_int_member (goal, "revised_by"), ==, revised);
  g_assert_cmpstr (json_object_get_string_member (goal, "track"), ==, "closed");
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "POST", g->teacher, path, "{\"target_value\": 199}");
  bel_test_assert_problem (r, 409);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "PATCH", g->teacher, old_path, "{\"rationale\": \"x\"}");
  bel_test_assert_problem (r, 409);
  /* Measurements go to the current goal. */
  bel_test_goals_measure (g, g->teacher, f->a, "2025-11-01", 183, 422);
  bel_test_goals_measure (g, g->teacher, revised, "2025-11-01", 183, 201);
  /* PATCH changes the rationale and status only. */
  g_clear_pointer (&old_path, g_free);
  old_path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT, revised);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "PATCH", g->teacher, old_path, "{\"target_value\": 199}");
  bel_test_goals_assert_field (r, "target_value");
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_goals_request (g, "PATCH", g->teacher, old_path,
                              "{\"set_with_family\": true, \"status\": \"missed\"}");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (bel_test_response_object (r), "set_with_family"));
  g_assert_cmpstr (bel_test_response_string (r, "status"), ==, "missed");
}

static JsonObject *
group (JsonObject *summary,
       const char *member,
       const char *key)
{
  JsonArray *groups = json_object_get_array_member (summary, member);

  for (guint i = 0; i < json_array_get_length (groups); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (groups, i), "key"), key) == 0)
      return json_array_get_object_element (groups, i);
  g_assert_not_reached ();
}

static char *
counts (JsonObject *group_obj)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          json_object_get_int_member (group_obj, "students"),
                          json_object_get_int_member (group_obj, "on_track"),
                          json_object_get_int_member (group_obj, "off_track"),
                          json_object_get_int_member (group_obj, "not_enough_data"));
}

#define ASSERT_COUNTS(obj, expected) G_STMT_START { \
    g_autofree char *c_ = counts (obj); \
    g_assert_cmpstr (c_, ==, expected); \
  } G_STMT_END

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  BelTestGoals *g = &f->g;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *summary;
  JsonArray *items;
  gint64 school = g->seed.school_id;

  create_goals (f);
  /* José: A off track (D not enough data); Amara: B on track; Bao: C on track. */
  bel_test_goals_measure (g, g->teacher, f->a, "2025-10-01", 181, 201);
  bel_test_goals_measure (g, g->teacher, f->a, "2025-11-01", 183, 201);
  bel_test_goals_measure (g, g->teacher, f->a, "2025-12-01", 185, 201);
  bel_test_goals_measure (g, g->counselor, f->b, "2025-10-01", 17, 201);
  bel_test_goals_measure (g, g->counselor, f->b, "2025-11-01", 16, 201);
  bel_test_goals_measure (g, g->counselor, f->b, "2025-12-01", 14, 201);
  bel_test_goals_measure (g, g->teacher, f->c, "2026-05-01", 166, 201);
  bel_test_goals_measure (g, g->teacher, f->c, "2026-09-15", 174, 201);
  bel_test_goals_measure (g, g->teacher, f->c, "2026-11-02", 177, 201);

  summary = bel_test_goals_get (g, g->teacher2, &r, "/api/v1/schools/%" G_GINT64_FORMAT
                                "/goals/summary?as_of=2026-11-20", school);
  ASSERT_COUNTS (json_object_get_object_member (summary, "total"), "3/2/1/0");
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (json_object_get_object_member (summary, "total"),
                                                         "share_on_track"), 2.0 / 3, EPS);
  ASSERT_COUNTS (group (summary, "by_grade", "9"), "2/1/1/0");
  ASSERT_COUNTS (group (summary, "by_grade", "10"), "1/1/0/0");
  g_assert_cmpfloat_with_epsilon (bel_test_goals_number (group (summary, "by_grade", "9"), "share_on_track"),
                                  0.5, EPS);
  {
    g_autofree char *falcons = g_strdup_printf ("%" G_GINT64_FORMAT, g->seed.advisory_id);
    ASSERT_COUNTS (group (summary, "by_advisory", falcons), "2/1/1/0");
  }
  ASSERT_COUNTS (group (summary, "by_subgroup", "el"), "2/1/1/0");
  ASSERT_COUNTS (group (summary, "by_subgroup", "iep"), "1/1/0/0");
  ASSERT_COUNTS (group (summary, "by_subgroup", "504"), "0/0/0/0");
  g_assert_true (json_object_get_null_member (group (summary, "by_subgroup", "504"), "share_on_track"));
  ASSERT_COUNTS (group (summary, "by_subgroup", "attr:gender=Female"), "1/1/0/0");
  g_clear_pointer (&r, bel_test_response_free);

  /* Filters narrow the students counted. */
  summary = bel_test_goals_get (g, g->teacher, &r, "/api/v1/schools/%" G_GINT64_FORMAT
                                "/goals/summary?as_of=2026-11-20&subgroup=el", school);
  ASSERT_COUNTS (json_object_get_object_member (summary, "total"), "2/1/1/0");
  g_clear_pointer (&r, bel_test_response_free);
  summary = bel_test_goals_get (g, g->teacher, &r, "/api/v1/schools/%" G_GINT64_FORMAT
                                "/goals/summary?as_of=2026-11-20&metric=%" G_GINT64_FORMAT, school, g->errors_id);
  ASSERT_COUNTS (json_object_get_object_member (summary, "total"), "2/1/0/1");
  g_clear_pointer (&r, bel_test_response_free);

  /* The school's list, filtered to the off-track goals: José's reading goal only. */
  summary = bel_test_goals_get (g, g->teacher, &r, "/api/v1/schools/%" G_GINT64_FORMAT
                                "/goals?as_of=2026-11-20&track=off_track", school);
  items = json_object_get_array_member (summary, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, f->a);
  g_clear_pointer (&r, bel_test_response_free);
  summary = bel_test_goals_get (g, g->teacher, &r, "/api/v1/schools/%" G_GINT64_FORMAT "/goals?grade=9", school);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (summary, "items")), ==, 3);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_daemon_request (g->d, "GET", "/api/v1/schools/1/goals?subgroup=left-handed", g->teacher,
                               NULL, NULL);
  bel_test_assert_problem (r, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/goals/revise/keeps-the-old-goal", test_revise);
  ADD ("/goals/summary/share-on-track-by-group", test_summary);
#undef ADD

  return g_test_run ();
}
