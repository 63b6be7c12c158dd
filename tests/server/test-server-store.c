/* test-server-store.c - migrations, refusing newer databases, surviving a kill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include <sqlite3.h>
#include <string.h>

#include "bel-error.h"
#include "bel-store-private.h"
#include "bel-students.h"

static gint64
count_rows (const char *db_path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (bel_test_postgresql ())
    {
      g_autofree char *out = bel_test_psql (db_path, sql);
      return g_ascii_strtoll (out, NULL, 10);
    }
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_migrates_an_empty_file (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BelTestResponse) ready = NULL;
  g_autoptr(BelStore) store = NULL;

  if (!bel_test_postgresql ()) /* there: a new, empty database */
    g_file_set_contents (d->db_path, "", 0, &error);
  g_assert_no_error (error);
  bel_test_daemon_start (d);
  ready = bel_test_daemon_request (d, "GET", "/readyz", NULL, NULL, NULL);
  g_assert_cmpuint (ready->status, ==, 200);
  g_assert_cmpint (bel_test_daemon_stop (d), ==, 0);

  store = bel_store_open (d->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bel_store_get_schema_version (store), ==, bel_store_latest_version ());
  g_assert_cmpint (bel_store_latest_version (), >=, 1);
  /* Every migration is recorded once */
  g_assert_cmpint (count_rows (d->db_path, "schema_version"), ==, bel_store_latest_version ());
  bel_store_integrity_check (store, &error);
  g_assert_no_error (error);
}

static void
test_refuses_a_newer_database (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(BelStore) store = NULL;
  g_autoptr(BelStore) again = NULL;

  store = bel_store_open (d->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (bel_store_exec (store, "INSERT INTO schema_version (version, name, applied_at) "
                                        "VALUES (9999, '9999-future.sql', '2099-01-01T00:00:00Z')", &error));
  g_assert_no_error (error);
  bel_store_close (store);

  g_assert_false (bel_test_daemon_try_start (d, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "newer belongingd"));
  g_assert_nonnull (strstr (error->message, "9999"));

  again = bel_store_open (d->db_path, &open_error);
  g_assert_null (again);
  g_assert_nonnull (open_error);
  /* Nothing was touched */
  g_assert_cmpint (count_rows (d->db_path, "schema_version"), ==, bel_store_latest_version () + 1);
}

static void
test_survives_sigkill (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStore) store = NULL;
  g_autoptr(BelTestResponse) list = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autofree char *student = NULL;
  BelTestSeed seed;
  guint acknowledged = 0;

  bel_test_daemon_seed (d, &seed);
  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, "leader", BEL_TEST_PASSWORD);
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students", seed.school_id);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"sis_id\":\"K-%u\",\"given_name\":\"Kim\","
                                               "\"family_name\":\"Nguyen %u\",\"grade\":11}", i, i);
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "POST", path, token, body, NULL);
      g_assert_cmpuint (r->status, ==, 201);
      acknowledged++;
    }
  student = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, seed.student_id);
  {
    g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "PATCH", student, token,
                                                            "{\"grade\":10}", "\"1\"");
    g_assert_cmpuint (r->status, ==, 200);
  }
  bel_test_daemon_kill (d);

  /* Every acknowledged write is there, in a sound file */
  store = bel_store_open (d->db_path, &error);
  g_assert_no_error (error);
  bel_store_integrity_check (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (count_rows (d->db_path, "student"), ==, acknowledged + 1);

  bel_test_daemon_start (d);
  list = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (list->status, ==, 200); /* sessions survive too */
  g_assert_cmpint (bel_test_response_int (list, "total"), ==, acknowledged + 1);
  {
    g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "GET", student, token, NULL, NULL);
    g_assert_cmpint (bel_test_response_int (r, "grade"), ==, 10);
  }
}

static void
test_stops_cleanly (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *wal = NULL;

  bel_test_daemon_start (d);
  g_assert_cmpint (bel_test_daemon_stop (d), ==, 0);
  /* A clean stop checkpoints the write-ahead log into the database */
  wal = g_strconcat (d->db_path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      g_file_get_contents (wal, &contents, &len, NULL);
      g_assert_cmpuint (len, ==, 0);
    }
}

static void
test_transactions_nest (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  BelTestSeed seed;

  bel_test_daemon_seed (d, &seed);
  engine = bel_test_daemon_open_engine (d);
  {
    /* Engine calls inside an outer transaction that is dropped leave nothing */
    g_autoptr(BelTransaction) tx = bel_engine_begin (engine, &error);
    g_autoptr(BelStudent) s = g_object_new (BEL_TYPE_STUDENT, "sis-id", "T-1", "given-name", "Ana",
                                            "family-name", "Lima", "grade", (gint64) 9, "active", TRUE, NULL);
    g_autoptr(BelStudent) created = bel_students_create (engine, bel_engine_system_actor (engine),
                                                         seed.school_id, s, &error);
    g_assert_no_error (error);
    g_assert_nonnull (created);
  }
  g_assert_cmpint (count_rows (d->db_path, "student"), ==, 1);
  {
    /* A failing engine call inside an outer transaction rolls back only itself */
    g_autoptr(BelTransaction) tx = bel_engine_begin (engine, &error);
    g_autoptr(BelStudent) s = g_object_new (BEL_TYPE_STUDENT, "sis-id", "T-2", "given-name", "Ana",
                                            "family-name", "Lima", "grade", (gint64) 9, "active", TRUE, NULL);
    g_autoptr(BelStudent) dup = g_object_new (BEL_TYPE_STUDENT, "sis-id", "T-2", "given-name", "Bo",
                                              "family-name", "Lima", "grade", (gint64) 9, "active", TRUE, NULL);
    g_autoptr(BelStudent) created = bel_students_create (engine, bel_engine_system_actor (engine),
                                                         seed.school_id, s, &error);
    g_autoptr(BelStudent) refused = NULL;

    g_assert_no_error (error);
    refused = bel_students_create (engine, bel_engine_system_actor (engine), seed.school_id, dup, &error);
    g_assert_null (refused);
    g_assert_error (error, BEL_ERROR, BEL_ERROR_CONFLICT);
    g_clear_error (&error);
    bel_transaction_commit (tx, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_rows (d->db_path, "student"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/store/migrates-an-empty-file", test_migrates_an_empty_file);
  g_test_add_func ("/server/store/refuses-a-newer-database", test_refuses_a_newer_database);
  g_test_add_func ("/server/store/acknowledged-writes-survive-sigkill", test_survives_sigkill);
  g_test_add_func ("/server/store/stops-cleanly-on-sigterm", test_stops_cleanly);
  g_test_add_func ("/server/store/transactions-nest", test_transactions_nest);

  return g_test_run ();
}
