/* bel-connections.h - limits on belongingd's HTTP connections
 *
 * libsoup 3.2's SoupServer accepts and reads connections without any time
 * limit or connection limit.  BelConnections watches every connection of a
 * SoupServer through its request signals and cuts off the ones that break a
 * limit of [server] in belongingd.conf:
 *
 *   max-connections  more open connections than this: a new one is closed at once
 *   request-timeout  a request (TLS handshake, headers and body) not fully
 *                    received this many seconds after it began: closed; so is
 *                    a connection whose client stopped reading its answer
 *   idle-timeout     a kept-alive connection with no new request for this long: closed
 *
 * Live event WebSockets are exempt once upgraded: the event hub pings them
 * and disconnects subscribers that fall behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bel-config.h"

G_BEGIN_DECLS

#define BEL_TYPE_CONNECTIONS (bel_connections_get_type ())
G_DECLARE_FINAL_TYPE (BelConnections, bel_connections, BEL, CONNECTIONS, GObject)

/* Watches @soup (not referenced: dispose this before it). */
BelConnections *bel_connections_new        (SoupServer     *soup,
                                            BelConfig      *config);
guint           bel_connections_get_open   (BelConnections *self);
/* Connections closed at once because max-connections were open. */
guint64         bel_connections_get_refused   (BelConnections *self);
/* Connections closed for a request that took too long or an unread answer. */
guint64         bel_connections_get_timed_out (BelConnections *self);

G_END_DECLS
