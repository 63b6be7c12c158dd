/* bel-websocket-close.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-websocket-close.h"

typedef struct {
  SoupWebsocketConnection *conn;
  GSocket                 *socket;
} ForceClose;

static void
force_close_free (gpointer data)
{
  ForceClose *fc = data;

  g_object_unref (fc->conn);
  g_clear_object (&fc->socket);
  g_free (fc);
}

/* The stream has writes pending, so it cannot be closed: shut the socket
 * down, which fails them and makes libsoup close the connection. */
static gboolean
force_close (gpointer user_data)
{
  ForceClose *fc = user_data;

  if (soup_websocket_connection_get_state (fc->conn) != SOUP_WEBSOCKET_STATE_CLOSED &&
      fc->socket != NULL)
    g_socket_shutdown (fc->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

void
bel_websocket_close (SoupWebsocketConnection *conn,
                     GSocket                 *socket,
                     gushort                  code,
                     const char              *reason,
                     guint                    seconds)
{
  ForceClose *fc;

  g_return_if_fail (SOUP_IS_WEBSOCKET_CONNECTION (conn));

  if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (conn, code, reason);
  fc = g_new0 (ForceClose, 1);
  fc->conn = g_object_ref (conn);
  fc->socket = socket ? g_object_ref (socket) : NULL;
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, seconds, force_close, fc, force_close_free);
}
