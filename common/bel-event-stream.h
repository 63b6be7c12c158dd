/* bel-event-stream.h - the live events of one school, in order, exactly once
 *
 *   g_autoptr(BelEventStream) stream = bel_event_stream_new (base_url, token, school_id);
 *   g_signal_connect (stream, "event", G_CALLBACK (on_event), self);
 *   g_signal_connect (stream, "notify::connected", G_CALLBACK (on_connected), self);
 *   bel_event_stream_set_last_seq (stream, seq_of_the_data_shown); // optional
 *   bel_event_stream_start (stream);
 *
 * Connects to GET /api/v1/schools/{school_id}/events over a WebSocket with
 * the bearer token, remembers the seq of the last event it emitted, and after
 * a drop reconnects with growing back-off (0.5 s doubling up to
 * max-backoff) and since=last-seq, so "event" is emitted for every event the
 * account may see, in seq order, exactly once.  Without a last seq (-1, the
 * default) it starts with the events that commit after it connects.  A
 * refusal (401, 403, 404) stops it and emits "failed"; so does an HTTPS
 * certificate that neither verifies nor is pinned (BEL_ERROR_CERTIFICATE_*,
 * see bel_event_stream_set_tls_pins()).  It never blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bel-client.h"
#include "bel-tls-pins.h"

G_BEGIN_DECLS

#define BEL_TYPE_EVENT_STREAM (bel_event_stream_get_type ())
G_DECLARE_FINAL_TYPE (BelEventStream, bel_event_stream, BEL, EVENT_STREAM, GObject)

BelEventStream *bel_event_stream_new             (const char     *base_url,
                                                  const char     *token,
                                                  gint64          school_id);
/* The same for @client's server, session and trusted certificates. */
BelEventStream *bel_event_stream_new_for_client  (BelClient      *client,
                                                  gint64          school_id);
void            bel_event_stream_start           (BelEventStream *self);
/* Closes the connection and stops reconnecting; start() resumes from last-seq. */
void            bel_event_stream_stop            (BelEventStream *self);

gboolean        bel_event_stream_get_connected   (BelEventStream *self);
gint64          bel_event_stream_get_school_id   (BelEventStream *self);
gint64          bel_event_stream_get_last_seq    (BelEventStream *self);
/* Resume after @seq (e.g. the last_seq of a replay read before the data
 * shown); -1 for only new events.  Takes effect at the next connection. */
void            bel_event_stream_set_last_seq    (BelEventStream *self,
                                                  gint64          seq);
/* The longest wait between reconnection attempts, in milliseconds (default 30000). */
void            bel_event_stream_set_max_backoff (BelEventStream *self,
                                                  guint           msec);
/* The certificates the person trusted (bel_client_get_tls_pins()); the
 * default trusts only certificates that verify. */
void            bel_event_stream_set_tls_pins    (BelEventStream *self,
                                                  BelTlsPins     *pins);
/* The number of successful connections so far (tests, diagnostics). */
guint           bel_event_stream_get_n_connects  (BelEventStream *self);

/* The event in one text @message of the daemon, or NULL when it is not a JSON
 * object with a "seq" after @last_seq (malformed, or a duplicate after a
 * reconnection).  @seq receives its seq (-1 when it has none). */
JsonNode       *bel_event_stream_parse           (GBytes         *message,
                                                  gint64          last_seq,
                                                  gint64         *seq);

G_END_DECLS
