/* test-it-backup.c - belongingctl backup, restore, check and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "bel-students.h"
#include "bel-test-it.h"
#include "bel-test-sql.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct {
  char          *db_path;
  gint64         school_id;
  volatile gint  stop;
  guint          written;
} Writer;

/* Creates students, each with its audit row and advisory history in one
 * transaction, as fast as it can until told to stop. */
static gpointer
write_students (gpointer user_data)
{
  Writer *w = user_data;
  g_autoptr(BelConfig) config = bel_config_new ();
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GError) error = NULL;

  bel_config_set_database (config, w->db_path);
  engine = bel_engine_open (config, &error);
  g_assert_no_error (error);
  while (!g_atomic_int_get (&w->stop))
    {
      g_autoptr(BelStudent) student = bel_student_new ();
      g_autoptr(BelStudent) created = NULL;
      g_autofree char *sis = g_strdup_printf ("W-%06u", w->written);

      g_object_set (student, "sis-id", sis, "given-name", "Writer", "family-name", "Test", "grade", (gint64) 9,
                    NULL);
      created = bel_students_create (engine, bel_engine_system_actor (engine), w->school_id, student, &error);
      g_assert_no_error (error);
      w->written++;
    }
  return NULL;
}

static gint64
count (const char *db,
       const char *sql)
{
  return bel_test_it_query_int (db, sql);
}

#define WRITTEN_STUDENTS "SELECT COUNT(*) FROM student WHERE sis_id LIKE 'W-%'"
#define WRITTEN_AUDIT    "SELECT COUNT(*) FROM audit a JOIN student s ON s.id = a.student_id " \
                         "WHERE a.action = 'student.create' AND s.sis_id LIKE 'W-%'"

static void
test_backup_during_writes_then_restore (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) other = bel_test_daemon_new ();
  g_autofree char *during = g_build_filename (d->dir, "during.backup", NULL);
  g_autofree char *quiet = g_build_filename (d->dir, "quiet.backup", NULL);
  g_autoptr(BelTestCtl) demo = bel_test_it_ctl (d, 0, "demo", "--students", "200", NULL);
  g_autoptr(BelTestCtl) backup = NULL;
  g_autoptr(BelTestCtl) restore = NULL;
  g_autoptr(BelTestCtl) quiet_backup = NULL;
  g_autoptr(BelTestCtl) quiet_restore = NULL;
  g_autoptr(BelTestCtl) check = NULL;
  g_autofree char *source = NULL;
  g_autofree char *restored = NULL;
  Writer w = { d->db_path, 1, 0, 0 };
  GThread *thread;
  guint before, after;
  gint64 in_backup;

  bel_test_daemon_start (d);
  thread = g_thread_new ("writer", write_students, &w);
  while (g_atomic_int_get ((gint *) &w.written) < 20)
    g_usleep (1000);
  before = g_atomic_int_get ((gint *) &w.written);
  backup = bel_test_it_ctl (d, 0, "backup", during, NULL);
  after = g_atomic_int_get ((gint *) &w.written);
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_assert_cmpuint (after, >, before); /* the writes went on while it ran */
  g_assert_nonnull (strstr (backup->out, "Backed up"));

  /* Restored elsewhere: a consistent instant, every student with its audit row. */
  restore = bel_test_it_ctl (other, 0, "restore", during, NULL);
  in_backup = count (other->db_path, WRITTEN_STUDENTS);
  g_assert_cmpint (in_backup, >=, before);
  g_assert_cmpint (in_backup, <=, after);
  g_assert_cmpint (count (other->db_path, WRITTEN_AUDIT), ==, in_backup);
  check = bel_test_it_ctl (other, 0, "check", NULL);
  g_assert_nonnull (strstr (check->out, "integrity: ok"));

  /* With the writes done, the restored copy is the database, row for row. */
  quiet_backup = bel_test_it_ctl (d, 0, "backup", quiet, NULL);
  g_assert_cmpint (bel_test_daemon_stop (d), ==, 0);
  quiet_restore = bel_test_it_ctl (other, 0, "restore", quiet, NULL);
  source = bel_test_it_fingerprint (d->db_path);
  restored = bel_test_it_fingerprint (other->db_path);
  g_assert_cmpstr (source, ==, restored);
  g_assert_cmpint (count (other->db_path, WRITTEN_STUDENTS), ==, w.written);
}

static void
test_encrypted_backup_needs_its_passphrase (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *backup_path = g_build_filename (d->dir, "backup.enc", NULL);
  g_autofree char *right = g_build_filename (d->dir, "right", NULL);
  g_autofree char *wrong = g_build_filename (d->dir, "wrong", NULL);
  g_autoptr(BelTestCtl) demo = bel_test_it_ctl (d, 0, "demo", "--students", "40", NULL);
  g_autoptr(BelTestCtl) backup = NULL;
  g_autoptr(BelTestCtl) refused = NULL;
  g_autoptr(BelTestCtl) damaged = NULL;
  g_autoptr(BelTestCtl) restored = NULL;
  g_autofree char *family = bel_test_it_query_text (d->db_path, "SELECT family_name FROM student LIMIT 1");
  g_autofree char *original = bel_test_it_fingerprint (d->db_path);
  g_autofree char *after_refusal = NULL;
  g_autofree char *after_restore = NULL;
  g_autofree char *data = NULL;
  gsize size;

  g_assert_true (g_file_set_contents (right, PASSPHRASE "\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "correct horse battery stapler\n", -1, NULL));
  backup = bel_test_it_ctl (d, 0, "backup", backup_path, "--passphrase-file", right, NULL);
  g_assert_nonnull (strstr (backup->out, "encrypted"));

  /* Nothing readable in it. */
  g_assert_true (g_file_get_contents (backup_path, &data, &size, NULL));
  g_assert_null (g_strstr_len (data, (gssize) size, "SQLite format 3"));
  g_assert_null (g_strstr_len (data, (gssize) size, family));
  g_assert_null (g_strstr_len (data, (gssize) size, "schema_version"));

  /* A change after the backup, which the restore must undo. */
  {
    g_autoptr(BelTestCtl) more = bel_test_it_ctl (d, 0, "school", "add", "Second School", NULL);
  }
  g_clear_pointer (&original, g_free);
  original = bel_test_it_fingerprint (d->db_path);
  refused = bel_test_it_ctl (d, 3, "restore", backup_path, "--passphrase-file", wrong, NULL);
  g_assert_nonnull (strstr (refused->err, "Wrong passphrase"));
  after_refusal = bel_test_it_fingerprint (d->db_path);
  g_assert_cmpstr (after_refusal, ==, original);

  /* One flipped byte in the last chunk: refused too. */
  data[size - 5] ^= 0x40;
  {
    g_autofree char *tampered = g_build_filename (d->dir, "tampered.enc", NULL);
    g_assert_true (g_file_set_contents (tampered, data, (gssize) size, NULL));
    damaged = bel_test_it_ctl (d, 3, "restore", tampered, "--passphrase-file", right, NULL);
    g_assert_nonnull (strstr (damaged->err, "damaged"));
  }

  restored = bel_test_it_ctl (d, 0, "restore", backup_path, "--passphrase-file", right, NULL);
  g_assert_cmpint (bel_test_it_query_int (d->db_path, "SELECT COUNT(*) FROM school WHERE name = 'Second School'"),
                   ==, 0);
  after_restore = bel_test_it_fingerprint (d->db_path);
  g_assert_cmpstr (after_restore, !=, original);
}

static void
test_restore_refused_while_daemon_runs (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) second = bel_test_daemon_new ();
  g_autofree char *backup_path = g_build_filename (d->dir, "backup.db", NULL);
  g_autoptr(BelTestCtl) demo = bel_test_it_ctl (d, 0, "demo", "--students", "40", NULL);
  g_autoptr(BelTestCtl) backup = NULL;
  g_autoptr(BelTestCtl) refused = NULL;
  g_autoptr(BelTestCtl) status = NULL;
  g_autoptr(BelTestCtl) stopped = NULL;
  g_autoptr(BelTestCtl) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second_db = NULL;

  backup = bel_test_it_ctl (d, 0, "backup", backup_path, NULL);
  bel_test_daemon_start (d);
  refused = bel_test_it_ctl (d, 4, "restore", backup_path, NULL);
  g_assert_nonnull (strstr (refused->err, "stop it first"));
  {
    g_auto(GStrv) lines = g_strsplit (refused->err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3); /* two one-line messages */
  }

  /* A second daemon on the same database is refused as well. */
  g_free (second->db_path);
  second->db_path = g_strdup (d->db_path);
  g_assert_false (bel_test_daemon_try_start (second, &error));
  g_assert_nonnull (strstr (error->message, "in use"));
  second_db = g_build_filename (second->dir, "belonging.db", NULL);
  g_free (second->db_path);
  second->db_path = g_steal_pointer (&second_db);

  status = bel_test_it_ctl (d, 0, "status", "--url", d->url, NULL);
  g_assert_nonnull (strstr (status->out, "healthz 200, readyz 200"));
  g_assert_nonnull (strstr (status->out, "belongingd/"));
  g_assert_nonnull (strstr (status->out, "students: 40 active"));
  g_assert_cmpint (bel_test_daemon_stop (d), ==, 0);
  stopped = bel_test_it_ctl (d, 4, "status", "--url", d->url, NULL);
  g_assert_nonnull (strstr (stopped->out, "not answering"));
  restored = bel_test_it_ctl (d, 0, "restore", backup_path, NULL);
  g_assert_nonnull (strstr (restored->out, "before-restore"));
}

/* Foreign keys off for one connection (PostgreSQL: as the superuser of the test cluster). */
#define ORPHAN_MEMBERSHIP "INSERT INTO membership (account_id, school_id, role) " \
                          "SELECT id, 999, 'teacher' FROM account LIMIT 1"
#define BREAK_FOREIGN_KEYS_SQLITE "PRAGMA foreign_keys = OFF; " ORPHAN_MEMBERSHIP
#define BREAK_FOREIGN_KEYS_PG "SET session_replication_role = replica; " ORPHAN_MEMBERSHIP

static void
test_check_finds_orphans (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestCtl) demo = bel_test_it_ctl (d, 0, "demo", "--students", "40", NULL);
  g_autoptr(BelTestCtl) good = bel_test_it_ctl (d, 0, "check", NULL);
  g_autoptr(BelTestCtl) bad = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autofree char *schema = g_strdup_printf ("schema version: %d", bel_store_latest_version ());

  g_assert_nonnull (strstr (good->out, "No problems found"));
  g_assert_nonnull (strstr (good->out, schema));
  /* Break it behind the engine's back: a membership of a school that is gone. */
  g_assert_true (bel_test_sql_exec (d->db_path,
                                    bel_test_postgresql () ? BREAK_FOREIGN_KEYS_PG : BREAK_FOREIGN_KEYS_SQLITE, NULL));
  bad = bel_test_it_ctl (d, 1, "check", NULL);
  g_assert_nonnull (strstr (bad->out, "foreign keys: 1 broken"));
  g_assert_nonnull (strstr (bad->out, "memberships of missing accounts or schools: 1"));
  g_assert_nonnull (strstr (bad->err, "problems found"));
}

static void
test_backup_is_sqlite_only (void)
{
  g_test_skip ("belongingctl backup and restore copy the SQLite file; PostgreSQL has its own tools");
}

#define ON_SQLITE(test) (bel_test_postgresql () ? test_backup_is_sqlite_only : (test))

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/it/backup/during-writes-then-restore",
                   ON_SQLITE (test_backup_during_writes_then_restore));
  g_test_add_func ("/it/backup/encrypted-needs-its-passphrase",
                   ON_SQLITE (test_encrypted_backup_needs_its_passphrase));
  g_test_add_func ("/it/backup/restore-refused-while-daemon-runs",
                   ON_SQLITE (test_restore_refused_while_daemon_runs));
  g_test_add_func ("/it/backup/check-finds-orphans", test_check_finds_orphans);
  return g_test_run ();
}
