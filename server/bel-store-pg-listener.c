/* bel-store-pg-listener.c - hearing other daemons' NOTIFYs (PostgreSQL driver)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-store-pg-listener.h"

#include <glib-unix.h>
#include <libpq-fe.h>
#include <string.h>

typedef struct {
  char            *channel;
  BelPgNoticeFunc  func;
  gpointer         data;
} Listen;

struct _BelPgListener
{
  char       *url;
  PGconn     *conn;
  guint       watch_id;
  guint       retry_id;
  GPtrArray  *listens;       /* of Listen */
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
  g_ptr_array_unref (listener->listens);
  g_free (listener->url);
  g_free (listener);
}

static void
listener_send_listen (BelPgListener *listener,
                      const char *channel)
{
  char *quoted = PQescapeIdentifier (listener->conn, channel, strlen (channel));
  g_autofree char *sql = g_strdup_printf ("LISTEN %s", quoted);

  PQclear (PQexec (listener->conn, sql));
  PQfreemem (quoted);
}

static gboolean listener_connect (BelPgListener *listener);

static gboolean
listener_retry (gpointer user_data)
{
  BelPgListener *listener = user_data;

  if (!listener_connect (listener))
    return G_SOURCE_CONTINUE;
  listener->retry_id = 0;
  /* Notices sent while it was away are lost: everyone looks again. */
  for (guint i = 0; i < listener->listens->len; i++)
    {
      Listen *listen = listener->listens->pdata[i];

      listen->func (listen->channel, listen->data);
    }
  return G_SOURCE_REMOVE;
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

static gboolean
listener_connect (BelPgListener *listener)
{
  listener->conn = PQconnectdb (listener->url);
  if (PQstatus (listener->conn) != CONNECTION_OK)
    {
      g_clear_pointer (&listener->conn, PQfinish);
      return FALSE;
    }
  PQsetNoticeProcessor (listener->conn, ignore_notice, NULL);
  for (guint i = 0; i < listener->listens->len; i++)
    listener_send_listen (listener, ((Listen *) listener->listens->pdata[i])->channel);
  listener->watch_id = g_unix_fd_add (PQsocket (listener->conn), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                      on_listener_readable, listener);
  g_debug ("Listening for other daemons' changes on fd %d", PQsocket (listener->conn));
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
    listener_send_listen (listener, channel);
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
