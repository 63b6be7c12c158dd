/* test-proxy.c - a proxy in front of a test daemon that holds answers back
 *
 * On a quiet test machine the daemon answers an app's requests in the order
 * they were sent; on a busy school network it does not.  Tests of the app
 * sign in through this proxy and hold chosen answers back to see that the
 * app does not depend on the order.  Live events are passed on too, once
 * the app's WebSocket is accepted (a refused upstream one closes with 1011).
 *
 * It accepts its connections with the daemon's BelListener, not with
 * libsoup's own listener: libsoup 3.2.3 keeps every socket that listener
 * accepts (server/bel-listener.h), which LeakSanitizer reported at the end
 * of test-ui-surveys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-proxy.h"

#include <libsoup/soup.h>

#include "bel-listener.h"
#include <string.h>

#define N_SCHOOLS 8   /* the events of schools 1 to 8 are passed on */

struct _TestProxy {
  SoupServer  *server;
  BelListener *listener;
  SoupSession *session;
  char        *upstream;
  char        *url;
  GHashTable  *hold_ms;   /* "GET /api/v1/me" -> milliseconds */
  GPtrArray   *relays;
  GCancellable *cancellable;
  GHashTable  *held;      /* Request -> its timeout */
  GPtrArray   *log;       /* "GET /api/v1/me", ... in the order answered */
};

/* ---- requests ---- */

typedef struct {
  TestProxy         *proxy;
  SoupServerMessage *msg;
  SoupMessage       *forward;
  char              *key;
  guint              timeout;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->msg);
  g_object_unref (request->forward);
  g_free (request->key);
  g_free (request);
}

/* Headers of one hop, and the encoding the proxy's session undoes. */
static gboolean
hop_header (const char *name)
{
  static const char * const names[] = {
    "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length",
    "Content-Encoding", "Accept-Encoding", "Upgrade", NULL
  };

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
copy_headers (SoupMessageHeaders *from,
              SoupMessageHeaders *to)
{
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, from);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (!hop_header (name))
      soup_message_headers_append (to, name, value);
}

static gboolean
answer (gpointer data)
{
  Request *request = data;

  g_hash_table_remove (request->proxy->held, request);
  g_ptr_array_add (request->proxy->log, g_strdup (request->key));
  soup_server_message_unpause (request->msg);
  request_free (request);
  return G_SOURCE_REMOVE;
}

static void
forwarded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Request *request = data;
  TestProxy *proxy = request->proxy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint ms;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      request_free (request);   /* the proxy is gone */
      return;
    }
  ms = GPOINTER_TO_UINT (g_hash_table_lookup (proxy->hold_ms, request->key));
  if (body == NULL)
    soup_server_message_set_status (request->msg, SOUP_STATUS_BAD_GATEWAY, error->message);
  else
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (request->forward);
      gsize size;
      const char *bytes = g_bytes_get_data (body, &size);

      copy_headers (headers, soup_server_message_get_response_headers (request->msg));
      soup_server_message_set_status (request->msg, soup_message_get_status (request->forward),
                                      soup_message_get_reason_phrase (request->forward));
      soup_server_message_set_response (request->msg, soup_message_headers_get_content_type (headers, NULL),
                                        SOUP_MEMORY_COPY, bytes, size);
    }
  if (ms > 0)
    {
      request->timeout = g_timeout_add (ms, answer, request);
      g_hash_table_add (proxy->held, request);
    }
  else
    answer (request);
}

static char *
upstream_url (TestProxy         *proxy,
              SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);

  return g_strconcat (proxy->upstream, g_uri_get_path (uri), query ? "?" : "", query ? query : "", NULL);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  TestProxy *proxy = data;
  g_autofree char *target = upstream_url (proxy, msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  Request *request = g_new0 (Request, 1);

  request->proxy = proxy;
  request->msg = g_object_ref (msg);
  request->key = g_strdup_printf ("%s %s", soup_server_message_get_method (msg), path);
  request->forward = soup_message_new (soup_server_message_get_method (msg), target);
  g_assert_nonnull (request->forward);
  copy_headers (soup_server_message_get_request_headers (msg), soup_message_get_request_headers (request->forward));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (request->forward, NULL, body);
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (proxy->session, request->forward, G_PRIORITY_DEFAULT, proxy->cancellable,
                                    forwarded, request);
}

/* ---- live events ---- */

typedef struct {
  SoupWebsocketConnection *app;
  SoupWebsocketConnection *daemon;
} Relay;

static void
relay_free (Relay *relay)
{
  if (relay->daemon != NULL)
    {
      g_signal_handlers_disconnect_by_data (relay->daemon, relay);
      if (soup_websocket_connection_get_state (relay->daemon) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (relay->daemon, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_object_unref (relay->daemon);
    }
  g_signal_handlers_disconnect_by_data (relay->app, relay);
  if (soup_websocket_connection_get_state (relay->app) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (relay->app, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (relay->app);
  g_free (relay);
}

static SoupWebsocketConnection *
other_end (Relay                   *relay,
           SoupWebsocketConnection *conn)
{
  return conn == relay->app ? relay->daemon : relay->app;
}

static void
relay_message (SoupWebsocketConnection *conn,
               SoupWebsocketDataType    type,
               GBytes                  *message,
               Relay                   *relay)
{
  SoupWebsocketConnection *to = other_end (relay, conn);

  if (to != NULL && soup_websocket_connection_get_state (to) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_message (to, type, message);
}

static void
relay_closed (SoupWebsocketConnection *conn,
              Relay                   *relay)
{
  SoupWebsocketConnection *to = other_end (relay, conn);
  gushort code = soup_websocket_connection_get_close_code (conn);

  /* codes that say nothing was sent cannot be sent on */
  if (code < 1000 || code == SOUP_WEBSOCKET_CLOSE_NO_STATUS || code == SOUP_WEBSOCKET_CLOSE_ABNORMAL ||
      code == SOUP_WEBSOCKET_CLOSE_TLS_HANDSHAKE)
    code = SOUP_WEBSOCKET_CLOSE_NORMAL;
  if (to != NULL && soup_websocket_connection_get_state (to) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (to, code, soup_websocket_connection_get_close_data (conn));
}

static void
watch (Relay                   *relay,
       SoupWebsocketConnection *conn)
{
  g_signal_connect (conn, "message", G_CALLBACK (relay_message), relay);
  g_signal_connect (conn, "closed", G_CALLBACK (relay_closed), relay);
}

static void
daemon_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Relay *relay = data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);

  if (conn == NULL)
    {
      if (soup_websocket_connection_get_state (relay->app) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (relay->app, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, error->message);
      return;
    }
  relay->daemon = conn;
  watch (relay, conn);
  if (soup_websocket_connection_get_state (relay->app) != SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
}

static void
handle_events (SoupServer              *server,
               SoupServerMessage       *msg,
               const char              *path,
               SoupWebsocketConnection *conn,
               gpointer                 data)
{
  TestProxy *proxy = data;
  g_autofree char *target = upstream_url (proxy, msg);
  g_autoptr(SoupMessage) forward = soup_message_new ("GET", target);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  Relay *relay = g_new0 (Relay, 1);

  relay->app = g_object_ref (conn);
  watch (relay, conn);
  g_ptr_array_add (proxy->relays, relay);
  if (auth != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (forward), "Authorization", auth);
  soup_session_websocket_connect_async (proxy->session, forward, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        daemon_connected, relay);
}

/* ---- the proxy ---- */

TestProxy *
test_proxy_new (const char *upstream)
{
  TestProxy *proxy = g_new0 (TestProxy, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocket) socket = NULL;

  proxy->upstream = g_strdup (upstream);
  while (g_str_has_suffix (proxy->upstream, "/"))
    proxy->upstream[strlen (proxy->upstream) - 1] = '\0';
  proxy->session = soup_session_new ();
  proxy->server = soup_server_new ("raw-paths", TRUE, NULL);
  proxy->hold_ms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  proxy->relays = g_ptr_array_new_with_free_func ((GDestroyNotify) relay_free);
  proxy->cancellable = g_cancellable_new ();
  proxy->held = g_hash_table_new (NULL, NULL);
  proxy->log = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (proxy->server, NULL, handle, proxy, NULL);
  for (guint school = 1; school <= N_SCHOOLS; school++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/schools/%u/events", school);

      soup_server_add_websocket_handler (proxy->server, path, NULL, NULL, handle_events, proxy, NULL);
    }
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  proxy->listener = bel_listener_new (proxy->server, socket, NULL, &error);
  g_assert_no_error (error);
  proxy->url = bel_listener_dup_url (proxy->listener);
  return proxy;
}

const char *
test_proxy_get_url (TestProxy *proxy)
{
  return proxy->url;
}

void
test_proxy_hold_back (TestProxy  *proxy,
                      const char *method,
                      const char *path,
                      guint       ms)
{
  g_hash_table_replace (proxy->hold_ms, g_strdup_printf ("%s %s", method, path), GUINT_TO_POINTER (ms));
}

GPtrArray *
test_proxy_get_log (TestProxy *proxy)
{
  return proxy->log;
}

void
test_proxy_free (TestProxy *proxy)
{
  GHashTableIter iter;
  gpointer request;

  g_cancellable_cancel (proxy->cancellable);
  g_object_unref (proxy->cancellable);
  g_hash_table_iter_init (&iter, proxy->held);
  while (g_hash_table_iter_next (&iter, &request, NULL))
    {
      g_source_remove (((Request *) request)->timeout);
      request_free (request);
    }
  g_hash_table_unref (proxy->held);
  g_ptr_array_unref (proxy->relays);
  bel_listener_stop (proxy->listener);
  g_object_unref (proxy->listener);
  soup_server_disconnect (proxy->server);
  g_object_unref (proxy->server);
  soup_session_abort (proxy->session);
  g_object_unref (proxy->session);
  g_hash_table_unref (proxy->hold_ms);
  g_ptr_array_unref (proxy->log);
  g_free (proxy->upstream);
  g_free (proxy->url);
  g_free (proxy);
}
