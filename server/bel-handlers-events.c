/* bel-handlers-events.c - GET /api/v1/schools/{school_id}/events
 *
 * With a WebSocket upgrade: a live subscription (bel-event-hub.h), replaying
 * from ?since= when given.  Without: the plain-HTTP replay
 * {items: [Event], last_seq} from ?since= (default 0), at most ?limit=
 * (default and maximum 1000) events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers.h"

#include "bel-event-hub.h"
#include "bel-events.h"

#define EVENTS_LIMIT_MAX 1000

void
bel_handle_events (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 school_id = bel_request_get_id (request, "school_id");
  gint64 since = -1, limit = EVENTS_LIMIT_MAX;
  BelEventReader reader;

  if (!bel_request_query_int (request, "since", 0, G_MAXINT64, NULL, &since, &error) ||
      !bel_request_query_int (request, "limit", 1, EVENTS_LIMIT_MAX, NULL, &limit, &error))
    {
      bel_request_reply_error (request, error);
      return;
    }
  if (bel_event_hub_is_upgrade (request->msg))
    {
      /* On success the hub has set the 101 response and takes the connection over. */
      if (!bel_event_hub_accept (bel_event_hub_get (request->engine), request->msg,
                                 request->actor, request->token, school_id, since,
                                 &error))
        bel_request_reply_error (request, error);
      return;
    }
  if (!bel_events_reader_init (request->engine, request->actor, school_id, &reader, &error) ||
      (node = bel_events_replay (request->engine, &reader, MAX (since, 0), (guint) limit,
                                 &error)) == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  bel_request_reply_json (request, SOUP_STATUS_OK, node);
}
