/* bel-websocket-close.h - closing a WebSocket whose client may not read
 *
 * A close frame waits behind everything queued for a client that does not
 * read.  bel_websocket_close() sends it and keeps the connection until it
 * leaves; if it has not after @seconds, the socket is shut down, which fails
 * the pending writes and makes libsoup close the connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void bel_websocket_close (SoupWebsocketConnection *conn,
                          GSocket                 *socket,
                          gushort                  code,
                          const char              *reason,
                          guint                    seconds);

G_END_DECLS
