/* test-checkins-meeting.c - "who needs us most": reasons, weights, order,
 * evidence and the adults who know each student, on a known fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-checkins.h"

#include <string.h>

typedef BelTestCheckins Fixture;

static void setup (Fixture *f, gconstpointer data) { bel_test_checkins_setup (f); }
static void teardown (Fixture *f, gconstpointer data) { bel_test_checkins_teardown (f); }

#define ID "%" G_GINT64_FORMAT

static void
put (Fixture    *f,
     const char *token,
     gint64      round_id,
     gint64      student,
     gint64      account,
     const char *kind)
{
  g_autoptr(BelTestResponse) r = bel_test_checkins_call (f, "PUT", token, NULL, NULL,
                                                         "/api/v1/rounds/" ID "/marks/" ID "/" ID "/%s",
                                                         round_id, student, account, kind);

  g_assert_cmpuint (r->status / 100, ==, 2);
}

static void
non_academic (Fixture    *f,
              gint64      student,
              const char *day)
{
  g_autofree char *body = g_strdup_printf ("{\"checked_on\": \"%s\", \"kind\": \"non_academic\"}", day);

  bel_test_checkins_create (f, f->teacher, body, "/api/v1/students/" ID "/checkins", student);
}

static void
contact (Fixture    *f,
         gint64      student,
         const char *day,
         gboolean    good_news)
{
  g_autofree char *body = g_strdup_printf ("{\"caregiver_name\": \"Rosa\", \"relationship\": \"mother\", "
                                           "\"channel\": \"call\", \"language\": \"Spanish\", \"interpreter\": true, "
                                           "\"good_news\": %s, \"contacted_on\": \"%s\"}",
                                           good_news ? "true" : "false", day);

  bel_test_checkins_create (f, f->teacher, body, "/api/v1/students/" ID "/contacts", student);
}

static void
attendance (Fixture    *f,
            gint64      student,
            const char *day,
            int         rate)
{
  g_autofree char *body = g_strdup_printf ("{\"section\": \"academics\", \"body\": \"Attendance report\", "
                                           "\"observed_on\": \"%s\", \"attendance_rate\": %d}", day, rate);

  bel_test_checkins_create (f, f->counselor, body, "/api/v1/students/" ID "/profile/entries", student);
}

/* Dev: a reading goal from 10 to 30, measured at 10, 11, 11: behind the aim line. */
static void
off_track_goal (Fixture *f)
{
  gint64 metric = bel_test_checkins_create (f, f->leader,
      "{\"name\": \"Reading level\", \"unit\": \"points\", \"scale_min\": 0, \"scale_max\": 100, "
      "\"direction\": \"higher\"}", "/api/v1/schools/" ID "/metrics", f->seed.school_id);
  g_autofree char *goal_body = g_strdup_printf ("{\"metric_id\": " ID ", \"baseline_value\": 10, "
                                                "\"baseline_date\": \"2025-09-01\", \"target_value\": 30, "
                                                "\"target_date\": \"2026-06-01\"}", metric);
  gint64 goal = bel_test_checkins_create (f, f->counselor, goal_body, "/api/v1/students/" ID "/goals", f->dev);
  const char * const days[] = { "2026-01-10", "2026-02-01", "2026-02-20" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"measured_on\": \"%s\", \"value\": %u}", days[i], i == 0 ? 10 : 11);
      g_autoptr(BelTestResponse) r = bel_test_checkins_call (f, "POST", f->counselor, body, NULL,
                                                             "/api/v1/goals/" ID "/measurements", goal);
      g_assert_cmpuint (r->status, ==, 201);
    }
}

/*            flags  board        attendance  goal   contacts (Q1)   non-academic check-ins
 *   Ana      closed T            -           -      good news       Jan, Feb
 *   Ben      2 open -            -           -      Dec only        Jan
 *   Cleo     -      C, L(pers.)  96 -> 94    -      a call          Jan, Feb
 *   Dev      -      C            95 -> 88    off    -               -
 *   José     -      -            -           -      -               -        (advocate: teacher2)
 */
static void
build_meeting (Fixture *f)
{
  gint64 round_id = bel_test_checkins_create (f, f->leader, "{\"name\": \"Winter map\"}",
                                              "/api/v1/schools/" ID "/rounds", f->seed.school_id);
  gint64 closed_flag;
  g_autofree char *advocate = g_strdup_printf ("{\"account_id\": " ID ", \"follow_up_on\": \"2026-03-15\"}",
                                               f->teacher2_id);
  g_autoptr(BelTestResponse) closed = NULL;

  put (f, f->teacher, round_id, f->ana, f->seed.teacher_id, "relationship");
  put (f, f->counselor, round_id, f->cleo, f->seed.counselor_id, "relationship");
  put (f, f->leader, round_id, f->cleo, f->seed.leader_id, "personal");
  put (f, f->counselor, round_id, f->dev, f->seed.counselor_id, "relationship");
  bel_test_checkins_create (f, f->teacher2, "{\"reason\": \"A secret worry about home\"}",
                            "/api/v1/students/" ID "/flags", f->ben);
  bel_test_checkins_create (f, f->teacher2, "{\"reason\": \"Another secret worry\"}",
                            "/api/v1/students/" ID "/flags", f->ben);
  closed_flag = bel_test_checkins_create (f, f->teacher, "{\"reason\": \"Lost a friend\"}",
                                          "/api/v1/students/" ID "/flags", f->ana);
  closed = bel_test_checkins_call (f, "PATCH", f->counselor, "{\"status\": \"closed\", \"resolution\": \"Talked\"}",
                                   "\"1\"", "/api/v1/flags/" ID, closed_flag);
  g_assert_cmpuint (closed->status, ==, 200);
  attendance (f, f->cleo, "2026-01-30", 96);
  attendance (f, f->cleo, "2026-02-27", 94);
  attendance (f, f->dev, "2026-01-30", 95);
  attendance (f, f->dev, "2026-02-27", 88);
  off_track_goal (f);
  contact (f, f->ana, "2026-02-10", TRUE);
  contact (f, f->cleo, "2026-01-15", FALSE);
  contact (f, f->ben, "2025-12-10", TRUE);
  non_academic (f, f->ana, "2026-01-20");
  non_academic (f, f->ana, "2026-02-12");
  non_academic (f, f->cleo, "2026-01-20");
  non_academic (f, f->cleo, "2026-02-25");
  non_academic (f, f->ben, "2026-01-22");
  bel_test_checkins_create (f, f->counselor, advocate, "/api/v1/students/" ID "/advocates", f->jose);
}

static BelTestResponse *
meeting (Fixture    *f,
         const char *token,
         const char *query)
{
  return bel_test_checkins_call (f, "GET", token, NULL, NULL, "/api/v1/schools/" ID "/meeting?%s",
                                 f->seed.school_id, query);
}

static char *
reason_codes (JsonObject *student)
{
  JsonArray *reasons = json_object_get_array_member (student, "reasons");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      JsonObject *reason = json_array_get_object_element (reasons, i);
      g_string_append_printf (out, "%s%s=%" G_GINT64_FORMAT, i ? "," : "",
                              json_object_get_string_member (reason, "code"),
                              json_object_get_int_member (reason, "weight"));
    }
  return g_strdup (out->str);
}

static const char *
evidence (JsonObject *student,
          const char *code)
{
  JsonArray *reasons = json_object_get_array_member (student, "reasons");

  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      JsonObject *reason = json_array_get_object_element (reasons, i);
      if (g_str_equal (json_object_get_string_member (reason, "code"), code))
        return json_object_get_string_member (reason, "evidence");
    }
  g_assert_not_reached ();
}

static char *
adults (JsonObject *student)
{
  JsonArray *list = json_object_get_array_member (student, "adults");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *adult = json_array_get_object_element (list, i);
      g_string_append_printf (out, "%s%s: %s", i ? "; " : "", json_object_get_string_member (adult, "display_name"),
                              json_object_get_string_member (adult, "why"));
    }
  return g_strdup (out->str);
}

static void
test_ranking_reasons_and_order (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) later = NULL;
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *ben_codes = NULL, *dev_codes = NULL, *jose_codes = NULL;
  g_autofree char *jose_adults = NULL, *dev_adults = NULL;
  JsonArray *items;
  JsonObject *ben, *dev, *jose;
  g_autofree char *text = NULL;

  build_meeting (f);
  r = meeting (f, f->teacher2, "as_of=2026-03-04");
  items = bel_test_items (r);
  order = bel_test_column (items, "student_id");
  expected = g_strdup_printf (ID "," ID "," ID, f->ben, f->dev, f->jose);
  g_assert_cmpstr (order, ==, expected);
  ben = json_array_get_object_element (items, 0);
  dev = json_array_get_object_element (items, 1);
  jose = json_array_get_object_element (items, 2);
  g_assert_cmpint (json_object_get_int_member (ben, "rank"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (ben, "score"), ==, 105);
  g_assert_cmpint (json_object_get_int_member (dev, "score"), ==, 80);
  g_assert_cmpint (json_object_get_int_member (jose, "score"), ==, 65);

  ben_codes = reason_codes (ben);
  g_assert_cmpstr (ben_codes, ==, "open_concern_flag=50,no_adult=30,no_family_contact=15,missed_checkins=10");
  dev_codes = reason_codes (dev);
  g_assert_cmpstr (dev_codes, ==, "falling_attendance=25,goals_off_track=20,missed_checkins=20,no_family_contact=15");
  jose_codes = reason_codes (jose);
  g_assert_cmpstr (jose_codes, ==, "no_adult=30,missed_checkins=20,no_family_contact=15");

  /* Evidence says what and when, never the concern itself */
  g_assert_nonnull (strstr (evidence (ben, "open_concern_flag"), "2 concern flags are open"));
  g_assert_nonnull (strstr (evidence (ben, "open_concern_flag"), "Tia Two"));
  g_assert_nonnull (strstr (evidence (ben, "no_adult"), "Winter map"));
  g_assert_nonnull (strstr (evidence (ben, "no_family_contact"), "10 Dec 2025"));
  g_assert_nonnull (strstr (evidence (ben, "missed_checkins"), "missed 1 (February 2026)"));
  g_assert_cmpstr (evidence (dev, "falling_attendance"), ==, "Attendance 88% on 27 Feb 2026, was 95% on 30 Jan 2026");
  g_assert_cmpstr (evidence (dev, "goals_off_track"), ==, "Off track on “Reading level”");
  g_assert_cmpstr (evidence (jose, "no_family_contact"), ==, "No contact with the family on record");
  text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
  g_assert_null (strstr (text, "secret"));

  /* Who knows them: advocate first, then marks, then the advisor */
  jose_adults = adults (jose);
  g_assert_cmpstr (jose_adults, ==, "Tia Two: advocate: assigned; Tess Teacher: advisor");
  dev_adults = adults (dev);
  g_assert_cmpstr (dev_adults, ==, "Cam Counselor: relationship mark");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ben, "adults")), ==, 0);

  /* Five months later Dev's last attendance (27 Feb) is too old to say anything about this week */
  later = meeting (f, f->teacher2, "as_of=2026-07-31&limit=500");
  items = bel_test_items (later);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *student = json_array_get_object_element (items, i);
      g_autofree char *codes = reason_codes (student);

      if (json_object_get_int_member (student, "student_id") == f->dev)
        g_assert_null (strstr (codes, "falling_attendance"));
    }
}

static void
test_grade_team_and_access (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) grade9 = NULL;
  g_autoptr(BelTestResponse) limited = NULL;
  g_autoptr(BelTestResponse) outsider = NULL;
  g_autoptr(BelTestResponse) bad = NULL;
  g_autoptr(BelTestResponse) plan = NULL;
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *plan_body = g_strdup_printf ("{\"concern\": \"Two open flags\", \"tier\": 2, \"owner_id\": " ID
                                                ", \"review_on\": \"2026-03-20\", \"starts_on\": \"2026-03-02\"}",
                                                f->seed.counselor_id);
  gint64 plan_id;

  build_meeting (f);
  plan_id = bel_test_checkins_create (f, f->counselor, plan_body, "/api/v1/students/" ID "/support-plans", f->ben);
  grade9 = meeting (f, f->teacher, "as_of=2026-03-04&grade=9");
  order = bel_test_column (bel_test_items (grade9), "student_id");
  expected = g_strdup_printf (ID "," ID, f->ben, f->jose);
  g_assert_cmpstr (order, ==, expected);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (bel_test_items (grade9), 0),
                                               "open_plan_id"), ==, plan_id);
  limited = meeting (f, f->teacher, "as_of=2026-03-04&limit=1");
  g_assert_cmpuint (json_array_get_length (bel_test_items (limited)), ==, 1);
  outsider = meeting (f, f->outsider, "as_of=2026-03-04");
  bel_test_assert_problem (outsider, 403);
  bad = meeting (f, f->teacher, "grade=twelve");
  bel_test_assert_problem (bad, 400);
}

static void
test_nothing_to_report (Fixture *f, gconstpointer data)
{
  /* Early in a quarter, with no board and no check-in cadence due yet, nobody is listed for contacts */
  g_autoptr(BelTestResponse) r = meeting (f, f->teacher, "as_of=2026-01-05&limit=500");
  JsonArray *items = bel_test_items (r);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *codes = reason_codes (json_array_get_object_element (items, i));
      /* no round yet: "no adult" cannot be judged; day 5 of the quarter: contacts not yet */
      g_assert_null (strstr (codes, "no_adult"));
      g_assert_null (strstr (codes, "no_family_contact"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/checkins/meeting/ranking-reasons-and-order", Fixture, NULL, setup,
              test_ranking_reasons_and_order, teardown);
  g_test_add ("/checkins/meeting/grade-team-and-access", Fixture, NULL, setup, test_grade_team_and_access, teardown);
  g_test_add ("/checkins/meeting/reasons-not-judged-without-data", Fixture, NULL, setup, test_nothing_to_report,
              teardown);
  return g_test_run ();
}
