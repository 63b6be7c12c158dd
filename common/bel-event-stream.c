/* bel-event-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-event-stream.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bel-error.h"
#include "bel-json.h"
#include "bel-tls-pins.h"

#define FIRST_BACKOFF_MS     500
#define DEFAULT_MAX_BACKOFF  30000
#define KEEPALIVE_SECONDS    30
#define MAX_EVENT_SIZE       (1024 * 1024)

struct _BelEventStream
{
  GObject                  parent_instance;
  char                    *base_url;
  char                    *token;
  gint64                   school_id;
  gint64                   last_seq;
  gboolean                 running;
  gboolean                 connected;
  guint                    backoff_ms;
  guint                    max_backoff_ms;
  guint                    retry_id;
  guint                    n_connects;
  SoupSession             *session;
  BelTlsPins              *pins;
  SoupWebsocketConnection *conn;
  GCancellable            *cancellable;
};

G_DEFINE_FINAL_TYPE (BelEventStream, bel_event_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_SCHOOL_ID,
  PROP_LAST_SEQ,
  PROP_CONNECTED,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

static void connect_now (BelEventStream *self);

static void
set_connected (BelEventStream *self,
               gboolean        connected)
{
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONNECTED]);
}

static void
drop_connection (BelEventStream *self)
{
  if (self->conn == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->conn, self);
  if (soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->conn);
}

static gboolean
on_retry (gpointer user_data)
{
  BelEventStream *self = user_data;

  self->retry_id = 0;
  connect_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (BelEventStream *self)
{
  guint delay;

  if (!self->running || self->retry_id != 0)
    return;
  /* Up to a fifth less, so that many clients of a restarted daemon spread out. */
  delay = self->backoff_ms - (guint) g_random_int_range (0, (gint32) self->backoff_ms / 5 + 1);
  self->backoff_ms = MIN (self->backoff_ms * 2, self->max_backoff_ms);
  self->retry_id = g_timeout_add (delay, on_retry, self);
}

JsonNode *
bel_event_stream_parse (GBytes *message,
                        gint64  last_seq,
                        gint64 *seq)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (message, &size);

  *seq = -1;
  node = bel_json_parse (data != NULL ? data : "", (gssize) size, &error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("Ignoring a live event that is not a JSON object");
      return NULL;
    }
  *seq = bel_json_int_member (json_node_get_object (node), "seq", -1);
  if (*seq <= 0 || *seq <= last_seq)
    return NULL; /* malformed, or a duplicate after a reconnection */
  return g_steal_pointer (&node);
}

static void
on_message (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  BelEventStream *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  gint64 seq;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;
  node = bel_event_stream_parse (message, self->last_seq, &seq);
  if (node == NULL)
    return;
  self->last_seq = seq;
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, node);
}

static void
on_closed (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  BelEventStream *self = user_data;

  g_debug ("Live events of school %" G_GINT64_FORMAT " closed (%u)", self->school_id,
           soup_websocket_connection_get_close_code (conn));
  drop_connection (self);
  set_connected (self, FALSE);
  schedule_retry (self);
}

static void
on_connect_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BelEventStream) self = user_data;
  g_autoptr(SoupWebsocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (!self->running)
    return;
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    {
      /* Retrying would only be refused again: the person must decide. */
      g_autoptr(GError) refused = bel_tls_pins_refusal_error (self->pins, self->base_url);
      self->running = FALSE;
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, refused);
      return;
    }
  if (conn == NULL)
    {
      status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "last-status"));
      if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN ||
          status == SOUP_STATUS_NOT_FOUND)
        {
          g_autoptr(GError) refused = g_error_new (BEL_ERROR, bel_error_from_status (status),
                                                   "The daemon refused the live events (%u)", status);
          self->running = FALSE;
          g_signal_emit (self, signals[SIGNAL_FAILED], 0, refused);
          return;
        }
      g_debug ("Could not connect the live events: %s", error->message);
      schedule_retry (self);
      return;
    }
  self->conn = g_steal_pointer (&conn);
  soup_websocket_connection_set_keepalive_interval (self->conn, KEEPALIVE_SECONDS);
  soup_websocket_connection_set_max_incoming_payload_size (self->conn, MAX_EVENT_SIZE);
  g_signal_connect (self->conn, "message", G_CALLBACK (on_message), self);
  g_signal_connect (self->conn, "closed", G_CALLBACK (on_closed), self);
  self->backoff_ms = FIRST_BACKOFF_MS;
  self->n_connects++;
  set_connected (self, TRUE);
}

static void
on_got_headers (SoupMessage *msg,
                gpointer     user_data)
{
  /* Remember the handshake's status: a refusal must not be retried. */
  g_object_set_data (G_OBJECT (user_data), "last-status",
                     GUINT_TO_POINTER (soup_message_get_status (msg)));
}

static void
connect_now (BelEventStream *self)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GString) url = g_string_new (self->base_url);
  g_autofree char *auth = NULL;

  if (!self->running || self->conn != NULL || self->cancellable != NULL)
    return;
  while (url->len > 0 && url->str[url->len - 1] == '/')
    g_string_truncate (url, url->len - 1);
  g_string_append_printf (url, "/api/v1/schools/%" G_GINT64_FORMAT "/events", self->school_id);
  if (self->last_seq >= 0)
    g_string_append_printf (url, "?since=%" G_GINT64_FORMAT, self->last_seq);
  msg = soup_message_new ("GET", url->str);
  if (msg == NULL)
    {
      g_autoptr(GError) error = g_error_new (BEL_ERROR, BEL_ERROR_NETWORK,
                                             "“%s” is not a web address", self->base_url);
      self->running = FALSE;
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
      return;
    }
  if (self->token != NULL)
    {
      auth = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  g_object_set_data (G_OBJECT (self), "last-status", NULL);
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (on_got_headers), self, 0);
  bel_tls_pins_watch (self->pins, msg);
  self->cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->cancellable, on_connect_done, g_object_ref (self));
}

void
bel_event_stream_start (BelEventStream *self)
{
  g_return_if_fail (BEL_IS_EVENT_STREAM (self));

  if (self->running)
    return;
  self->running = TRUE;
  self->backoff_ms = FIRST_BACKOFF_MS;
  connect_now (self);
}

void
bel_event_stream_stop (BelEventStream *self)
{
  g_return_if_fail (BEL_IS_EVENT_STREAM (self));

  self->running = FALSE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  drop_connection (self);
  set_connected (self, FALSE);
}

BelEventStream *
bel_event_stream_new (const char *base_url,
                      const char *token,
                      gint64      school_id)
{
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (school_id > 0, NULL);

  return g_object_new (BEL_TYPE_EVENT_STREAM,
                       "base-url", base_url,
                       "token", token,
                       "school-id", school_id,
                       NULL);
}

BelEventStream *
bel_event_stream_new_for_client (BelClient *client,
                                 gint64     school_id)
{
  BelEventStream *self;

  g_return_val_if_fail (BEL_IS_CLIENT (client), NULL);

  self = bel_event_stream_new (bel_client_get_base_url (client), bel_client_get_token (client), school_id);
  bel_event_stream_set_tls_pins (self, bel_client_get_tls_pins (client));
  return self;
}

gboolean
bel_event_stream_get_connected (BelEventStream *self)
{
  g_return_val_if_fail (BEL_IS_EVENT_STREAM (self), FALSE);
  return self->connected;
}

gint64
bel_event_stream_get_school_id (BelEventStream *self)
{
  g_return_val_if_fail (BEL_IS_EVENT_STREAM (self), 0);
  return self->school_id;
}

gint64
bel_event_stream_get_last_seq (BelEventStream *self)
{
  g_return_val_if_fail (BEL_IS_EVENT_STREAM (self), -1);
  return self->last_seq;
}

void
bel_event_stream_set_last_seq (BelEventStream *self,
                               gint64          seq)
{
  g_return_if_fail (BEL_IS_EVENT_STREAM (self));

  seq = MAX (seq, -1);
  if (self->last_seq == seq)
    return;
  self->last_seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LAST_SEQ]);
}

void
bel_event_stream_set_max_backoff (BelEventStream *self,
                                  guint           msec)
{
  g_return_if_fail (BEL_IS_EVENT_STREAM (self));

  self->max_backoff_ms = MAX (msec, FIRST_BACKOFF_MS);
}

/* The certificates the person trusted; takes effect at the next connection. */
void
bel_event_stream_set_tls_pins (BelEventStream *self,
                               BelTlsPins     *pins)
{
  g_return_if_fail (BEL_IS_EVENT_STREAM (self));
  g_return_if_fail (BEL_IS_TLS_PINS (pins));

  g_set_object (&self->pins, pins);
}

guint
bel_event_stream_get_n_connects (BelEventStream *self)
{
  g_return_val_if_fail (BEL_IS_EVENT_STREAM (self), 0);
  return self->n_connects;
}

static void
bel_event_stream_dispose (GObject *object)
{
  BelEventStream *self = BEL_EVENT_STREAM (object);

  bel_event_stream_stop (self);
  g_clear_object (&self->session);
  g_clear_object (&self->pins);
  G_OBJECT_CLASS (bel_event_stream_parent_class)->dispose (object);
}

static void
bel_event_stream_finalize (GObject *object)
{
  BelEventStream *self = BEL_EVENT_STREAM (object);

  g_free (self->base_url);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  G_OBJECT_CLASS (bel_event_stream_parent_class)->finalize (object);
}

static void
bel_event_stream_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BelEventStream *self = BEL_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;
    case PROP_LAST_SEQ:
      g_value_set_int64 (value, self->last_seq);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_event_stream_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BelEventStream *self = BEL_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_TOKEN:
      self->token = g_value_dup_string (value);
      break;
    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;
    case PROP_LAST_SEQ:
      bel_event_stream_set_last_seq (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_event_stream_class_init (BelEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bel_event_stream_dispose;
  object_class->finalize = bel_event_stream_finalize;
  object_class->get_property = bel_event_stream_get_property;
  object_class->set_property = bel_event_stream_set_property;

  props[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  props[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  props[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  props[PROP_LAST_SEQ] =
    g_param_spec_int64 ("last-seq", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* event (JsonNode *event): one Event object, in seq order, once. */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JSON_TYPE_NODE);
  /* failed (GError *error): the daemon refused the subscription; stopped. */
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bel_event_stream_init (BelEventStream *self)
{
  self->last_seq = -1;
  self->max_backoff_ms = DEFAULT_MAX_BACKOFF;
  self->backoff_ms = FIRST_BACKOFF_MS;
  /* No idle timeout: the daemon pings every 30 s and the connection is long-lived. */
  self->session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
  self->pins = bel_tls_pins_new (NULL);
}
