/* bel-accounts.h - accounts, their passwords and school memberships
 *
 * Accounts and memberships are managed by server admins; any account may read
 * itself.  Returned accounts carry their memberships (with school names) and
 * never their password hash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-membership.h"

G_BEGIN_DECLS

/* Admin; GPtrArray of BelAccount by username. */
GPtrArray     *bel_accounts_list             (BelEngine          *engine,
                                              BelAccount         *actor,
                                              GError            **error);
/* Admin or the account itself. */
BelAccount    *bel_accounts_get              (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              account_id,
                                              GError            **error);
BelAccount    *bel_accounts_get_by_username  (BelEngine          *engine,
                                              BelAccount         *actor,
                                              const char         *username,
                                              GError            **error);
/* Admin. @account's "password" (at least BEL_PASSWORD_MIN_LENGTH characters)
 * is required and hashed with argon2id. */
BelAccount    *bel_accounts_create           (BelEngine          *engine,
                                              BelAccount         *actor,
                                              BelAccount         *account,
                                              GError            **error);
/* Admin. Like bel_accounts_create() with a hash from bel_password_hash(), so
 * a bulk tool hashes one shared password once instead of once per account. */
BelAccount    *bel_accounts_create_with_hash (BelEngine          *engine,
                                              BelAccount         *actor,
                                              BelAccount         *account,
                                              const char         *password_hash,
                                              GError            **error);
/* Admin. Copies @fields of @changes: display-name, email, server-role, active,
 * password.  @expected_version 0 means "any version". */
BelAccount    *bel_accounts_update           (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              account_id,
                                              gint64              expected_version,
                                              BelAccount         *changes,
                                              const char * const *fields,
                                              GError            **error);
/* Admin. Ends the account's sessions too. */
gboolean       bel_accounts_set_password     (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              account_id,
                                              const char         *password,
                                              GError            **error);

/* Admin; idempotent. Uses role and title of @membership. */
BelMembership *bel_memberships_put           (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              school_id,
                                              gint64              account_id,
                                              BelMembership      *membership,
                                              GError            **error);
/* Admin; idempotent (removing a missing membership succeeds). */
gboolean       bel_memberships_delete        (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              school_id,
                                              gint64              account_id,
                                              GError            **error);

G_END_DECLS
