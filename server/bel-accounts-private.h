/* bel-accounts-private.h - account lookups without permission checks, for bel-auth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-accounts.h"

G_BEGIN_DECLS

/* The account with its memberships, whoever asks. */
BelAccount *bel_accounts_load        (BelEngine   *engine,
                                      gint64       account_id,
                                      GError     **error);
/* FALSE with no error when there is no such username. */
gboolean    bel_accounts_lookup_hash (BelEngine   *engine,
                                      const char  *username,
                                      gint64      *account_id,
                                      char       **password_hash,
                                      gboolean    *active,
                                      GError     **error);
gboolean    bel_accounts_end_sessions (BelEngine  *engine,
                                       gint64      account_id,
                                       GError    **error);

G_END_DECLS
