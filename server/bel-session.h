/* bel-session.h - the result of signing in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-account.h"

G_BEGIN_DECLS

typedef struct {
  char       *token;      /* bearer token; shown once, stored only as a SHA-256 hash */
  GDateTime  *expires_at; /* UTC */
  BelAccount *account;    /* with memberships */
} BelSession;

void bel_session_free (BelSession *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelSession, bel_session_free)

G_END_DECLS
