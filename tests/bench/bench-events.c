/* bench-events.c - live event latency: subscribers while many staff place marks
 *
 * Spawns a real belongingd on a temporary database with one school, an open
 * round and one student per writer.  --clients WebSocket subscribers follow
 * the school's events while --writers HTTP clients (each its own connection)
 * place and remove a relationship mark, --rate times a second each, for
 * --seconds.  For every event at every subscriber it measures the delay from
 * the write's HTTP acknowledgement (and from the request's start) to the
 * event's arrival, and prints p50 / p90 / p99 / max.  Everything runs on one
 * machine, the bench in one thread: the figures include the subscribers' own
 * JSON parsing.
 *
 *   meson test -C BUILD --benchmark bench-events --verbose
 *   BUILD/tests/bench/bench-events --clients 100 --writers 100 --rate 5 --seconds 20
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bel-engine.h"
#include "bel-round.h"
#include "bel-rounds.h"
#include "bel-students.h"
#include "bel-test-daemon.h"
#include "bel-test-ws.h"

static int opt_clients = 100;
static int opt_writers = 100;
static double opt_rate = 5;
static int opt_seconds = 20;

typedef struct {
  gint64 t_send;
  gint64 t_ack;
} Write;

typedef struct {
  guint16 writer;
  guint32 index;
  gint64  t_arrival;
} Arrival;

typedef struct _Bench Bench;

typedef struct {
  Bench       *bench;
  guint        index;
  gint64       student_id;
  SoupSession *session;
  char        *path;
  gboolean     in_flight;
  gboolean     placed;
  guint        skipped;
  guint        failed;
  guint        timer;
  GArray      *writes; /* Write */
} Writer;

typedef struct {
  Bench     *bench;
  BelTestWs *ws;
  guint     *counts; /* events received per writer */
  guint      received;
} Client;

struct _Bench {
  BelTestDaemon *d;
  char          *token;
  gint64         school_id;
  gint64         round_id;
  gint64         account_id;
  gint64         first_student;
  Writer        *writers;
  Client        *clients;
  GArray        *arrivals; /* Arrival */
  double         cpu_start;
  double         cpu_end;
  double         load_start;
  double         self_cpu_start;
  double         self_cpu_end;
  gboolean       running;
};

/* The subscribers only pick the student out of the frame, so that the bench
 * spends as little as possible of the machine it shares with the daemon. */
static void
on_event (BelTestWs  *ws,
          const char *text,
          gpointer    user_data)
{
  Client *client = user_data;
  Bench *bench = client->bench;
  const char *student = strstr (text, "\"student_id\":");
  gint64 w;
  Arrival a;

  g_assert_nonnull (strstr (text, "\"type\":\"mark."));
  g_assert_nonnull (student);
  w = g_ascii_strtoll (student + strlen ("\"student_id\":"), NULL, 10) - bench->first_student;
  g_assert_cmpint (w, >=, 0);
  g_assert_cmpint (w, <, opt_writers);
  a.t_arrival = g_get_monotonic_time ();
  a.writer = (guint16) w;
  a.index = client->counts[w]++;
  client->received++;
  g_array_append_val (bench->arrivals, a);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Writer *writer = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;
  Write *w = &g_array_index (writer->writes, Write, writer->writes->len - 1);

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  w->t_ack = g_get_monotonic_time ();
  status = soup_message_get_status (msg);
  writer->in_flight = FALSE;
  if (body == NULL || status < 200 || status > 299)
    {
      /* Whether it took effect is unknown: this writer stops, and its
       * events from now on are not matched to writes. */
      if (writer->failed++ == 0)
        g_printerr ("bench-events: a write failed (%u %s); that writer stops\n", status,
                    error ? error->message : "");
      w->t_ack = 0;
      return;
    }
  writer->placed = !writer->placed;
}

static gboolean
on_tick (gpointer user_data)
{
  Writer *writer = user_data;
  Bench *bench = writer->bench;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *url = NULL;
  Write w = { g_get_monotonic_time (), 0 };

  if (!bench->running)
    {
      writer->timer = 0;
      return G_SOURCE_REMOVE;
    }
  if (writer->failed > 0)
    {
      writer->timer = 0;
      return G_SOURCE_REMOVE;
    }
  if (writer->in_flight)
    {
      writer->skipped++;
      return G_SOURCE_CONTINUE;
    }
  url = g_strconcat (bench->d->url, writer->path, NULL);
  msg = soup_message_new (writer->placed ? "DELETE" : "PUT", url);
  auth = g_strconcat ("Bearer ", bench->token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  g_array_append_val (writer->writes, w);
  writer->in_flight = TRUE;
  soup_session_send_and_read_async (writer->session, msg, G_PRIORITY_DEFAULT, NULL, on_written, writer);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_writer (gpointer user_data)
{
  Writer *writer = user_data;

  writer->timer = g_timeout_add ((guint) (1000.0 / opt_rate), on_tick, writer);
  on_tick (writer);
  return G_SOURCE_REMOVE;
}

static void
setup_data (Bench *bench)
{
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelRound) round = NULL;
  g_autoptr(BelRound) created = NULL;
  BelTestSeed seed;

  bel_test_daemon_seed (bench->d, &seed);
  engine = bel_test_daemon_open_engine (bench->d);
  tx = bel_engine_begin (engine, &error);
  g_assert_no_error (error);
  for (int i = 0; i < opt_writers; i++)
    {
      g_autofree char *sis = g_strdup_printf ("B-%04d", i);
      g_autofree char *given = g_strdup_printf ("Student%d", i);
      g_autoptr(BelStudent) student = g_object_new (BEL_TYPE_STUDENT, "sis-id", sis,
                                                    "given-name", given, "family-name", "Bench",
                                                    "grade", (gint64) 9 + i % 4, "active", TRUE, NULL);
      g_autoptr(BelStudent) stored = bel_students_create (engine, bel_engine_system_actor (engine),
                                                          seed.school_id, student, &error);
      g_assert_no_error (error);
      if (i == 0)
        bench->first_student = bel_resource_get_id (stored);
      g_assert_cmpint (bel_resource_get_id (stored), ==, bench->first_student + i);
    }
  round = g_object_new (BEL_TYPE_ROUND, "name", "Bench map", "status", "open", NULL);
  created = bel_rounds_create (engine, bel_engine_system_actor (engine), seed.school_id, round, &error);
  g_assert_no_error (error);
  bench->round_id = bel_resource_get_id (created);
  bench->account_id = seed.teacher_id;
  bench->school_id = seed.school_id;
  bel_transaction_commit (tx, &error);
  g_assert_no_error (error);
}

/* The daemon's CPU time so far (user + system), in seconds. */
static double
daemon_cpu (Bench *bench)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat",
                                           g_subprocess_get_identifier (bench->d->process));
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (end = strrchr (text, ')')) == NULL)
    return 0;
  fields = g_strsplit (end + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return 0;
  /* utime and stime are fields 14 and 15 of the line, 12 and 13 after ") " */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         (double) sysconf (_SC_CLK_TCK);
}

static double
self_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  gsize i;

  if (sorted->len == 0)
    return 0;
  i = (gsize) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, gint64, i) / 1000.0;
}

static void
print_line (const char *what,
            GArray     *values)
{
  qsort (values->data, values->len, sizeof (gint64), compare_int64);
  printf ("  %-34s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what,
          percentile_ms (values, 0.50), percentile_ms (values, 0.90), percentile_ms (values, 0.99),
          percentile_ms (values, 1.0));
}

static void
report (Bench *bench)
{
  g_autoptr(GArray) from_ack = g_array_sized_new (FALSE, FALSE, sizeof (gint64), bench->arrivals->len);
  g_autoptr(GArray) from_send = g_array_sized_new (FALSE, FALSE, sizeof (gint64), bench->arrivals->len);
  g_autoptr(GArray) acks = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 writes = 0, skipped = 0, failed = 0, expected, before_ack = 0, incomplete = 0;
  guint64 unmatched = 0;

  for (int w = 0; w < opt_writers; w++)
    {
      Writer *writer = &bench->writers[w];

      skipped += writer->skipped;
      failed += writer->failed;
      for (guint i = 0; i < writer->writes->len; i++)
        {
          Write *x = &g_array_index (writer->writes, Write, i);
          gint64 d = x->t_ack - x->t_send;

          if (x->t_ack == 0)
            continue;
          writes++;
          g_array_append_val (acks, d);
        }
    }
  for (guint i = 0; i < bench->arrivals->len; i++)
    {
      Arrival *a = &g_array_index (bench->arrivals, Arrival, i);
      GArray *list = bench->writers[a->writer].writes;
      Write *x;
      gint64 d;

      if (a->index >= list->len || g_array_index (list, Write, a->index).t_ack == 0)
        {
          unmatched++;
          continue;
        }
      x = &g_array_index (list, Write, a->index);
      d = a->t_arrival - x->t_ack;
      if (d < 0)
        before_ack++;
      d = MAX (d, 0);
      g_array_append_val (from_ack, d);
      d = a->t_arrival - x->t_send;
      g_array_append_val (from_send, d);
    }
  expected = writes * (guint64) opt_clients;
  for (int c = 0; c < opt_clients; c++)
    if (bench->clients[c].received < writes)
      incomplete++;

  printf ("bench-events: %d subscribers, %d writers x %.1f writes/s for %d s\n",
          opt_clients, opt_writers, opt_rate, opt_seconds);
  printf ("  writes acknowledged %" G_GUINT64_FORMAT " (%.0f/s), failed %" G_GUINT64_FORMAT
          ", ticks skipped (write still in flight) %" G_GUINT64_FORMAT "\n",
          writes, writes / (double) opt_seconds, failed, skipped);
  printf ("  events delivered %u for %" G_GUINT64_FORMAT " expected (%" G_GUINT64_FORMAT
          " not matched to an acknowledged write); subscribers missing some: %" G_GUINT64_FORMAT
          "; arrived before the ack: %.1f%%\n",
          bench->arrivals->len, expected, unmatched, incomplete,
          bench->arrivals->len ? 100.0 * before_ack / bench->arrivals->len : 0.0);
  printf ("  CPU in %d s: daemon %.1f s, this bench (subscribers and writers) %.1f s; "
          "load average before the run %.2f\n", opt_seconds,
          bench->cpu_end - bench->cpu_start, bench->self_cpu_end - bench->self_cpu_start,
          bench->load_start);
  print_line ("write: request -> ack", acks);
  print_line ("event: ack -> arrival (0 if before)", from_ack);
  print_line ("event: request -> arrival", from_send);
  fflush (stdout);
}

static gboolean
all_connected (gpointer data)
{
  Bench *bench = data;

  for (int c = 0; c < opt_clients; c++)
    if (!bench->clients[c].ws->done)
      return FALSE;
  return TRUE;
}

static gboolean
stop_running (gpointer data)
{
  ((Bench *) data)->running = FALSE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_stopped (gpointer data)
{
  Bench *bench = data;

  if (bench->running)
    return FALSE;
  for (int w = 0; w < opt_writers; w++)
    if (bench->writers[w].in_flight)
      return FALSE;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- live event latency benchmark");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "clients", 'c', 0, G_OPTION_ARG_INT, &opt_clients, "WebSocket subscribers (100)", "N" },
    { "writers", 'w', 0, G_OPTION_ARG_INT, &opt_writers, "HTTP writers (100)", "N" },
    { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &opt_rate, "Writes per second per writer (5)", "R" },
    { "seconds", 's', 0, G_OPTION_ARG_INT, &opt_seconds, "Duration (20)", "S" },
    { NULL }
  };
  Bench bench = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-events: %s\n", error->message);
      return 2;
    }
  if (opt_clients < 1 || opt_writers < 1 || opt_writers > 10000 || opt_rate <= 0 || opt_seconds < 1)
    {
      g_printerr ("bench-events: bad options\n");
      return 2;
    }

  bench.d = bel_test_daemon_new ();
  bench.arrivals = g_array_new (FALSE, FALSE, sizeof (Arrival));
  setup_data (&bench);
  bel_test_daemon_start (bench.d);
  bench.token = bel_test_daemon_sign_in (bench.d, "counselor", BEL_TEST_PASSWORD);
  {
    g_autofree char *teacher = bel_test_daemon_sign_in (bench.d, "teacher", BEL_TEST_PASSWORD);
    g_autofree char *leader = bel_test_daemon_sign_in (bench.d, "leader", BEL_TEST_PASSWORD);
    const char *tokens[] = { teacher, leader, bench.token };

    bench.clients = g_new0 (Client, opt_clients);
    for (int c = 0; c < opt_clients; c++)
      {
        Client *client = &bench.clients[c];

        client->bench = &bench;
        client->counts = g_new0 (guint, opt_writers);
        client->ws = bel_test_ws_connect (bench.d->url, tokens[c % 3], bench.school_id, -1);
        client->ws->keep_events = FALSE;
        client->ws->raw_func = on_event;
        client->ws->user_data = client;
      }
    g_assert_true (bel_test_wait_until (all_connected, &bench, 30000));
    for (int c = 0; c < opt_clients; c++)
      g_assert_cmpuint (bench.clients[c].ws->status, ==, 101);
  }

  bench.writers = g_new0 (Writer, opt_writers);
  bench.running = TRUE;
  bench.cpu_start = daemon_cpu (&bench);
  bench.self_cpu_start = self_cpu ();
  {
    double load[1];
    bench.load_start = getloadavg (load, 1) == 1 ? load[0] : -1;
  }
  for (int w = 0; w < opt_writers; w++)
    {
      Writer *writer = &bench.writers[w];

      writer->bench = &bench;
      writer->index = (guint) w;
      writer->student_id = bench.first_student + w;
      writer->session = soup_session_new_with_options ("timeout", 30, NULL);
      writer->writes = g_array_new (FALSE, FALSE, sizeof (Write));
      writer->path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT
                                      "/%" G_GINT64_FORMAT "/relationship",
                                      bench.round_id, writer->student_id, bench.account_id);
      /* Spread the writers over one period. */
      g_timeout_add ((guint) (1000.0 / opt_rate * w / opt_writers), start_writer, writer);
    }
  g_timeout_add_seconds ((guint) opt_seconds, stop_running, &bench);
  bel_test_wait_until (is_stopped, &bench, (guint) (opt_seconds + 60) * 1000);
  bench.cpu_end = daemon_cpu (&bench);
  bench.self_cpu_end = self_cpu ();
  bel_test_spin (2000); /* the last events */
  report (&bench);

  for (int c = 0; c < opt_clients; c++)
    {
      bel_test_ws_free (bench.clients[c].ws);
      g_free (bench.clients[c].counts);
    }
  for (int w = 0; w < opt_writers; w++)
    {
      g_clear_handle_id (&bench.writers[w].timer, g_source_remove);
      g_object_unref (bench.writers[w].session);
      g_array_unref (bench.writers[w].writes);
      g_free (bench.writers[w].path);
    }
  g_free (bench.writers);
  g_free (bench.clients);
  g_array_unref (bench.arrivals);
  g_free (bench.token);
  bel_test_daemon_stop (bench.d);
  bel_test_daemon_free (bench.d);
  return 0;
}
