/* bel-certificate-dialog.h - trust a server's self-signed certificate, once, knowingly
 *
 * Shown when signing in to an https:// server whose certificate does not
 * verify: the server, the certificate's SHA-256 fingerprint, who it was
 * issued to and by, when it is valid, why this computer does not trust it, and
 * what to do (compare the fingerprint with IT's).  The "trust" response means
 * the person chose to pin this certificate for this server.
 *
 * When another certificate was pinned for the server before, it warns of a
 * possible interception instead, shows both fingerprints, and its "trust"
 * response (replacing the pin) is destructive and not the default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BEL_TYPE_CERTIFICATE_DIALOG (bel_certificate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelCertificateDialog, bel_certificate_dialog, BEL, CERTIFICATE_DIALOG, AdwMessageDialog)

/* @pinned_fingerprint: the fingerprint trusted for @server before, or NULL. */
GtkWidget       *bel_certificate_dialog_new             (GtkWindow            *parent,
                                                         const char           *server,
                                                         GTlsCertificate      *certificate,
                                                         GTlsCertificateFlags  errors,
                                                         const char           *pinned_fingerprint);
GTlsCertificate *bel_certificate_dialog_get_certificate (BelCertificateDialog *self);
const char      *bel_certificate_dialog_get_server      (BelCertificateDialog *self);

G_END_DECLS
