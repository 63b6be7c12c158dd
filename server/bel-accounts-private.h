/* bel-accounts-private.h - account lookups without permission checks, for bel-auth.c
 * and bel-schools.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store-private.h"

#include "bel-accounts.h"

G_BEGIN_DECLS

/* The columns bel_membership_from_row() reads; add WHERE and ORDER BY. */
#define BEL_MEMBERSHIP_SELECT \
  "SELECT m.school_id, s.name, m.account_id, a.username, a.display_name, m.role, m.title, " \
  "(SELECT COUNT(*) FROM enrollment e JOIN class c ON c.id = e.class_id WHERE e.account_id = m.account_id " \
  "AND e.role = 'teacher' AND e.active = 1 AND c.school_id = m.school_id AND c.active = 1) " \
  "FROM membership m JOIN school s ON s.id = m.school_id JOIN account a ON a.id = m.account_id "

/* A row of BEL_MEMBERSHIP_SELECT. */
BelMembership *bel_membership_from_row (BelStmt *stmt);

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
