/* bel-rate-limit.h - counts failures per key in a sliding time window
 *
 * The failures are rows of the database (table rate_limit_failure), so every
 * belongingd on one database, and one restarted, sees the same counts.  A
 * BelRateLimit holds only its scope and limits; each call goes through the
 * store it is handed.  Keys (account names, client addresses) are stored
 * only as an HMAC under a random secret kept in the database.
 *
 * Database errors come back as BEL_ERROR_UNAVAILABLE (503): callers refuse
 * the request rather than let it through uncounted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store.h"

G_BEGIN_DECLS

typedef struct _BelRateLimit BelRateLimit;

/* @scope names the limit ("sign-in", "survey-code"): the same key in two
 * scopes is counted apart. */
BelRateLimit *bel_rate_limit_new   (const char    *scope,
                                    guint          max_failures,
                                    gint64         window_seconds);
void          bel_rate_limit_free  (BelRateLimit  *self);
/* Sets @retry_after to the seconds until @key may try again, 0 when it may
 * try now. */
gboolean      bel_rate_limit_check (BelRateLimit  *self,
                                    BelStore      *store,
                                    const char    *key,
                                    gint64         now_seconds,
                                    gint64        *retry_after,
                                    GError       **error);
/* Counts a failure of @key, in its own transaction, and prunes the
 * failures of every key whose window has passed. */
gboolean      bel_rate_limit_fail  (BelRateLimit  *self,
                                    BelStore      *store,
                                    const char    *key,
                                    gint64         now_seconds,
                                    GError       **error);
/* Forgets @key's failures (a success). */
gboolean      bel_rate_limit_reset (BelRateLimit  *self,
                                    BelStore      *store,
                                    const char    *key,
                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelRateLimit, bel_rate_limit_free)

G_END_DECLS
