/* bel-bench-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-bench-stats.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bel_bench_sort (GArray *values)
{
  g_array_sort (values, compare_double);
}

double
bel_bench_percentile (GArray *sorted,
                      double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p / 100.0 * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

double
bel_bench_server_timing (SoupMessage *msg,
                         const char  *metric)
{
  const char *timing = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Server-Timing");
  g_autofree char *key = g_strconcat (metric, ";dur=", NULL);
  const char *dur = timing ? strstr (timing, key) : NULL;

  if (dur == NULL)
    g_error ("the response has no Server-Timing %s", metric);
  return g_ascii_strtod (dur + strlen (key), NULL);
}

const char *
bel_bench_load (void)
{
  static char buffer[64];
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL) ||
      g_strv_length (fields = g_strsplit (text, " ", 4)) < 3)
    return "load average unknown";
  g_snprintf (buffer, sizeof buffer, "load average %s %s %s", fields[0], fields[1], fields[2]);
  return buffer;
}

void
bel_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bel_bench_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
