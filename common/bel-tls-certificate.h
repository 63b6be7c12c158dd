/* bel-tls-certificate.h - what a person needs to know about a server's certificate
 *
 * The SHA-256 fingerprint in the form `openssl x509 -noout -fingerprint
 * -sha256` prints it (AA:BB:…, 32 bytes), so IT and a teacher can compare
 * them character by character; and the reasons a certificate is not trusted,
 * in plain words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *bel_tls_certificate_fingerprint      (GTlsCertificate      *certificate);
gboolean  bel_tls_certificate_is_self_signed   (GTlsCertificate      *certificate);
/* One sentence per reason, each on its own line.  @errors comes from the TLS
 * handshake, which may report only one reason: the dates and the issuer are
 * checked here too.  @host: the name the person typed. */
char     *bel_tls_certificate_describe_problems (GTlsCertificate     *certificate,
                                                 GTlsCertificateFlags errors,
                                                 const char          *host);
/* "12 Mar 2026 – 14 Jun 2028", or NULL when the certificate carries no dates. */
char     *bel_tls_certificate_format_validity  (GTlsCertificate      *certificate);

G_END_DECLS
