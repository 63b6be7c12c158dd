/* test-profiles-access.c - who reads sensitive sections, and every such read is audited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-profiles.h"
#include "../bel-test-slowdown.h"

#include <signal.h>
#include <string.h>

#define FAMILY_TEXT "Lives with grandmother Rosa since March; older brother deployed overseas"

typedef struct {
  gint64 strength;
  gint64 wellbeing;
  gint64 family;
  gint64 plan;
} Entries;

static void
write_entries (BelTestProfiles *fx,
               Entries         *e)
{
  e->strength = bel_test_profiles_add_ok (fx, fx->stranger, fx->seed.student_id, "strengths",
                                          "Patient and funny with younger kids", "");
  e->wellbeing = bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "wellbeing",
                                           "Check-ins help when the week gets heavy", "");
  e->family = bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "family", FAMILY_TEXT, "");
  e->plan = bel_test_profiles_add_ok (fx, fx->leader, fx->seed.student_id, "plans", "Language plan",
                                      "\"plan_type\": \"language\", \"starts_on\": \"2026-08-20\"");
}

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

/* Reads the whole profile as @token and checks whether the family section came back. */
static void
assert_family (BelTestProfiles *fx,
               const char      *token,
               gboolean         readable)
{
  g_autoptr(BelTestResponse) r = bel_test_profiles_get (fx, token, 200, "/api/v1/students/%" G_GINT64_FORMAT
                                                        "/profile", fx->seed.student_id);
  JsonObject *family = section_of (r, "family");
  g_autofree char *text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));

  g_assert_cmpint (json_object_get_boolean_member (family, "readable"), ==, readable);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (family, "entries")), ==, readable ? 1 : 0);
  g_assert_true (json_object_get_boolean_member (section_of (r, "strengths"), "readable"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (section_of (r, "strengths"), "entries")),
                    ==, 1);
  g_assert_true ((strstr (text, "grandmother") != NULL) == readable);
}

static void
test_sensitive_sections_matrix (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  Entries e;
  struct { const char *who; const char *token; gboolean readable; } rows[] = {
    { "unrelated teacher", fx->stranger, FALSE },
    { "advisor", fx->teacher, TRUE },
    { "advocate", fx->ally, TRUE },
    { "counselor", fx->counselor, TRUE },
    { "leader", fx->leader, TRUE },
    { "server admin (not staff)", fx->admin, FALSE },
  };

  write_entries (fx, &e);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(BelTestResponse) one = NULL;
      g_autoptr(BelTestResponse) section = NULL;

      g_test_message ("%s", rows[i].who);
      assert_family (fx, rows[i].token, rows[i].readable);
      one = bel_test_profiles_get (fx, rows[i].token, rows[i].readable ? 200 : 403,
                                   "/api/v1/profile-entries/%" G_GINT64_FORMAT, e.family);
      section = bel_test_profiles_get (fx, rows[i].token, rows[i].readable ? 200 : 403,
                                       "/api/v1/students/%" G_GINT64_FORMAT "/profile?section=plans",
                                       fx->seed.student_id);
    }
  /* Staff of another school read nothing of this student. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->outsider, 403, "/api/v1/students/%" G_GINT64_FORMAT "/profile",
                             fx->seed.student_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->outsider, 403, "/api/v1/profile-entries/%" G_GINT64_FORMAT, e.strength);

  /* Writing follows reading: the unrelated teacher adds a strength, not a family note. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->stranger, fx->seed.student_id, "family", "x", "");
  bel_test_assert_problem (r, 403);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->outsider, fx->seed.student_id, "strengths", "x", "");
  bel_test_assert_problem (r, 403);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_add (fx, fx->admin, fx->seed.student_id, "strengths", "x", "");
  bel_test_assert_problem (r, 403);
  bel_test_profiles_add_ok (fx, fx->ally, fx->seed.student_id, "wellbeing", "Opened up about soccer tryouts", "");

  /* An ended advocacy ends the access. */
  g_assert_true (bel_test_profiles_sql_exec (fx, "UPDATE advocate SET status = 'ended'", NULL));
  assert_family (fx, fx->ally, FALSE);
}

static void
test_every_sensitive_read_is_audited (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  Entries e;

  write_entries (fx, &e);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT count(*) FROM audit WHERE action = 'profile.read'"),
                   ==, 0);
  /* Non-sensitive reads are not audited. */
  assert_family (fx, fx->stranger, FALSE);
  r = bel_test_profiles_get (fx, fx->stranger, 200, "/api/v1/profile-entries/%" G_GINT64_FORMAT, e.strength);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->stranger, 200, "/api/v1/students/%" G_GINT64_FORMAT "/handoff",
                             fx->seed.student_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->counselor, 200, "/api/v1/students/%" G_GINT64_FORMAT
                             "/profile?section=strengths", fx->seed.student_id);
  g_clear_pointer (&r, bel_test_response_free);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT count(*) FROM audit WHERE action = 'profile.read'"),
                   ==, 0);
  /* Refused reads read nothing. */
  r = bel_test_profiles_get (fx, fx->stranger, 403, "/api/v1/profile-entries/%" G_GINT64_FORMAT, e.family);
  g_clear_pointer (&r, bel_test_response_free);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->stranger_id, NULL), ==, 0);

  /* Each sensitive section read, each way, is one row naming who, the student and the section. */
  assert_family (fx, fx->teacher, TRUE);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->seed.teacher_id, NULL), ==, 3);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->seed.teacher_id, "family"), ==, 1);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->seed.teacher_id, "wellbeing"), ==, 1);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->seed.teacher_id, "plans"), ==, 1);
  r = bel_test_profiles_get (fx, fx->ally, 200, "/api/v1/profile-entries/%" G_GINT64_FORMAT, e.family);
  g_clear_pointer (&r, bel_test_response_free);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->ally_id, "family"), ==, 1);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->ally_id, NULL), ==, 1);
  r = bel_test_profiles_get (fx, fx->counselor, 200, "/api/v1/students/%" G_GINT64_FORMAT "/handoff",
                             fx->seed.student_id);
  g_clear_pointer (&r, bel_test_response_free);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->seed.counselor_id, NULL), ==, 3);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT count(*) FROM audit WHERE action = 'profile.read' "
                                              "AND student_id IS NULL"), ==, 0);
}

static void
test_leader_reads_the_audit_log (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) page2 = NULL;
  JsonArray *items;
  JsonObject *row;
  const char *cursor;
  Entries e;

  write_entries (fx, &e);
  assert_family (fx, fx->counselor, TRUE);
  r = bel_test_profiles_get (fx, fx->leader, 200, "/api/v1/schools/%" G_GINT64_FORMAT
                             "/audit?action=profile.read&section=family", fx->seed.school_id);
  items = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  row = json_array_get_object_element (items, 0);
  g_assert_cmpint (json_object_get_int_member (row, "actor_id"), ==, fx->seed.counselor_id);
  g_assert_cmpstr (json_object_get_string_member (row, "actor_name"), ==, "Cam Counselor");
  g_assert_cmpint (json_object_get_int_member (row, "student_id"), ==, fx->seed.student_id);
  g_assert_cmpstr (json_object_get_string_member (row, "student_name"), ==, "José Álvarez");
  g_assert_cmpstr (json_object_get_string_member (row, "section"), ==, "family");
  g_assert_nonnull (json_object_get_string_member (row, "at"));
  g_assert_null (strstr (json_object_get_string_member (row, "detail"), "grandmother"));

  /* Filters and pages: the counselor's three reads, one per page, newest first. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->leader, 200, "/api/v1/schools/%" G_GINT64_FORMAT "/audit?action=profile.read"
                             "&actor=%" G_GINT64_FORMAT "&student=%" G_GINT64_FORMAT "&limit=2",
                             fx->seed.school_id, fx->seed.counselor_id, fx->seed.student_id);
  items = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), >,
                   json_object_get_int_member (json_array_get_object_element (items, 1), "id"));
  cursor = bel_test_response_string (r, "next_cursor");
  g_assert_nonnull (cursor);
  page2 = bel_test_profiles_get (fx, fx->leader, 200, "/api/v1/schools/%" G_GINT64_FORMAT "/audit?action=profile.read"
                                 "&actor=%" G_GINT64_FORMAT "&limit=2&cursor=%s",
                                 fx->seed.school_id, fx->seed.counselor_id, cursor);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (page2), "items")),
                    ==, 1);
  g_assert_true (json_object_get_null_member (bel_test_response_object (page2), "next_cursor"));

  /* Only leaders (and admins) read it; never another school's leader. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->counselor, 403, "/api/v1/schools/%" G_GINT64_FORMAT "/audit", fx->seed.school_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->teacher, 403, "/api/v1/schools/%" G_GINT64_FORMAT "/audit", fx->seed.school_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->leader, 403, "/api/v1/schools/%" G_GINT64_FORMAT "/audit",
                             fx->seed.other_school_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->leader, 400, "/api/v1/schools/%" G_GINT64_FORMAT "/audit?section=diary",
                             fx->seed.school_id);
}

/* Starts belongingd with its output (debug messages on) going to @log_path,
 * and waits for its "listening on" line there. */
static void
start_logging (BelTestProfiles *fx,
               const char      *log_path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = bel_test_daemon_argv (fx->daemon);
  g_autoptr(GError) error = NULL;
  const char *prefix = "belongingd: listening on ";

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  fx->daemon->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 600 * bel_test_slowdown () && fx->daemon->url == NULL; i++)
    {
      g_autofree char *text = NULL;
      const char *line;

      g_usleep (G_USEC_PER_SEC / 20);
      if (!g_file_get_contents (log_path, &text, NULL, NULL) || (line = strstr (text, prefix)) == NULL ||
          strchr (line, '\n') == NULL)
        continue;
      fx->daemon->url = g_strndup (line + strlen (prefix), strcspn (line + strlen (prefix), "\n"));
    }
  g_assert_nonnull (fx->daemon->url);
}

/* The daemon's own output, debug messages on, never holds entry text. */
static void
test_no_sensitive_text_in_logs (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new_stopped ();
  g_autofree char *log_path = g_build_filename (fx->daemon->dir, "belongingd.log", NULL);
  g_autofree char *log = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(GError) error = NULL;
  Entries e;

  start_logging (fx, log_path);
  bel_test_profiles_sign_in (fx);
  write_entries (fx, &e);
  assert_family (fx, fx->counselor, TRUE);
  r = bel_test_profiles_get (fx, fx->counselor, 200, "/api/v1/students/%" G_GINT64_FORMAT "/export?format=pdf",
                             fx->seed.student_id);
  g_assert_cmpint (bel_test_daemon_stop (fx->daemon), ==, 0);
  g_file_get_contents (log_path, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (log, "/profile")); /* it did log the requests */
  g_assert_null (strstr (log, "grandmother"));
  g_assert_null (strstr (log, "heavy"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profiles/access/sensitive-sections-by-role-and-link", test_sensitive_sections_matrix);
  g_test_add_func ("/profiles/access/every-sensitive-read-is-audited", test_every_sensitive_read_is_audited);
  g_test_add_func ("/profiles/access/leader-reads-the-audit-log", test_leader_reads_the_audit_log);
  g_test_add_func ("/profiles/access/no-entry-text-in-daemon-logs", test_no_sensitive_text_in_logs);

  return g_test_run ();
}
