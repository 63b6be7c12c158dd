/* bel-server.h - belongingd's HTTP side: a SoupServer dispatching the route table
 *
 * The main loop reads requests and writes answers; each route's handler runs
 * on a worker thread with its own database connection (bel-workers.h), except
 * the routes flagged BEL_ROUTE_MAIN (bel-routes.h), which must not touch the
 * database.  A handler that answers later calls bel_request_defer().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

#define BEL_TYPE_SERVER (bel_server_get_type ())
G_DECLARE_FINAL_TYPE (BelServer, bel_server, BEL, SERVER, GObject)

BelServer *bel_server_new        (BelEngine  *engine,
                                  GError    **error);
/* Listens on the configured address and port (0 = any free port). */
gboolean   bel_server_listen     (BelServer  *self,
                                  GError    **error);
/* "http://ADDR:PORT" once listening. */
char      *bel_server_dup_url    (BelServer  *self);
void       bel_server_disconnect (BelServer  *self);
/* Waits for the requests the workers are running, then closes their
 * connections.  After bel_server_disconnect(), before closing the engine. */
void       bel_server_stop_workers (BelServer *self);

G_END_DECLS
