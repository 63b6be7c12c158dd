/* bel-rate-limit.h - counts failures per key in a sliding time window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BelRateLimit BelRateLimit;

BelRateLimit *bel_rate_limit_new   (guint         max_failures,
                                    gint64        window_seconds);
void          bel_rate_limit_free  (BelRateLimit *self);
/* Seconds until @key may try again; 0 when it may try now. */
gint64        bel_rate_limit_check (BelRateLimit *self,
                                    const char   *key,
                                    gint64        now_seconds);
void          bel_rate_limit_fail  (BelRateLimit *self,
                                    const char   *key,
                                    gint64        now_seconds);
void          bel_rate_limit_reset (BelRateLimit *self,
                                    const char   *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelRateLimit, bel_rate_limit_free)

G_END_DECLS
