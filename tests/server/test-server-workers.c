/* test-server-workers.c - a request waiting for the database holds up nobody
 *
 * Handlers run on worker threads, each with its own connection
 * (server/bel-workers.h).  The test takes the database's write lock itself
 * (SQLite: BEGIN IMMEDIATE; PostgreSQL: the daemons' advisory lock), so that
 * a new student sent to the daemon has to wait for it; while it waits, other
 * staff still read, and the metrics (answered on the main loop) see both
 * requests in flight.  When the test lets go, the student is written.
 * With one worker the reads wait behind the write, so the test also runs
 * with several.  Runs on SQLite and, with BEL_TEST_POSTGRESQL, PostgreSQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-store-private.h"
#include "bel-test-daemon.h"

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  char          *leader;
  char          *teacher;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  bel_test_daemon_set_config (f->d, "[database]\nworkers=3\n");
  bel_test_daemon_start (f->d);
  f->leader = bel_test_daemon_sign_in (f->d, "leader", BEL_TEST_PASSWORD);
  f->teacher = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
  g_free (f->leader);
  g_free (f->teacher);
}

typedef struct {
  gboolean  done;
  guint     status;
} Pending;

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  pending->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (source),
                                                                                     result));
  pending->done = TRUE;
}

/* belongingd_http_requests_in_flight, from /metrics (itself one of them). */
static guint64
in_flight (Fixture *f)
{
  return bel_test_daemon_metric (f->d, "belongingd_http_requests_in_flight");
}

static void
test_write_waiting_for_the_lock (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStore) store = bel_store_connect (f->d->db_path, &error);
  g_autoptr(SoupSession) other = soup_session_new ();
  g_autofree char *create = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students", f->seed.school_id);
  g_autofree char *student = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id);
  g_autoptr(SoupMessage) msg = bel_test_daemon_message (f->d, "POST", create, f->leader,
                                                        "{\"sis_id\":\"S-3001\",\"given_name\":\"Amara\","
                                                        "\"family_name\":\"Okafor\",\"grade\":10}", NULL);
  Pending pending = { FALSE, 0 };

  g_assert_no_error (error);
  g_assert_true (bel_store_exec (store, bel_store_begin_sql (store), &error));
  g_assert_no_error (error);

  soup_session_send_and_read_async (other, msg, G_PRIORITY_DEFAULT, NULL, sent, &pending);
  /* Until the daemon has the new student's request (and this one). */
  while (in_flight (f) < 2)
    g_main_context_iteration (NULL, FALSE);

  /* Reads go on, on the other workers, while the write waits. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BelTestResponse) me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", f->teacher, NULL, NULL);
      g_autoptr(BelTestResponse) read = bel_test_daemon_request (f->d, "GET", student, f->teacher, NULL, NULL);

      g_assert_cmpuint (me->status, ==, 200);
      g_assert_cmpuint (read->status, ==, 200);
      g_assert_cmpstr (bel_test_response_string (read, "given_name"), ==, "José");
    }
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (pending.done);
  g_assert_cmpuint (in_flight (f), ==, 2);

  g_assert_true (bel_store_exec (store, "COMMIT", &error));
  g_assert_no_error (error);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pending.status, ==, 201);
  {
    g_autoptr(BelTestResponse) list = bel_test_daemon_request (f->d, "GET", create, f->teacher, NULL, NULL);
    g_autofree char *text = g_strndup (g_bytes_get_data (list->body, NULL), g_bytes_get_size (list->body));

    g_assert_cmpuint (list->status, ==, 200);
    g_assert_nonnull (strstr (text, "\"S-3001\""));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/workers/write-waiting-for-the-lock", Fixture, NULL, setup,
              test_write_waiting_for_the_lock, teardown);
  return g_test_run ();
}
