/* bel-test-program.h - how the tests run the programs they test
 *
 * The start of an argv that runs BEL_BUILD_ROOT/@relative (no NULL yet),
 * behind the command in $BEL_TEST_WRAPPER when set: `tools/sanitize valgrind`
 * runs every belongingd and belongingctl the tests start under valgrind that
 * way.  The server tests' fixture (server/bel-test-daemon.h) and the client
 * and UI tests' one (client/test-daemon.h) both use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdarg.h>

static inline GPtrArray *
bel_test_program_argv (const char *relative)
{
  const char *build_root = g_getenv ("BEL_BUILD_ROOT");
  const char *wrapper = g_getenv ("BEL_TEST_WRAPPER");
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (build_root);
  if (wrapper != NULL && *wrapper != '\0')
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GError) error = NULL;

      g_shell_parse_argv (wrapper, NULL, &words, &error);
      g_assert_no_error (error);
      for (guint i = 0; words[i] != NULL; i++)
        g_ptr_array_add (argv, g_strdup (words[i]));
    }
  g_ptr_array_add (argv, g_build_filename (build_root, relative, NULL));
  return argv;
}

/* Appends copies of the strings up to the first NULL to @argv. */
G_GNUC_NULL_TERMINATED static inline void
bel_test_argv_append (GPtrArray  *argv,
                      const char *first,
                      ...)
{
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
}
