/* bel-test-ctl.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-ctl.h"

#include <stdarg.h>

static char *
ctl_path (void)
{
  const char *root = g_getenv ("BEL_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "server", "ctl", "belongingctl", NULL);
}

BelTestCtl *
bel_test_ctl_runv (const char         *input,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  BelTestCtl *result = g_new0 (BelTestCtl, 1);

  g_ptr_array_add (argv, ctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  return result;
}

BelTestCtl *
bel_test_ctl_run (const char *input,
                  const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return bel_test_ctl_runv (input, (const char * const *) args->pdata);
}

void
bel_test_ctl_free (BelTestCtl *result)
{
  if (result == NULL)
    return;
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}
