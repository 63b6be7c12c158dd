/* test-it-daemon.c - belongingd operations: TLS, /metrics, sd_notify, graceful stop, upgrade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bel-sql-resources.h"
#include "bel-test-it.h"
#include "../bel-test-slowdown.h"

/* "AA:BB:…" as `openssl x509 -noout -fingerprint -sha256` prints it. */
static char *
openssl_fingerprint (const char *cert)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *equals;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "openssl", "x509", "-noout",
                              "-fingerprint", "-sha256", "-in", cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  equals = strchr (out, '=');
  g_assert_nonnull (equals);
  return g_strstrip (g_strdup (equals + 1));
}

static void
test_tls_sign_in (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *config = NULL;
  g_autofree char *plain_url = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  g_autoptr(SoupSession) untrusting = soup_session_new ();
  g_autoptr(SoupMessage) rejected = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *status_args = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *fingerprint_line = NULL;
  g_autoptr(BelTestCtl) status = NULL;
  BelTestSeed seed;

  /* tools/test installs openssl (TEST_PACKAGES): without it the TLS path goes untested, so fail. */
  if (!bel_test_daemon_make_certificate (d, &cert, &key))
    g_error ("Could not make a test certificate with openssl; install it (tools/lib.sh TEST_PACKAGES)");
  config = g_strdup_printf ("[server]\ntls_certificate=%s\ntls_key=%s\n", cert, key);
  bel_test_daemon_set_config (d, config);
  bel_test_daemon_seed (d, &seed);
  bel_test_daemon_start (d);
  g_assert_true (g_str_has_prefix (d->url, "https://127.0.0.1:"));

  /* Verified against the school's certificate: sign in and read. */
  trust = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  g_object_set (d->session, "tls-database", trust, NULL);
  token = bel_test_daemon_sign_in (d, "teacher", BEL_TEST_PASSWORD);
  me = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "username"), ==, "teacher");

  /* A client that does not trust it gets no answer at all. */
  rejected = soup_message_new ("GET", d->url);
  nothing = soup_session_send_and_read (untrusting, rejected, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_clear_error (&error);

  /* belongingctl status trusts the configured certificate. */
  status = bel_test_ctl_run (NULL, "--config", d->config_path, "--database", d->db_path, "status",
                             "--url", d->url, NULL);
  g_assert_cmpint (status->status, ==, 0);
  g_assert_nonnull (strstr (status->out, "healthz 200"));
  /* ... and prints the fingerprint the app shows staff, for IT to read out. */
  fingerprint = openssl_fingerprint (cert);
  fingerprint_line = g_strdup_printf ("certificate SHA-256 fingerprint: %s\n", fingerprint);
  g_assert_nonnull (strstr (status->out, fingerprint_line));
}

static void
test_bad_certificate_is_reported (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *missing = g_build_filename (d->dir, "nope.pem", NULL);
  g_autofree char *config = g_strdup_printf ("[server]\ntls_certificate=%s\ntls_key=%s\n", missing, missing);
  g_autoptr(GError) error = NULL;

  bel_test_daemon_set_config (d, config);
  g_assert_false (bel_test_daemon_try_start (d, &error));
  g_assert_nonnull (strstr (error->message, "tls_certificate"));
  g_assert_nonnull (strstr (error->message, "nope.pem"));
}

static void
test_metrics_count_routes_not_paths (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestResponse) student = NULL;
  g_autoptr(BelTestResponse) missing = NULL;
  g_autoptr(BelTestResponse) metrics = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *type;
  BelTestSeed seed;

  bel_test_daemon_seed (d, &seed);
  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, "teacher", BEL_TEST_PASSWORD);
  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, seed.student_id);
  student = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (student->status, ==, 200);
  missing = bel_test_daemon_request (d, "GET", "/no/such/page-of-a-student-named-Jose", NULL, NULL, NULL);
  g_assert_cmpuint (missing->status, ==, 404);
  metrics = bel_test_daemon_request (d, "GET", "/metrics", NULL, NULL, NULL);
  g_assert_cmpuint (metrics->status, ==, 200);
  type = soup_message_headers_get_content_type (metrics->headers, NULL);
  g_assert_cmpstr (type, ==, "text/plain");
  text = g_strndup (g_bytes_get_data (metrics->body, NULL), g_bytes_get_size (metrics->body));
  g_assert_nonnull (strstr (text, "belongingd_http_requests_total{method=\"GET\",route=\"/api/v1/students/{student_id}\","
                                  "status=\"200\"} 1\n"));
  g_assert_nonnull (strstr (text, "belongingd_http_requests_total{method=\"POST\",route=\"/api/v1/session\","
                                  "status=\"201\"} 1\n"));
  g_assert_nonnull (strstr (text, "route=\"unmatched\",status=\"404\"} 1\n"));
  g_assert_nonnull (strstr (text, "belongingd_http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"));
  g_assert_nonnull (strstr (text, "belongingd_websockets_open 0\n"));
  g_assert_nonnull (strstr (text, "belongingd_database_size_bytes "));
  /* Never an id, a name or a token. */
  g_assert_null (strstr (text, path));
  g_assert_null (strstr (text, "Jose"));
  g_assert_null (strstr (text, token));
}

static char *
receive (GSocket *socket)
{
  char buffer[512];
  g_autoptr(GError) error = NULL;
  gssize n;

  g_socket_set_timeout (socket, 20 * bel_test_slowdown ());
  n = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, &error);
  g_assert_no_error (error);
  buffer[n] = '\0';
  return g_strdup (buffer);
}

/* systemd hears READY=1 once it listens, STOPPING=1 on SIGTERM; the WAL is
 * checkpointed into the database on the way out. */
static void
test_notify_and_graceful_stop (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *socket_path = g_build_filename (d->dir, "notify", NULL);
  g_autofree char *wal = g_strconcat (d->db_path, "-wal", NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (socket_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *stopping = NULL;
  g_autoptr(BelTestResponse) signed_in = NULL;
  gboolean pg = bel_test_postgresql (); /* no WAL file: the server keeps its own */
  GStatBuf st;
  BelTestSeed seed;

  bel_test_daemon_seed (d, &seed);
  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_setenv ("NOTIFY_SOCKET", socket_path, TRUE);
  bel_test_daemon_start (d);
  g_unsetenv ("NOTIFY_SOCKET");
  ready = receive (socket);
  g_assert_nonnull (strstr (ready, "READY=1"));

  /* Writes (a session) sit in the WAL while it runs. */
  signed_in = bel_test_daemon_request (d, "POST", "/api/v1/session", NULL,
                                       "{\"username\": \"teacher\", \"password\": \"" BEL_TEST_PASSWORD "\"}", NULL);
  g_assert_cmpuint (signed_in->status, ==, 201);
  if (!pg)
    {
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 0);
    }

  g_assert_cmpint (bel_test_daemon_stop (d), ==, 0);
  stopping = receive (socket);
  g_assert_nonnull (strstr (stopping, "STOPPING=1"));
  g_assert_true (pg || g_stat (wal, &st) != 0 || st.st_size == 0);
  g_assert_cmpint (bel_test_it_query_int (d->db_path, "SELECT COUNT(*) FROM session"), ==, 1);
  g_remove (socket_path);
}

/* Applies the compiled-in migrations up to @last, as an older belongingd did. */
static void
make_old_database (const char *path,
                   int         last)
{
  g_auto(GStrv) names = g_resource_enumerate_children (bel_sql_get_resource (), "/app/belonging/sql/", 0, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                                     "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                                     "name TEXT NOT NULL, applied_at TEXT NOT NULL)", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int version = 1; version <= last; version++)
    for (guint i = 0; names[i] != NULL; i++)
      if (g_ascii_strtoll (names[i], NULL, 10) == version)
        {
          g_autofree char *resource = g_strconcat ("/app/belonging/sql/", names[i], NULL);
          g_autoptr(GBytes) bytes = g_resource_lookup_data (bel_sql_get_resource (), resource, 0, NULL);
          g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_autofree char *record = g_strdup_printf ("INSERT INTO schema_version VALUES (%d, '%s', "
                                                     "'2026-01-01T00:00:00Z')", version, names[i]);

          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, record, NULL, NULL, NULL), ==, SQLITE_OK);
        }
  sqlite3_close (db);
}

/* A database of the previous schema version, with a school in it, opens in
 * the new belongingd: migrated, nothing lost, its people can sign in. */
static void
test_previous_schema_migrates (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) old = bel_test_daemon_new ();
  int latest = bel_store_latest_version ();
  g_autofree char *backup = g_build_filename (d->dir, "old.backup", NULL);
  g_autofree char *before = NULL;
  g_autofree char *untouched = NULL;
  g_autofree char *name = NULL;
  g_autofree char *token = NULL;
  g_autoptr(BelTestCtl) taken = NULL;
  g_autoptr(BelTestCtl) restored = NULL;
  g_autoptr(BelTestResponse) student = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BelEngine) engine = NULL;
  BelTestSeed seed;

  if (bel_test_skip_on_postgresql ("builds an old SQLite file with sqlite3 and restores its backup file"))
    return;
  g_assert_cmpint (latest, >=, 2);
  make_old_database (old->db_path, latest - 1);
  g_assert_cmpint (bel_test_it_query_int (old->db_path, "SELECT MAX(version) FROM schema_version"), ==, latest - 1);
  /* The seed writes through raw SQL-compatible tables of 0001, which every version has. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (old->db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
        "INSERT INTO school (id, name, school_year, created_at, updated_at) "
        "VALUES (1, 'Old School', '2025-2026', '2025-09-01T00:00:00Z', '2025-09-01T00:00:00Z');"
        "INSERT INTO student (id, school_id, sis_id, given_name, family_name, grade, created_at, updated_at) "
        "VALUES (7, 1, 'S-7', 'Ana', 'Ruiz', 10, '2025-09-01T00:00:00Z', '2025-09-01T00:00:00Z');"
        "INSERT INTO audit (at, action, student_id) VALUES ('2025-09-01T00:00:00Z', 'student.create', 7);",
        NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  before = bel_test_it_fingerprint (old->db_path);

  /* An old backup restored by the new belongingctl is migrated. */
  taken = bel_test_it_ctl (old, 0, "backup", backup, NULL);
  g_assert_nonnull (strstr (taken->out, "schema version"));
  restored = bel_test_it_ctl (d, 0, "restore", backup, NULL);
  expected = g_strdup_printf ("schema version %d, migrated to %d", latest - 1, latest);
  g_assert_nonnull (strstr (restored->out, expected));
  g_assert_cmpint (bel_test_it_query_int (d->db_path, "SELECT MAX(version) FROM schema_version"), ==, latest);
  name = bel_test_it_query_text (d->db_path, "SELECT given_name || ' ' || family_name FROM student WHERE id = 7");
  g_assert_cmpstr (name, ==, "Ana Ruiz");
  g_assert_cmpint (bel_test_it_query_int (d->db_path, "SELECT COUNT(*) FROM audit WHERE student_id = 7"), ==, 1);

  /* The old file itself, opened by the new daemon. */
  untouched = bel_test_it_fingerprint (old->db_path);
  g_assert_cmpstr (untouched, ==, before);
  engine = bel_test_daemon_open_engine (old);
  g_clear_object (&engine);
  bel_test_daemon_seed (old, &seed);
  bel_test_daemon_start (old);
  token = bel_test_daemon_sign_in (old, "admin", BEL_TEST_PASSWORD);
  student = bel_test_daemon_request (old, "GET", "/api/v1/students/7", token, NULL, NULL);
  g_assert_cmpuint (student->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (student, "family_name"), ==, "Ruiz");
  path = g_strdup_printf ("SELECT COUNT(*) FROM schema_version WHERE version = %d", latest);
  g_assert_cmpint (bel_test_it_query_int (old->db_path, path), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/it/daemon/tls-sign-in", test_tls_sign_in);
  g_test_add_func ("/it/daemon/bad-certificate-is-reported", test_bad_certificate_is_reported);
  g_test_add_func ("/it/daemon/metrics-count-routes-not-paths", test_metrics_count_routes_not_paths);
  g_test_add_func ("/it/daemon/notify-and-graceful-stop", test_notify_and_graceful_stop);
  g_test_add_func ("/it/upgrade/previous-schema-migrates", test_previous_schema_migrates);
  return g_test_run ();
}
