/* test-events-stream.c - BelEventStream against a real belongingd, through a proxy that drops it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-error.h"
#include "bel-event-stream.h"
#include "bel-test-daemon.h"
#include "bel-test-ws.h"

/* A TCP proxy in front of the daemon that can drop its connections and refuse new ones. */
typedef struct {
  GSocketService *service;
  guint16         port;
  guint16         target_port;
  gboolean        refuse;
  GPtrArray      *connections; /* GSocketConnection, both sides */
} Proxy;

static void
shut (GSocketConnection *connection)
{
  g_socket_shutdown (g_socket_connection_get_socket (connection), TRUE, TRUE, NULL);
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  Proxy *proxy = user_data;
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autoptr(GError) error = NULL;
  GIOStreamSpliceFlags flags = G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2;

  if (proxy->refuse)
    {
      shut (connection);
      return TRUE;
    }
  client = g_socket_client_new ();
  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", proxy->target_port, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (upstream), flags,
                            G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_ptr_array_add (proxy->connections, g_object_ref (connection));
  g_ptr_array_add (proxy->connections, g_object_ref (upstream));
  return TRUE;
}

static Proxy *
proxy_new (const char *daemon_url)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GUri) uri = g_uri_parse (daemon_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (uri);
  proxy->target_port = (guint16) g_uri_get_port (uri);
  proxy->connections = g_ptr_array_new_with_free_func (g_object_unref);
  proxy->service = g_socket_service_new ();
  proxy->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy->service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy->service, "incoming", G_CALLBACK (on_incoming), proxy);
  g_socket_service_start (proxy->service);
  return proxy;
}

static void
proxy_drop_all (Proxy *proxy)
{
  for (guint i = 0; i < proxy->connections->len; i++)
    shut (g_ptr_array_index (proxy->connections, i));
  g_ptr_array_set_size (proxy->connections, 0);
}

static void
proxy_free (Proxy *proxy)
{
  proxy_drop_all (proxy);
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_object_unref (proxy->service);
  g_ptr_array_unref (proxy->connections);
  g_free (proxy);
}

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  char          *leader;
  GArray        *seqs;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  bel_test_daemon_start (f->d);
  f->leader = bel_test_daemon_sign_in (f->d, "leader", BEL_TEST_PASSWORD);
  f->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
  g_free (f->leader);
  g_array_unref (f->seqs);
}

static void
patch_student (Fixture *f,
               guint    n)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"pronouns\": \"p%u-%u\"}", f->seqs->len, i);
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "PATCH", path, f->leader, body, "*");

      g_assert_cmpuint (r->status, ==, 200);
    }
}

static void
on_event (BelEventStream *stream,
          JsonNode       *event,
          gpointer        user_data)
{
  Fixture *f = user_data;
  JsonObject *obj = json_node_get_object (event);
  gint64 seq = json_object_get_int_member (obj, "seq");

  /* In order and once: each seq larger than the last. */
  if (f->seqs->len > 0)
    g_assert_cmpint (seq, >, g_array_index (f->seqs, gint64, f->seqs->len - 1));
  g_assert_cmpint (json_object_get_int_member (obj, "school_id"), ==, f->seed.school_id);
  g_array_append_val (f->seqs, seq);
}

typedef struct {
  Fixture *f;
  guint    n;
} WaitN;

static gboolean
has_n (gpointer data)
{
  WaitN *w = data;
  return w->f->seqs->len >= w->n;
}

static gboolean
wait_events (Fixture *f,
             guint    n)
{
  WaitN w = { f, n };
  return bel_test_wait_until (has_n, &w, 10000);
}

static gboolean
is_connected (gpointer data)
{
  return bel_event_stream_get_connected (data);
}

static gboolean
is_disconnected (gpointer data)
{
  return !bel_event_stream_get_connected (data);
}

/* Every seq the counselor may see, from the plain-HTTP replay. */
static void
assert_all_events (Fixture    *f,
                   const char *token)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events",
                                           f->seed.school_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", path, token, NULL, NULL);
  JsonArray *items;

  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, f->seqs->len);
  for (guint i = 0; i < f->seqs->len; i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "seq"),
                     ==, g_array_index (f->seqs, gint64, i));
}

static void
test_reconnect (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *counselor = bel_test_daemon_sign_in (f->d, "counselor", BEL_TEST_PASSWORD);
  Proxy *proxy = proxy_new (f->d->url);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", proxy->port);
  g_autoptr(BelEventStream) stream = bel_event_stream_new (url, counselor, f->seed.school_id);

  bel_event_stream_set_max_backoff (stream, 1000);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), f);
  g_assert_false (bel_event_stream_get_connected (stream));
  bel_event_stream_start (stream);
  g_assert_true (bel_test_wait_until (is_connected, stream, 10000));

  patch_student (f, 2);
  g_assert_true (wait_events (f, 2));

  /* The network drops; changes go on meanwhile. */
  proxy->refuse = TRUE;
  proxy_drop_all (proxy);
  g_assert_true (bel_test_wait_until (is_disconnected, stream, 10000));
  patch_student (f, 3);
  bel_test_spin (700); /* a refused attempt or two */
  g_assert_false (bel_event_stream_get_connected (stream));
  g_assert_cmpuint (f->seqs->len, ==, 2);

  /* Back: it replays what it missed, once and in order, then goes on live. */
  proxy->refuse = FALSE;
  g_assert_true (wait_events (f, 5));
  g_assert_true (bel_event_stream_get_connected (stream));
  patch_student (f, 1);
  g_assert_true (wait_events (f, 6));
  bel_test_spin (300);
  g_assert_cmpuint (f->seqs->len, ==, 6);
  g_assert_cmpuint (bel_event_stream_get_n_connects (stream), ==, 2);
  g_assert_cmpint (bel_event_stream_get_last_seq (stream), ==, g_array_index (f->seqs, gint64, 5));

  /* Stopped and started again by the app: the same. */
  bel_event_stream_stop (stream);
  g_assert_false (bel_event_stream_get_connected (stream));
  patch_student (f, 2);
  bel_event_stream_start (stream);
  g_assert_true (wait_events (f, 8));
  bel_test_spin (300);
  g_assert_cmpuint (f->seqs->len, ==, 8);
  assert_all_events (f, counselor);

  bel_event_stream_stop (stream);
  proxy_free (proxy);
}

static void
on_failed (BelEventStream *stream,
           GError         *error,
           gpointer        user_data)
{
  *(GError **) user_data = g_error_copy (error);
}

static gboolean
has_error (gpointer data)
{
  return *(GError **) data != NULL;
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *outsider = bel_test_daemon_sign_in (f->d, "outsider", BEL_TEST_PASSWORD);
  g_autoptr(BelEventStream) stranger = bel_event_stream_new (f->d->url, outsider, f->seed.school_id);
  g_autoptr(BelEventStream) anonymous = bel_event_stream_new (f->d->url, NULL, f->seed.school_id);
  g_autoptr(GError) error1 = NULL;
  g_autoptr(GError) error2 = NULL;

  g_signal_connect (stranger, "failed", G_CALLBACK (on_failed), &error1);
  g_signal_connect (anonymous, "failed", G_CALLBACK (on_failed), &error2);
  bel_event_stream_start (stranger);
  bel_event_stream_start (anonymous);
  g_assert_true (bel_test_wait_until (has_error, &error1, 10000));
  g_assert_true (bel_test_wait_until (has_error, &error2, 10000));
  g_assert_error (error1, BEL_ERROR, BEL_ERROR_FORBIDDEN);
  g_assert_error (error2, BEL_ERROR, BEL_ERROR_UNAUTHORIZED);
  g_assert_false (bel_event_stream_get_connected (stranger));
  g_assert_cmpuint (bel_event_stream_get_n_connects (stranger), ==, 0);
}

/* Starting after a known seq (e.g. the data on screen) replays what came after it. */
static void
test_resume_from (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *teacher = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelEventStream) stream = bel_event_stream_new (f->d->url, teacher, f->seed.school_id);
  gint64 first;

  patch_student (f, 3);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), f);
  bel_event_stream_set_last_seq (stream, 0);
  bel_event_stream_start (stream);
  g_assert_true (wait_events (f, 3));
  first = g_array_index (f->seqs, gint64, 0);
  bel_event_stream_stop (stream);

  g_array_set_size (f->seqs, 0);
  bel_event_stream_set_last_seq (stream, first);
  bel_event_stream_start (stream);
  g_assert_true (wait_events (f, 2));
  bel_test_spin (200);
  g_assert_cmpuint (f->seqs->len, ==, 2);
  g_assert_cmpint (g_array_index (f->seqs, gint64, 0), ==, first + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/events/stream/reconnect", Fixture, NULL, fixture_setup, test_reconnect, fixture_teardown);
  g_test_add ("/events/stream/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/events/stream/resume-from", Fixture, NULL, fixture_setup, test_resume_from, fixture_teardown);

  return g_test_run ();
}
