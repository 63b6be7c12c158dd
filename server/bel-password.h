/* bel-password.h - argon2id password hashes (libsodium crypto_pwhash_str)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BEL_PASSWORD_MIN_LENGTH 10
#define BEL_PASSWORD_MAX_LENGTH 256

/* Checks the policy; sets a BEL_ERROR_INVALID error for field "password". */
gboolean  bel_password_check_policy (const char  *password,
                                     GError     **error);
/* Slow on purpose (~0.1 s, 64 MiB): call it off the main loop when serving. */
char     *bel_password_hash         (const char  *password,
                                     GError     **error);
gboolean  bel_password_verify       (const char  *hash,
                                     const char  *password);

G_END_DECLS
