/* bench-load.c - a school day squeezed into a minute: does belongingd stay up, correct and flat?
 *
 * Builds a school with bench-board (--students, --staff, --marks), starts the
 * real belongingd on it, fills 100 profiles, connects --websockets live event
 * subscribers, then for --seconds at once:
 *   - wrk on the board (GET /api/v1/rounds/{id}/board, 4 connections),
 *   - wrk on profiles (GET /api/v1/students/{id}/profile of 100 students, and
 *     --write-percent of POST profile entries, whose events reach every
 *     subscriber; 8 connections),
 *   - --churn new connections a second that make one request and hang up
 *     (the way that used to leak a socket per connection in libsoup 3.2.3).
 * It samples the daemon's resident memory (VmRSS) and open files every second
 * from /proc, and prints: wrk's latency percentiles and request counts, the
 * daemon's 5xx answers (from its /metrics), whether it is still alive and
 * stops cleanly, the subscribers still open and the events they got, and the
 * memory at the start, middle and end with its slope.
 *
 *   meson test -C BUILD --benchmark --suite bench bench-load --verbose
 *   BUILD/tests/bench/bench-load --seconds 60 --websockets 200
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bel-bench-proc.h"
#include "bel-test-daemon.h"
#include "bel-test-ws.h"

static int opt_seconds = 60;
static int opt_websockets = 200;
static int opt_students = 500;
static int opt_staff = 40;
static int opt_marks = 3000;
static int opt_churn = 20;
static int opt_write_percent = 5;

#define PROFILES 100
#define WARM_UP_SECONDS 10

typedef struct {
  BelTestDaemon *d;
  char          *token;
  gint64         school_id;
  gint64         round_id;
  GArray        *students;  /* gint64, the first PROFILES */
  GPtrArray     *subscribers;
  guint64        frames;
  GArray        *rss_kib;   /* gint64, one a second */
  GArray        *fds;       /* gint64, one a second */
  gint           churned, churn_failures; /* atomic: counted by the churn thread */
  gint           stop_churn;
  guint          running;   /* wrk processes still running */
  char          *reports[2];
} Load;

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static char *
build_path (const char *first,
            ...)
{
  const char *root = g_getenv ("BEL_BUILD_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list ap;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

/* bench-board builds the school (the same engine calls as its own benchmark). */
static void
build_school (Load *l)
{
  g_autofree char *bench_board = build_path ("tests", "bench", "bench-board", NULL);
  g_autofree char *students = g_strdup_printf ("%d", opt_students);
  g_autofree char *staff = g_strdup_printf ("%d", opt_staff);
  g_autofree char *marks = g_strdup_printf ("%d", opt_marks);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                                               &error, bench_board, "--students", students, "--staff", staff,
                                               "--marks", marks, "--requests", "1", "--wrk-seconds", "0",
                                               "--save-database", l->d->db_path, NULL);

  check (error);
  g_subprocess_communicate_utf8 (p, NULL, NULL, &out, NULL, &error);
  check (error);
  if (!g_subprocess_get_successful (p))
    g_error ("bench-board failed:\n%s", out);
  printf ("%s", strstr (out, "school:") ? strstr (out, "school:") : out);
}

static JsonObject *
get_ok (Load            *l,
        BelTestResponse **keep,
        const char       *path)
{
  *keep = bel_test_daemon_request (l->d, "GET", path, l->token, NULL, NULL);
  if ((*keep)->status != 200)
    g_error ("GET %s: %u", path, (*keep)->status);
  return bel_test_response_object (*keep);
}

static void
find_round_and_students (Load *l)
{
  g_autoptr(BelTestResponse) me = NULL;
  g_autoptr(BelTestResponse) rounds = NULL;
  g_autoptr(BelTestResponse) board = NULL;
  g_autofree char *path = NULL;
  JsonArray *items, *students;

  l->school_id = json_object_get_int_member (
      json_array_get_object_element (json_object_get_array_member (get_ok (l, &me, "/api/v1/me"), "memberships"), 0),
      "school_id");
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", l->school_id);
  items = json_object_get_array_member (get_ok (l, &rounds, path), "items");
  l->round_id = json_object_get_int_member (json_array_get_object_element (items, 0), "id");
  g_free (path);
  path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", l->round_id);
  students = json_object_get_array_member (get_ok (l, &board, path), "students");
  for (guint i = 0; i < MIN (PROFILES, json_array_get_length (students)); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (students, i), "student_id");

      g_array_append_val (l->students, id);
    }
}

static void
fill_profiles (Load *l)
{
  static const char *sections[] = { "strengths", "interests_talents", "academics" };

  for (guint i = 0; i < l->students->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries",
                                                 g_array_index (l->students, gint64, i));
        g_autofree char *body = g_strdup_printf ("{\"section\": \"%s\", \"body\": \"Seed note %u about what "
                                                 "works well for this student in class.\"}", sections[s], s);
        g_autoptr(BelTestResponse) r = bel_test_daemon_request (l->d, "POST", path, l->token, body, NULL);

        if (r->status != 201)
          g_error ("POST %s: %u", path, r->status);
      }
}

static void
count_frame (BelTestWs  *ws,
             const char *text,
             gpointer    user_data)
{
  ((Load *) user_data)->frames++;
}

static gboolean
all_handshakes_done (gpointer data)
{
  GPtrArray *subscribers = data;

  for (guint i = 0; i < subscribers->len; i++)
    if (!((BelTestWs *) g_ptr_array_index (subscribers, i))->done)
      return FALSE;
  return TRUE;
}

static void
connect_subscribers (Load *l)
{
  for (int i = 0; i < opt_websockets; i++)
    {
      BelTestWs *ws = bel_test_ws_connect (l->d->url, l->token, l->school_id, -1);

      ws->keep_events = FALSE;
      ws->raw_func = count_frame;
      ws->user_data = l;
      g_ptr_array_add (l->subscribers, ws);
    }
  if (!bel_test_wait_until (all_handshakes_done, l->subscribers, 60000))
    g_error ("the WebSocket handshakes did not finish");
  for (guint i = 0; i < l->subscribers->len; i++)
    if (((BelTestWs *) g_ptr_array_index (l->subscribers, i))->status != 101)
      g_error ("a WebSocket handshake was refused");
}

/* A wrk script: GETs of the filled profiles and, now and then, a new entry. */
static char *
write_profile_script (Load *l)
{
  g_autoptr(GString) lua = g_string_new ("paths = {");
  g_autofree char *path = g_build_filename (l->d->dir, "profiles.lua", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < l->students->len; i++)
    g_string_append_printf (lua, "%s\"/api/v1/students/%" G_GINT64_FORMAT "\"", i ? ", " : "",
                            g_array_index (l->students, gint64, i));
  g_string_append_printf (lua,
                          "}\n"
                          "n = 0\n"
                          "request = function()\n"
                          "  n = n + 1\n"
                          "  local p = paths[(n %% #paths) + 1]\n"
                          "  if math.random(100) <= %d then\n"
                          "    return wrk.format(\"POST\", p .. \"/profile/entries\", "
                          "{[\"Content-Type\"] = \"application/json\", [\"Authorization\"] = wrk.headers[\"Authorization\"]}, "
                          "'{\"section\": \"strengths\", \"body\": \"Helped a classmate during the lab, load note ' .. n .. '\"}')\n"
                          "  end\n"
                          "  return wrk.format(\"GET\", p .. \"/profile\")\n"
                          "end\n",
                          opt_write_percent);
  g_file_set_contents (path, lua->str, -1, &error);
  check (error);
  return g_steal_pointer (&path);
}

typedef struct {
  Load *load;
  guint index;
} WrkDone;

static void
wrk_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  WrkDone *done = user_data;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &out, NULL, &error);
  done->load->reports[done->index] = out != NULL ? out : g_strdup (error->message);
  done->load->running--;
  g_free (done);
}

/* The token goes to wrk's arguments only, never to the output. */
static GSubprocess *
start_wrk (Load       *l,
           guint       index,
           const char *connections,
           const char *script,
           const char *path)
{
  g_autofree char *wrk = g_find_program_in_path ("wrk");
  g_autofree char *header = g_strdup_printf ("Authorization: Bearer %s", l->token);
  g_autofree char *url = g_strconcat (l->d->url, path, NULL);
  g_autofree char *duration = g_strdup_printf ("%ds", opt_seconds);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *p;
  WrkDone *done = g_new0 (WrkDone, 1);

  if (wrk == NULL)
    g_error ("wrk is not installed (apt-get install wrk; tools/test installs it)");
  g_ptr_array_add (args, wrk);
  g_ptr_array_add (args, "-t1");
  g_ptr_array_add (args, "-c");
  g_ptr_array_add (args, (gpointer) connections);
  g_ptr_array_add (args, "-d");
  g_ptr_array_add (args, duration);
  g_ptr_array_add (args, "--latency");
  g_ptr_array_add (args, "-H");
  g_ptr_array_add (args, header);
  if (script != NULL)
    {
      g_ptr_array_add (args, "-s");
      g_ptr_array_add (args, (gpointer) script);
    }
  g_ptr_array_add (args, url);
  g_ptr_array_add (args, NULL);
  p = g_subprocess_newv ((const char * const *) args->pdata,
                         G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  check (error);
  done->load = l;
  done->index = index;
  l->running++;
  g_subprocess_communicate_utf8_async (p, NULL, NULL, wrk_done, done);
  return p;
}

/* One client that connects, asks /healthz, reads the answer and hangs up. */
static void
churn_once (Load *l)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autofree char *host = g_strdup (l->d->url + strlen ("http://"));
  const char *request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
  char reply[512];
  gssize n;

  conn = g_socket_client_connect_to_host (client, host, 80, NULL, NULL);
  if (conn == NULL ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request, strlen (request),
                                  NULL, NULL, NULL) ||
      (n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (conn)), reply, sizeof reply - 1,
                                NULL, NULL)) <= 0 ||
      (reply[n] = '\0', !g_str_has_prefix (reply, "HTTP/1.1 200")))
    g_atomic_int_inc (&l->churn_failures);
  g_atomic_int_inc (&l->churned);
}

/* Its own thread, so that a busy daemon slows neither the sampling nor the subscribers. */
static gpointer
churn (gpointer user_data)
{
  Load *l = user_data;
  gint64 next = g_get_monotonic_time ();

  while (!g_atomic_int_get (&l->stop_churn))
    {
      gint64 wait;

      churn_once (l);
      next += G_USEC_PER_SEC / opt_churn;
      wait = next - g_get_monotonic_time ();
      if (wait > 0)
        g_usleep (wait);
    }
  return NULL;
}

static gboolean
sample (gpointer user_data)
{
  Load *l = user_data;
  const char *pid = g_subprocess_get_identifier (l->d->process);
  gint64 rss = bel_bench_proc_status_value (pid, "VmRSS:");
  gint64 fds = bel_bench_proc_open_files (pid);

  g_array_append_val (l->rss_kib, rss);
  g_array_append_val (l->fds, fds);
  return G_SOURCE_CONTINUE;
}

/* Least-squares slope of @values (one a second) from @from on, per minute. */
static double
slope_per_minute (GArray *values,
                  guint   from)
{
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;

  for (guint i = from; i < values->len; i++)
    {
      double x = i, y = g_array_index (values, gint64, i);

      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
  if (n < 2)
    return 0;
  return 60 * (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

static guint64
server_errors (Load *l)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (l->d, "GET", "/metrics", NULL, NULL, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint64 errors = 0;

  g_assert_cmpuint (r->status, ==, 200);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "belongingd_http_requests_total{") && strstr (lines[i], "status=\"5") != NULL)
      {
        printf ("  %s\n", lines[i]);
        errors += g_ascii_strtoull (strrchr (lines[i], ' ') + 1, NULL, 10);
      }
  return errors;
}

static void
print_series (const char *label,
              GArray     *values,
              const char *unit)
{
  guint n = values->len;
  guint from = MIN (WARM_UP_SECONDS, n - 1);
  gint64 max = 0;

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (values, gint64, i));
  printf ("%s: %" G_GINT64_FORMAT " %s at 0 s, %" G_GINT64_FORMAT " after %u s of warm-up, %" G_GINT64_FORMAT
          " in the middle, %" G_GINT64_FORMAT " at the end (highest %" G_GINT64_FORMAT "); slope %+.1f %s/min "
          "after the warm-up\n",
          label, g_array_index (values, gint64, 0), unit, g_array_index (values, gint64, from), from,
          g_array_index (values, gint64, n / 2), g_array_index (values, gint64, n - 1), max,
          slope_per_minute (values, from), unit);
}

static void
report (Load  *l,
        gint64 elapsed_us)
{
  guint open = 0;
  double load[3] = { 0 };

  for (guint i = 0; i < l->subscribers->len; i++)
    open += !((BelTestWs *) g_ptr_array_index (l->subscribers, i))->closed;
  getloadavg (load, 3);
  printf ("\nwrk, board (4 connections):\n%s", l->reports[0]);
  printf ("\nwrk, profiles (8 connections, %d%% POST entries):\n%s", opt_write_percent, l->reports[1]);
  printf ("\n%.0f s of load, load average %.1f %.1f %.1f\n", elapsed_us / 1e6, load[0], load[1], load[2]);
  printf ("server errors (5xx in /metrics): %" G_GUINT64_FORMAT "\n", server_errors (l));
  printf ("live event subscribers: %u connected, %u still open, %" G_GUINT64_FORMAT " frames received\n",
          l->subscribers->len, open, l->frames);
  printf ("connections churned (connect, GET /healthz, hang up): %d, failed %d\n", g_atomic_int_get (&l->churned),
          g_atomic_int_get (&l->churn_failures));
  print_series ("daemon memory (VmRSS)", l->rss_kib, "KiB");
  print_series ("daemon open files", l->fds, "files");
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds, "How long the load lasts (60)", "S" },
    { "websockets", 0, 0, G_OPTION_ARG_INT, &opt_websockets, "Live event subscribers (200)", "N" },
    { "students", 0, 0, G_OPTION_ARG_INT, &opt_students, "Students (500)", "N" },
    { "staff", 0, 0, G_OPTION_ARG_INT, &opt_staff, "Staff (40)", "N" },
    { "marks", 0, 0, G_OPTION_ARG_INT, &opt_marks, "Marks in the round (3000)", "N" },
    { "churn", 0, 0, G_OPTION_ARG_INT, &opt_churn, "New short connections a second (20)", "N" },
    { "write-percent", 0, 0, G_OPTION_ARG_INT, &opt_write_percent, "POSTs among profile requests (5)", "P" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- a minute of mixed load on belongingd");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) board = NULL;
  g_autoptr(GSubprocess) profiles = NULL;
  g_autofree char *board_path = NULL;
  g_autofree char *script = NULL;
  Load l = { 0 };
  GThread *churner = NULL;
  guint sampler;
  gint64 started;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_seconds = CLAMP (opt_seconds, WARM_UP_SECONDS + 2, 3600);
  l.d = bel_test_daemon_new ();
  l.students = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.subscribers = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_test_ws_free);
  l.rss_kib = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.fds = g_array_new (FALSE, FALSE, sizeof (gint64));

  build_school (&l);
  bel_test_daemon_start (l.d);
  l.token = bel_test_daemon_sign_in (l.d, "counselor", BEL_TEST_PASSWORD);
  find_round_and_students (&l);
  fill_profiles (&l);
  connect_subscribers (&l);
  printf ("%u live event subscribers connected; %u profiles filled\n", l.subscribers->len, l.students->len);
  fflush (stdout);

  board_path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", l.round_id);
  script = write_profile_script (&l);
  started = g_get_monotonic_time ();
  sample (&l);
  sampler = g_timeout_add_seconds (1, sample, &l);
  board = start_wrk (&l, 0, "4", NULL, board_path);
  profiles = start_wrk (&l, 1, "8", script, "/");
  if (opt_churn > 0)
    churner = g_thread_new ("churn", churn, &l);
  while (l.running > 0)
    g_main_context_iteration (NULL, TRUE);
  g_atomic_int_set (&l.stop_churn, TRUE);
  if (churner != NULL)
    g_thread_join (churner);
  g_source_remove (sampler);
  sample (&l);

  /* Alive and answering, then a clean stop. */
  {
    g_autoptr(BelTestResponse) health = bel_test_daemon_request (l.d, "GET", "/healthz", NULL, NULL, NULL);

    report (&l, g_get_monotonic_time () - started);
    printf ("daemon alive after the load: %s\n", health->status == 200 ? "yes (GET /healthz 200)" : "NO");
  }
  g_ptr_array_set_size (l.subscribers, 0);
  status = bel_test_daemon_stop (l.d);
  printf ("daemon stopped with SIGTERM: exit status %d%s\n", status, status == 0 ? " (clean)" : "");

  g_free (l.reports[0]);
  g_free (l.reports[1]);
  g_free (l.token);
  g_array_unref (l.students);
  g_array_unref (l.rss_kib);
  g_array_unref (l.fds);
  g_ptr_array_unref (l.subscribers);
  bel_test_daemon_free (l.d);
  return status == 0 ? 0 : 1;
}
