/* bel-server.h - belongingd's HTTP side: a SoupServer dispatching the route table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

#define BEL_TYPE_SERVER (bel_server_get_type ())
G_DECLARE_FINAL_TYPE (BelServer, bel_server, BEL, SERVER, GObject)

BelServer *bel_server_new        (BelEngine  *engine);
/* Listens on the configured address and port (0 = any free port). */
gboolean   bel_server_listen     (BelServer  *self,
                                  GError    **error);
/* "http://ADDR:PORT" once listening. */
char      *bel_server_dup_url    (BelServer  *self);
void       bel_server_disconnect (BelServer  *self);

G_END_DECLS
