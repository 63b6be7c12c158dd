/* test-it-import.c - belongingctl import oneroster with tests/data/oneroster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bel-roster.h"
#include "bel-test-it.h"

#define PASSWORD "a long enough password"

static gint64
count (BelTestDaemon *d,
       const char    *sql)
{
  return bel_test_it_query_int (d->db_path, sql);
}

static char *
sample (const char *name)
{
  return bel_test_it_data_path ("oneroster", name, NULL);
}

static void
test_sample_then_changed_set (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample");
  g_autofree char *changed = sample ("changed");
  g_autoptr(BelTestCtl) first = NULL;
  g_autoptr(BelTestCtl) again = NULL;
  g_autoptr(BelTestCtl) next = NULL;
  g_autofree char *family = NULL;
  g_autofree char *year = NULL;

  first = bel_test_it_ctl (d, 0, "import", "oneroster", set, NULL);
  g_assert_nonnull (strstr (first->out, "40 students, 8 staff, 8 classes, 113 enrollments"));
  g_assert_nonnull (strstr (first->out, "students     40 new"));
  /* No student name is printed. */
  g_assert_null (strstr (first->out, "Okafor"));
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM school WHERE sis_id = 'org-lakeview-hs'"), ==, 1);
  year = bel_test_it_query_text (d->db_path, "SELECT school_year FROM school");
  g_assert_cmpstr (year, ==, "2026-2027");
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE active = 1"), ==, 40);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM account WHERE sis_id IS NOT NULL"), ==, 8);
  /* Guardians and aides get no account. */
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM account WHERE username IN ('bsmith')"), ==, 0);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM membership m JOIN account a ON a.id = m.account_id "
                             "WHERE a.username = 'pmorgan' AND m.role = 'leader'"), ==, 1);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM membership m JOIN account a ON a.id = m.account_id "
                             "WHERE a.username = 'drivera' AND m.role = 'counselor'"), ==, 1);
  /* "ABello@cedarvalley..." with no username becomes "abello". */
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM account WHERE username = 'abello'"), ==, 1);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM class WHERE active = 1"), ==, 8);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM enrollment WHERE active = 1"), ==, 113);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE json_extract(attributes, '$.ethnicity') "
                             "IS NOT NULL"), ==, 40);

  /* The same set again changes nothing. */
  again = bel_test_it_ctl (d, 0, "import", "oneroster", set, NULL);
  g_assert_nonnull (strstr (again->out, "students     0 new, 0 updated, 0 deactivated, 40 unchanged"));

  next = bel_test_it_ctl (d, 0, "import", "oneroster", changed, NULL);
  g_assert_nonnull (strstr (next->out, "students     1 new, 2 updated, 2 deactivated"));
  g_assert_nonnull (strstr (next->out, "staff        0 new, 0 updated, 1 deactivated"));
  g_assert_nonnull (strstr (next->out, "classes      0 new, 0 updated, 1 deactivated"));
  family = bel_test_it_query_text (d->db_path, "SELECT family_name FROM student WHERE sis_id = 's-50000'");
  g_assert_cmpstr (family, ==, "Okafor-Mensah");
  g_assert_cmpint (count (d, "SELECT grade FROM student WHERE sis_id = 's-50035'"), ==, 11);
  /* Gone and tobedeleted students are inactive, not deleted. */
  g_assert_cmpint (count (d, "SELECT active FROM student WHERE sis_id = 's-50007'"), ==, 0);
  g_assert_cmpint (count (d, "SELECT active FROM student WHERE sis_id = 's-50014'"), ==, 0);
  g_assert_cmpint (count (d, "SELECT active FROM student WHERE sis_id = 's-51000'"), ==, 1);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student"), ==, 41);
  g_assert_cmpint (count (d, "SELECT active FROM account WHERE username = 'jwhite'"), ==, 0);
  g_assert_cmpint (count (d, "SELECT active FROM class WHERE sis_id = 'cls-bio-1'"), ==, 0);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM enrollment e JOIN class c ON c.id = e.class_id "
                             "WHERE c.sis_id = 'cls-bio-1' AND e.active = 1"), ==, 0);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM enrollment e JOIN student s ON s.id = e.student_id "
                             "WHERE s.sis_id = 's-50014' AND e.active = 1"), ==, 0);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM audit WHERE action = 'roster.import'"), ==, 3);
}

static void
test_dry_run_writes_nothing (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample");
  g_autofree char *changed = sample ("changed");
  g_autoptr(BelTestCtl) imported = NULL;
  g_autoptr(BelTestCtl) dry = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  imported = bel_test_it_ctl (d, 0, "import", "oneroster", set, NULL);
  before = bel_test_it_fingerprint (d->db_path);
  dry = bel_test_it_ctl (d, 0, "import", "oneroster", changed, "--dry-run", NULL);
  g_assert_nonnull (strstr (dry->out, "nothing was written"));
  g_assert_nonnull (strstr (dry->out, "students     1 new, 2 updated, 2 deactivated"));
  after = bel_test_it_fingerprint (d->db_path);
  g_assert_cmpstr (before, ==, after);
}

/* Each broken set: every problem reported, with file and line; nothing written. */
static void
test_broken_sets_write_nothing (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample");
  g_autofree char *broken_root = sample ("broken");
  g_autoptr(GDir) dir = g_dir_open (broken_root, 0, NULL);
  g_autoptr(BelTestCtl) imported = NULL;
  g_autofree char *before = NULL;
  const char *name;
  guint n = 0;

  imported = bel_test_it_ctl (d, 0, "import", "oneroster", set, NULL);
  before = bel_test_it_fingerprint (d->db_path);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *broken = g_build_filename (broken_root, name, NULL);
      g_autofree char *work = g_build_filename (d->dir, name, NULL);
      g_autofree char *expect_path = g_build_filename (broken, "expect", NULL);
      g_autofree char *copied_expect = g_build_filename (work, "expect", NULL);
      g_autofree char *expect = NULL;
      g_autofree char *after = NULL;
      g_autoptr(BelTestCtl) r = NULL;

      g_test_message ("broken set %s", name);
      bel_test_it_copy_dir (set, work);
      bel_test_it_copy_dir (broken, work);
      g_remove (copied_expect);
      g_assert_true (g_file_get_contents (expect_path, &expect, NULL, NULL));
      g_strchomp (expect);
      r = bel_test_it_ctl (d, 3, "import", "oneroster", work, NULL);
      if (strstr (r->err, expect) == NULL)
        g_error ("%s: expected “%s” in:\n%s", name, expect, r->err);
      g_assert_nonnull (strstr (r->err, "nothing was imported"));
      after = bel_test_it_fingerprint (d->db_path);
      g_assert_cmpstr (before, ==, after);
      bel_test_it_remove (work);
      n++;
    }
  g_assert_cmpuint (n, >=, 10);
}

static void
write_zip (const char *set,
           const char *zip_path)
{
  struct archive *a = archive_write_new ();
  g_autoptr(GDir) dir = g_dir_open (set, 0, NULL);
  const char *name;

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, zip_path), ==, ARCHIVE_OK);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (set, name, NULL);
      g_autofree char *data = NULL;
      struct archive_entry *entry = archive_entry_new ();
      gsize size;

      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      archive_entry_set_pathname (entry, name);
      archive_entry_set_size (entry, (la_int64_t) size);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, data, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

/* OneRoster 1.2 (roles.csv, preferred names, other demographic spellings), zipped. */
static void
test_zipped_1_2_set (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample-1.2");
  g_autofree char *zip = g_build_filename (d->dir, "export.zip", NULL);
  g_autoptr(BelTestCtl) r = NULL;
  g_autofree char *gender = NULL;
  g_autofree char *ethnicity = NULL;
  g_autofree char *pronouns = NULL;

  write_zip (set, zip);
  r = bel_test_it_ctl (d, 0, "import", "oneroster", zip, NULL);
  g_assert_nonnull (strstr (r->out, "OneRoster 1.2 set: 40 students, 8 staff"));
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE active = 1"), ==, 40);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM membership m JOIN account a ON a.id = m.account_id "
                             "WHERE a.username = 'drivera' AND m.role = 'counselor'"), ==, 1);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE sis_id = 's-50021' AND preferred_name = 'Lin'"),
                   ==, 1);
  pronouns = bel_test_it_query_text (d->db_path, "SELECT pronouns FROM student WHERE sis_id = 's-50175'");
  g_assert_cmpstr (pronouns, ==, "they/them");
  /* americanIndianOrAlaskanNative / twoOrMoreRaces / hispanicOrLatino were read. */
  gender = bel_test_it_query_text (d->db_path, "SELECT json_extract(attributes, '$.gender') FROM student "
                                               "WHERE sis_id = 's-50000'");
  ethnicity = bel_test_it_query_text (d->db_path, "SELECT json_extract(attributes, '$.ethnicity') FROM student "
                                                  "WHERE sis_id = 's-50000'");
  g_assert_nonnull (gender);
  g_assert_nonnull (ethnicity);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE json_extract(attributes, '$.ethnicity') = "
                             "'Two or more races' OR json_extract(attributes, '$.ethnicity') = "
                             "'Hispanic or Latino'"), >, 0);
}

/* An imported teacher gets a password from IT, signs in, and teaches their class. */
static void
test_imported_teacher_signs_in (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample");
  g_autofree char *password_file = g_build_filename (d->dir, "password", NULL);
  g_autoptr(BelTestCtl) r = NULL;
  g_autoptr(BelTestCtl) reset = NULL;
  g_autoptr(BelTestResponse) refused = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  gint64 teacher, taught, other;

  r = bel_test_it_ctl (d, 0, "import", "oneroster", set, NULL);
  g_assert_true (g_file_set_contents (password_file, PASSWORD "\n", -1, NULL));
  bel_test_daemon_start (d);
  refused = bel_test_daemon_request (d, "POST", "/api/v1/session", NULL,
                                     "{\"username\": \"rpatel\", \"password\": \"" PASSWORD "\"}", NULL);
  g_assert_cmpuint (refused->status, ==, 401);
  reset = bel_test_it_ctl (d, 0, "account", "reset-password", "rpatel", "--password-file", password_file, NULL);
  token = bel_test_daemon_sign_in (d, "rpatel", PASSWORD);
  me = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "display_name"), ==, "Rohan Patel");

  teacher = count (d, "SELECT id FROM account WHERE username = 'rpatel'");
  taught = count (d, "SELECT e.student_id FROM enrollment e JOIN class c ON c.id = e.class_id "
                     "WHERE c.sis_id = 'cls-alg1-1' AND e.role = 'student' LIMIT 1");
  other = count (d, "SELECT id FROM student WHERE id NOT IN (SELECT s.student_id FROM enrollment s "
                    "JOIN enrollment t ON t.class_id = s.class_id WHERE t.account_id = "
                    "(SELECT id FROM account WHERE username = 'rpatel') AND s.student_id IS NOT NULL) LIMIT 1");
  engine = bel_test_daemon_open_engine (d);
  g_assert_true (bel_roster_teaches (engine, teacher, taught, &error));
  g_assert_no_error (error);
  g_assert_false (bel_roster_teaches (engine, teacher, other, &error));
  g_assert_no_error (error);
}

/* How many classes @username teaches, in /api/v1/me (as @token's owner
 * sees it) and in the school's staff list. */
static gint64
me_classes (BelTestDaemon *d,
            const char    *token)
{
  g_autoptr(BelTestResponse) me = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  JsonArray *memberships;

  g_assert_cmpuint (me->status, ==, 200);
  memberships = json_object_get_array_member (bel_test_response_object (me), "memberships");
  g_assert_cmpuint (json_array_get_length (memberships), ==, 1);
  return json_object_get_int_member (json_array_get_object_element (memberships, 0), "classes");
}

static gint64
staff_classes (BelTestDaemon *d,
               const char    *token,
               const char    *username)
{
  g_autoptr(BelTestResponse) staff = bel_test_daemon_request (d, "GET", "/api/v1/schools/1/staff", token,
                                                              NULL, NULL);
  JsonArray *items;

  g_assert_cmpuint (staff->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (staff), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *m = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (m, "username"), username) == 0)
        return json_object_get_int_member (m, "classes");
    }
  g_assert_not_reached ();
}

/* Copies @from to @to without the lines that contain @word. */
static void
copy_without (const char *from,
              const char *to,
              const char *word)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && strstr (lines[i], word) == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  g_assert_true (g_file_set_contents (to, out->str, out->len, NULL));
}

/* /api/v1/me and the staff list say how many active classes each person
 * teaches (the app shows teachers of classes the Surveys page by it); a
 * class that a later import leaves out is inactive and no longer counts. */
static void
test_teacher_class_count (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample");
  g_autofree char *password_file = g_build_filename (d->dir, "password", NULL);
  g_autofree char *next = g_build_filename (d->dir, "next-set", NULL);
  g_autoptr(BelTestCtl) first = NULL;
  g_autoptr(BelTestCtl) again = NULL;
  g_autofree char *teacher = NULL;
  g_autofree char *leader = NULL;

  first = bel_test_it_ctl (d, 0, "import", "oneroster", set, NULL);
  g_assert_true (g_file_set_contents (password_file, PASSWORD "\n", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BelTestCtl) reset = bel_test_it_ctl (d, 0, "account", "reset-password",
                                                     i == 0 ? "mgarcia" : "pmorgan",
                                                     "--password-file", password_file, NULL);
    }
  bel_test_daemon_start (d);
  teacher = bel_test_daemon_sign_in (d, "mgarcia", PASSWORD);
  leader = bel_test_daemon_sign_in (d, "pmorgan", PASSWORD);
  /* María García teaches English 9 in two periods; the principal teaches none */
  g_assert_cmpint (me_classes (d, teacher), ==, 2);
  g_assert_cmpint (me_classes (d, leader), ==, 0);
  g_assert_cmpint (staff_classes (d, leader, "mgarcia"), ==, 2);
  g_assert_cmpint (staff_classes (d, teacher, "pmorgan"), ==, 0);

  /* The next set has no second period: the import deactivates the class */
  bel_test_it_copy_dir (set, next);
  for (guint i = 0; i < 2; i++)
    {
      const char *file = i == 0 ? "classes.csv" : "enrollments.csv";
      g_autofree char *from = g_build_filename (set, file, NULL);
      g_autofree char *to = g_build_filename (next, file, NULL);

      copy_without (from, to, "cls-eng9-2");
    }
  again = bel_test_it_ctl (d, 0, "import", "oneroster", next, NULL);
  g_assert_nonnull (strstr (again->out, "classes      0 new, 0 updated, 1 deactivated"));
  g_assert_cmpint (count (d, "SELECT active FROM class WHERE sis_id = 'cls-eng9-2'"), ==, 0);
  g_assert_cmpint (me_classes (d, teacher), ==, 1);
  g_assert_cmpint (staff_classes (d, leader, "mgarcia"), ==, 1);
}

static void
test_school_option (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *set = sample ("sample");
  g_autoptr(BelTestCtl) school = NULL;
  g_autoptr(BelTestCtl) r = NULL;
  g_autoptr(BelTestCtl) missing = NULL;

  school = bel_test_it_ctl (d, 0, "school", "add", "Lakeview HS", "--school-year", "2026-2027", NULL);
  /* The only school of the set becomes the chosen one. */
  r = bel_test_it_ctl (d, 0, "import", "oneroster", set, "--school", "1", NULL);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM school"), ==, 1);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE school_id = 1"), ==, 40);
  missing = bel_test_it_ctl (d, 1, "import", "oneroster", set, "--school", "7", NULL);
  g_assert_nonnull (strstr (missing->err, "nothing was imported"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/it/import/sample-then-changed-set", test_sample_then_changed_set);
  g_test_add_func ("/it/import/dry-run-writes-nothing", test_dry_run_writes_nothing);
  g_test_add_func ("/it/import/broken-sets-write-nothing", test_broken_sets_write_nothing);
  g_test_add_func ("/it/import/zipped-1.2-set", test_zipped_1_2_set);
  g_test_add_func ("/it/import/imported-teacher-signs-in", test_imported_teacher_signs_in);
  g_test_add_func ("/it/import/school-option", test_school_option);
  g_test_add_func ("/it/import/teacher-class-count", test_teacher_class_count);
  return g_test_run ();
}
