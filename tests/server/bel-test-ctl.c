/* bel-test-ctl.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-ctl.h"

#include <stdarg.h>

#include "bel-test-daemon.h"

BelTestCtl *
bel_test_ctl_runv (const char         *input,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = bel_test_program_argv ("server/ctl/belongingctl");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  BelTestCtl *result = g_new0 (BelTestCtl, 1);

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
