/* bel-store-pg-listener.h - hearing other daemons' NOTIFYs (PostgreSQL driver)
 *
 * A second connection that only LISTENs, watched by the main loop; it
 * reconnects after a loss and then calls every listener once, because
 * notices may have been missed meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BelPgListener BelPgListener;
typedef void (*BelPgNoticeFunc) (const char *channel, gpointer data);

BelPgListener *bel_pg_listener_new    (const char      *url);
void           bel_pg_listener_free   (BelPgListener   *listener);
void           bel_pg_listener_add    (BelPgListener   *listener,
                                       const char      *channel,
                                       BelPgNoticeFunc  func,
                                       gpointer         data);
/* Forgets every channel listened to with @data. */
void           bel_pg_listener_remove (BelPgListener   *listener,
                                       gpointer         data);

G_END_DECLS
