/* bel-prometheus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-prometheus.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bel-event-hub.h"

#define STARTED_KEY "bel-prometheus-started"
#define ROUTE_KEY   "bel-prometheus-route"
#define WROTE_KEY   "bel-prometheus-wrote"

/* Seconds; chosen around what a staff meeting feels: instant is < 0.1 s. */
static const double buckets[] = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

struct _BelPrometheus
{
  GHashTable *requests;  /* "method\x1froute\x1fstatus" -> guint64 * */
  guint64     bucket_counts[G_N_ELEMENTS (buckets)];
  guint64     count;
  double      sum;
  guint       in_flight;
  guint64     aborted;
};

BelPrometheus *
bel_prometheus_get_default (void)
{
  static BelPrometheus *metrics;

  if (g_once_init_enter (&metrics))
    {
      BelPrometheus *m = g_new0 (BelPrometheus, 1);
      m->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_once_init_leave (&metrics, m);
    }
  return metrics;
}

static void upgraded (SoupServerMessage *msg,
                      gpointer           user_data);

static void
count (BelPrometheus     *self,
       SoupServerMessage *msg)
{
  gint64 *started = g_object_get_data (G_OBJECT (msg), STARTED_KEY);
  const char *route = g_object_get_data (G_OBJECT (msg), ROUTE_KEY);
  double seconds = started ? (g_get_monotonic_time () - *started) / (double) G_USEC_PER_SEC : 0;
  g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%u", soup_server_message_get_method (msg),
                                          route ? route : "unmatched", soup_server_message_get_status (msg));
  guint64 *n = g_hash_table_lookup (self->requests, key);

  if (n == NULL)
    {
      n = g_new0 (guint64, 1);
      g_hash_table_insert (self->requests, g_steal_pointer (&key), n);
    }
  (*n)++;
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (seconds <= buckets[i])
      self->bucket_counts[i]++;
  self->count++;
  self->sum += seconds;
}

static void
wrote_body (SoupServerMessage *msg,
            gpointer           user_data)
{
  g_object_set_data (G_OBJECT (msg), WROTE_KEY, GINT_TO_POINTER (TRUE));
}

static void
finished (SoupServerMessage *msg,
          gpointer           user_data)
{
  BelPrometheus *self = user_data;

  /* A client that went away before its whole answer was written is not a
   * server error, though libsoup then sets 500 on the message. */
  if (soup_server_message_get_status (msg) == SOUP_STATUS_SWITCHING_PROTOCOLS ||
      g_object_get_data (G_OBJECT (msg), WROTE_KEY) != NULL)
    count (self, msg);
  else
    self->aborted++;
  if (self->in_flight > 0)
    self->in_flight--;
  g_signal_handlers_disconnect_by_func (msg, finished, user_data);
  g_signal_handlers_disconnect_by_func (msg, upgraded, user_data);
  g_signal_handlers_disconnect_by_func (msg, wrote_body, NULL);
}

/* A WebSocket upgrade is answered once its 101 is written; the connection
 * then belongs to the live event hub, and "finished" may never come. */
static void
upgraded (SoupServerMessage *msg,
          gpointer           user_data)
{
  if (soup_server_message_get_status (msg) == SOUP_STATUS_SWITCHING_PROTOCOLS)
    finished (msg, user_data);
}

void
bel_prometheus_request_started (BelPrometheus     *self,
                                SoupServerMessage *msg)
{
  gint64 now = g_get_monotonic_time ();

  g_object_set_data_full (G_OBJECT (msg), STARTED_KEY, g_memdup2 (&now, sizeof now), g_free);
  self->in_flight++;
  g_signal_connect (msg, "finished", G_CALLBACK (finished), self);
  g_signal_connect (msg, "wrote-informational", G_CALLBACK (upgraded), self);
  g_signal_connect (msg, "wrote-body", G_CALLBACK (wrote_body), NULL);
}

void
bel_prometheus_request_handed_over (SoupServerMessage *msg)
{
  BelPrometheus *self = bel_prometheus_get_default ();

  if (g_signal_handler_find (msg, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             finished, self) != 0)
    finished (msg, self);
}

void
bel_prometheus_set_route (SoupServerMessage *msg,
                          const char        *pattern)
{
  g_object_set_data (G_OBJECT (msg), ROUTE_KEY, (gpointer) pattern);
}

guint
bel_prometheus_get_in_flight (BelPrometheus *self)
{
  return self->in_flight;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
append_requests (BelPrometheus *self,
                 GString       *out)
{
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;

  g_string_append (out, "# HELP belongingd_http_requests_total HTTP requests by method, route and status.\n"
                        "# TYPE belongingd_http_requests_total counter\n");
  keys = g_hash_table_get_keys_as_array (self->requests, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      g_auto(GStrv) parts = g_strsplit (keys[i], "\x1f", 3);
      guint64 *n = g_hash_table_lookup (self->requests, keys[i]);

      /* Route patterns and methods hold no quote, backslash or line break to escape. */
      g_string_append_printf (out, "belongingd_http_requests_total{method=\"%s\",route=\"%s\",status=\"%s\"} %"
                              G_GUINT64_FORMAT "\n", parts[0], parts[1], parts[2], *n);
    }
}

char *
bel_prometheus_to_text (BelPrometheus *self,
                        guint          open_websockets,
                        gint64         database_bytes)
{
  GString *out = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "# HELP belongingd_build_info The running belongingd.\n"
                               "# TYPE belongingd_build_info gauge\n"
                               "belongingd_build_info{version=\"%s\"} 1\n", PACKAGE_VERSION);
  append_requests (self, out);
  g_string_append (out, "# HELP belongingd_http_request_duration_seconds Time to answer a request.\n"
                        "# TYPE belongingd_http_request_duration_seconds histogram\n");
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    g_string_append_printf (out, "belongingd_http_request_duration_seconds_bucket{le=\"%s\"} %" G_GUINT64_FORMAT "\n",
                            g_ascii_formatd (number, sizeof number, "%g", buckets[i]), self->bucket_counts[i]);
  g_string_append_printf (out, "belongingd_http_request_duration_seconds_bucket{le=\"+Inf\"} %" G_GUINT64_FORMAT "\n",
                          self->count);
  g_string_append_printf (out, "belongingd_http_request_duration_seconds_sum %s\n",
                          g_ascii_dtostr (number, sizeof number, self->sum));
  g_string_append_printf (out, "belongingd_http_request_duration_seconds_count %" G_GUINT64_FORMAT "\n", self->count);
  g_string_append_printf (out, "# HELP belongingd_http_requests_in_flight Requests being answered.\n"
                               "# TYPE belongingd_http_requests_in_flight gauge\n"
                               "belongingd_http_requests_in_flight %u\n", self->in_flight);
  g_string_append_printf (out, "# HELP belongingd_http_requests_aborted_total Requests whose client went away "
                               "before the whole answer was written.\n"
                               "# TYPE belongingd_http_requests_aborted_total counter\n"
                               "belongingd_http_requests_aborted_total %" G_GUINT64_FORMAT "\n", self->aborted);
  g_string_append_printf (out, "# HELP belongingd_websockets_open Open live event connections.\n"
                               "# TYPE belongingd_websockets_open gauge\n"
                               "belongingd_websockets_open %u\n", open_websockets);
  g_string_append_printf (out, "# HELP belongingd_database_size_bytes The database file and its WAL (SQLite), or the database (PostgreSQL).\n"
                               "# TYPE belongingd_database_size_bytes gauge\n"
                               "belongingd_database_size_bytes %" G_GINT64_FORMAT "\n", database_bytes);
  return g_string_free (out, FALSE);
}

void
bel_handle_prometheus (BelRequest *request)
{
  BelEventHub *hub = bel_event_hub_get (request->engine);
  g_autofree char *text = bel_prometheus_to_text (bel_prometheus_get_default (), bel_event_hub_get_n_clients (hub),
                                               bel_store_get_size (bel_engine_get_store (request->engine)));

  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg, "text/plain; version=0.0.4; charset=utf-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}
