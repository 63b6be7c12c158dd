/* bel-events.h - live events: recorded with the change they report
 *
 * An engine function that changes something other staff should see at once
 * records an event in the SAME transaction as the change:
 *
 *   g_autoptr(BelTransaction) tx = bel_engine_begin (engine, error);
 *   ... write the mark ...
 *   if (!bel_events_record (engine, school_id, "mark.added", round_id, data, error))
 *     return NULL;
 *   if (!bel_transaction_commit (tx, error))
 *     return NULL;
 *
 * so the event exists if and only if the change committed.  Each event gets
 * seq = the event table's INTEGER PRIMARY KEY AUTOINCREMENT (monotonic per
 * database).  When the outermost transaction commits, the listeners (the
 * WebSocket hub, bel-event-hub.h) are told and send the new events to the
 * school's subscribers; an event recorded outside any transaction is
 * published at once.
 *
 * Visibility: bel_events_record() makes an event visible to every member of
 * the school.  bel_events_record_restricted() limits it to admins, to the
 * members whose role in the school is in @roles, and to @account_id (0 for
 * nobody extra).  For a `concern` mark the board records:
 *
 *   bel_events_record_restricted (engine, school_id, "mark.added", round_id, data,
 *                                 BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER,
 *                                 mark_account_id, error);
 *
 * Replays (WebSocket and plain HTTP) apply the same rule per subscriber.
 *
 * Event JSON (the wire format): {seq, school_id, type, round_id, data, at};
 * round_id is null for events not about a round; data is the JSON given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-engine.h"

G_BEGIN_DECLS

/* The notice channel of committed events, between daemons of one database. */
#define BEL_EVENTS_CHANNEL "belonging_events"

/* Who may see an event: admins always; members whose role bit (BelRoleMask of
 * bel-engine-private.h: teacher 1, counselor 2, leader 4) is in @roles; and
 * @account_id.  BEL_EVENT_EVERYONE = all members. */
#define BEL_EVENT_EVERYONE 0x7

/* @round_id 0 for none; @data may be NULL (serialized as {}); it is copied.
 * @type is a short dotted name such as "mark.added". */
gboolean  bel_events_record            (BelEngine   *engine,
                                        gint64       school_id,
                                        const char  *type,
                                        gint64       round_id,
                                        JsonNode    *data,
                                        GError     **error);
gboolean  bel_events_record_restricted (BelEngine   *engine,
                                        gint64       school_id,
                                        const char  *type,
                                        gint64       round_id,
                                        JsonNode    *data,
                                        guint        roles,
                                        gint64       account_id,
                                        GError     **error);

/* A reader's view of events: the school and what the reader may see there. */
typedef struct {
  gint64 school_id;
  guint  roles;      /* the reader's role bit in the school; BEL_EVENT_EVERYONE for an admin */
  gint64 account_id; /* the reader's account */
} BelEventReader;

/* One stored event, as the hub fans it out. */
typedef struct {
  gint64  seq;
  gint64  school_id;
  guint   roles;      /* visibility, see bel_events_record_restricted() */
  gint64  account_id;
  char   *json;       /* the Event JSON text */
} BelEvent;

void       bel_event_free              (BelEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelEvent, bel_event_free)

/* Fills @reader for @actor in @school_id; fails with 404 (no such school) or
 * 403 (not a member) like bel_engine_require_school_role(). */
gboolean   bel_events_reader_init      (BelEngine            *engine,
                                        BelAccount           *actor,
                                        gint64                school_id,
                                        BelEventReader       *reader,
                                        GError              **error);
/* Whether @reader may see @event (same school and visible to the reader). */
gboolean   bel_events_reader_may_see   (const BelEventReader *reader,
                                        const BelEvent       *event);

/* The events with @since < seq <= @until (@until 0: no upper bound) in seq
 * order, at most @limit (0: no limit), of @reader's school and visible to the
 * reader, or of every school unfiltered when @reader is NULL.  A GPtrArray of
 * BelEvent, or NULL on error. */
GPtrArray *bel_events_fetch            (BelEngine            *engine,
                                        const BelEventReader *reader,
                                        gint64                since,
                                        gint64                until,
                                        guint                 limit,
                                        GError              **error);
/* The largest seq recorded so far, 0 if none (-1 on error). */
gint64     bel_events_last_seq         (BelEngine            *engine,
                                        GError              **error);
/* The plain-HTTP replay: {items: [Event], last_seq}; last_seq is the seq to
 * pass as `since` next time (the last item's when @limit items came back,
 * otherwise the largest seq recorded, at least @since). */
JsonNode  *bel_events_replay           (BelEngine            *engine,
                                        const BelEventReader *reader,
                                        gint64                since,
                                        guint                 limit,
                                        GError              **error);

/* Listeners are called (on the main thread) after a commit that recorded at
 * least one event, and once right away for events recorded outside a
 * transaction.  They read the new events with bel_events_read(). */
typedef void (*BelEventsListener) (BelEngine *engine,
                                   gpointer   user_data);

guint     bel_events_add_listener      (BelEngine         *engine,
                                        BelEventsListener  listener,
                                        gpointer           user_data);
void      bel_events_remove_listener   (BelEngine         *engine,
                                        guint              id);

G_END_DECLS
