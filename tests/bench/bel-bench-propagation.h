/* bel-bench-propagation.h - marks made through one belongingd, heard at another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-test-daemon.h"

G_BEGIN_DECLS

/* Starts a second daemon B on @a's (PostgreSQL) database, subscribes to
 * @school_id's events at A and at B with @token, then places and removes @n
 * relationship marks of @account_id on @students (who have none in
 * @round_id) through B, one after another, and prints the time from B's
 * acknowledgement to each event's arrival at A and at B. */
void bel_bench_propagation (BelTestDaemon *a,
                            const char    *token,
                            gint64         account_id,
                            gint64         school_id,
                            gint64         round_id,
                            GArray        *students,
                            int            n);

G_END_DECLS
