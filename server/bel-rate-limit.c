/* bel-rate-limit.c
 *
 * Kept in memory: a restart forgets failures, which only gives an attacker
 * one more window after each restart an administrator makes.  Worker threads
 * share one: a mutex guards it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-rate-limit.h"

#define MAX_KEYS 10000

struct _BelRateLimit
{
  guint       max_failures;
  gint64      window;
  GMutex      lock;
  GHashTable *failures; /* key -> GArray of gint64 times, oldest first */
};

BelRateLimit *
bel_rate_limit_new (guint  max_failures,
                    gint64 window_seconds)
{
  BelRateLimit *self = g_new0 (BelRateLimit, 1);

  self->max_failures = MAX (max_failures, 1);
  self->window = MAX (window_seconds, 1);
  g_mutex_init (&self->lock);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  return self;
}

void
bel_rate_limit_free (BelRateLimit *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->failures);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static GArray *
expire (BelRateLimit *self,
        const char   *key,
        gint64        now)
{
  GArray *times = g_hash_table_lookup (self->failures, key);
  guint old = 0;

  if (times == NULL)
    return NULL;
  while (old < times->len && g_array_index (times, gint64, old) <= now - self->window)
    old++;
  g_array_remove_range (times, 0, old);
  if (times->len == 0)
    {
      g_hash_table_remove (self->failures, key);
      return NULL;
    }
  return times;
}

static void
forget_stale (BelRateLimit *self,
              gint64        now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *times = value;
      if (g_array_index (times, gint64, times->len - 1) <= now - self->window)
        g_hash_table_iter_remove (&iter);
    }
}

gint64
bel_rate_limit_check (BelRateLimit *self,
                      const char   *key,
                      gint64        now)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GArray *times = expire (self, key, now);
  gint64 oldest;

  if (times == NULL || times->len < self->max_failures)
    return 0;
  /* Allowed again once enough of the window's failures have aged out. */
  oldest = g_array_index (times, gint64, times->len - self->max_failures);
  return MAX (oldest + self->window - now, 1);
}

void
bel_rate_limit_fail (BelRateLimit *self,
                     const char   *key,
                     gint64        now)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GArray *times = expire (self, key, now);

  if (times == NULL)
    {
      if (g_hash_table_size (self->failures) >= MAX_KEYS)
        forget_stale (self, now);
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->failures, g_strdup (key), times);
    }
  g_array_append_val (times, now);
  /* Keep only what the check can need. */
  if (times->len > self->max_failures)
    g_array_remove_range (times, 0, times->len - self->max_failures);
}

void
bel_rate_limit_reset (BelRateLimit *self,
                      const char   *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_hash_table_remove (self->failures, key);
}
