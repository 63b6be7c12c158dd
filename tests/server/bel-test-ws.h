/* bel-test-ws.h - a raw WebSocket subscriber of a school's live events, for tests and benchmarks
 *
 *   g_autoptr(BelTestWs) ws = bel_test_ws_open (d->url, token, school_id, -1);
 *   g_assert_cmpuint (ws->status, ==, 101);
 *   ... make a change over HTTP ...
 *   bel_test_ws_wait_events (ws, 1, 5000);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _BelTestWs BelTestWs;
typedef void (*BelTestWsFunc) (BelTestWs *ws, JsonNode *event, gpointer user_data);
/* For benchmarks: the frame's text, not parsed (and not kept). */
typedef void (*BelTestWsRawFunc) (BelTestWs *ws, const char *text, gpointer user_data);

struct _BelTestWs {
  SoupSession             *session;
  SoupWebsocketConnection *conn;
  GPtrArray               *events;     /* JsonNode, in arrival order */
  guint                    status;     /* handshake status: 101 when accepted */
  gboolean                 done;       /* the handshake finished (either way) */
  gboolean                 closed;
  gushort                  close_code;
  gboolean                 keep_events; /* TRUE by default */
  BelTestWsFunc            func;       /* optional, called for each event */
  BelTestWsRawFunc         raw_func;   /* optional, instead of parsing */
  gpointer                 user_data;
};

/* Starts connecting to /api/v1/schools/@school_id/events (@since < 0: none);
 * @token may be NULL. */
BelTestWs *bel_test_ws_connect      (const char *base_url,
                                     const char *token,
                                     gint64      school_id,
                                     gint64      since);
/* bel_test_ws_connect() and waits for the handshake to finish. */
BelTestWs *bel_test_ws_open         (const char *base_url,
                                     const char *token,
                                     gint64      school_id,
                                     gint64      since);
void       bel_test_ws_free         (BelTestWs  *ws);
/* Runs the main loop until @ws has at least @n events (FALSE on timeout). */
gboolean   bel_test_ws_wait_events  (BelTestWs  *ws,
                                     guint       n,
                                     guint       timeout_ms);
gboolean   bel_test_ws_wait_closed  (BelTestWs  *ws,
                                     guint       timeout_ms);
gint64     bel_test_ws_event_seq    (BelTestWs  *ws,
                                     guint       index);
const char *bel_test_ws_event_type  (BelTestWs  *ws,
                                     guint       index);
/* Runs the main loop for @ms milliseconds. */
void       bel_test_spin            (guint       ms);
/* Runs the main loop until @cond (@data) or @timeout_ms; returns @cond's last value. */
gboolean   bel_test_wait_until      (gboolean  (*cond) (gpointer data),
                                     gpointer    data,
                                     guint       timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelTestWs, bel_test_ws_free)

G_END_DECLS
