/* bel-test-ws.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-ws.h"
#include "../bel-test-slowdown.h"

static void
on_message (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  BelTestWs *ws = user_data;
  g_autofree char *text = g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  if (ws->raw_func != NULL)
    {
      ws->raw_func (ws, text, ws->user_data);
      return;
    }
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  if (ws->func != NULL)
    ws->func (ws, node, ws->user_data);
  if (ws->keep_events)
    g_ptr_array_add (ws->events, g_steal_pointer (&node));
}

static void
on_closed (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  BelTestWs *ws = user_data;

  ws->closed = TRUE;
  ws->close_code = soup_websocket_connection_get_close_code (conn);
}

typedef struct {
  BelTestWs   *ws;
  SoupMessage *msg;
} Connecting;

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Connecting *c = user_data;
  BelTestWs *ws = c->ws;
  g_autoptr(GError) error = NULL;

  ws->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  ws->status = soup_message_get_status (c->msg);
  ws->done = TRUE;
  if (ws->conn != NULL)
    {
      g_signal_connect (ws->conn, "message", G_CALLBACK (on_message), ws);
      g_signal_connect (ws->conn, "closed", G_CALLBACK (on_closed), ws);
    }
  g_object_unref (c->msg);
  g_free (c);
}

BelTestWs *
bel_test_ws_connect (const char *base_url,
                     const char *token,
                     gint64      school_id,
                     gint64      since)
{
  BelTestWs *ws = g_new0 (BelTestWs, 1);
  g_autofree char *url = NULL;
  Connecting *c = g_new0 (Connecting, 1);

  ws->session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
  ws->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  ws->keep_events = TRUE;
  if (since >= 0)
    url = g_strdup_printf ("%s/api/v1/schools/%" G_GINT64_FORMAT "/events?since=%" G_GINT64_FORMAT,
                           base_url, school_id, since);
  else
    url = g_strdup_printf ("%s/api/v1/schools/%" G_GINT64_FORMAT "/events", base_url, school_id);
  c->ws = ws;
  c->msg = soup_message_new ("GET", url);
  g_assert_nonnull (c->msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (c->msg), "Authorization", auth);
    }
  soup_session_websocket_connect_async (ws->session, c->msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_connected, c);
  return ws;
}

static gboolean
is_done (gpointer data)
{
  return ((BelTestWs *) data)->done;
}

BelTestWs *
bel_test_ws_open (const char *base_url,
                  const char *token,
                  gint64      school_id,
                  gint64      since)
{
  BelTestWs *ws = bel_test_ws_connect (base_url, token, school_id, since);

  g_assert_true (bel_test_wait_until (is_done, ws, 10000));
  return ws;
}

void
bel_test_ws_free (BelTestWs *ws)
{
  if (ws == NULL)
    return;
  if (ws->conn != NULL)
    {
      g_signal_handlers_disconnect_by_data (ws->conn, ws);
      if (soup_websocket_connection_get_state (ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (ws->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&ws->conn);
    }
  g_clear_object (&ws->session);
  g_ptr_array_unref (ws->events);
  g_free (ws);
}

typedef struct {
  BelTestWs *ws;
  guint      n;
} WaitEvents;

static gboolean
has_events (gpointer data)
{
  WaitEvents *w = data;

  return w->ws->events->len >= w->n;
}

gboolean
bel_test_ws_wait_events (BelTestWs *ws,
                         guint      n,
                         guint      timeout_ms)
{
  WaitEvents w = { ws, n };

  return bel_test_wait_until (has_events, &w, timeout_ms);
}

static gboolean
is_closed (gpointer data)
{
  return ((BelTestWs *) data)->closed;
}

gboolean
bel_test_ws_wait_closed (BelTestWs *ws,
                         guint      timeout_ms)
{
  return bel_test_wait_until (is_closed, ws, timeout_ms);
}

gint64
bel_test_ws_event_seq (BelTestWs *ws,
                       guint      index)
{
  g_assert_cmpuint (index, <, ws->events->len);
  return json_object_get_int_member (json_node_get_object (g_ptr_array_index (ws->events, index)), "seq");
}

const char *
bel_test_ws_event_type (BelTestWs *ws,
                        guint      index)
{
  g_assert_cmpuint (index, <, ws->events->len);
  return json_object_get_string_member (json_node_get_object (g_ptr_array_index (ws->events, index)),
                                        "type");
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bel_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
bel_test_wait_until (gboolean (*cond) (gpointer data),
                     gpointer   data,
                     guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms * bel_test_slowdown (), set_flag, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}
