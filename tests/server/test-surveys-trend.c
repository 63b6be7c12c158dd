/* test-surveys-trend.c - the trend across a survey's windows, by subgroup:
 * each window's groups are suppressed by the small-groups rule on their own
 * (complementary cells included), a window with too few answers at all
 * shows nothing, scheduled windows are left out, and a teacher sees only
 * their own advisory over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"
#include "bel-test-survey-form.h"

static gint64
new_window (BelTestSurveys *s,
            const char     *body)
{
  g_autoptr(BelTestResponse) r = bel_test_surveys_call (s, "POST", s->leader, body, NULL,
                                                        "/api/v1/surveys/%" G_GINT64_FORMAT "/windows", s->survey_id);

  g_assert_cmpuint (r->status, ==, 201);
  return bel_test_response_int (r, "id");
}

/* Issues the advisory's codes in @window_id and answers with the first @n. */
static void
answer (BelTestSurveys *s,
        gint64          window_id,
        gint64          advisory_id,
        guint           n)
{
  g_autoptr(BelTestResponse) r = bel_test_surveys_call (s, "POST", s->leader, NULL, NULL,
                                                        "/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%"
                                                        G_GINT64_FORMAT "/codes", window_id, advisory_id);
  JsonArray *slips;

  g_assert_cmpuint (r->status, ==, 200);
  slips = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (slips), >=, n);
  for (guint i = 0; i < n; i++)
    {
      const char *code = json_object_get_string_member (json_array_get_object_element (slips, i), "code");
      g_assert_cmpuint (bel_test_survey_answer (s->d->url, code, 4), ==, 200);
    }
}

static JsonArray *
trend_windows (BelTestSurveys  *s,
               const char      *token,
               const char      *breakdown,
               BelTestResponse **keep)
{
  *keep = bel_test_surveys_call (s, "GET", token, NULL, NULL, "/api/v1/surveys/%" G_GINT64_FORMAT "/trend?breakdown=%s",
                                 s->survey_id, breakdown);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (bel_test_response_object (*keep), "breakdown"), ==, breakdown);
  return json_object_get_array_member (bel_test_response_object (*keep), "windows");
}

static JsonObject *
breakdown_of (JsonArray *windows,
              guint      w)
{
  JsonObject *window = json_array_get_object_element (windows, w);

  return json_object_get_null_member (window, "breakdown") ? NULL
                                                            : json_object_get_object_member (window, "breakdown");
}

static void
test_trend_by_subgroup_suppresses_each_window (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) close = NULL;
  g_autoptr(BelTestResponse) gender_r = NULL;
  g_autoptr(BelTestResponse) el_r = NULL;
  g_autoptr(BelTestResponse) grade_r = NULL;
  JsonArray *windows;
  JsonObject *gender, *el, *grade, *overall;
  gint64 autumn, winter;

  bel_test_surveys_setup (&s);
  /* Spring (29 answered) closes; Autumn gets 12 Falcons, Winter 3 Herons; Summer is only planned */
  close = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"status\": \"closed\"}", "*",
                                 "/api/v1/survey-windows/%" G_GINT64_FORMAT, s.window_id);
  g_assert_cmpuint (close->status, ==, 200);
  autumn = new_window (&s, "{\"name\": \"Autumn\", \"opens_on\": \"2020-01-02\", \"closes_on\": \"2099-12-31\", "
                           "\"status\": \"open\"}");
  winter = new_window (&s, "{\"name\": \"Winter\", \"opens_on\": \"2020-01-03\", \"closes_on\": \"2099-12-31\", "
                           "\"status\": \"open\"}");
  new_window (&s, "{\"name\": \"Summer\", \"opens_on\": \"2099-06-01\", \"closes_on\": \"2099-06-12\"}");
  answer (&s, autumn, s.seed.advisory_id, 12);
  answer (&s, winter, s.seed.other_advisory_id, 3);

  windows = trend_windows (&s, s.leader, "attr:gender", &gender_r);
  g_assert_cmpuint (json_array_get_length (windows), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (windows, 1), "window_name"), ==,
                   "Autumn");
  /* Spring: nonbinary (3) hidden, and boy (13) with it, so 3 = 29 - 13 - 13 cannot be had; girl shown */
  gender = breakdown_of (windows, 0);
  bel_test_assert_hidden (bel_test_surveys_cell (gender, "nonbinary"));
  bel_test_assert_hidden (bel_test_surveys_cell (gender, "boy"));
  g_assert_cmpint (bel_test_cell_respondents (bel_test_surveys_cell (gender, "girl")), ==, 13);
  g_assert_cmpint (bel_test_cell_respondents (json_object_get_object_member (gender, "small_groups")), ==, 16);
  /* Autumn: 12 answered, so no group of them reaches 10 without the rest being fewer than 10:
   * every group is hidden and only the pool of all 12 shows */
  gender = breakdown_of (windows, 1);
  g_assert_cmpint (bel_test_cell_respondents (json_object_get_object_member (json_array_get_object_element (windows, 1),
                                                               "overall")), ==, 12);
  for (guint c = 0; c < json_array_get_length (json_object_get_array_member (gender, "cells")); c++)
    bel_test_assert_hidden (json_array_get_object_element (json_object_get_array_member (gender, "cells"), c));
  g_assert_cmpint (bel_test_cell_respondents (json_object_get_object_member (gender, "small_groups")), ==, 12);
  /* Winter: 3 answered in all, so even everyone is hidden */
  overall = json_object_get_object_member (json_array_get_object_element (windows, 2), "overall");
  bel_test_assert_hidden (overall);
  gender = breakdown_of (windows, 2);
  for (guint c = 0; c < json_array_get_length (json_object_get_array_member (gender, "cells")); c++)
    bel_test_assert_hidden (json_array_get_object_element (json_object_get_array_member (gender, "cells"), c));
  if (!json_object_get_null_member (gender, "small_groups"))
    bel_test_assert_hidden (json_object_get_object_member (gender, "small_groups"));

  /* English learners: 4 of 29 in Spring hides both cells; in Autumn too */
  windows = trend_windows (&s, s.leader, "el_status", &el_r);
  el = breakdown_of (windows, 0);
  bel_test_assert_hidden (bel_test_surveys_cell (el, "current"));
  bel_test_assert_hidden (bel_test_surveys_cell (el, "none"));
  el = breakdown_of (windows, 1);
  bel_test_assert_hidden (bel_test_surveys_cell (el, "none"));

  /* Grades: Spring 17 and 12 shown; Autumn one grade of 12, shown with its share agreeing */
  windows = trend_windows (&s, s.leader, "grade", &grade_r);
  grade = breakdown_of (windows, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (grade, "cells")), ==, 1);
  {
    JsonObject *nine = json_array_get_object_element (json_object_get_array_member (grade, "cells"), 0);
    JsonObject *first = json_array_get_object_element (json_object_get_array_member (nine, "items"), 0);

    g_assert_cmpint (bel_test_cell_respondents (nine), ==, 12);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "agree_share"), 1.0, 1e-9);
  }
  bel_test_surveys_teardown (&s);
}

static void
test_trend_teacher_sees_own_advisory_over_time (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) close = NULL;
  g_autoptr(BelTestResponse) advisory_r = NULL;
  g_autoptr(BelTestResponse) gender_r = NULL;
  JsonArray *windows;
  gint64 autumn;

  bel_test_surveys_setup (&s);
  close = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"status\": \"closed\"}", "*",
                                 "/api/v1/survey-windows/%" G_GINT64_FORMAT, s.window_id);
  g_assert_cmpuint (close->status, ==, 200);
  autumn = new_window (&s, "{\"name\": \"Autumn\", \"opens_on\": \"2020-01-02\", \"closes_on\": \"2099-12-31\", "
                           "\"status\": \"open\"}");
  answer (&s, autumn, s.seed.advisory_id, 11);

  /* The Falcons' advisor: their advisory in each window (14, then 11), nobody else's */
  windows = trend_windows (&s, s.teacher, "advisory", &advisory_r);
  g_assert_cmpuint (json_array_get_length (windows), ==, 2);
  for (guint w = 0; w < 2; w++)
    {
      JsonObject *b = breakdown_of (windows, w);
      JsonArray *cells = json_object_get_array_member (b, "cells");

      g_assert_false (json_object_get_boolean_member (b, "complete"));
      g_assert_cmpuint (json_array_get_length (cells), ==, 1);
      g_assert_cmpint (bel_test_cell_respondents (json_array_get_object_element (cells, 0)), ==, w == 0 ? 14 : 11);
      g_assert_true (json_object_get_null_member (b, "small_groups"));
    }
  /* Subgroups are for counselors and leaders */
  windows = trend_windows (&s, s.teacher, "attr:gender", &gender_r);
  g_assert_null (breakdown_of (windows, 0));
  g_assert_null (breakdown_of (windows, 1));
  bel_test_surveys_teardown (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/surveys/trend/by-subgroup-suppresses-each-window", test_trend_by_subgroup_suppresses_each_window);
  g_test_add_func ("/surveys/trend/teacher-sees-own-advisory-over-time", test_trend_teacher_sees_own_advisory_over_time);

  return g_test_run ();
}
