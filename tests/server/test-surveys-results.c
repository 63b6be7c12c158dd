/* test-surveys-results.c - results with small groups suppressed (complementary
 * suppression included), who sees which results, and that no endpoint ever
 * returns one student's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"

#include <string.h>

#include "bel-survey-suppress.h"

static JsonObject *
cell_of (JsonObject *breakdown,
         gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  JsonObject *cell = bel_test_surveys_cell (breakdown, key);

  g_assert_nonnull (cell);
  return cell;
}

/* The algorithm itself, on the docs' examples. */
static void
test_suppress_rule (void)
{
  gint64 one_small[] = { 14, 3, 12 };
  gboolean flags1[3] = { FALSE };
  gint64 two_tiny[] = { 30, 1, 1, 40 };
  gboolean flags2[4] = { FALSE };
  gint64 binary[] = { 25, 4 };
  gboolean flags3[2] = { FALSE };
  gint64 fine[] = { 10, 11, 0 };
  gboolean flags4[3] = { FALSE };

  /* One small cell: the next smallest goes too, so 3 cannot be had as total - 14 - 12 */
  g_assert_cmpint (bel_survey_suppress_partition (one_small, flags1, 3, 10), ==, 15);
  g_assert_false (flags1[0]);
  g_assert_true (flags1[1] && flags1[2]);
  /* Two tiny cells pool only 2: suppress until the pool reaches the minimum */
  g_assert_cmpint (bel_survey_suppress_partition (two_tiny, flags2, 4, 10), ==, 32);
  g_assert_true (flags2[0] && flags2[1] && flags2[2]);
  g_assert_false (flags2[3]);
  /* A yes/no subgroup: a small "yes" hides "no" too (else no = total - yes) */
  bel_survey_suppress_partition (binary, flags3, 2, 10);
  g_assert_true (flags3[0] && flags3[1]);
  /* Nothing small, nothing suppressed; empty cells are not suppressed */
  g_assert_cmpint (bel_survey_suppress_partition (fine, flags4, 3, 10), ==, 0);
  g_assert_false (flags4[0] || flags4[1] || flags4[2]);
  /* Overlapping cells (classes): the cell and its complement must be 0 or >= min */
  g_assert_true (bel_survey_suppress_overlapping (25, 29, 10));
  g_assert_false (bel_survey_suppress_overlapping (15, 29, 10));
  g_assert_false (bel_survey_suppress_overlapping (29, 29, 10));
}

static void
test_results_suppress_small_groups (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) on = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *obj, *advisory, *gender, *el, *grade, *overall, *pool;
  JsonObject *item;

  bel_test_surveys_setup (&s);
  on = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"leaders_see_teacher_results\": true}", "*",
                              "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  g_assert_cmpuint (on->status, ==, 200);
  r = bel_test_surveys_call (&s, "GET", s.leader, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results",
                             s.window_id);
  g_assert_cmpuint (r->status, ==, 200);
  obj = bel_test_response_object (r);
  g_assert_cmpint (json_object_get_int_member (obj, "min_respondents"), ==, 10);
  overall = json_object_get_object_member (obj, "overall");
  g_assert_cmpint (bel_test_cell_respondents (overall), ==, 29);
  item = json_array_get_object_element (json_object_get_array_member (overall, "items"), 0);
  /* 26 strongly agree, 3 strongly disagree */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "agree_share"), 26.0 / 29.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "mean"), (26 * 5 + 3) / 29.0, 1e-9);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (item, "distribution"), 0), ==, 3);

  /* Herons (3) suppressed, and Owls (12) with it; Falcons (14) shown; the pool is 15 */
  advisory = bel_test_surveys_breakdown (obj, "advisory");
  g_assert_nonnull (advisory);
  g_assert_cmpint (bel_test_cell_respondents (cell_of (advisory, s.seed.advisory_id)), ==, 14);
  g_assert_true (bel_test_cell_suppressed (cell_of (advisory, s.seed.other_advisory_id)));
  g_assert_true (json_object_get_null_member (cell_of (advisory, s.seed.other_advisory_id), "respondents"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cell_of (advisory, s.seed.other_advisory_id),
                                                                         "items")), ==, 0);
  g_assert_true (bel_test_cell_suppressed (cell_of (advisory, s.owls_id)));
  pool = json_object_get_object_member (advisory, "small_groups");
  g_assert_cmpint (bel_test_cell_respondents (pool), ==, 15);

  /* gender: nonbinary (3) and boy (13, the first of the smallest) suppressed, girl (13) shown */
  gender = bel_test_surveys_breakdown (obj, "attr:gender");
  g_assert_nonnull (gender);
  /* the roster's attribute name, as a heading a leader reads */
  g_assert_cmpstr (json_object_get_string_member (gender, "label"), ==, "Gender");
  g_assert_true (bel_test_cell_suppressed (bel_test_surveys_cell (gender, "nonbinary")));
  g_assert_true (bel_test_cell_suppressed (bel_test_surveys_cell (gender, "boy")));
  g_assert_cmpint (bel_test_cell_respondents (bel_test_surveys_cell (gender, "girl")), ==, 13);
  g_assert_cmpint (bel_test_cell_respondents (json_object_get_object_member (gender, "small_groups")), ==, 16);

  /* EL (4) suppressed, so the rest (25) too: else 25 = 29 - 4 gives it away */
  el = bel_test_surveys_breakdown (obj, "el_status");
  g_assert_true (bel_test_cell_suppressed (bel_test_surveys_cell (el, "current")));
  g_assert_true (bel_test_cell_suppressed (bel_test_surveys_cell (el, "none")));

  /* grades 9 (17) and 10 (12) are both big enough */
  grade = bel_test_surveys_breakdown (obj, "grade");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (grade, "cells")), ==, 2);
  g_assert_true (json_object_get_null_member (grade, "small_groups"));

  bel_test_surveys_teardown (&s);
}

static void
test_results_minimum_is_a_school_setting (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) set = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) bad = NULL;
  g_autoptr(BelTestResponse) teacher = NULL;
  JsonObject *advisory;

  bel_test_surveys_setup (&s);
  teacher = bel_test_surveys_call (&s, "PATCH", s.teacher, "{\"min_respondents\": 3}", "*",
                                   "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  bel_test_assert_problem (teacher, 403);
  bad = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"min_respondents\": 1}", "*",
                               "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  bel_test_assert_problem (bad, 422);
  set = bel_test_surveys_call (&s, "PATCH", s.leader,
                               "{\"min_respondents\": 3, \"leaders_see_teacher_results\": true}", "*",
                               "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  g_assert_cmpuint (set->status, ==, 200);
  r = bel_test_surveys_call (&s, "GET", s.leader, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results",
                             s.window_id);
  advisory = bel_test_surveys_breakdown (bel_test_response_object (r), "advisory");
  g_assert_cmpint (bel_test_cell_respondents (cell_of (advisory, s.seed.other_advisory_id)), ==, 3);
  g_assert_true (json_object_get_null_member (advisory, "small_groups"));
  bel_test_surveys_teardown (&s);
}

static void
test_results_teacher_sees_own_class_only (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) t = NULL;
  g_autoptr(BelTestResponse) l = NULL;
  g_autoptr(BelTestResponse) on = NULL;
  g_autoptr(BelTestResponse) l2 = NULL;
  g_autoptr(BelTestResponse) o = NULL;
  g_autoptr(BelTestResponse) rates = NULL;
  JsonObject *advisory;

  bel_test_surveys_setup (&s);
  /* The teacher: everyone, and only Falcons (theirs) of the advisories; no subgroups */
  t = bel_test_surveys_call (&s, "GET", s.teacher, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results",
                             s.window_id);
  g_assert_cmpuint (t->status, ==, 200);
  advisory = bel_test_surveys_breakdown (bel_test_response_object (t), "advisory");
  g_assert_nonnull (advisory);
  g_assert_false (json_object_get_boolean_member (advisory, "complete"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (advisory, "cells")), ==, 1);
  g_assert_cmpint (bel_test_cell_respondents (cell_of (advisory, s.seed.advisory_id)), ==, 14);
  g_assert_true (json_object_get_null_member (advisory, "small_groups"));
  g_assert_null (bel_test_surveys_breakdown (bel_test_response_object (t), "attr:gender"));
  g_assert_null (bel_test_surveys_breakdown (bel_test_response_object (t), "grade"));

  /* A leader: grades and subgroups, but not the teachers' own results while the setting is off */
  l = bel_test_surveys_call (&s, "GET", s.leader, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results",
                             s.window_id);
  g_assert_nonnull (bel_test_surveys_breakdown (bel_test_response_object (l), "grade"));
  g_assert_null (bel_test_surveys_breakdown (bel_test_response_object (l), "advisory"));
  on = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"leaders_see_teacher_results\": true}", "*",
                              "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  g_assert_cmpuint (on->status, ==, 200);
  l2 = bel_test_surveys_call (&s, "GET", s.leader, NULL, NULL,
                              "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results", s.window_id);
  advisory = bel_test_surveys_breakdown (bel_test_response_object (l2), "advisory");
  g_assert_nonnull (advisory);
  g_assert_true (json_object_get_boolean_member (advisory, "complete"));

  /* Another school's staff: nothing */
  o = bel_test_surveys_call (&s, "GET", s.outsider, NULL, NULL,
                             "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results", s.window_id);
  bel_test_assert_problem (o, 403);
  /* Response rates: the teacher sees their advisory only: 14 of 15 answered */
  rates = bel_test_surveys_call (&s, "GET", s.teacher, NULL, NULL,
                                 "/api/v1/survey-windows/%" G_GINT64_FORMAT "/response-rates", s.window_id);
  g_assert_cmpuint (rates->status, ==, 200);
  {
    JsonArray *items = json_object_get_array_member (bel_test_response_object (rates), "items");
    JsonObject *falcons;

    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    falcons = json_array_get_object_element (items, 0);
    g_assert_cmpint (json_object_get_int_member (falcons, "students"), ==, 15);
    g_assert_cmpint (json_object_get_int_member (falcons, "responded"), ==, 14);
  }
  bel_test_surveys_teardown (&s);
}

static JsonObject *
class_breakdown (BelTestSurveys   *s,
                 const char       *token,
                 BelTestResponse **keep)
{
  *keep = bel_test_surveys_call (s, "GET", token, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT "/results",
                                 s->window_id);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  return bel_test_surveys_breakdown (bel_test_response_object (*keep), "class");
}

static void
test_results_teacher_sees_own_classes (void)
{
  BelTestSurveys s = { 0 };
  gint64 biology[3] = { 0 };
  gint64 art[3] = { 0 };
  g_autoptr(BelTestResponse) t = NULL;
  g_autoptr(BelTestResponse) c = NULL;
  g_autoptr(BelTestResponse) l = NULL;
  g_autoptr(BelTestResponse) on = NULL;
  g_autoptr(BelTestResponse) l2 = NULL;
  JsonObject *classes;

  bel_test_surveys_setup (&s);
  /* Biology (the teacher's): Herons and Owls, 15 answered, 14 not in it; Art (the counselor's):
   * Falcons and Owls, 26 answered but only the 3 Herons not in it, so it would give them away */
  biology[0] = s.seed.other_advisory_id;
  biology[1] = s.owls_id;
  art[0] = s.seed.advisory_id;
  art[1] = s.owls_id;
  bel_test_surveys_add_class (&s, "Biology", s.seed.teacher_id, biology);
  bel_test_surveys_add_class (&s, "Art", s.seed.counselor_id, art);

  classes = class_breakdown (&s, s.teacher, &t);
  g_assert_nonnull (classes);
  g_assert_false (json_object_get_boolean_member (classes, "complete"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (classes, "cells")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (classes, "cells"), 0), "label"), ==, "Biology");
  g_assert_cmpint (bel_test_cell_respondents (
                     json_array_get_object_element (json_object_get_array_member (classes, "cells"), 0)), ==, 15);
  /* the counselor's own class: too close to everyone to show */
  classes = class_breakdown (&s, s.counselor, &c);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (classes, "cells")), ==, 1);
  g_assert_true (bel_test_cell_suppressed (
                   json_array_get_object_element (json_object_get_array_member (classes, "cells"), 0)));
  /* a leader: nobody's class while the school says no, every class when it says yes */
  g_assert_null (class_breakdown (&s, s.leader, &l));
  on = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"leaders_see_teacher_results\": true}", "*",
                              "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  g_assert_cmpuint (on->status, ==, 200);
  classes = class_breakdown (&s, s.leader, &l2);
  g_assert_true (json_object_get_boolean_member (classes, "complete"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (classes, "cells")), ==, 2);
  bel_test_surveys_teardown (&s);
}

/* No value of an agreement item appears next to a student anywhere. */
static void
assert_no_student_answers (BelTestSurveys *s,
                           const char     *path)
{
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *text = NULL;
  g_autofree char *herons = g_strdup_printf ("\"student_id\":%" G_GINT64_FORMAT, s->herons_first);

  g_test_message ("GET %s", path);
  r = bel_test_daemon_request (s->d, "GET", path, s->leader, NULL, NULL);
  text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
  g_assert_cmpuint (r->status, <, 500);
  /* The Herons' answers (strongly disagree) only exist in their 3-student cell */
  g_assert_null (strstr (text, "\"value\""));
  if (strstr (text, herons) != NULL)
    {
      g_assert_null (strstr (text, "\"distribution\""));
      g_assert_null (strstr (text, "\"mean\""));
      g_assert_null (strstr (text, "\"agree_share\""));
    }
}

static void
test_confidential_answers_never_per_student (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) on = NULL;
  const char *breakdowns[] = { "", "?breakdown=grade", "?breakdown=advisory", "?breakdown=el_status",
                               "?breakdown=iep_504", "?breakdown=class", "?breakdown=attr:gender" };

  bel_test_surveys_setup (&s);
  on = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"leaders_see_teacher_results\": true, \"min_respondents\": 3}",
                              "*", "/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", s.seed.school_id);
  g_assert_cmpuint (on->status, ==, 200);
  for (guint i = 0; i < G_N_ELEMENTS (breakdowns); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/trend%s", s.survey_id,
                                               breakdowns[i]);
      assert_no_student_answers (&s, path);
    }
  {
    g_autofree char *paths[] = {
      g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/results", s.window_id),
      g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT, s.window_id),
      g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/response-rates", s.window_id),
      g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/adult-map", s.window_id),
      g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT, s.survey_id),
      g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/windows", s.survey_id),
      g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/surveys", s.seed.school_id),
      g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, s.herons_first),
      g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile", s.herons_first),
      g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/export", s.herons_first),
      g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/audit", s.seed.school_id),
      g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events?since=0", s.seed.school_id),
    };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        assert_no_student_answers (&s, paths[i]);
        g_free (paths[i]);
        paths[i] = NULL;
      }
  }
  bel_test_surveys_teardown (&s);
}

static void
test_adult_map_counselors_and_leaders_only (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) round = NULL;
  g_autoptr(BelTestResponse) t = NULL;
  g_autoptr(BelTestResponse) c = NULL;
  JsonObject *obj;

  bel_test_surveys_setup (&s);
  t = bel_test_surveys_call (&s, "GET", s.teacher, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT "/adult-map",
                             s.window_id);
  bel_test_assert_problem (t, 403);
  round = bel_test_surveys_call (&s, "POST", s.leader, "{\"name\": \"Spring map\"}", NULL,
                                 "/api/v1/schools/%" G_GINT64_FORMAT "/rounds", s.seed.school_id);
  g_assert_cmpuint (round->status, ==, 201);
  c = bel_test_surveys_call (&s, "GET", s.counselor, NULL, NULL,
                             "/api/v1/survey-windows/%" G_GINT64_FORMAT "/adult-map", s.window_id);
  g_assert_cmpuint (c->status, ==, 200);
  obj = bel_test_response_object (c);
  g_assert_true (json_object_get_boolean_member (obj, "identified"));
  g_assert_cmpint (json_object_get_int_member (obj, "respondents"), ==, 29);
  g_assert_cmpint (json_object_get_int_member (obj, "named_nobody_count"), ==, 0);
  /* Nobody is marked on the new round: all 30 students are unmarked, and the
   * teacher every respondent named was missed by the map 29 times */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "unmarked")), ==, 30);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "missed")), ==, 29);
  {
    JsonObject *adult = json_array_get_object_element (json_object_get_array_member (obj, "adults"), 0);
    g_assert_cmpint (json_object_get_int_member (adult, "account_id"), ==, s.seed.teacher_id);
    g_assert_cmpint (json_object_get_int_member (adult, "named_by"), ==, 29);
  }
  bel_test_surveys_teardown (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/surveys/results/suppression-rule", test_suppress_rule);
  g_test_add_func ("/surveys/results/small-groups-and-complements-suppressed", test_results_suppress_small_groups);
  g_test_add_func ("/surveys/results/minimum-is-a-school-setting", test_results_minimum_is_a_school_setting);
  g_test_add_func ("/surveys/results/teacher-sees-own-class-only", test_results_teacher_sees_own_class_only);
  g_test_add_func ("/surveys/results/teacher-sees-own-classes", test_results_teacher_sees_own_classes);
  g_test_add_func ("/surveys/results/confidential-answers-never-per-student",
                   test_confidential_answers_never_per_student);
  g_test_add_func ("/surveys/adult-map/counselors-and-leaders-only", test_adult_map_counselors_and_leaders_only);

  return g_test_run ();
}
