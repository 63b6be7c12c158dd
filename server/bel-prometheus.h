/* bel-prometheus.h - what belongingd counts, for Prometheus (GET /metrics)
 *
 * Requests by method, route pattern (never the path itself: no ids, no
 * names) and status; a latency histogram; requests in flight; open live
 * event WebSockets; the database size.  No student data, no tokens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bel-request.h"

G_BEGIN_DECLS

typedef struct _BelPrometheus BelPrometheus;

/* The daemon's one set of metrics. */
BelPrometheus *bel_prometheus_get_default         (void);
/* Starts timing @msg; it is counted when it finishes. */
void           bel_prometheus_request_started     (BelPrometheus     *self,
                                                   SoupServerMessage *msg);
/* @msg's connection was taken over (a WebSocket): it will never finish, so it
 * is counted now, with its 101 status, and no longer holds up a clean stop. */
void           bel_prometheus_request_handed_over (SoupServerMessage *msg);
/* The route @msg matched (a pattern from bel-routes.c, static). */
void           bel_prometheus_set_route           (SoupServerMessage *msg,
                                                   const char        *pattern);
guint          bel_prometheus_get_in_flight       (BelPrometheus     *self);
/* The Prometheus text exposition (version 0.0.4). */
char          *bel_prometheus_to_text             (BelPrometheus     *self,
                                                   guint              open_websockets,
                                                   gint64             database_bytes);

/* GET /metrics */
void           bel_handle_prometheus              (BelRequest        *request);

G_END_DECLS
