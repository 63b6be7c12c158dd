/* bel-tls.h - HTTPS from [server] tls_certificate and tls_key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bel-config.h"

G_BEGIN_DECLS

/* When @config names a certificate and key (PEM), loads them into @soup and
 * adds SOUP_SERVER_LISTEN_HTTPS to @options; a bad file fails with a message
 * naming it.  Without them, plain HTTP is allowed on a loopback @address only
 * (a TLS proxy on the same machine), unless [server] allow_plain_http is set:
 * passwords, tokens and student data must not cross the network in clear. */
/* Sets *@certificate to the configured one (HTTPS), or leaves it NULL when
 * plain HTTP is allowed on @address. */
gboolean bel_tls_setup (BelConfig        *config,
                        GInetAddress     *address,
                        GTlsCertificate **certificate,
                        GError          **error);

G_END_DECLS
