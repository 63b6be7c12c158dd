/* bench-accept.c - does belongingd's memory stay flat over many short connections?
 *
 * Starts the real belongingd, warms it up with --warm-up connections, then
 * opens --connections more (from --threads client threads), each making one
 * GET /healthz: every other one asks "Connection: close" (the daemon hangs
 * up), the others are kept alive and the client hangs up after the answer
 * (the way browsers and curl leave).  It prints the daemon's resident memory
 * (VmRSS) and open files from /proc after the warm-up, at every tenth of the
 * run and at the end, and the growth per connection.  libsoup 3.2.3's own
 * listener kept every accepted socket (about 400 bytes) for ever: 50,000
 * connections grew the daemon by about 20 MB before BelListener.
 *
 *   meson test -C BUILD --benchmark --suite bench bench-accept --verbose
 *   BUILD/tests/bench/bench-accept --connections 50000      # BEL_BUILD_ROOT=$PWD/BUILD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bel-bench-proc.h"
#include "bel-test-daemon.h"

static int opt_connections = 50000;
static int opt_warm_up = 2000;
static int opt_threads = 2;

#define SAMPLES 10

typedef struct {
  struct sockaddr_in address;
  gint               next;     /* atomic: the next connection to make */
  gint               end;
  gint               failures; /* atomic */
} Clients;

/* Reads one answer: its headers, then Content-Length bytes of body. */
static gboolean
read_answer (int fd)
{
  char buffer[2048];
  gsize have = 0;
  const char *end_of_headers = NULL;
  const char *length;

  while (have < sizeof buffer - 1)
    {
      gssize n = read (fd, buffer + have, sizeof buffer - 1 - have);

      if (n <= 0)
        return FALSE;
      have += (gsize) n;
      buffer[have] = '\0';
      if (end_of_headers == NULL && (end_of_headers = strstr (buffer, "\r\n\r\n")) == NULL)
        continue;
      length = g_strstr_len (buffer, end_of_headers - buffer, "Content-Length: ");
      if (length == NULL ||
          have >= (gsize) (end_of_headers + 4 - buffer) + g_ascii_strtoull (length + 16, NULL, 10))
        return g_str_has_prefix (buffer, "HTTP/1.1 200");
    }
  return FALSE;
}

static gboolean
connect_once (Clients *c,
              gboolean close_asked)
{
  const char *request = close_asked ? "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                    : "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  gboolean ok;

  ok = fd >= 0 && connect (fd, (struct sockaddr *) &c->address, sizeof c->address) == 0 &&
       write (fd, request, strlen (request)) == (gssize) strlen (request) && read_answer (fd);
  if (fd >= 0)
    close (fd);
  return ok;
}

static gpointer
client_thread (gpointer user_data)
{
  Clients *c = user_data;
  gint i;

  while ((i = g_atomic_int_add (&c->next, 1)) < c->end)
    if (!connect_once (c, i % 2 == 0))
      g_atomic_int_inc (&c->failures);
  return NULL;
}

/* Makes connections [@from, @to) from opt_threads threads. */
static void
run_clients (Clients *c,
             gint     from,
             gint     to)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  c->next = from;
  c->end = to;
  for (int t = 0; t < opt_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("client", client_thread, c));
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);
}

/* The daemon releases a connection a client left between two requests a
 * second after it saw the end of the stream: the figures wait for that. */
static void
settle (void)
{
  g_usleep (3 * G_USEC_PER_SEC);
}

static void
parse_address (Clients    *c,
               const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert (uri != NULL);
  c->address.sin_family = AF_INET;
  c->address.sin_port = htons ((guint16) g_uri_get_port (uri));
  g_assert (inet_pton (AF_INET, g_uri_get_host (uri), &c->address.sin_addr) == 1);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "connections", 0, 0, G_OPTION_ARG_INT, &opt_connections, "Connections measured (50000)", "N" },
    { "warm-up", 0, 0, G_OPTION_ARG_INT, &opt_warm_up, "Connections before the first figure (2000)", "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &opt_threads, "Client threads (2)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- belongingd's memory over many short connections");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelTestDaemon) d = NULL;
  Clients c = { 0 };
  const char *pid;
  gint64 started, rss_before, rss_after;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_connections = MAX (opt_connections, SAMPLES);
  opt_threads = CLAMP (opt_threads, 1, 16);
  d = bel_test_daemon_new ();
  bel_test_daemon_start (d);
  parse_address (&c, d->url);
  pid = g_subprocess_get_identifier (d->process);

  run_clients (&c, 0, opt_warm_up);
  settle ();
  rss_before = bel_bench_proc_status_value (pid, "VmRSS:");
  printf ("after %d warm-up connections: VmRSS %" G_GINT64_FORMAT " KiB, %" G_GINT64_FORMAT " open files\n",
          opt_warm_up, rss_before, bel_bench_proc_open_files (pid));
  started = g_get_monotonic_time ();
  for (int s = 1; s <= SAMPLES; s++)
    {
      gint64 rss;

      run_clients (&c, opt_warm_up + opt_connections * (s - 1) / SAMPLES, opt_warm_up + opt_connections * s / SAMPLES);
      rss = bel_bench_proc_status_value (pid, "VmRSS:");

      printf ("  +%6d connections: VmRSS %" G_GINT64_FORMAT " KiB, %" G_GINT64_FORMAT " open files\n",
              opt_connections * s / SAMPLES, rss, bel_bench_proc_open_files (pid));
      fflush (stdout);
    }
  printf ("%d connections (half \"Connection: close\", half left by the client) in %.1f s, %d failed\n",
          opt_connections, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
          g_atomic_int_get (&c.failures));
  settle ();
  rss_after = bel_bench_proc_status_value (pid, "VmRSS:");
  printf ("after them: VmRSS %" G_GINT64_FORMAT " KiB, %" G_GINT64_FORMAT " open files; growth %"
          G_GINT64_FORMAT " KiB, %.1f bytes per connection\n",
          rss_after, bel_bench_proc_open_files (pid), rss_after - rss_before,
          (rss_after - rss_before) * 1024.0 / opt_connections);
  status = bel_test_daemon_stop (d);
  printf ("daemon stopped with SIGTERM: exit status %d\n", status);
  return status == 0 && g_atomic_int_get (&c.failures) == 0 ? 0 : 1;
}
