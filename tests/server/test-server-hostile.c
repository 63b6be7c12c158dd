/* test-server-hostile.c - slow and hostile clients do not keep others out (docs/reliability.md)
 *
 * Each test opens many raw TCP connections that misbehave (partial requests
 * sent a byte at a time, nothing at all, idle keep-alive, oversized headers,
 * more connections than allowed, idle WebSockets), checks that a normal
 * client is still served meanwhile, and that the daemon closes the hostile
 * connections itself.  The limits are the [server] keys of belongingd.conf,
 * set low here so the test is quick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"
#include "bel-test-ws.h"

#include <string.h>

#define LIMITS "[server]\nrequest-timeout=2\nidle-timeout=2\nmax-header-size=4096\n"
#define N_HOSTILE 60
/* Longer than any limit above by far: only a daemon that never closes them runs into it. */
#define WAIT_CLOSED_MS 60000

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  char          *token;
  GPtrArray     *hostile; /* GSocket */
} Fixture;

static void
setup_with (Fixture    *f,
            const char *config)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_set_config (f->d, config);
  bel_test_daemon_seed (f->d, &f->seed);
  bel_test_daemon_start (f->d);
  f->token = bel_test_daemon_sign_in (f->d, "counselor", BEL_TEST_PASSWORD);
  f->hostile = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  setup_with (f, LIMITS "max-connections=1000\n");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_ptr_array_unref (f->hostile);
  g_free (f->token);
  bel_test_daemon_free (f->d);
}

/* A raw connection to the daemon, closed with the fixture. */
static GSocket *
open_raw (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  const char *port = strrchr (f->d->url, ':') + 1;

  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, (guint16) g_ascii_strtoull (port, NULL, 10));
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
  g_ptr_array_add (f->hostile, g_steal_pointer (&socket));
  return g_ptr_array_index (f->hostile, f->hostile->len - 1);
}

static void
send_text (GSocket    *socket,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize len = strlen (text);

  g_socket_set_blocking (socket, TRUE);
  g_assert_cmpint (g_socket_send (socket, text, len, NULL, &error), ==, (gssize) len);
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
}

/* Reads what the daemon sent so far (appended to @reply, if given); TRUE once
 * it closed the connection. */
static gboolean
closed_by_daemon (GSocket *socket,
                  GString *reply)
{
  char buffer[4096];

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      if (n > 0 && reply != NULL)
        g_string_append_len (reply, buffer, n);
      if (n > 0)
        continue;
      return n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
    }
}

/* A normal client, on its own connection, gets its answer. */
static void
assert_served (Fixture *f)
{
  g_autoptr(BelTestResponse) me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", f->token, NULL, NULL);
  g_autoptr(BelTestResponse) health = bel_test_daemon_request (f->d, "GET", "/healthz", NULL, NULL, NULL);

  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "username"), ==, "counselor");
  g_assert_cmpuint (health->status, ==, 200);
}

typedef struct {
  GPtrArray *sockets;
  gboolean   drip;    /* send one more header byte to each open one */
  guint      open;
} Watch;

static gboolean
watch_tick (gpointer user_data)
{
  Watch *w = user_data;

  w->open = 0;
  for (guint i = 0; i < w->sockets->len; i++)
    {
      GSocket *socket = g_ptr_array_index (w->sockets, i);
      g_autoptr(GString) reply = g_string_new (NULL);

      if (g_socket_is_closed (socket))
        continue;
      if (closed_by_daemon (socket, reply) ||
          (w->drip && g_socket_send (socket, "a", 1, NULL, NULL) != 1))
        {
          /* A partial request is never answered as if it were complete. */
          g_assert_false (g_str_has_prefix (reply->str, "HTTP/1.1 2"));
          g_socket_close (socket, NULL);
          continue;
        }
      w->open++;
    }
  return G_SOURCE_CONTINUE;
}

/* Runs until the daemon has closed every connection of @sockets. */
static void
wait_all_closed (GPtrArray *sockets,
                 gboolean   drip)
{
  Watch w = { sockets, drip, sockets->len };
  guint tick = g_timeout_add (100, watch_tick, &w);
  gint64 give_up = g_get_monotonic_time () + WAIT_CLOSED_MS * G_TIME_SPAN_MILLISECOND;

  while (w.open > 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_cmpuint (w.open, ==, 0);
}

static void
test_slowloris (Fixture       *f,
                gconstpointer  data)
{
  /* Headers sent a byte every 100 ms: never complete within request-timeout. */
  for (guint i = 0; i < N_HOSTILE; i++)
    send_text (open_raw (f), "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
  bel_test_spin (300);
  assert_served (f);
  wait_all_closed (f->hostile, TRUE);
  assert_served (f);
}

static void
test_slow_body (Fixture       *f,
                gconstpointer  data)
{
  /* Complete headers, then a body that never finishes arriving. */
  for (guint i = 0; i < N_HOSTILE; i++)
    send_text (open_raw (f), "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\n"
                             "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user");
  assert_served (f);
  wait_all_closed (f->hostile, TRUE);
  assert_served (f);
}

static void
test_idle_connections (Fixture       *f,
                       gconstpointer  data)
{
  /* Half send nothing at all; half make one request, then keep the connection idle. */
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      GSocket *socket = open_raw (f);

      if (i % 2 == 0)
        send_text (socket, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
  assert_served (f);
  wait_all_closed (f->hostile, FALSE);
  assert_served (f);
}

/* Everything the daemon sends until it closes the connection. */
static char *
read_until_closed (GSocket *socket)
{
  GString *reply = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char buffer[4096];
  gssize n;

  g_socket_set_blocking (socket, TRUE);
  g_socket_set_timeout (socket, WAIT_CLOSED_MS / 1000);
  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (reply, buffer, n);
  /* Closed (0) or reset by the daemon; not still open. */
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
  return g_string_free (reply, FALSE);
}

static void
test_oversized_headers (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) request = g_string_new ("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
  g_autoptr(GString) huge = g_string_new ("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
  g_autofree char *reply = NULL;
  g_autofree char *huge_reply = NULL;
  GSocket *socket;

  /* Over max-header-size (4 KiB): 431 with a problem document, then closed. */
  g_string_append_printf (request, "X-Padding: %0*d\r\n\r\n", 6000, 0);
  socket = open_raw (f);
  send_text (socket, request->str);
  reply = read_until_closed (socket);
  g_assert_true (g_str_has_prefix (reply, "HTTP/1.1 431 Request Header Fields Too Large\r\n"));
  g_assert_nonnull (strstr (reply, "Content-Type: application/problem+json"));
  g_assert_nonnull (strstr (reply, "Connection: close"));

  /* Far over it (256 KiB, more than libsoup buffers): closed unanswered; the daemon lives on. */
  for (guint i = 0; i < 256; i++)
    g_string_append_printf (huge, "X-Padding-%u: %0*d\r\n", i, 1000, 0);
  socket = open_raw (f);
  g_socket_set_blocking (socket, TRUE);
  g_socket_send (socket, huge->str, huge->len, NULL, NULL);
  huge_reply = read_until_closed (socket);
  g_assert_false (g_str_has_prefix (huge_reply, "HTTP/1.1 2"));
  assert_served (f);
}

static void
test_oversized_headers_get_431 (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = bel_test_daemon_message (f->d, "GET", "/api/v1/me", f->token, NULL, NULL);
  g_autofree char *padding = g_strnfill (5000, 'x');
  g_autoptr(BelTestResponse) r = NULL;
  JsonObject *problem;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Padding", padding);
  r = bel_test_daemon_send (f->d, msg);
  problem = bel_test_assert_problem (r, 431);
  g_assert_nonnull (strstr (json_object_get_string_member (problem, "detail"), "4096 bytes"));
  assert_served (f);
}

static void
setup_few (Fixture       *f,
           gconstpointer  data)
{
  setup_with (f, LIMITS "max-connections=20\n");
}

static void
test_connection_limit (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  g_autoptr(GString) reply = g_string_new (NULL);
  GSocket *socket;

  /* The test's own keep-alive connection is one of the 20. */
  assert_served (f);
  for (guint i = 0; i < 19; i++)
    open_raw (f);
  bel_test_spin (300);
  /* The 21st is closed at once, its request unanswered. */
  socket = open_raw (f);
  send_text (socket, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
  g_ptr_array_add (extra, socket);
  wait_all_closed (extra, FALSE);
  g_assert_true (closed_by_daemon (socket, reply));
  g_assert_cmpstr (reply->str, ==, "");
  /* Once the hostile ones are timed out, there is room again. */
  wait_all_closed (f->hostile, FALSE);
  assert_served (f);
}

static void
test_idle_websockets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) subscribers = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_test_ws_free);
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", f->seed.school_id);
  g_autoptr(BelTestResponse) r = NULL;

  for (guint i = 0; i < N_HOSTILE; i++)
    {
      BelTestWs *ws = bel_test_ws_open (f->d->url, f->token, f->seed.school_id, -1);

      g_assert_cmpuint (ws->status, ==, 101);
      g_ptr_array_add (subscribers, ws);
    }
  assert_served (f);
  /* Idle for longer than idle-timeout and request-timeout: live event streams are not cut off. */
  bel_test_spin (5000);
  r = bel_test_daemon_request (f->d, "POST", path, f->token, "{\"name\": \"Spring map\"}", NULL);
  g_assert_cmpuint (r->status, ==, 201);
  for (guint i = 0; i < subscribers->len; i++)
    {
      BelTestWs *ws = g_ptr_array_index (subscribers, i);

      g_assert_true (bel_test_ws_wait_events (ws, 1, 10000));
      g_assert_false (ws->closed);
      g_assert_cmpstr (bel_test_ws_event_type (ws, 0), ==, "round.created");
    }
  assert_served (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/server/hostile/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("slowloris-headers-are-cut-off", test_slowloris);
  ADD ("slow-bodies-are-cut-off", test_slow_body);
  ADD ("idle-connections-are-closed", test_idle_connections);
  ADD ("oversized-headers-are-refused", test_oversized_headers);
  ADD ("oversized-headers-get-431", test_oversized_headers_get_431);
  ADD ("idle-websockets-keep-their-events", test_idle_websockets);
#undef ADD
  g_test_add ("/server/hostile/connections-over-the-limit-are-closed", Fixture, NULL, setup_few,
              test_connection_limit, teardown);
  return g_test_run ();
}
