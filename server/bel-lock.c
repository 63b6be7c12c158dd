/* bel-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-lock.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <sys/file.h>
#include <unistd.h>

struct _BelLock
{
  int fd;
};

static char *
lock_path (const char *database)
{
  return g_strconcat (database, "-lock", NULL);
}

BelLock *
bel_lock_acquire (const char  *database,
                  GError     **error)
{
  g_autofree char *path = lock_path (database);
  BelLock *lock;
  int fd;

  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Could not open %s: %s", path,
                   g_strerror (saved));
      return NULL;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;
      close (fd);
      if (saved == EWOULDBLOCK)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     "%s is in use by a running belongingd (or a restore)", database);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Could not lock %s: %s", path,
                     g_strerror (saved));
      return NULL;
    }
  lock = g_new0 (BelLock, 1);
  lock->fd = fd;
  return lock;
}

void
bel_lock_release (BelLock *lock)
{
  if (lock == NULL)
    return;
  close (lock->fd);
  g_free (lock);
}

gboolean
bel_lock_is_held (const char *database)
{
  g_autoptr(BelLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  lock = bel_lock_acquire (database, &error);
  return lock == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY);
}
