/* bel-tls-pins.h - the HTTPS certificates a person chose to trust, one per server
 *
 * A school may run belongingd with a self-signed certificate.  The app
 * verifies the server's certificate as usual, and a certificate that verifies
 * needs nothing from here.  When verification fails, the person may trust
 * ("pin") the exact certificate the server showed, for that server's host and
 * port only: later connections to that host:port accept that certificate
 * (same SHA-256 fingerprint) and nothing else.
 *
 *   g_autoptr(BelTlsPins) pins = bel_tls_pins_new (path);
 *   bel_tls_pins_watch (pins, msg);              // before sending msg
 *   ... G_TLS_ERROR_BAD_CERTIFICATE:
 *   error = bel_tls_pins_refusal_error (pins, url);
 *   peer = bel_tls_pins_get_refused (msg, &errors);  // to show, then maybe pin
 *   bel_tls_pins_pin (pins, url, peer, &error);
 *
 * Pins are kept in a key file, one group per "host:port" (IPv6 addresses
 * without brackets), read when created and written at each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define BEL_TYPE_TLS_PINS (bel_tls_pins_get_type ())
G_DECLARE_FINAL_TYPE (BelTlsPins, bel_tls_pins, BEL, TLS_PINS, GObject)

/* Where the app keeps its pins: $XDG_CONFIG_HOME/belonging/trusted-certificates. */
char            *bel_tls_pins_default_path  (void);
/* @path: the key file, or NULL to keep the pins in memory only. */
BelTlsPins      *bel_tls_pins_new           (const char          *path);
guint            bel_tls_pins_get_n_pins    (BelTlsPins          *self);
/* The fingerprint pinned for the server of @url (http(s)://host[:port]/…), or NULL. */
char            *bel_tls_pins_lookup        (BelTlsPins          *self,
                                             const char          *url);
/* Trusts exactly @certificate for the server of @url, replacing its pin. */
gboolean         bel_tls_pins_pin           (BelTlsPins          *self,
                                             const char          *url,
                                             GTlsCertificate     *certificate,
                                             GError             **error);
gboolean         bel_tls_pins_forget_all    (BelTlsPins          *self,
                                             GError             **error);

/* Lets @msg accept the certificate pinned for its server, and remembers any
 * other certificate it refused. */
void             bel_tls_pins_watch         (BelTlsPins          *self,
                                             SoupMessage         *msg);
/* The certificate @msg's handshake refused (NULL if none), and why. */
GTlsCertificate *bel_tls_pins_get_refused   (SoupMessage         *msg,
                                             GTlsCertificateFlags *errors);
/* The BEL_ERROR for a request to @url that failed with
 * G_TLS_ERROR_BAD_CERTIFICATE: CERTIFICATE_CHANGED when a certificate is
 * pinned for its server (so it showed another one), else CERTIFICATE_UNTRUSTED. */
GError          *bel_tls_pins_refusal_error (BelTlsPins          *self,
                                             const char          *url);

G_END_DECLS
