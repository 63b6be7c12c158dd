/* test-checkins-contacts.c - caregiver contacts and the quarterly good-news rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-checkins.h"

typedef BelTestCheckins Fixture;

static void setup (Fixture *f, gconstpointer data) { bel_test_checkins_setup (f); }
static void teardown (Fixture *f, gconstpointer data) { bel_test_checkins_teardown (f); }

#define ID "%" G_GINT64_FORMAT
#define QUARTERS \
  "{\"quarters\": [{\"name\": \"Fall\", \"starts_on\": \"2025-08-25\", \"ends_on\": \"2025-11-07\"}," \
  " {\"name\": \"Late fall\", \"starts_on\": \"2025-11-10\", \"ends_on\": \"2026-01-23\"}," \
  " {\"name\": \"Winter\", \"starts_on\": \"2026-01-26\", \"ends_on\": \"2026-04-03\"}]}"

static gint64
contact (Fixture    *f,
         const char *token,
         gint64      student,
         const char *day,
         gboolean    good_news,
         const char *extra)
{
  g_autofree char *body = g_strdup_printf ("{\"caregiver_name\": \"Grace Brook\", \"relationship\": \"grandmother\", "
                                           "\"channel\": \"call\", \"language\": \"Vietnamese\", \"interpreter\": true, "
                                           "\"interpreter_name\": \"Mr. Tran\", \"good_news\": %s, "
                                           "\"contacted_on\": \"%s\"%s}", good_news ? "true" : "false", day, extra);

  return bel_test_checkins_create (f, token, body, "/api/v1/students/" ID "/contacts", student);
}

static BelTestResponse *
reach (Fixture    *f,
       const char *query)
{
  return bel_test_checkins_call (f, "GET", f->teacher, NULL, NULL, "/api/v1/schools/" ID "/family-reach?%s",
                                 f->seed.school_id, query);
}

static void
test_good_news_each_quarter (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) settings = bel_test_checkins_call (f, "PATCH", f->leader, QUARTERS, "\"1\"",
      "/api/v1/schools/" ID "/checkin-settings", f->seed.school_id);
  g_autoptr(BelTestResponse) unreached = NULL, reached = NULL, all = NULL, falcons = NULL, later = NULL;
  g_autoptr(BelTestResponse) outside = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *falcons_query = NULL;
  JsonObject *ana, *ben;

  g_assert_cmpuint (settings->status, ==, 200);
  contact (f, f->teacher, f->ana, "2026-02-02", TRUE, "");             /* Winter: reached */
  contact (f, f->teacher, f->ben, "2026-02-03", FALSE,                 /* Winter, but a concern */
           ", \"concern\": \"Missed the bus all week\"");
  contact (f, f->teacher, f->ben, "2026-01-20", TRUE, "");             /* Late fall: last quarter */
  contact (f, f->teacher2, f->cleo, "2026-03-30", TRUE, "");           /* after as_of: not yet */

  unreached = reach (f, "as_of=2026-03-04");
  ids = bel_test_column (bel_test_items (unreached), "student_id");
  expected = g_strdup_printf (ID "," ID "," ID "," ID, f->jose, f->ben, f->cleo, f->dev);
  g_assert_cmpstr (ids, ==, expected);
  ben = bel_test_find (bel_test_items (unreached), "student_id", f->ben, NULL);
  g_assert_cmpstr (json_object_get_string_member (ben, "quarter"), ==, "Winter");
  g_assert_cmpstr (json_object_get_string_member (ben, "quarter_starts_on"), ==, "2026-01-26");
  g_assert_cmpstr (json_object_get_string_member (ben, "last_good_news_on"), ==, "2026-01-20");
  g_assert_cmpstr (json_object_get_string_member (ben, "last_contact_on"), ==, "2026-02-03");
  g_assert_cmpint (json_object_get_int_member (ben, "contacts_this_quarter"), ==, 1);

  reached = reach (f, "as_of=2026-03-04&state=reached");
  g_assert_cmpuint (json_array_get_length (bel_test_items (reached)), ==, 1);
  ana = json_array_get_object_element (bel_test_items (reached), 0);
  g_assert_cmpint (json_object_get_int_member (ana, "student_id"), ==, f->ana);
  g_assert_cmpstr (json_object_get_string_member (ana, "advisor_name"), ==, "Tess Teacher");
  all = reach (f, "as_of=2026-03-04&state=all");
  g_assert_cmpuint (json_array_get_length (bel_test_items (all)), ==, 5);

  /* Per advisor: the Falcons' families still to call */
  falcons_query = g_strdup_printf ("as_of=2026-03-04&advisor=" ID, f->seed.teacher_id);
  falcons = reach (f, falcons_query);
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&expected, g_free);
  ids = bel_test_column (bel_test_items (falcons), "student_id");
  expected = g_strdup_printf (ID "," ID, f->jose, f->cleo);
  g_assert_cmpstr (ids, ==, expected);

  /* By the end of the quarter Cleo's family was reached too */
  later = reach (f, "as_of=2026-04-01&state=reached");
  g_assert_cmpuint (json_array_get_length (bel_test_items (later)), ==, 2);
  /* A day the school's quarters do not hold */
  outside = reach (f, "as_of=2026-07-01");
  bel_test_assert_problem (outside, 422);
}

static void
test_calendar_quarters_by_default (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *first;

  contact (f, f->teacher, f->dev, "2026-01-02", TRUE, "");
  r = reach (f, "as_of=2026-03-31&state=all");
  first = bel_test_find (bel_test_items (r), "student_id", f->dev, NULL);
  g_assert_true (json_object_get_boolean_member (first, "reached"));
  g_assert_cmpstr (json_object_get_string_member (first, "quarter_starts_on"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (first, "quarter_ends_on"), ==, "2026-03-31");
}

static void
test_contacts_validation_and_privacy (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) bad_channel = bel_test_checkins_call (f, "POST", f->teacher,
      "{\"caregiver_name\": \"A\", \"relationship\": \"father\", \"channel\": \"fax\", \"contacted_on\": \"2026-02-02\"}",
      NULL, "/api/v1/students/" ID "/contacts", f->dev);
  g_autoptr(BelTestResponse) good_concern = bel_test_checkins_call (f, "POST", f->teacher,
      "{\"caregiver_name\": \"A\", \"relationship\": \"father\", \"channel\": \"call\", \"good_news\": true, "
      "\"concern\": \"x\", \"contacted_on\": \"2026-02-02\"}", NULL, "/api/v1/students/" ID "/contacts", f->dev);
  g_autoptr(BelTestResponse) as_teacher2 = NULL, as_counselor = NULL, good_only = NULL;
  JsonObject *seen;
  gint64 id;

  bel_test_assert_problem (bad_channel, 422);
  bel_test_assert_problem (good_concern, 422);
  id = contact (f, f->teacher, f->dev, "2026-02-03", FALSE,
                ", \"concern\": \"Evicted last week\", \"outcome\": \"Referred to the social worker\", "
                "\"channel\": \"home_visit_in_person\"");
  contact (f, f->teacher, f->dev, "2026-02-05", TRUE, ", \"channel\": \"student_led_conference\"");

  as_teacher2 = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/contacts/" ID, id);
  seen = bel_test_response_object (as_teacher2);
  g_assert_true (json_object_get_boolean_member (seen, "redacted"));
  g_assert_true (json_object_get_null_member (seen, "concern"));
  g_assert_true (json_object_get_null_member (seen, "outcome"));
  g_assert_cmpstr (json_object_get_string_member (seen, "language"), ==, "Vietnamese");
  as_counselor = bel_test_checkins_call (f, "GET", f->counselor, NULL, NULL, "/api/v1/contacts/" ID, id);
  g_assert_cmpstr (bel_test_response_string (as_counselor, "concern"), ==, "Evicted last week");
  good_only = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL,
                                      "/api/v1/schools/" ID "/contacts?good_news=true&student=" ID,
                                      f->seed.school_id, f->dev);
  g_assert_cmpuint (json_array_get_length (bel_test_items (good_only)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bel_test_items (good_only), 0),
                                                  "channel"), ==, "student_led_conference");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/checkins/contacts/good-news-each-quarter", Fixture, NULL, setup, test_good_news_each_quarter,
              teardown);
  g_test_add ("/checkins/contacts/calendar-quarters-by-default", Fixture, NULL, setup,
              test_calendar_quarters_by_default, teardown);
  g_test_add ("/checkins/contacts/validation-and-privacy", Fixture, NULL, setup,
              test_contacts_validation_and_privacy, teardown);
  return g_test_run ();
}
