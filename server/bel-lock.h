/* bel-lock.h - one user of a database at a time where it matters
 *
 * belongingd holds an exclusive lock on "DATABASE-lock" while it runs, and
 * "belongingctl restore" takes it before replacing the file, so a restore
 * never pulls the database from under a running daemon and a daemon never
 * starts on a half-restored file.  The lock (flock) goes away with the
 * process, even when it crashes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BelLock BelLock;

/* NULL with G_IO_ERROR_BUSY when another process holds it. */
BelLock  *bel_lock_acquire  (const char  *database,
                             GError     **error);
void      bel_lock_release  (BelLock     *lock);
/* Whether some process holds the lock of @database now. */
gboolean  bel_lock_is_held  (const char  *database);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelLock, bel_lock_release)

G_END_DECLS
