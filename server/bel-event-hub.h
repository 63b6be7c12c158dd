/* bel-event-hub.h - live events to WebSocket subscribers of each school
 *
 * GET /api/v1/schools/{school_id}/events with a WebSocket upgrade: the route
 * handler authenticates the bearer token (401) and then calls
 * bel_event_hub_accept(), which checks that the actor is a member of the
 * school (403/404) BEFORE accepting the upgrade.  The subscriber first gets
 * every stored event with seq > since that it may see, in order, then the new
 * ones as they commit: no gap and no duplicate even while commits happen
 * during the replay, because each subscriber has a cursor (the last seq it
 * was sent) and only ever gets events after it:
 *
 *  - the hub listens to bel-events.h; after every commit that recorded
 *    events it reads them once (seq > the hub's published mark) and sends
 *    each to the live subscribers of its school that may see it;
 *  - a subscriber that is replaying reads the stored events from its cursor
 *    up to the published mark in pages (paced by the socket's writability)
 *    and becomes live when it has caught up.
 *
 * Sockets belong to the main loop, reads to the daemon's workers
 * (bel_workers_run()): the hub hands each read to a worker and sends what it
 * gets back.  Without since, a subscriber starts at the database's last seq
 * when it connects, which the hub may not have published yet.
 *
 * One JSON event per text frame.  The server pings every ping-interval
 * seconds.  A subscriber whose socket stays unwritable while more than
 * queue-limit frames pile up for it is disconnected (close code 1008, "too
 * slow"); it reconnects with since=its last seq.  Frames from clients are
 * ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bel-engine.h"

G_BEGIN_DECLS

#define BEL_TYPE_EVENT_HUB (bel_event_hub_get_type ())
G_DECLARE_FINAL_TYPE (BelEventHub, bel_event_hub, BEL, EVENT_HUB, GObject)

/* (transfer none) The hub of @engine, created on first use and kept as long
 * as the engine.  Limits come from the engine's BelConfig ([events]). */
BelEventHub *bel_event_hub_get           (BelEngine          *engine);

/* Whether @msg asks for a WebSocket upgrade (Upgrade: websocket). */
gboolean     bel_event_hub_is_upgrade    (SoupServerMessage  *msg);

/* Accepts @msg (a WebSocket upgrade request of the authenticated @actor) as a
 * subscriber of @school_id, replaying from @since (-1: only new events).
 * On success the 101 response is set on @msg and the handler must not touch
 * it any more; on failure nothing is set and @error is from BEL_ERROR: 404
 * (no school), 403 (not a member), 400 (not a valid WebSocket handshake). */
gboolean     bel_event_hub_accept        (BelEventHub        *self,
                                          SoupServerMessage  *msg,
                                          BelAccount         *actor,
                                          const char         *token,
                                          gint64              school_id,
                                          gint64              since,
                                          GError            **error);

/* Rechecks every subscriber's session and membership (now on the main loop,
 * soon after from a worker thread) and closes the
 * streams that lost them; also runs every ping-interval seconds. */
void         bel_event_hub_revalidate    (BelEventHub        *self);

/* Connected subscribers (all schools), and the last seq sent out live. */
guint        bel_event_hub_get_n_clients (BelEventHub        *self);
gint64       bel_event_hub_get_published (BelEventHub        *self);
/* Closes every subscriber (going away), e.g. before the daemon stops. */
void         bel_event_hub_close_all     (BelEventHub        *self);

G_END_DECLS
