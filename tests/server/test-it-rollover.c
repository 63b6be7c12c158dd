/* test-it-rollover.c - belongingctl rollover on a demo school
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-test-it.h"

static gint64
count (BelTestDaemon *d,
       const char    *sql)
{
  return bel_test_it_query_int (d->db_path, sql);
}

static BelTestDaemon *
demo_school (void)
{
  BelTestDaemon *d = bel_test_daemon_new ();
  g_autoptr(BelTestCtl) demo = bel_test_it_ctl (d, 0, "demo", "--students", "40", NULL);

  return d;
}

static void
test_new_year_advances_and_loops (void)
{
  g_autoptr(BelTestDaemon) d = demo_school ();
  gint64 students = count (d, "SELECT COUNT(*) FROM student");
  gint64 seniors = count (d, "SELECT COUNT(*) FROM student WHERE grade = 12 AND active = 1");
  gint64 juniors = count (d, "SELECT COUNT(*) FROM student WHERE grade = 11 AND active = 1");
  gint64 advised = count (d, "SELECT COUNT(*) FROM student WHERE advisory_id IS NOT NULL AND grade < 12");
  gint64 junior_id = count (d, "SELECT id FROM student WHERE grade = 11 AND advisory_id IS NOT NULL LIMIT 1");
  gint64 junior_advisory = 0;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_dry = NULL;
  g_autofree char *after = NULL;
  g_autofree char *year = NULL;
  g_autoptr(BelTestCtl) dry = NULL;
  g_autoptr(BelTestCtl) real = NULL;
  g_autoptr(BelTestCtl) again = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (seniors, >, 0);
  sql = g_strdup_printf ("SELECT advisory_id FROM student WHERE id = %" G_GINT64_FORMAT, junior_id);
  junior_advisory = count (d, sql);

  before = bel_test_it_fingerprint (d->db_path);
  dry = bel_test_it_ctl (d, 0, "rollover", "--to", "2027-2028", "--dry-run", NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " graduates become inactive", seniors);
  g_assert_nonnull (strstr (dry->out, expected));
  g_assert_nonnull (strstr (dry->out, "nothing was written"));
  after_dry = bel_test_it_fingerprint (d->db_path);
  g_assert_cmpstr (before, ==, after_dry);

  real = bel_test_it_ctl (d, 0, "rollover", "--to", "2027-2028", NULL);
  g_assert_cmpstr (real->out, ==, strstr (dry->out, "\n") + 1);
  year = bel_test_it_query_text (d->db_path, "SELECT school_year FROM school");
  g_assert_cmpstr (year, ==, "2027-2028");
  /* Nothing lost: the same students; the seniors graduated (inactive), the juniors are seniors. */
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student"), ==, students);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE active = 0 AND grade = 12"), ==, seniors);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE active = 1 AND grade = 12"), ==, juniors);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE active = 1 AND grade = 9"), ==, 0);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE active = 0 AND advisory_id IS NOT NULL"), ==, 0);
  /* Advisories loop: same advisory, and the history has both years. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT advisory_id FROM student WHERE id = %" G_GINT64_FORMAT, junior_id);
  g_assert_cmpint (count (d, sql), ==, junior_advisory);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT COUNT(*) FROM advisory_member WHERE student_id = %" G_GINT64_FORMAT
                         " AND advisory_id = %" G_GINT64_FORMAT " AND ((school_year = '2026-2027' AND to_date IS NOT NULL)"
                         " OR (school_year = '2027-2028' AND to_date IS NULL))", junior_id, junior_advisory);
  g_assert_cmpint (count (d, sql), ==, 2);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM advisory_member WHERE school_year = '2027-2028' AND to_date IS NULL"),
                   ==, advised);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM advisory_member WHERE to_date IS NULL AND school_year = '2026-2027'"),
                   ==, 0);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM audit WHERE action = 'school.rollover'"), ==, 1);

  /* Twice is refused and changes nothing. */
  after = bel_test_it_fingerprint (d->db_path);
  again = bel_test_it_ctl (d, 1, "rollover", "--to", "2027-2028", NULL);
  g_assert_nonnull (strstr (again->err, "already in 2027-2028"));
  g_clear_pointer (&before, g_free);
  before = bel_test_it_fingerprint (d->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_no_loop_and_wrong_year (void)
{
  g_autoptr(BelTestDaemon) d = demo_school ();
  g_autoptr(BelTestCtl) skip = NULL;
  g_autoptr(BelTestCtl) bad = NULL;
  g_autoptr(BelTestCtl) missing = NULL;
  g_autoptr(BelTestCtl) r = NULL;
  gint64 history = count (d, "SELECT COUNT(*) FROM advisory_member");

  skip = bel_test_it_ctl (d, 1, "rollover", "--to", "2028-2029", NULL);
  g_assert_nonnull (strstr (skip->err, "the next school year is 2027-2028"));
  bad = bel_test_it_ctl (d, 2, "rollover", "--to", "next year", NULL);
  missing = bel_test_it_ctl (d, 2, "rollover", NULL);
  r = bel_test_it_ctl (d, 0, "rollover", "--to", "2027-2028", "--no-loop", NULL);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM student WHERE advisory_id IS NOT NULL"), ==, 0);
  /* The history rows all stay, closed. */
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM advisory_member"), ==, history);
  g_assert_cmpint (count (d, "SELECT COUNT(*) FROM advisory_member WHERE to_date IS NULL"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/it/rollover/new-year-advances-and-loops", test_new_year_advances_and_loops);
  g_test_add_func ("/it/rollover/no-loop-and-wrong-year", test_no_loop_and_wrong_year);
  return g_test_run ();
}
