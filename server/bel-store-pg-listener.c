/* bel-store-pg-listener.c - hearing other daemons' NOTIFYs (PostgreSQL driver)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-store-pg-listener.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <libpq-fe.h>
#include <string.h>

typedef struct {
  char            *channel;
  BelPgNoticeFunc  func;
  gpointer         data;
} Listen;

typedef struct _Reconnect Reconnect;

struct _BelPgListener
{
  char       *url;
  PGconn     *conn;
  guint       watch_id;
  guint       retry_id;
  Reconnect  *reconnecting;  /* a connection being opened on a thread */
  GPtrArray  *listens;       /* of Listen */
};

/* Opening a connection waits for the server (for as long as the network
 * takes to give up on an unreachable one): after a loss it happens on a
 * thread, never on the main loop. */
struct _Reconnect
{
  BelPgListener *listener;   /* NULL once it is freed */
  char          *url;
  GStrv          channels;
  PGconn        *conn;
};

static void
ignore_notice (void       *data,
               const char *message)
{
}

static void
listen_free (gpointer data)
{
  Listen *listen = data;

  g_free (listen->channel);
  g_free (listen);
}

static void
listener_disconnect (BelPgListener *listener)
{
  g_clear_handle_id (&listener->watch_id, g_source_remove);
  g_clear_pointer (&listener->conn, PQfinish);
}

void
bel_pg_listener_free (BelPgListener *listener)
{
  listener_disconnect (listener);
  g_clear_handle_id (&listener->retry_id, g_source_remove);
  if (listener->reconnecting != NULL)
    listener->reconnecting->listener = NULL;
  g_ptr_array_unref (listener->listens);
  g_free (listener->url);
  g_free (listener);
}

static void
send_listen (PGconn     *conn,
             const char *channel)
{
  char *quoted = PQescapeIdentifier (conn, channel, strlen (channel));
  g_autofree char *sql = g_strdup_printf ("LISTEN %s", quoted);

  PQclear (PQexec (conn, sql));
  PQfreemem (quoted);
}

static PGconn *
open_connection (const char         *url,
                 const char * const *channels)
{
  PGconn *conn = PQconnectdb (url);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  for (guint i = 0; channels[i] != NULL; i++)
    send_listen (conn, channels[i]);
  return conn;
}

static GStrv
listen_channels (BelPgListener *listener)
{
  GStrv channels = g_new0 (char *, listener->listens->len + 1);

  for (guint i = 0; i < listener->listens->len; i++)
    channels[i] = g_strdup (((Listen *) listener->listens->pdata[i])->channel);
  return channels;
}

static gboolean on_listener_readable (int fd, GIOCondition condition, gpointer user_data);

static void
listener_watch (BelPgListener *listener)
{
  listener->watch_id = g_unix_fd_add (PQsocket (listener->conn), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                      on_listener_readable, listener);
  g_debug ("Listening for other daemons' changes on fd %d", PQsocket (listener->conn));
}

static void
reconnect_free (Reconnect *r)
{
  g_clear_pointer (&r->conn, PQfinish);
  g_strfreev (r->channels);
  g_free (r->url);
  g_free (r);
}

static void
reconnect_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Reconnect *r = task_data;

  r->conn = open_connection (r->url, (const char * const *) r->channels);
  g_task_return_boolean (task, TRUE);
}

static void
reconnected (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reconnect *r = g_task_get_task_data (G_TASK (result));
  BelPgListener *listener = r->listener;

  if (listener == NULL)
    return;
  listener->reconnecting = NULL;
  if (r->conn == NULL)
    return;  /* the timer tries again */
  listener->conn = g_steal_pointer (&r->conn);
  for (guint i = g_strv_length (r->channels); i < listener->listens->len; i++)
    send_listen (listener->conn, ((Listen *) listener->listens->pdata[i])->channel);
  listener_watch (listener);
  g_clear_handle_id (&listener->retry_id, g_source_remove);
  /* Notices sent while it was away are lost: everyone looks again. */
  for (guint i = 0; i < listener->listens->len; i++)
    {
      Listen *listen = listener->listens->pdata[i];

      listen->func (listen->channel, listen->data);
    }
}

static gboolean
listener_retry (gpointer user_data)
{
  BelPgListener *listener = user_data;
  g_autoptr(GTask) task = NULL;
  Reconnect *r;

  if (listener->reconnecting != NULL)
    return G_SOURCE_CONTINUE;
  r = g_new0 (Reconnect, 1);
  r->listener = listener;
  r->url = g_strdup (listener->url);
  r->channels = listen_channels (listener);
  listener->reconnecting = r;
  task = g_task_new (NULL, NULL, reconnected, NULL);
  g_task_set_task_data (task, r, (GDestroyNotify) reconnect_free);
  g_task_run_in_thread (task, reconnect_in_thread);
  return G_SOURCE_CONTINUE;
}

static void
listener_lost (BelPgListener *listener)
{
  g_warning ("Lost the PostgreSQL connection that hears other daemons' changes; reconnecting");
  listener_disconnect (listener);
  if (listener->retry_id == 0)
    listener->retry_id = g_timeout_add_seconds (1, listener_retry, listener);
}

static gboolean
on_listener_readable (int          fd,
                      GIOCondition condition,
                      gpointer     user_data)
{
  BelPgListener *listener = user_data;
  PGnotify *notice;

  if (!PQconsumeInput (listener->conn))
    {
      listener->watch_id = 0;
      listener_lost (listener);
      return G_SOURCE_REMOVE;
    }
  while ((notice = PQnotifies (listener->conn)) != NULL)
    {
      g_autofree char *channel = g_strdup (notice->relname);

      PQfreemem (notice);
      g_debug ("Notice on %s", channel);
      for (guint i = 0; i < listener->listens->len; i++)
        {
          Listen *listen = listener->listens->pdata[i];

          if (strcmp (listen->channel, channel) == 0)
            listen->func (channel, listen->data);
        }
    }
  return G_SOURCE_CONTINUE;
}

/* At startup, before the daemon serves. */
static gboolean
listener_connect (BelPgListener *listener)
{
  g_auto(GStrv) channels = listen_channels (listener);

  listener->conn = open_connection (listener->url, (const char * const *) channels);
  if (listener->conn == NULL)
    return FALSE;
  listener_watch (listener);
  return TRUE;
}

BelPgListener *
bel_pg_listener_new (const char *url)
{
  BelPgListener *listener = g_new0 (BelPgListener, 1);

  listener->url = g_strdup (url);
  listener->listens = g_ptr_array_new_with_free_func (listen_free);
  return listener;
}

void
bel_pg_listener_add (BelPgListener   *listener,
                     const char      *channel,
                     BelPgNoticeFunc  func,
                     gpointer         data)
{
  Listen *listen = g_new0 (Listen, 1);

  listen->channel = g_strdup (channel);
  listen->func = func;
  listen->data = data;
  g_ptr_array_add (listener->listens, listen);
  if (listener->conn != NULL)
    send_listen (listener->conn, channel);
  else if (listener->retry_id == 0 && !listener_connect (listener))
    listener_lost (listener);
}

void
bel_pg_listener_remove (BelPgListener *listener,
                        gpointer       data)
{
  for (guint i = listener->listens->len; i > 0; i--)
    if (((Listen *) listener->listens->pdata[i - 1])->data == data)
      g_ptr_array_remove_index (listener->listens, i - 1);
}
