/* bel-connections.c
 *
 * Each connection is known by its GSocket, from the first "request-started"
 * (which libsoup emits when it accepts the connection, before the TLS
 * handshake and before any byte) until the socket is finalized (a weak
 * reference: libsoup dropped it).  Cutting a connection off is
 * g_socket_shutdown(): libsoup's pending read or write fails and it cleans
 * up as for a client that went away.  The sockets are BelListener's, which
 * accepts every connection (libsoup's own listener leaks them).
 *
 * libsoup 3.2.3 also never frees a kept-alive connection that ends between
 * two requests (fixed in libsoup 3.3 by commit d20c6601): its socket stayed
 * open and its objects allocated for ever, one per client that went away.
 * So an idle connection is watched for the end of its stream and released
 * here: libsoup's own SoupServerConnection (seen through an emission hook on
 * its "request-started") is told "disconnected", which is what makes the
 * server free it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-connections.h"

#include <sys/resource.h>

#include "bel-listener.h"

/* File descriptors kept for the database, the journal, the listener and GLib. */
#define RESERVED_FDS 64

typedef enum {
  CONN_READING,     /* a request is arriving: request-timeout */
  CONN_ANSWERING,   /* read; its answer is being made or written */
  CONN_IDLE,        /* kept alive between requests: idle-timeout */
  CONN_HANDED_OVER, /* a WebSocket: the event hub's */
  CONN_CUT_OFF,
} ConnState;

typedef struct {
  BelConnections    *owner;
  GSocket           *socket;    /* weak */
  GObject           *soup_conn; /* weak: libsoup's SoupServerConnection, or NULL */
  ConnState          state;
  guint              timer;
  guint              watch;     /* while idle: the end of the stream */
  SoupServerMessage *answering; /* while CONN_ANSWERING */
  guint64            written;   /* answer bytes written so far */
  guint64            written_at_check;
} Conn;

struct _BelConnections
{
  GObject     parent_instance;
  SoupServer *soup;             /* weak */
  GHashTable *conns;            /* GSocket* -> Conn* */
  guint       max_connections;
  guint       request_timeout;
  guint       idle_timeout;
  guint       sweeper;
  guint64     refused;
  guint64     timed_out;
};

G_DEFINE_FINAL_TYPE (BelConnections, bel_connections, G_TYPE_OBJECT)

static void conn_set_state (Conn *conn, ConnState state, SoupServerMessage *msg);

static void
conn_stop_answering (Conn *conn)
{
  if (conn->answering == NULL)
    return;
  g_signal_handlers_disconnect_by_data (conn->answering, conn);
  g_clear_object (&conn->answering);
}

static void
conn_free (Conn *conn)
{
  g_clear_handle_id (&conn->timer, g_source_remove);
  g_clear_handle_id (&conn->watch, g_source_remove);
  conn_stop_answering (conn);
  if (conn->soup_conn != NULL)
    g_object_remove_weak_pointer (conn->soup_conn, (gpointer *) &conn->soup_conn);
  g_free (conn);
}

static GQuark
soup_conn_quark (void)
{
  return g_quark_from_static_string ("bel-soup-connection");
}

static gboolean
soup_conn_request_started (GSignalInvocationHint *hint,
                           guint                  n_params,
                           const GValue          *params,
                           gpointer               user_data)
{
  if (n_params >= 2 && G_VALUE_HOLDS (&params[1], SOUP_TYPE_SERVER_MESSAGE))
    g_object_set_qdata (g_value_get_object (&params[1]), soup_conn_quark (), g_value_get_object (&params[0]));
  return TRUE;
}

/* SoupServerConnection is registered with the first connection, so this is
 * tried until then: only that first connection goes without. */
static void
hook_soup_connections (void)
{
  static gboolean hooked;
  GType type;
  guint signal_id;

  if (hooked || (type = g_type_from_name ("SoupServerConnection")) == 0)
    return;
  hooked = TRUE;
  signal_id = g_signal_lookup ("request-started", type);
  if (signal_id != 0 && g_signal_lookup ("disconnected", type) != 0)
    g_signal_add_emission_hook (signal_id, 0, soup_conn_request_started, NULL, NULL);
}

static void
socket_finalized (gpointer  user_data,
                  GObject  *where_the_socket_was)
{
  BelConnections *self = user_data;

  g_hash_table_remove (self->conns, where_the_socket_was);
}

static void
conn_cut_off (Conn *conn)
{
  conn_set_state (conn, CONN_CUT_OFF, NULL);
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
}

typedef struct {
  BelConnections *owner;
  GSocket        *socket;
  GWeakRef        soup_conn;
} Release;

static void
release_free (Release *r)
{
  g_object_unref (r->owner);
  g_object_unref (r->socket);
  g_weak_ref_clear (&r->soup_conn);
  g_free (r);
}

static void
forget (BelConnections *self,
        GSocket        *socket)
{
  if (g_hash_table_remove (self->conns, socket))
    g_object_weak_unref (G_OBJECT (socket), socket_finalized, self);
}

/* Runs once libsoup has read the end of the stream (its reading source was
 * ready first, and a second is plenty even on a busy daemon; a low-priority
 * idle callback would starve under load): it then holds the connection
 * without reading it. */
static gboolean
release_now (gpointer user_data)
{
  Release *r = user_data;
  g_autoptr(GObject) soup_conn = g_weak_ref_get (&r->soup_conn);

  if (g_socket_is_closed (r->socket))
    return G_SOURCE_REMOVE;
  if (soup_conn != NULL)
    g_signal_emit_by_name (soup_conn, "disconnected"); /* frees it, closing the socket */
  else
    g_socket_close (r->socket, NULL);
  forget (r->owner, r->socket);
  return G_SOURCE_REMOVE;
}

static gboolean
closed_by_libsoup (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  if (!g_socket_is_closed (key))
    return FALSE;
  g_object_weak_unref (key, socket_finalized, user_data);
  return TRUE;
}

/* libsoup closes the sockets it is done with, but may keep them (and so our
 * weak references) alive: closed ones are forgotten here. */
static void
sweep (BelConnections *self)
{
  g_hash_table_foreach_remove (self->conns, closed_by_libsoup, self);
}

static gboolean
sweep_timer (gpointer user_data)
{
  BelConnections *self = user_data;

  sweep (self);
  if (g_hash_table_size (self->conns) > 0)
    return G_SOURCE_CONTINUE;
  self->sweeper = 0;
  return G_SOURCE_REMOVE;
}

/* Ends an idle connection. */
static void
conn_release (Conn *conn)
{
  Release *r = g_new0 (Release, 1);

  r->owner = g_object_ref (conn->owner);
  r->socket = g_object_ref (conn->socket);
  g_weak_ref_init (&r->soup_conn, conn->soup_conn);
  conn_cut_off (conn);
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 1, release_now, r, (GDestroyNotify) release_free);
}

/* While idle, readable means a new request or the end of the stream. */
static gboolean
idle_readable (GSocket      *socket,
               GIOCondition  condition,
               gpointer      user_data)
{
  Conn *conn = user_data;

  conn->watch = 0;
  if ((condition & (G_IO_HUP | G_IO_ERR)) == 0 && g_socket_get_available_bytes (socket) > 0)
    return G_SOURCE_REMOVE; /* libsoup reads it: "request-started" */
  conn_release (conn);
  return G_SOURCE_REMOVE;
}

/* An answer still unwritten after request-timeout is fine while it goes out;
 * a client that stopped reading it (nothing written since the last look and
 * its socket buffer full) is cut off. */
static gboolean
answer_stalled (Conn *conn)
{
  gboolean stalled = conn->written == conn->written_at_check &&
                     g_socket_condition_check (conn->socket, G_IO_OUT) == 0;

  conn->written_at_check = conn->written;
  return stalled;
}

static gboolean
conn_timer_fired (gpointer user_data)
{
  Conn *conn = user_data;

  if (conn->state == CONN_ANSWERING && !answer_stalled (conn))
    return G_SOURCE_CONTINUE;
  conn->timer = 0;
  if (g_socket_is_closed (conn->socket))
    {
      forget (conn->owner, conn->socket);
      return G_SOURCE_REMOVE;
    }
  if (conn->state == CONN_IDLE)
    {
      g_debug ("Closing an idle connection");
      conn_release (conn);
      return G_SOURCE_REMOVE;
    }
  conn->owner->timed_out++;
  g_debug ("Closing a connection: too slow");
  conn_cut_off (conn);
  return G_SOURCE_REMOVE;
}

static void
wrote_body_data (SoupServerMessage *msg,
                 guint              size,
                 gpointer           user_data)
{
  ((Conn *) user_data)->written += size;
}

static void
wrote_informational (SoupServerMessage *msg,
                     gpointer           user_data)
{
  if (soup_server_message_get_status (msg) == SOUP_STATUS_SWITCHING_PROTOCOLS)
    conn_set_state (user_data, CONN_HANDED_OVER, NULL);
}

static void
conn_set_state (Conn              *conn,
                ConnState          state,
                SoupServerMessage *msg)
{
  BelConnections *self = conn->owner;
  guint seconds = state == CONN_IDLE ? self->idle_timeout : self->request_timeout;

  if (conn->state == CONN_CUT_OFF)
    return;
  conn->state = state;
  g_clear_handle_id (&conn->timer, g_source_remove);
  g_clear_handle_id (&conn->watch, g_source_remove);
  conn_stop_answering (conn);
  if (state == CONN_ANSWERING)
    {
      conn->answering = g_object_ref (msg);
      conn->written = conn->written_at_check = 0;
      g_signal_connect (msg, "wrote-body-data", G_CALLBACK (wrote_body_data), conn);
      g_signal_connect (msg, "wrote-informational", G_CALLBACK (wrote_informational), conn);
    }
  if (state == CONN_IDLE)
    {
      g_autoptr(GSource) source = g_socket_create_source (conn->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);

      g_source_set_callback (source, G_SOURCE_FUNC (idle_readable), conn, NULL);
      conn->watch = g_source_attach (source, NULL);
    }
  if (state != CONN_HANDED_OVER && state != CONN_CUT_OFF)
    conn->timer = g_timeout_add_seconds (seconds, conn_timer_fired, conn);
}

static Conn *
lookup (BelConnections    *self,
        SoupServerMessage *msg)
{
  GSocket *socket = bel_listener_message_get_socket (msg);

  return socket != NULL ? g_hash_table_lookup (self->conns, socket) : NULL;
}

static void
request_started (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  BelConnections *self = user_data;
  GSocket *socket = bel_listener_message_get_socket (msg);
  Conn *conn;

  if (socket == NULL)
    return;
  hook_soup_connections ();
  conn = g_hash_table_lookup (self->conns, socket);
  if (conn == NULL)
    {
      if (g_hash_table_size (self->conns) >= self->max_connections)
        sweep (self);
      if (g_hash_table_size (self->conns) >= self->max_connections)
        {
          self->refused++;
          g_debug ("Refusing a connection: %u are open", g_hash_table_size (self->conns));
          g_socket_shutdown (socket, TRUE, TRUE, NULL);
          return;
        }
      conn = g_new0 (Conn, 1);
      conn->owner = self;
      conn->socket = socket;
      g_object_weak_ref (G_OBJECT (socket), socket_finalized, self);
      g_hash_table_insert (self->conns, socket, conn);
      if (self->sweeper == 0)
        self->sweeper = g_timeout_add_seconds (1, sweep_timer, self);
    }
  if (conn->soup_conn == NULL &&
      (conn->soup_conn = g_object_get_qdata (G_OBJECT (msg), soup_conn_quark ())) != NULL)
    g_object_add_weak_pointer (conn->soup_conn, (gpointer *) &conn->soup_conn);
  conn_set_state (conn, CONN_READING, NULL);
}

static void
request_read (SoupServer        *soup,
              SoupServerMessage *msg,
              gpointer           user_data)
{
  Conn *conn = lookup (user_data, msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_ANSWERING, msg);
}

static void
request_done (SoupServer        *soup,
              SoupServerMessage *msg,
              gpointer           user_data)
{
  Conn *conn = lookup (user_data, msg);

  if (conn != NULL && conn->answering == msg)
    conn_set_state (conn, CONN_IDLE, NULL);
}

static void
forget_socket (gpointer key,
               gpointer value,
               gpointer user_data)
{
  g_object_weak_unref (key, socket_finalized, user_data);
}

static void
bel_connections_dispose (GObject *object)
{
  BelConnections *self = BEL_CONNECTIONS (object);

  if (self->soup != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->soup, self);
      g_object_remove_weak_pointer (G_OBJECT (self->soup), (gpointer *) &self->soup);
      self->soup = NULL;
    }
  g_clear_handle_id (&self->sweeper, g_source_remove);
  g_hash_table_foreach (self->conns, forget_socket, self);
  g_hash_table_remove_all (self->conns);
  G_OBJECT_CLASS (bel_connections_parent_class)->dispose (object);
}

static void
bel_connections_finalize (GObject *object)
{
  BelConnections *self = BEL_CONNECTIONS (object);

  g_hash_table_unref (self->conns);
  G_OBJECT_CLASS (bel_connections_parent_class)->finalize (object);
}

static void
bel_connections_class_init (BelConnectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bel_connections_dispose;
  object_class->finalize = bel_connections_finalize;
}

static void
bel_connections_init (BelConnections *self)
{
  self->conns = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) conn_free);
}

/* More connections than open files allowed would make accept() fail in a loop. */
static guint
fit_open_file_limit (guint wanted)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY ||
      limit.rlim_cur >= (rlim_t) wanted + RESERVED_FDS)
    return wanted;
  g_warning ("[server] max-connections=%u needs %u open files, but the limit is %lu: "
             "serving at most %lu connections (raise LimitNOFILE)",
             wanted, wanted + RESERVED_FDS, (unsigned long) limit.rlim_cur,
             (unsigned long) (limit.rlim_cur > 2 * RESERVED_FDS ? limit.rlim_cur - RESERVED_FDS
                                                                  : RESERVED_FDS));
  return limit.rlim_cur > 2 * RESERVED_FDS ? (guint) (limit.rlim_cur - RESERVED_FDS) : RESERVED_FDS;
}

BelConnections *
bel_connections_new (SoupServer *soup,
                     BelConfig  *config)
{
  BelConnections *self;

  g_return_val_if_fail (SOUP_IS_SERVER (soup), NULL);
  g_return_val_if_fail (BEL_IS_CONFIG (config), NULL);

  self = g_object_new (BEL_TYPE_CONNECTIONS, NULL);
  self->soup = soup;
  g_object_add_weak_pointer (G_OBJECT (soup), (gpointer *) &self->soup);
  self->max_connections = fit_open_file_limit (bel_config_get_max_connections (config));
  self->request_timeout = bel_config_get_request_timeout (config);
  self->idle_timeout = bel_config_get_idle_timeout (config);
  g_signal_connect (soup, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (soup, "request-read", G_CALLBACK (request_read), self);
  g_signal_connect (soup, "request-finished", G_CALLBACK (request_done), self);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (request_done), self);
  return self;
}

guint
bel_connections_get_open (BelConnections *self)
{
  g_return_val_if_fail (BEL_IS_CONNECTIONS (self), 0);

  return g_hash_table_size (self->conns);
}

guint64
bel_connections_get_refused (BelConnections *self)
{
  g_return_val_if_fail (BEL_IS_CONNECTIONS (self), 0);

  return self->refused;
}

guint64
bel_connections_get_timed_out (BelConnections *self)
{
  g_return_val_if_fail (BEL_IS_CONNECTIONS (self), 0);

  return self->timed_out;
}
