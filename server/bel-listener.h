/* bel-listener.h - belongingd accepts its connections itself
 *
 * libsoup 3.2.3's own listener (soup_server_listen_socket()) never drops the
 * reference g_socket_accept() returned: every connection it accepts leaves
 * its GSocket (about 400 bytes) allocated for the life of the daemon, which
 * grows without bound on a server that runs for months.  BelListener accepts
 * on the listening socket instead, wraps each connection in TLS when a
 * certificate is configured, and hands it to the SoupServer with
 * soup_server_accept_iostream().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define BEL_TYPE_LISTENER (bel_listener_get_type ())
G_DECLARE_FINAL_TYPE (BelListener, bel_listener, BEL, LISTENER, GObject)

/* Accepts on @socket (bound and listening) for @soup; HTTPS when
 * @certificate is not NULL. */
BelListener    *bel_listener_new               (SoupServer        *soup,
                                                GSocket           *socket,
                                                GTlsCertificate   *certificate,
                                                GError           **error);
/* "http://127.0.0.1:8765", "https://[::1]:443" */
char           *bel_listener_dup_url           (BelListener       *self);
/* Stops accepting and closes the listening socket. */
void            bel_listener_stop              (BelListener       *self);
/* The socket of the connection @msg came on (or NULL): libsoup only knows
 * the sockets it accepted itself. */
GSocket        *bel_listener_message_get_socket (SoupServerMessage *msg);

G_END_DECLS
