/* bel-event-hub.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-event-hub.h"

#include <string.h>

#include "bel-auth.h"
#include "bel-error.h"
#include "bel-events.h"
#include "bel-listener.h"
#include "bel-prometheus.h"
#include "bel-store-private.h"
#include "bel-websocket-close.h"
#include "bel-workers.h"

#define REPLAY_PAGE          200   /* events read from the database per replay step */
#define MAX_INCOMING_PAYLOAD 4096  /* clients have nothing to say; keep their frames small */
#define FORCE_CLOSE_SECONDS  5     /* a slow client that does not answer our close frame */
#define WRITABLE_CHECK_EVERY 8

typedef struct {
  guint                    ref_count; /* the hub's array, and work on a worker */
  BelEventHub             *hub;      /* not owned; the hub outlives its clients */
  SoupWebsocketConnection *conn;
  GSocket                 *socket;   /* to see whether it keeps up, and to cut it off; or NULL */
  BelEventReader           reader;
  gint64                   cursor;   /* the last seq sent (or skipped as not visible) */
  gboolean                 live;     /* caught up: gets events as they commit */
  gboolean                 closed;
  gboolean                 fetching; /* a replay step is reading on a worker */
  guint                    backlog;  /* frames queued while the socket stayed unwritable */
  guint                    unchecked; /* frames sent since the socket was last polled */
  GSource                 *resume;   /* the next replay step */
  char                    *token;    /* the subscriber's bearer token, to recheck it */
  gint64                   school_id;
} Client;

struct _BelEventHub
{
  GObject    parent_instance;
  BelEngine *engine;      /* not owned: the engine owns its hub */
  BelStore  *store;       /* owned: it may outlive the engine's dispose */
  guint      listener_id;
  gint64     published;   /* the last seq fanned out to live clients */
  GPtrArray *clients;     /* of Client, owned */
  guint      reap_id;
  guint      queue_limit;
  guint      ping_interval;
  guint      revalidate_id;
  /* Database work runs on the daemon's workers, one of each kind at a time;
   * what is asked for meanwhile runs again once it is back. */
  gboolean   fetching;
  gboolean   fetch_again;
  gboolean   revalidating;
  gboolean   revalidate_again;
};

G_DEFINE_FINAL_TYPE (BelEventHub, bel_event_hub, G_TYPE_OBJECT)

#define SESSIONS_CHANNEL "belonging_sessions"

static void client_replay_step (Client *client);

static void
client_unref (Client *client)
{
  if (--client->ref_count > 0)
    return;
  if (client->resume != NULL)
    {
      g_source_destroy (client->resume);
      g_source_unref (client->resume);
    }
  g_signal_handlers_disconnect_by_data (client->conn, client);
  g_clear_object (&client->socket);
  g_clear_object (&client->conn);
  if (client->token != NULL)
    memset (client->token, 0, strlen (client->token));
  g_free (client->token);
  g_free (client);
}

static gboolean
reap_closed (gpointer user_data)
{
  BelEventHub *self = user_data;

  self->reap_id = 0;
  for (guint i = self->clients->len; i > 0; i--)
    if (((Client *) g_ptr_array_index (self->clients, i - 1))->closed)
      g_ptr_array_remove_index (self->clients, i - 1);
  return G_SOURCE_REMOVE;
}

/* Clients leave the array only from an idle callback, never while the hub iterates over it. */
static void
client_mark_closed (Client *client)
{
  BelEventHub *self = client->hub;

  client->closed = TRUE;
  client->live = FALSE;
  if (client->resume != NULL)
    {
      g_source_destroy (client->resume);
      g_clear_pointer (&client->resume, g_source_unref);
    }
  if (self->reap_id == 0)
    self->reap_id = g_idle_add (reap_closed, self);
}

static void
client_close (Client     *client,
              gushort     code,
              const char *reason)
{
  if (client->closed)
    return;
  client_mark_closed (client);
  bel_websocket_close (client->conn, client->socket, code, reason, FORCE_CLOSE_SECONDS);
}

static gboolean
client_writable (Client *client)
{
  return client->socket == NULL || g_socket_condition_check (client->socket, G_IO_OUT) != 0;
}

static gboolean
client_send (Client         *client,
             const BelEvent *event)
{
  if (client->closed || soup_websocket_connection_get_state (client->conn) != SOUP_WEBSOCKET_STATE_OPEN)
    return FALSE;
  soup_websocket_connection_send_text (client->conn, event->json);
  client->cursor = event->seq;
  /* Polling the socket costs a system call: look every few frames. */
  if (++client->unchecked < WRITABLE_CHECK_EVERY)
    return TRUE;
  if (client_writable (client))
    client->backlog = 0;
  else
    client->backlog += client->unchecked;
  client->unchecked = 0;
  if (client->backlog > client->hub->queue_limit)
    {
      g_debug ("Disconnecting an event subscriber of school %" G_GINT64_FORMAT
               " that does not keep up", client->reader.school_id);
      client_close (client, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "too slow");
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_resume (gpointer user_data)
{
  Client *client = user_data;

  g_clear_pointer (&client->resume, g_source_unref);
  client_replay_step (client);
  return G_SOURCE_REMOVE;
}

static gboolean
on_resume_writable (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  return on_resume (user_data);
}

static void
client_schedule_replay (Client *client)
{
  if (client->resume != NULL || client->closed || client->fetching)
    return;
  if (client_writable (client))
    {
      client->resume = g_idle_source_new ();
      g_source_set_callback (client->resume, on_resume, client, NULL);
    }
  else
    {
      client->resume = g_socket_create_source (client->socket, G_IO_OUT, NULL);
      g_source_set_callback (client->resume, G_SOURCE_FUNC (on_resume_writable), client, NULL);
    }
  g_source_set_priority (client->resume, G_PRIORITY_DEFAULT_IDLE);
  g_source_attach (client->resume, NULL);
}

/* Events read on a worker: the next page of a client's replay, or (no
 * client) all that were committed after the published mark. */
typedef struct {
  BelEventHub   *hub;
  BelEngine     *engine;
  Client        *client;
  BelEventReader reader;
  gint64         after;
  gint64         upto;
  guint          limit;
  GPtrArray     *events;
  GError        *error;
} Fetch;

static void client_replay_fetched (Client *client, Fetch *fetch);
static void publish_fetched (BelEventHub *self, Fetch *fetch);

static void
fetch_in_worker (gpointer  data,
                 GError   *error)
{
  Fetch *fetch = data;

  if (error != NULL)
    fetch->error = g_error_copy (error);
  else
    fetch->events = bel_events_fetch (fetch->engine, fetch->client ? &fetch->reader : NULL,
                                      fetch->after, fetch->upto, fetch->limit, &fetch->error);
}

static void
fetch_done (gpointer data)
{
  Fetch *fetch = data;

  if (fetch->client != NULL)
    {
      client_replay_fetched (fetch->client, fetch);
      client_unref (fetch->client);
    }
  else
    publish_fetched (fetch->hub, fetch);
  g_clear_pointer (&fetch->events, g_ptr_array_unref);
  g_clear_error (&fetch->error);
  g_object_unref (fetch->engine);
  g_object_unref (fetch->hub);
  g_free (fetch);
}

static void
fetch_start (BelEventHub *self,
             Client      *client,
             gint64       after,
             gint64       upto,
             guint        limit)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->hub = g_object_ref (self);
  fetch->engine = g_object_ref (self->engine);
  if (client != NULL)
    {
      client->ref_count++;
      fetch->client = client;
      fetch->reader = client->reader;
    }
  fetch->after = after;
  fetch->upto = upto;
  fetch->limit = limit;
  bel_workers_run (self->engine, fetch_in_worker, fetch_done, fetch);
}

/* Reads the next page of stored events after the client's cursor, up to what
 * the hub has published; once there is no more, the client is live. */
static void
client_replay_step (Client *client)
{
  BelEventHub *self = client->hub;

  if (client->closed || client->fetching || self->engine == NULL)
    return;
  if (client->cursor >= self->published)
    {
      client->live = TRUE;
      return;
    }
  client->fetching = TRUE;
  fetch_start (self, client, client->cursor, self->published, REPLAY_PAGE);
}

static void
client_replay_fetched (Client *client,
                       Fetch  *fetch)
{
  client->fetching = FALSE;
  if (client->closed)
    return;
  if (fetch->events == NULL)
    {
      g_warning ("Could not replay events: %s", fetch->error->message);
      client_close (client, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, "replay failed");
      return;
    }
  for (guint i = 0; i < fetch->events->len; i++)
    if (!client_send (client, g_ptr_array_index (fetch->events, i)))
      return;
  /* Nothing more this reader may see up to the mark of the read. */
  if (fetch->events->len < REPLAY_PAGE)
    client->cursor = MAX (client->cursor, fetch->upto);
  /* More may have been published meanwhile: the next step sees. */
  client_schedule_replay (client);
}

/* Called after each commit that recorded events. */
static void
on_events_committed (BelEngine *engine,
                     gpointer   user_data)
{
  BelEventHub *self = user_data;

  if (self->engine == NULL)
    return;
  if (self->fetching)
    {
      self->fetch_again = TRUE;
      return;
    }
  self->fetching = TRUE;
  self->fetch_again = FALSE;
  fetch_start (self, NULL, self->published, 0, 0);
}

static void
publish_fetched (BelEventHub *self,
                 Fetch       *fetch)
{
  self->fetching = FALSE;
  if (self->clients == NULL)
    return;
  if (fetch->events == NULL)
    g_warning ("Could not read new events: %s", fetch->error->message);
  for (guint i = 0; fetch->events != NULL && i < fetch->events->len; i++)
    {
      BelEvent *event = g_ptr_array_index (fetch->events, i);

      for (guint c = 0; c < self->clients->len; c++)
        {
          Client *client = g_ptr_array_index (self->clients, c);

          if (!client->live || event->seq <= client->cursor)
            continue;
          if (bel_events_reader_may_see (&client->reader, event))
            client_send (client, event);
          else if (event->school_id == client->reader.school_id)
            client->cursor = event->seq;
        }
      self->published = event->seq;
    }
  if (self->fetch_again)
    on_events_committed (self->engine, self);
}

static void
on_closed (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  Client *client = user_data;

  if (!client->closed)
    client_mark_closed (client);
}

static void
on_message (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  /* Subscribers only listen; whatever they send is ignored. */
}

typedef struct {
  BelEventHub   *hub;
  BelEventReader reader;
  gint64         since;
  gulong         handler_id;
  char          *token;
  gint64         school_id;
} Pending;

static void
pending_free (gpointer data,
              GClosure *closure)
{
  Pending *pending = data;

  g_object_unref (pending->hub);
  g_free (pending->token);
  g_free (pending);
}

static void
add_client (BelEventHub             *self,
            SoupWebsocketConnection *conn,
            GSocket                 *socket,
            const BelEventReader    *reader,
            const char              *token,
            gint64                   school_id,
            gint64                   since)
{
  Client *client = g_new0 (Client, 1);

  client->ref_count = 1;
  client->hub = self;
  client->token = g_strdup (token);
  client->school_id = school_id;
  client->conn = g_object_ref (conn);
  client->reader = *reader;
  client->socket = socket ? g_object_ref (socket) : NULL;
  soup_websocket_connection_set_keepalive_interval (conn, self->ping_interval);
  soup_websocket_connection_set_max_incoming_payload_size (conn, MAX_INCOMING_PAYLOAD);
  g_signal_connect (conn, "closed", G_CALLBACK (on_closed), client);
  g_signal_connect (conn, "message", G_CALLBACK (on_message), client);
  g_ptr_array_add (self->clients, client);

  client->cursor = since;
  client_replay_step (client);
}

static void
on_wrote_informational (SoupServerMessage *msg,
                        gpointer           user_data)
{
  Pending *pending = user_data;
  g_autoptr(BelEventHub) self = g_object_ref (pending->hub);
  BelEventReader reader = pending->reader;
  gint64 since = pending->since;
  g_autofree char *token = g_strdup (pending->token);
  gint64 school_id = pending->school_id;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(SoupWebsocketConnection) conn = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_server_message_get_status (msg) != SOUP_STATUS_SWITCHING_PROTOCOLS)
    return;
  g_object_ref (msg);
  g_signal_handler_disconnect (msg, pending->handler_id); /* frees pending */
  /* Events are small frames sent as they happen: BelListener turned Nagle's
   * delay off on every connection. */
  if (bel_listener_message_get_socket (msg) != NULL)
    socket = g_object_ref (bel_listener_message_get_socket (msg));
  stream = soup_server_message_steal_connection (msg);
  bel_prometheus_request_handed_over (msg);
  conn = soup_websocket_connection_new (stream, soup_server_message_get_uri (msg),
                                        SOUP_WEBSOCKET_CONNECTION_SERVER,
                                        soup_message_headers_get_one (headers, "Origin"),
                                        NULL, NULL);
  add_client (self, conn, socket, &reader, token, school_id, since);
  g_object_unref (msg);
}

/* A subscriber may keep listening only while its session is valid and it is
 * still a member of the school: a sign-out, an expired session, a disabled
 * account or a removed membership ends the stream (close code 1008). The
 * reader is refreshed too, so a changed role changes what the client sees.
 * The checks run on a worker, all subscribers at once. */
typedef struct {
  Client        *client;
  gboolean       valid;
  BelEventReader reader;
} Check;

typedef struct {
  BelEventHub *hub;
  BelEngine   *engine;
  GArray      *checks;    /* of Check */
  gboolean     unchecked; /* no connection: the clients stay as they are */
} Recheck;

static void
actor_unref (gpointer actor)
{
  if (actor != NULL)
    g_object_unref (actor);
}

static void
recheck_in_worker (gpointer  data,
                   GError   *error)
{
  Recheck *recheck = data;
  /* A token of several streams (windows) is checked once; NULL: not valid. */
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, actor_unref);

  recheck->unchecked = error != NULL;
  for (guint i = 0; error == NULL && i < recheck->checks->len; i++)
    {
      Check *check = &g_array_index (recheck->checks, Check, i);
      BelAccount *actor;

      if (!g_hash_table_lookup_extended (actors, check->client->token, NULL, (gpointer *) &actor))
        {
          actor = bel_auth_authenticate (recheck->engine, check->client->token, NULL);
          g_hash_table_insert (actors, check->client->token, actor);
        }
      check->valid = actor != NULL &&
                     bel_events_reader_init (recheck->engine, actor, check->client->school_id,
                                             &check->reader, NULL);
    }
}

static void
revalidate_clients (BelEventHub *self);

static void
recheck_done (gpointer data)
{
  Recheck *recheck = data;
  BelEventHub *self = recheck->hub;

  self->revalidating = FALSE;
  for (guint i = 0; i < recheck->checks->len; i++)
    {
      Check *check = &g_array_index (recheck->checks, Check, i);

      if (!check->client->closed && !recheck->unchecked)
        {
          if (check->valid)
            check->client->reader = check->reader;
          else
            client_close (check->client, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "session ended");
        }
      client_unref (check->client);
    }
  if (self->revalidate_again)
    revalidate_clients (self);
  g_array_unref (recheck->checks);
  g_object_unref (recheck->engine);
  g_object_unref (recheck->hub);
  g_free (recheck);
}

static void
revalidate_clients (BelEventHub *self)
{
  Recheck *recheck;

  if (self->engine == NULL || self->clients == NULL)
    return;
  if (self->revalidating)
    {
      self->revalidate_again = TRUE;
      return;
    }
  self->revalidate_again = FALSE;
  recheck = g_new0 (Recheck, 1);
  recheck->checks = g_array_new (FALSE, TRUE, sizeof (Check));
  for (guint i = 0; i < self->clients->len; i++)
    {
      Client *client = g_ptr_array_index (self->clients, i);
      Check check = { client, FALSE, { 0 } };

      if (client->closed)
        continue;
      client->ref_count++;
      g_array_append_val (recheck->checks, check);
    }
  if (recheck->checks->len == 0)
    {
      g_array_unref (recheck->checks);
      g_free (recheck);
      return;
    }
  self->revalidating = TRUE;
  recheck->hub = g_object_ref (self);
  recheck->engine = g_object_ref (self->engine);
  bel_workers_run (self->engine, recheck_in_worker, recheck_done, recheck);
}

/* Tells the other daemons of the database, then looks at this one's subscribers. */
static void
notify_in_worker (gpointer  data,
                  GError   *error)
{
  BelEventHub *self = data;

  if (error == NULL)
    bel_store_notify (bel_engine_get_store (self->engine), SESSIONS_CHANNEL);
}

static void
notified (gpointer data)
{
  g_autoptr(BelEventHub) self = data;

  revalidate_clients (self);
}

void
bel_event_hub_revalidate (BelEventHub *self)
{
  g_return_if_fail (BEL_IS_EVENT_HUB (self));

  if (self->engine != NULL)
    bel_workers_run (self->engine, notify_in_worker, notified, g_object_ref (self));
}

static gboolean
revalidate_tick (gpointer user_data)
{
  revalidate_clients (user_data);
  return G_SOURCE_CONTINUE;
}

/* Another daemon of the database committed events or ended sessions. */
static void
on_notice (BelStore   *store,
           const char *channel,
           gpointer    user_data)
{
  BelEventHub *self = user_data;

  if (self->engine == NULL)
    return;
  if (strcmp (channel, BEL_EVENTS_CHANNEL) == 0)
    on_events_committed (self->engine, self);
  else
    revalidate_clients (self);
}

gboolean
bel_event_hub_is_upgrade (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers;

  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), FALSE);

  headers = soup_server_message_get_request_headers (msg);
  return soup_message_headers_header_contains (headers, "Upgrade", "websocket");
}

gboolean
bel_event_hub_accept (BelEventHub        *self,
                      SoupServerMessage  *msg,
                      BelAccount         *actor,
                      const char         *token,
                      gint64              school_id,
                      gint64              since,
                      GError            **error)
{
  g_autoptr(GError) handshake_error = NULL;
  BelEventReader reader;
  Pending *pending;

  g_return_val_if_fail (BEL_IS_EVENT_HUB (self), FALSE);
  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), FALSE);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), FALSE);

  if (!bel_events_reader_init (self->engine, actor, school_id, &reader, error))
    return FALSE;
  /* Without since: what commits from now on, which the hub may not have
   * published yet. */
  if (since < 0 && (since = bel_events_last_seq (self->engine, error)) < 0)
    return FALSE;
  if (!soup_websocket_server_check_handshake (msg, NULL, NULL, NULL, &handshake_error))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "Not a valid WebSocket upgrade: %s",
                   handshake_error->message);
      return FALSE;
    }
  if (!soup_websocket_server_process_handshake (msg, NULL, NULL, NULL, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "Not a valid WebSocket upgrade");
      return FALSE;
    }
  pending = g_new0 (Pending, 1);
  pending->hub = g_object_ref (self);
  pending->reader = reader;
  pending->since = since;
  pending->token = g_strdup (token);
  pending->school_id = school_id;
  pending->handler_id = g_signal_connect_data (msg, "wrote-informational",
                                               G_CALLBACK (on_wrote_informational),
                                               pending, pending_free, 0);
  return TRUE;
}

static void
bel_event_hub_dispose (GObject *object)
{
  BelEventHub *self = BEL_EVENT_HUB (object);

  if (self->listener_id != 0 && self->engine != NULL)
    bel_events_remove_listener (self->engine, self->listener_id);
  self->listener_id = 0;
  if (self->store != NULL)
    bel_store_unlisten (self->store, self);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->reap_id, g_source_remove);
  g_clear_handle_id (&self->revalidate_id, g_source_remove);
  if (self->clients != NULL)
    {
      bel_event_hub_close_all (self);
      g_clear_pointer (&self->clients, g_ptr_array_unref);
    }
  self->engine = NULL;
  G_OBJECT_CLASS (bel_event_hub_parent_class)->dispose (object);
}

static void
bel_event_hub_class_init (BelEventHubClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_event_hub_dispose;
}

static void
bel_event_hub_init (BelEventHub *self)
{
  self->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_unref);
}

#define HUB_KEY "bel-event-hub"

/* The engine is finalizing: its listeners may already be gone. */
static void
engine_gone (gpointer data)
{
  BelEventHub *self = data;

  self->engine = NULL;
  g_object_run_dispose (G_OBJECT (self));
  g_object_unref (self);
}

BelEventHub *
bel_event_hub_get (BelEngine *engine)
{
  g_autoptr(GError) error = NULL;
  BelEventHub *self;
  BelConfig *config;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  self = g_object_get_data (G_OBJECT (engine), HUB_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (BEL_TYPE_EVENT_HUB, NULL);
  self->engine = engine;
  g_object_set_data_full (G_OBJECT (engine), HUB_KEY, self, engine_gone);
  config = bel_engine_get_config (engine);
  self->queue_limit = bel_config_get_events_queue_limit (config);
  self->ping_interval = bel_config_get_events_ping_interval (config);
  self->published = bel_events_last_seq (engine, &error);
  if (self->published < 0)
    {
      g_warning ("Could not read the last event: %s", error->message);
      self->published = 0;
    }
  self->listener_id = bel_events_add_listener (engine, on_events_committed, self);
  self->store = g_object_ref (bel_engine_get_store (engine));
  bel_store_listen (self->store, BEL_EVENTS_CHANNEL, on_notice, self);
  bel_store_listen (self->store, SESSIONS_CHANNEL, on_notice, self);
  self->revalidate_id = g_timeout_add_seconds (MAX (self->ping_interval, 1), revalidate_tick, self);
  return self;
}

guint
bel_event_hub_get_n_clients (BelEventHub *self)
{
  guint n = 0;

  g_return_val_if_fail (BEL_IS_EVENT_HUB (self), 0);

  for (guint i = 0; i < self->clients->len; i++)
    if (!((Client *) g_ptr_array_index (self->clients, i))->closed)
      n++;
  return n;
}

gint64
bel_event_hub_get_published (BelEventHub *self)
{
  g_return_val_if_fail (BEL_IS_EVENT_HUB (self), 0);
  return self->published;
}

void
bel_event_hub_close_all (BelEventHub *self)
{
  g_return_if_fail (BEL_IS_EVENT_HUB (self));

  for (guint i = 0; i < self->clients->len; i++)
    client_close (g_ptr_array_index (self->clients, i), SOUP_WEBSOCKET_CLOSE_GOING_AWAY,
                  "server stopping");
}
