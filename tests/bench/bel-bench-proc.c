/* bel-bench-proc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-bench-proc.h"

#include <string.h>

gint64
bel_bench_proc_status_value (const char *pid,
                             const char *key)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "status", NULL);
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (at = strstr (text, key)) == NULL)
    return -1;
  return g_ascii_strtoll (at + strlen (key), NULL, 10);
}

gint64
bel_bench_proc_open_files (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "fd", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  gint64 n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
