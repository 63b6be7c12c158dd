/* bel-shutdown.h - belongingd's start and stop as systemd sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-server.h"

G_BEGIN_DECLS

#define BEL_SHUTDOWN_DRAIN_SECONDS 10

/* Tells systemd (Type=notify) that belongingd is listening. */
void bel_shutdown_ready (void);
/* Stops gracefully: tells systemd, closes the live event WebSockets (going
 * away: clients reconnect to the next daemon), stops accepting, lets the
 * requests in flight finish (up to BEL_SHUTDOWN_DRAIN_SECONDS), then
 * checkpoints the WAL into the database file and closes it. */
void bel_shutdown_run   (BelServer *server,
                         BelEngine *engine);

G_END_DECLS
