/* test-checkins-cadence.c - check-in settings, logging check-ins, and the
 * due / overdue / missed rules on a fixture with a holiday and a break
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-checkins.h"

typedef BelTestCheckins Fixture;

static void setup (Fixture *f, gconstpointer data) { bel_test_checkins_setup (f); }
static void teardown (Fixture *f, gconstpointer data) { bel_test_checkins_teardown (f); }

#define SETTINGS_PATH "/api/v1/schools/%" G_GINT64_FORMAT "/checkin-settings"
#define CHECKINS_PATH "/api/v1/students/%" G_GINT64_FORMAT "/checkins"
#define HOLIDAYS \
  "{\"non_school_days\": [{\"name\": \"Lincoln's birthday\", \"starts_on\": \"2026-02-13\"}," \
  " {\"name\": \"Winter break\", \"starts_on\": \"2026-02-16\", \"ends_on\": \"2026-02-20\"}]}"

static void
log_checkin (Fixture    *f,
             gint64      student,
             const char *day,
             const char *kind)
{
  g_autofree char *body = g_strdup_printf ("{\"checked_on\": \"%s\", \"kind\": \"%s\", "
                                           "\"answers\": {\"academics\": \"Caught up in math\"}}", day, kind);

  bel_test_checkins_create (f, f->teacher, body, "/api/v1/students/%" G_GINT64_FORMAT "/checkins", student);
}

static void
add_plan (Fixture *f,
          gint64   student,
          gint64   tier,
          gint64   owner)
{
  g_autofree char *body = g_strdup_printf ("{\"concern\": \"Falling behind since January\", \"tier\": %" G_GINT64_FORMAT
                                           ", \"owner_id\": %" G_GINT64_FORMAT ", \"starts_on\": \"2026-02-02\", "
                                           "\"review_on\": \"2026-04-01\"}", tier, owner);

  bel_test_checkins_create (f, f->counselor, body, "/api/v1/students/%" G_GINT64_FORMAT "/support-plans", student);
}

/* Ana and Ben are targeted (plans of tier 2 and 3), Cleo has a tier-1 plan.
 * Fri 2026-02-13 is a holiday and the week of 2026-02-16 is a break. */
static void
build_calendar (Fixture *f)
{
  g_autoptr(BelTestResponse) r = bel_test_checkins_call (f, "PATCH", f->counselor, HOLIDAYS, "\"1\"",
                                                         "/api/v1/schools/%" G_GINT64_FORMAT "/checkin-settings",
                                                         f->seed.school_id);

  g_assert_cmpuint (r->status, ==, 200);
  add_plan (f, f->ana, 2, f->seed.counselor_id);
  add_plan (f, f->ben, 3, f->teacher2_id);
  add_plan (f, f->cleo, 1, f->seed.counselor_id);
  log_checkin (f, f->ana, "2026-02-03", "academic");
  log_checkin (f, f->ana, "2026-02-12", "non_academic");
  log_checkin (f, f->ana, "2026-02-24", "academic");
  log_checkin (f, f->ben, "2026-02-03", "academic");
  log_checkin (f, f->cleo, "2026-01-20", "non_academic");
  log_checkin (f, f->cleo, "2026-02-25", "non_academic");
}

static BelTestResponse *
duties (Fixture    *f,
        const char *token,
        const char *query)
{
  return bel_test_checkins_call (f, "GET", token, NULL, NULL,
                                 "/api/v1/schools/%" G_GINT64_FORMAT "/checkin-duties?%s", f->seed.school_id, query);
}

static void
assert_duty (JsonObject *duty,
             const char *state,
             const char *due_on,
             gint64      missed)
{
  g_assert_nonnull (duty);
  g_assert_cmpstr (json_object_get_string_member (duty, "state"), ==, state);
  g_assert_cmpstr (json_object_get_string_member (duty, "due_on"), ==, due_on);
  g_assert_cmpint (json_object_get_int_member (duty, "missed_count"), ==, missed);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (duty, "missed")), ==, missed);
}

static void
test_settings_defaults_and_change (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) get = bel_test_checkins_call (f, "GET", f->teacher, NULL, NULL,
      "/api/v1/schools/%" G_GINT64_FORMAT "/checkin-settings", f->seed.school_id);
  g_autoptr(BelTestResponse) teacher = NULL;
  g_autoptr(BelTestResponse) no_match = NULL;
  g_autoptr(BelTestResponse) overlap = NULL;
  g_autoptr(BelTestResponse) ok = NULL;
  g_autoptr(BelTestResponse) stale = NULL;
  g_autoptr(BelTestResponse) outsider = NULL;
  JsonObject *obj = bel_test_response_object (get);
  JsonArray *checklist = json_object_get_array_member (obj, "checklist");

  g_assert_cmpuint (get->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (checklist), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checklist, 3), "key"), ==,
                   "life_outside_school");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "rules")), ==, 2);
  g_assert_cmpstr (soup_message_headers_get_one (get->headers, "ETag"), ==, "\"1\"");

  teacher = bel_test_checkins_call (f, "PATCH", f->teacher, HOLIDAYS, "\"1\"", SETTINGS_PATH, f->seed.school_id);
  bel_test_assert_problem (teacher, 403);
  no_match = bel_test_checkins_call (f, "PATCH", f->counselor, HOLIDAYS, NULL, SETTINGS_PATH, f->seed.school_id);
  bel_test_assert_problem (no_match, 428);
  overlap = bel_test_checkins_call (f, "PATCH", f->leader,
      "{\"quarters\": [{\"name\": \"Q1\", \"starts_on\": \"2026-01-05\", \"ends_on\": \"2026-03-20\"},"
      " {\"name\": \"Q2\", \"starts_on\": \"2026-03-16\", \"ends_on\": \"2026-06-12\"}]}", "\"1\"", SETTINGS_PATH,
      f->seed.school_id);
  bel_test_assert_problem (overlap, 422);
  ok = bel_test_checkins_call (f, "PATCH", f->leader, HOLIDAYS, "\"1\"", SETTINGS_PATH, f->seed.school_id);
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpint (bel_test_response_int (ok, "version"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (ok),
                                                                          "non_school_days")), ==, 2);
  /* The checklist was not in the patch: it stays */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (ok),
                                                                          "checklist")), ==, 4);
  stale = bel_test_checkins_call (f, "PATCH", f->leader, HOLIDAYS, "\"1\"", SETTINGS_PATH, f->seed.school_id);
  bel_test_assert_problem (stale, 412);
  outsider = bel_test_checkins_call (f, "GET", f->outsider, NULL, NULL, SETTINGS_PATH, f->seed.school_id);
  bel_test_assert_problem (outsider, 403);
}

static void
test_checkin_validation_and_privacy (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) unknown = bel_test_checkins_call (f, "POST", f->teacher2,
      "{\"checked_on\": \"2026-02-03\", \"kind\": \"academic\", \"answers\": {\"pets\": \"a cat\"}}", NULL, CHECKINS_PATH, f->ana);
  g_autoptr(BelTestResponse) future = bel_test_checkins_call (f, "POST", f->teacher2,
      "{\"checked_on\": \"2999-01-01\", \"kind\": \"academic\"}", NULL, CHECKINS_PATH, f->ana);
  g_autoptr(BelTestResponse) outsider = bel_test_checkins_call (f, "POST", f->outsider,
      "{\"checked_on\": \"2026-02-03\", \"kind\": \"academic\"}", NULL, CHECKINS_PATH, f->ana);
  g_autoptr(BelTestResponse) by_teacher2 = NULL;
  g_autoptr(BelTestResponse) as_advisor = NULL;
  g_autoptr(BelTestResponse) as_counselor = NULL;
  gint64 id;

  bel_test_assert_problem (unknown, 422);
  bel_test_assert_problem (future, 422);
  bel_test_assert_problem (outsider, 403);
  id = bel_test_checkins_create (f, f->teacher2,
      "{\"checked_on\": \"2026-02-03\", \"kind\": \"non_academic\", \"note\": \"Worried about home\", "
      "\"follow_up_needed\": true, \"answers\": {\"life_outside_school\": \"Moving house\"}}", CHECKINS_PATH, f->ana);

  /* teacher2 wrote it; the advisor (teacher) and the counselor read it; the
   * author's own list shows it too.  Another teacher would not: see below. */
  by_teacher2 = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/checkins/%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (bel_test_response_string (by_teacher2, "note"), ==, "Worried about home");
  as_advisor = bel_test_checkins_call (f, "GET", f->teacher, NULL, NULL,
                                       "/api/v1/schools/%" G_GINT64_FORMAT "/checkins?student=%" G_GINT64_FORMAT
                                       "&follow_up=true", f->seed.school_id, f->ana);
  g_assert_cmpuint (json_array_get_length (bel_test_items (as_advisor)), ==, 1);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (bel_test_items (as_advisor), 0),
                                                  "redacted"));
  as_counselor = bel_test_checkins_call (f, "GET", f->counselor, NULL, NULL, "/api/v1/checkins/%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bel_test_response_object (as_counselor),
                                                                                 "answers"), "life_outside_school"),
                   ==, "Moving house");
}

static void
test_checkin_redacted_for_other_teachers (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *obj;
  gint64 id;

  /* The advisor (teacher) checks in with Dev, who has no advisory; teacher2 is neither author nor advisor. */
  id = bel_test_checkins_create (f, f->teacher,
      "{\"checked_on\": \"2026-02-03\", \"kind\": \"non_academic\", \"note\": \"Sleeping badly\", "
      "\"answers\": {\"concerns\": \"Tired\"}}", CHECKINS_PATH, f->dev);
  r = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/checkins/%" G_GINT64_FORMAT, id);
  obj = bel_test_response_object (r);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (obj, "redacted"));
  g_assert_true (json_object_get_null_member (obj, "note"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (obj, "answers")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "checked_on"), ==, "2026-02-03");
}

static void
test_duties_as_of_a_normal_week (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) all = NULL;
  g_autoptr(BelTestResponse) mine = NULL;
  g_autoptr(BelTestResponse) teacher2 = NULL;
  g_autoptr(BelTestResponse) grade10 = NULL;
  g_autoptr(BelTestResponse) after = NULL;
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;
  JsonArray *items;
  JsonObject *ben_weekly;

  build_calendar (f);
  all = duties (f, f->teacher, "as_of=2026-03-04");
  items = bel_test_items (all);
  /* overdue first, more missed first, then by name; due after */
  order = bel_test_column (items, "student_id");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              f->jose, f->ben, f->ben, f->dev, f->ana, f->ana, f->cleo);
  g_assert_cmpstr (order, ==, expected);

  /* Ben (tier 3): checked in the week of Feb 2 only; the break week is not missed */
  ben_weekly = bel_test_find (items, "student_id", f->ben, WEEKLY);
  assert_duty (ben_weekly, "overdue", "2026-02-12", 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (ben_weekly, "missed"), 0), "starts_on"), ==, "2026-02-09");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (ben_weekly, "missed"), 1), "starts_on"), ==, "2026-02-23");
  g_assert_cmpint (json_object_get_int_member (ben_weekly, "account_id"), ==, f->teacher2_id);
  assert_duty (bel_test_find (items, "student_id", f->ben, MONTHLY), "overdue", "2026-01-30", 2);
  /* Ana (tier 2): every school week so far; owes this week, by Friday */
  assert_duty (bel_test_find (items, "student_id", f->ana, WEEKLY), "due", "2026-03-06", 0);
  assert_duty (bel_test_find (items, "student_id", f->ana, MONTHLY), "due", "2026-03-31", 1);
  g_assert_cmpstr (json_object_get_string_member (bel_test_find (items, "student_id", f->ana, WEEKLY),
                                                  "last_checkin_on"), ==, "2026-02-24");
  /* Cleo's plan is tier 1: not targeted */
  g_assert_null (bel_test_find (items, "student_id", f->cleo, WEEKLY));
  assert_duty (bel_test_find (items, "student_id", f->cleo, MONTHLY), "due", "2026-03-31", 0);
  assert_duty (bel_test_find (items, "student_id", f->dev, MONTHLY), "overdue", "2026-01-30", 2);
  g_assert_true (json_object_get_null_member (bel_test_find (items, "student_id", f->dev, MONTHLY), "account_id"));

  /* Per staff member: the advisor of Falcons, the owner of Ben's plan */
  {
    g_autofree char *q = g_strdup_printf ("as_of=2026-03-04&account=%" G_GINT64_FORMAT, f->seed.teacher_id);
    g_autofree char *q2 = g_strdup_printf ("as_of=2026-03-04&account=%" G_GINT64_FORMAT, f->teacher2_id);
    g_autofree char *cols = NULL;
    g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                             f->jose, f->ana, f->cleo);

    mine = duties (f, f->teacher, q);
    cols = bel_test_column (bel_test_items (mine), "student_id");
    g_assert_cmpstr (cols, ==, want);
    teacher2 = duties (f, f->teacher2, q2);
    g_assert_cmpuint (json_array_get_length (bel_test_items (teacher2)), ==, 1);
  }
  grade10 = duties (f, f->teacher, "as_of=2026-03-04&grade=10&state=missed");
  g_assert_cmpuint (json_array_get_length (bel_test_items (grade10)), ==, 1); /* Dev; Cleo missed nothing */

  /* A check-in this week takes Ben off the overdue weekly list; the missed weeks stay */
  log_checkin (f, f->ben, "2026-03-03", "academic");
  after = duties (f, f->teacher, "as_of=2026-03-04&state=all");
  assert_duty (bel_test_find (bel_test_items (after), "student_id", f->ben, WEEKLY), "ok", "2026-03-13", 2);
}

static void
test_duties_in_weeks_with_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) thursday = NULL;
  g_autoptr(BelTestResponse) holiday = NULL;
  g_autoptr(BelTestResponse) in_break = NULL;
  g_autoptr(BelTestResponse) after_break = NULL;
  g_autoptr(BelTestResponse) patched = NULL;
  g_autoptr(BelTestResponse) no_holiday = NULL;
  JsonArray *items;

  build_calendar (f);
  /* Friday Feb 13 is a holiday: that week's check-in is due on Thursday */
  thursday = duties (f, f->teacher, "as_of=2026-02-12&state=all");
  assert_duty (bel_test_find (bel_test_items (thursday), "student_id", f->ben, WEEKLY), "due", "2026-02-12", 0);
  holiday = duties (f, f->teacher, "as_of=2026-02-13&state=all");
  assert_duty (bel_test_find (bel_test_items (holiday), "student_id", f->ben, WEEKLY), "overdue", "2026-02-12", 0);

  /* In the break week nothing is due: Ana (seen Feb 12) owes the week after */
  in_break = duties (f, f->teacher, "as_of=2026-02-18&state=all");
  items = bel_test_items (in_break);
  assert_duty (bel_test_find (items, "student_id", f->ana, WEEKLY), "ok", "2026-02-27", 0);
  assert_duty (bel_test_find (items, "student_id", f->ben, WEEKLY), "overdue", "2026-02-12", 1);
  /* After the break the break week is not counted as missed */
  after_break = duties (f, f->teacher, "as_of=2026-02-25&state=all");
  assert_duty (bel_test_find (bel_test_items (after_break), "student_id", f->ben, WEEKLY), "overdue", "2026-02-12", 1);

  /* The holiday is the school's setting: without it Friday is the due day */
  patched = bel_test_checkins_call (f, "PATCH", f->leader,
      "{\"non_school_days\": [{\"name\": \"Winter break\", \"starts_on\": \"2026-02-16\", \"ends_on\": \"2026-02-20\"}]}",
      "\"2\"", "/api/v1/schools/%" G_GINT64_FORMAT "/checkin-settings", f->seed.school_id);
  g_assert_cmpuint (patched->status, ==, 200);
  no_holiday = duties (f, f->teacher, "as_of=2026-02-13&state=all");
  assert_duty (bel_test_find (bel_test_items (no_holiday), "student_id", f->ben, WEEKLY), "due", "2026-02-13", 0);
}

static void
test_duties_bad_queries (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) state = duties (f, f->teacher, "state=late");
  g_autoptr(BelTestResponse) as_of = duties (f, f->teacher, "as_of=2026-02-30");
  g_autoptr(BelTestResponse) window = duties (f, f->teacher, "as_of=2026-03-04&since=2024-01-01");
  g_autoptr(BelTestResponse) outsider = duties (f, f->outsider, "as_of=2026-03-04");

  bel_test_assert_problem (state, 400);
  bel_test_assert_problem (as_of, 400);
  bel_test_assert_problem (window, 400);
  bel_test_assert_problem (outsider, 403);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/checkins/settings/defaults-and-change", Fixture, NULL, setup,
              test_settings_defaults_and_change, teardown);
  g_test_add ("/checkins/create/validation-and-privacy", Fixture, NULL, setup,
              test_checkin_validation_and_privacy, teardown);
  g_test_add ("/checkins/create/redacted-for-other-teachers", Fixture, NULL, setup,
              test_checkin_redacted_for_other_teachers, teardown);
  g_test_add ("/checkins/duties/due-overdue-missed-in-a-normal-week", Fixture, NULL, setup,
              test_duties_as_of_a_normal_week, teardown);
  g_test_add ("/checkins/duties/weeks-with-holidays", Fixture, NULL, setup,
              test_duties_in_weeks_with_holidays, teardown);
  g_test_add ("/checkins/duties/bad-queries", Fixture, NULL, setup, test_duties_bad_queries, teardown);
  return g_test_run ();
}
