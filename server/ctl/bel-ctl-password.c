/* bel-ctl-password.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-ctl-password.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bel-password.h"

/* Room for the longest password allowed in UTF-8, plus a newline. */
#define MAX_BYTES (BEL_PASSWORD_MAX_LENGTH * 4 + 2)

void
bel_ctl_password_free (BelCtlPassword *password)
{
  if (password == NULL)
    return;
  explicit_bzero (password, strlen (password));
  g_free (password);
}

/* Accepts exactly one line: drops one trailing newline, refuses others. */
static BelCtlPassword *
one_line (char        *data,
          gsize        length,
          const char  *source,
          GError     **error)
{
  g_autoptr(BelCtlPassword) password = data;

  if (length > 0 && data[length - 1] == '\n')
    data[--length] = '\0';
  if (length > 0 && data[length - 1] == '\r')
    data[--length] = '\0';
  if (strlen (data) != length || strchr (data, '\n') != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The password in %s must be one line of text"), source);
      return NULL;
    }
  return g_steal_pointer (&password);
}

static BelCtlPassword *
read_file (const char  *file,
           GError     **error)
{
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (file, &data, &length, error))
    return NULL;
  return one_line (data, length, file, error);
}

static BelCtlPassword *
read_stream (FILE        *stream,
             const char  *source,
             GError     **error)
{
  g_autoptr(BelCtlPassword) data = g_malloc0 (MAX_BYTES + 1);
  gsize length = fread (data, 1, MAX_BYTES + 1, stream);

  if (ferror (stream))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not read the password from %s"), source);
      return NULL;
    }
  if (length > MAX_BYTES)
    {
      data[MAX_BYTES] = '\0';
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The password from %s is too long"), source);
      return NULL;
    }
  return one_line (g_steal_pointer (&data), length, source, error);
}

static BelCtlPassword *
prompt (const char  *question,
        GError     **error)
{
  struct termios saved;
  struct termios quiet;
  g_autoptr(BelCtlPassword) line = g_malloc0 (MAX_BYTES + 1);
  gboolean ok;

  g_printerr ("%s", question);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not use the terminal"));
      return NULL;
    }
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  ok = fgets (line, MAX_BYTES + 1, stdin) != NULL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No password was entered"));
      return NULL;
    }
  return one_line (g_steal_pointer (&line), strlen (line), _("the terminal"), error);
}

static BelCtlPassword *
ask_twice (const char  *username,
           GError     **error)
{
  g_autofree char *question = g_strdup_printf (_("New password for %s: "), username);
  g_autoptr(BelCtlPassword) first = prompt (question, error);
  g_autoptr(BelCtlPassword) second = NULL;

  if (first == NULL)
    return NULL;
  second = prompt (_("Repeat the password: "), error);
  if (second == NULL)
    return NULL;
  if (strcmp (first, second) != 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The two passwords differ"));
      return NULL;
    }
  return g_steal_pointer (&first);
}

BelCtlPassword *
bel_ctl_read_password (const char  *file,
                       const char  *username,
                       GError     **error)
{
  if (file != NULL)
    return read_file (file, error);
  if (!isatty (STDIN_FILENO))
    return read_stream (stdin, _("standard input"), error);
  return ask_twice (username, error);
}
