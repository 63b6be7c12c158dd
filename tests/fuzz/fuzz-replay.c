/* fuzz-replay.c - main() of a fuzz target in the ordinary build
 *
 *   fuzz-models CORPUS_DIR REGRESSIONS_DIR [FILE...]
 *
 * Feeds every file named, and every file of every directory named (missing
 * directories hold nothing), to LLVMFuzzerTestOneInput() and prints TAP: the
 * test suite replays each target's seed corpus and every input that once
 * crashed it, without clang.  A crash fails the test by aborting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    collect (names->pdata[i], files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree guint8 *exact = NULL;
      gsize size;

      if (!g_file_get_contents (files->pdata[i], &data, &size, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, (char *) files->pdata[i], error->message);
          continue;
        }
      /* Exactly @size bytes, without the NUL g_file_get_contents() adds, so that
       * a sanitizer build sees a read past the end as libFuzzer would. */
      exact = g_memdup2 (data, size);
      fflush (stdout);
      LLVMFuzzerTestOneInput (exact != NULL ? exact : (const uint8_t *) "", size);
      printf ("ok %u - %s (%" G_GSIZE_FORMAT " bytes)\n", i + 1, (char *) files->pdata[i], size);
    }
  return 0;
}
