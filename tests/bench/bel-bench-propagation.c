/* bel-bench-propagation.c
 *
 * The writes go one at a time (the next one once the previous one's event
 * reached both subscribers), so the figures are latency, not throughput:
 * bench-events measures many writers at once on one daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-bench-propagation.h"

#include <stdio.h>
#include <string.h>

#include "bel-bench-stats.h"
#include "bel-test-ws.h"

#define EVENT_TIMEOUT_MS 10000

typedef struct {
  gint64 t_send;
  gint64 t_ack;
  gint64 t_arrival[2]; /* at A, at B */
  guint  status;
  guint  extra;        /* mark events beyond the one awaited */
} Write;

typedef struct {
  Write *write;
  int    index;        /* 0: A, 1: B */
} Subscriber;

static void
on_event (BelTestWs  *ws,
          const char *text,
          gpointer    user_data)
{
  Subscriber *subscriber = user_data;
  Write *write = subscriber->write;
  gint64 now = g_get_monotonic_time ();

  if (write == NULL || strstr (text, "\"type\":\"mark.") == NULL)
    return;
  if (write->t_arrival[subscriber->index] != 0)
    write->extra++;
  else
    write->t_arrival[subscriber->index] = now;
}

static void
on_acknowledged (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Write *write = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  write->t_ack = g_get_monotonic_time ();
  write->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (source), result));
}

static gboolean
is_complete (gpointer data)
{
  Write *write = data;

  return write->t_ack != 0 && write->t_arrival[0] != 0 && write->t_arrival[1] != 0;
}

static void
print_line (const char *what,
            GArray     *ms)
{
  bel_bench_sort (ms);
  printf ("  %-40s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", what, bel_bench_percentile (ms, 50),
          bel_bench_percentile (ms, 99), g_array_index (ms, double, ms->len - 1));
}

static void
report (Write *writes,
        int    n)
{
  g_autoptr(GArray) acks = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *from_ack[2], *from_send[2];
  guint before_ack[2] = { 0, 0 }, extra = 0;

  for (int s = 0; s < 2; s++)
    {
      from_ack[s] = g_array_new (FALSE, FALSE, sizeof (double));
      from_send[s] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  for (int i = 0; i < n; i++)
    {
      double ack = (writes[i].t_ack - writes[i].t_send) / 1000.0;

      g_array_append_val (acks, ack);
      extra += writes[i].extra;
      for (int s = 0; s < 2; s++)
        {
          double after_ack = (writes[i].t_arrival[s] - writes[i].t_ack) / 1000.0;
          double after_send = (writes[i].t_arrival[s] - writes[i].t_send) / 1000.0;

          before_ack[s] += after_ack < 0 ? 1 : 0;
          g_array_append_val (from_ack[s], after_ack);
          g_array_append_val (from_send[s], after_send);
        }
    }
  printf ("  %d marks placed or removed, each event received once at each daemon (%u extra); "
          "arrived before B's acknowledgement: %u at A, %u at B (negative times)\n", n, extra, before_ack[0],
          before_ack[1]);
  print_line ("write through B: request -> ack", acks);
  print_line ("event at A (other daemon): ack -> arrival", from_ack[0]);
  print_line ("event at A: request -> arrival", from_send[0]);
  print_line ("event at B (same daemon): ack -> arrival", from_ack[1]);
  print_line ("event at B: request -> arrival", from_send[1]);
  for (int s = 0; s < 2; s++)
    {
      g_array_unref (from_ack[s]);
      g_array_unref (from_send[s]);
    }
}

void
bel_bench_propagation (BelTestDaemon *a,
                       const char    *token,
                       gint64         account_id,
                       gint64         school_id,
                       gint64         round_id,
                       GArray        *students,
                       int            n)
{
  g_autoptr(BelTestDaemon) b = bel_test_daemon_new ();
  g_autoptr(BelTestWs) at_a = NULL;
  g_autoptr(BelTestWs) at_b = NULL;
  g_autofree Write *writes = g_new0 (Write, n);
  g_autofree char *load_before = NULL;
  Subscriber subscribers[2] = { { NULL, 0 }, { NULL, 1 } };
  gint64 started;

  g_free (b->db_path);
  b->db_path = g_strdup (a->db_path);
  bel_test_daemon_start (b);
  at_a = bel_test_ws_open (a->url, token, school_id, -1);
  at_b = bel_test_ws_open (b->url, token, school_id, -1);
  if (at_a->status != 101 || at_b->status != 101)
    g_error ("the events WebSocket was refused: %u at A, %u at B", at_a->status, at_b->status);
  at_a->keep_events = at_b->keep_events = FALSE;
  at_a->raw_func = at_b->raw_func = on_event;
  at_a->user_data = &subscribers[0];
  at_b->user_data = &subscribers[1];

  load_before = g_strdup (bel_bench_load ());
  started = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    {
      Write *write = &writes[i];
      gint64 student = g_array_index (students, gint64, (i / 2) % students->len);
      g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT
                                               "/%" G_GINT64_FORMAT "/relationship", round_id, student,
                                               account_id);
      g_autoptr(SoupMessage) msg = bel_test_daemon_message (b, i % 2 == 0 ? "PUT" : "DELETE", path, token,
                                                            NULL, NULL);

      subscribers[0].write = subscribers[1].write = write;
      write->t_send = g_get_monotonic_time ();
      soup_session_send_and_read_async (b->session, msg, G_PRIORITY_DEFAULT, NULL, on_acknowledged, write);
      if (!bel_test_wait_until (is_complete, write, EVENT_TIMEOUT_MS))
        g_error ("write %d (%s): acknowledged %s (%u), event at A %s, at B %s after %d ms", i,
                 i % 2 == 0 ? "PUT" : "DELETE", write->t_ack ? "yes" : "no", write->status,
                 write->t_arrival[0] ? "yes" : "no", write->t_arrival[1] ? "yes" : "no", EVENT_TIMEOUT_MS);
      if (write->status != (i % 2 == 0 ? 201 : 204))
        g_error ("write %d: status %u", i, write->status);
    }
  bel_test_spin (200); /* events that came twice */
  printf ("\nmark propagation (PostgreSQL, two belongingd on one database, LISTEN/NOTIFY): %.1f s; "
          "before: %s; after: %s\n", (g_get_monotonic_time () - started) / 1e6, load_before,
          bel_bench_load ());
  report (writes, n);
}
