/* test-profiles-entries.c - profiles are append-only timelines: corrections, the edit window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-profiles.h"

#include <string.h>

#include "bel-profile-sections.h"

static JsonObject *
section_of (BelTestResponse *profile,
            const char      *name)
{
  JsonArray *sections = json_object_get_array_member (bel_test_response_object (profile), "sections");

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *s = json_array_get_object_element (sections, i);
      if (g_str_equal (json_object_get_string_member (s, "section"), name))
        return s;
    }
  g_assert_not_reached ();
}

static JsonObject *
entry_in (JsonObject *section,
          gint64      id)
{
  JsonArray *entries = json_object_get_array_member (section, "entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);
      if (json_object_get_int_member (e, "id") == id)
        return e;
    }
  return NULL;
}

static void
test_added_entry_is_signed_dated_and_in_order (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) profile = NULL;
  JsonObject *e;
  JsonArray *sections;
  gint64 first, second;

  r = bel_test_profiles_add (fx, fx->stranger, fx->seed.student_id, "strengths",
                             "Explains fractions to classmates with drawings", "");
  g_assert_cmpuint (r->status, ==, 201);
  g_assert_nonnull (soup_message_headers_get_one (r->headers, "ETag"));
  g_assert_cmpstr (bel_test_response_string (r, "author_name"), ==, "Sam Stranger");
  g_assert_cmpint (bel_test_response_int (r, "author_id"), ==, fx->stranger_id);
  g_assert_cmpstr (bel_test_response_string (r, "school_year"), ==, "2026-2027");
  g_assert_cmpint (bel_test_response_int (r, "grade"), ==, 9);
  g_assert_false (json_object_get_boolean_member (bel_test_response_object (r), "sensitive"));
  g_assert_nonnull (bel_test_response_string (r, "observed_on"));
  g_assert_nonnull (bel_test_response_string (r, "editable_until"));
  first = bel_test_response_int (r, "id");
  second = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths",
                                     "Leads the robotics team's build sessions", "\"school_year\": \"2025-2026\"");

  profile = bel_test_profiles_get (fx, fx->stranger, 200, "/api/v1/students/%" G_GINT64_FORMAT "/profile",
                                   fx->seed.student_id);
  sections = json_object_get_array_member (bel_test_response_object (profile), "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, bel_profile_n_sections);
  for (guint i = 0; i < bel_profile_n_sections; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, i), "section"),
                     ==, bel_profile_sections[i].name);
  g_assert_cmpstr (bel_profile_sections[0].name, ==, "strengths");
  /* A timeline, oldest first, with both entries kept. */
  e = json_array_get_object_element (json_object_get_array_member (section_of (profile, "strengths"), "entries"), 0);
  g_assert_cmpint (json_object_get_int_member (e, "id"), ==, first);
  e = entry_in (section_of (profile, "strengths"), second);
  g_assert_nonnull (e);
  g_assert_cmpstr (json_object_get_string_member (e, "school_year"), ==, "2025-2026");

  /* Bad input changes nothing. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "strengths", "   ", "");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "nicknames", "x", "");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "strengths", "x", "\"school_year\": \"2025\"");
  bel_test_assert_problem (r, 422);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT count(*) FROM profile_entry"), ==, 2);
}

static void
test_correction_supersedes_and_keeps_both (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) profile = NULL;
  g_autofree char *extra = NULL;
  JsonObject *old, *fix;
  gint64 wrong, right, elsewhere;

  wrong = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "interests_talents",
                                    "Plays the trumpet in the jazz band", "");
  extra = g_strdup_printf ("\"supersedes_id\": %" G_GINT64_FORMAT, wrong);
  right = bel_test_profiles_add_ok (fx, fx->stranger, fx->seed.student_id, "interests_talents",
                                    "Plays the trombone in the jazz band", extra);

  profile = bel_test_profiles_get (fx, fx->teacher, 200, "/api/v1/students/%" G_GINT64_FORMAT
                                   "/profile?section=interests_talents", fx->seed.student_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (profile),
                                                                         "sections")), ==, 1);
  old = entry_in (section_of (profile, "interests_talents"), wrong);
  fix = entry_in (section_of (profile, "interests_talents"), right);
  g_assert_nonnull (old);
  g_assert_nonnull (fix);
  g_assert_cmpint (json_object_get_int_member (old, "superseded_by"), ==, right);
  g_assert_cmpint (json_object_get_int_member (fix, "supersedes_id"), ==, wrong);
  g_assert_cmpstr (json_object_get_string_member (old, "body"), ==, "Plays the trumpet in the jazz band");
  g_assert_true (json_object_get_null_member (old, "editable_until"));

  /* An entry is corrected once: correct the correction instead. */
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "interests_talents", "Plays tuba", extra);
  g_assert_true (g_strrstr (json_object_get_string_member (bel_test_assert_problem (r, 409), "detail"),
                            "correct that one") != NULL);
  g_clear_pointer (&r, bel_test_response_free);
  /* A correction stays in its section and with its student. */
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "strengths", "x", extra);
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->teacher, fx->other_student_id, "interests_talents", "x", extra);
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  elsewhere = bel_test_profiles_sql_int (fx, "SELECT count(*) FROM profile_entry");
  g_assert_cmpint (elsewhere, ==, 2);

  /* Nothing is deleted or rewritten behind the engine's back either. */
  g_assert_false (bel_test_profiles_sql_exec (fx, "UPDATE profile_entry SET section = 'strengths'", NULL));
  g_assert_false (bel_test_profiles_sql_exec (fx, "UPDATE profile_entry SET superseded_by = NULL", NULL));
  g_assert_false (bel_test_profiles_sql_exec (fx, "UPDATE profile_entry SET author_name = 'Someone'", NULL));
}

static BelTestResponse *
patch (BelTestProfiles *fx,
       const char      *token,
       gint64           id,
       const char      *body,
       const char      *if_match)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/profile-entries/%" G_GINT64_FORMAT, id);

  return bel_test_daemon_request (fx->daemon, "PATCH", path, token, body, if_match);
}

/* An entry written 25 hours earlier than it was */
#define AGE_ENTRY \
  "UPDATE profile_entry SET created_unix = created_unix - 25 * 3600, " \
  "created_at = strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', created_unix - 25 * 3600, 'unixepoch') " \
  "WHERE id = %" G_GINT64_FORMAT
#define AGE_ENTRY_PG \
  "UPDATE profile_entry SET created_unix = created_unix - 25 * 3600, " \
  "created_at = to_char (to_timestamp (created_unix - 25 * 3600) AT TIME ZONE 'UTC', " \
  "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE id = %" G_GINT64_FORMAT

static void
test_author_edits_within_a_day_with_if_match (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *aged = NULL;
  g_autofree char *message = NULL;
  g_autofree char *extra = NULL;
  gboolean pg = bel_test_postgresql ();
  const char *detail;
  gint64 id, corrected;

  id = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "career_aspirations",
                                 "Wants to be a nurse", "");
  r = patch (fx, fx->teacher, id, "{\"body\": \"Wants to be a pediatric nurse\"}", NULL);
  bel_test_assert_problem (r, 428);
  g_clear_pointer (&r, bel_test_response_free);
  r = patch (fx, fx->teacher, id, "{\"body\": \"Wants to be a pediatric nurse\"}", "\"7\"");
  bel_test_assert_problem (r, 412);
  g_clear_pointer (&r, bel_test_response_free);
  r = patch (fx, fx->counselor, id, "{\"body\": \"Wants to be a surgeon\"}", "\"1\"");
  bel_test_assert_problem (r, 403);
  g_clear_pointer (&r, bel_test_response_free);
  r = patch (fx, fx->teacher, id, "{\"section\": \"strengths\"}", "\"1\"");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);

  r = patch (fx, fx->teacher, id, "{\"body\": \"Wants to be a pediatric nurse\"}", "\"1\"");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (r, "body"), ==, "Wants to be a pediatric nurse");
  g_assert_cmpint (bel_test_response_int (r, "version"), ==, 2);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "ETag"), ==, "\"2\"");
  g_clear_pointer (&r, bel_test_response_free);

  /* 25 hours later (the row aged in the database, no sleeping), only a correction changes it. */
  aged = g_strdup_printf (pg ? AGE_ENTRY_PG : AGE_ENTRY, id);
  g_assert_false (bel_test_profiles_sql_exec (fx, aged, &message)); /* created_at never changes... */
  g_assert_nonnull (strstr (message, "append-only"));
  sql = g_strconcat (pg ? "DROP TRIGGER profile_entry_fixed ON profile_entry; " : "DROP TRIGGER profile_entry_fixed; ",
                     aged, NULL);
  g_assert_true (bel_test_profiles_sql_exec (fx, sql, NULL)); /* ...except in this test's time machine */
  r = patch (fx, fx->teacher, id, "{\"body\": \"Wants to be a nurse practitioner\"}", "\"2\"");
  detail = json_object_get_string_member (bel_test_assert_problem (r, 409), "detail");
  g_assert_nonnull (g_strrstr (detail, "24 hours"));
  g_assert_nonnull (g_strrstr (detail, "correction"));
  g_clear_pointer (&r, bel_test_response_free);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT version FROM profile_entry"), ==, 2);

  /* A superseded entry no longer changes, even within its window. */
  corrected = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "career_aspirations",
                                        "Wants to study architecture", "");
  extra = g_strdup_printf ("\"supersedes_id\": %" G_GINT64_FORMAT, corrected);
  bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "career_aspirations",
                            "Wants to study landscape architecture", extra);
  r = patch (fx, fx->teacher, corrected, "{\"body\": \"Wants to study law\"}", "*");
  bel_test_assert_problem (r, 409);
}

static void
test_kind_fields_belong_to_their_section (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *obj;

  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "academics", "Strong first quarter",
                             "\"grades\": \"A- in Algebra I, B+ in Biology\", \"attendance_rate\": 93.5, "
                             "\"attendance_summary\": \"Missed 4 of 62 days\"");
  g_assert_cmpuint (r->status, ==, 201);
  obj = bel_test_response_object (r);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (obj, "attendance_rate"), 93.5, 0.001);
  g_assert_cmpstr (json_object_get_string_member (obj, "grades"), ==, "A- in Algebra I, B+ in Biology");
  g_assert_true (json_object_get_null_member (obj, "plan_type"));
  g_clear_pointer (&r, bel_test_response_free);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT attendance_rate * 10 FROM profile_entry"), ==, 935);

  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "strengths", "x", "\"attendance_rate\": 90");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "academics", "x", "\"attendance_rate\": 101");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->teacher, fx->seed.student_id, "language", "Reads Spanish novels for fun",
                             "\"home_language\": \"Spanish\", \"english_proficiency\": \"expanding\", "
                             "\"biliteracy\": \"On track for the Seal of Biliteracy\"");
  g_assert_cmpuint (r->status, ==, 201);
  g_assert_cmpstr (bel_test_response_string (r, "english_proficiency"), ==, "expanding");
  g_assert_true (json_object_get_null_member (bel_test_response_object (r), "attendance_rate"));
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->counselor, fx->seed.student_id, "plans", "Extended time on tests", "");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->counselor, fx->seed.student_id, "plans", "Extended time on tests",
                             "\"plan_type\": \"504\", \"starts_on\": \"2026-09-01\", \"ends_on\": \"2026-06-01\"");
  bel_test_assert_problem (r, 422);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->counselor, fx->seed.student_id, "plans", "Extended time on tests",
                             "\"plan_type\": \"504\", \"starts_on\": \"2026-09-01\", \"ends_on\": \"2027-06-15\", "
                             "\"summary\": \"Time and a half; a quiet room\"");
  g_assert_cmpuint (r->status, ==, 201);
  g_assert_true (json_object_get_boolean_member (bel_test_response_object (r), "sensitive"));
}

static void
test_rollover_keeps_history (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) profile = NULL;
  g_autofree char *path = NULL;
  JsonObject *old_entry, *new_entry;
  gint64 before, after;

  before = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths",
                                     "Welcomes new students to the Falcons", "");
  /* What a rollover does to the roster: the next school year, the student a grade up. */
  g_assert_true (bel_test_profiles_sql_exec (fx, "UPDATE school SET school_year = '2027-2028'", NULL));
  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, fx->seed.student_id);
  r = bel_test_daemon_request (fx->daemon, "PATCH", path, fx->counselor, "{\"grade\": 10}", "*");
  g_assert_cmpuint (r->status, ==, 200);
  after = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths",
                                    "Mentors the new ninth graders", "");
  profile = bel_test_profiles_get (fx, fx->teacher, 200, "/api/v1/students/%" G_GINT64_FORMAT "/profile",
                                   fx->seed.student_id);
  old_entry = entry_in (section_of (profile, "strengths"), before);
  new_entry = entry_in (section_of (profile, "strengths"), after);
  g_assert_cmpstr (json_object_get_string_member (old_entry, "school_year"), ==, "2026-2027");
  g_assert_cmpint (json_object_get_int_member (old_entry, "grade"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (new_entry, "school_year"), ==, "2027-2028");
  g_assert_cmpint (json_object_get_int_member (new_entry, "grade"), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profiles/entries/added-entry-is-signed-dated-and-in-order",
                   test_added_entry_is_signed_dated_and_in_order);
  g_test_add_func ("/profiles/entries/correction-supersedes-and-keeps-both",
                   test_correction_supersedes_and_keeps_both);
  g_test_add_func ("/profiles/entries/author-edits-within-a-day-with-if-match",
                   test_author_edits_within_a_day_with_if_match);
  g_test_add_func ("/profiles/entries/kind-fields-belong-to-their-section",
                   test_kind_fields_belong_to_their_section);
  g_test_add_func ("/profiles/entries/rollover-keeps-history", test_rollover_keeps_history);

  return g_test_run ();
}
