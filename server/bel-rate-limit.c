/* bel-rate-limit.c
 *
 * One row per failure, holding the key's HMAC, its time and when it stops
 * counting.  A check reads the key's max_failures-th newest failure inside
 * the window: when there is one, the key waits until it leaves the window.
 * Counting a failure also deletes every expired row (of every key and
 * scope), so the table holds no more than the failures of one window; the
 * index on expires_unix keeps that cheap.
 *
 * Writes take the store's write lock (PostgreSQL's advisory lock), each in a
 * short transaction of its own, nested as a savepoint when the caller has one
 * open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-rate-limit.h"

#include <sodium.h>
#include <string.h>

#include "bel-error.h"
#include "bel-store-private.h"
#include "bel-transaction.h"

#define SECRET_BYTES 32

struct _BelRateLimit
{
  char   *scope;
  guint   max_failures;
  gint64  window;
};

BelRateLimit *
bel_rate_limit_new (const char *scope,
                    guint       max_failures,
                    gint64      window_seconds)
{
  BelRateLimit *self;

  g_return_val_if_fail (scope != NULL, NULL);

  self = g_new0 (BelRateLimit, 1);
  self->scope = g_strdup (scope);
  self->max_failures = MAX (max_failures, 1);
  self->window = MAX (window_seconds, 1);
  return self;
}

void
bel_rate_limit_free (BelRateLimit *self)
{
  if (self == NULL)
    return;
  g_free (self->scope);
  g_free (self);
}

/* The store's error, logged, becomes a 503 that says what could not be done:
 * the request is refused, never let through uncounted. */
static gboolean
unavailable (GError     **error,
             GError      *local_error,
             const char  *what)
{
  g_warning ("Rate limit: could not %s: %s", what, local_error->message);
  g_error_free (local_error);
  g_set_error (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "Could not %s; try again", what);
  return FALSE;
}

/* The secret, or NULL without an error when none was written yet. */
static char *
load_secret (BelStore  *store,
             GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT secret FROM rate_limit_secret WHERE id = 1", error);

  if (stmt == NULL || !bel_store_step_row (store, stmt, error))
    return NULL;
  return g_strdup (bel_column_text (stmt, 0));
}

/* The first failure ever counted draws the secret; when two daemons race,
 * the one that commits first wins and both use its secret. */
static char *
ensure_secret (BelStore  *store,
               GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  char *secret = load_secret (store, &local_error);
  guchar raw[SECRET_BYTES];
  char hex[SECRET_BYTES * 2 + 1];

  if (secret != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return secret;
    }
  if (sodium_init () < 0)
    g_error ("libsodium could not start");
  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (hex, sizeof hex, raw, sizeof raw);
  sodium_memzero (raw, sizeof raw);
  stmt = bel_store_prepare (store, "INSERT INTO rate_limit_secret (id, secret) VALUES (1, ?) "
                                   "ON CONFLICT (id) DO NOTHING", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, hex);
  sodium_memzero (hex, sizeof hex);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  secret = load_secret (store, &local_error);
  if (secret == NULL && local_error == NULL)
    g_set_error_literal (&local_error, BEL_ERROR, BEL_ERROR_FAILED, "The secret was not stored");
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return secret;
}

static char *
key_hash (BelRateLimit *self,
          const char   *secret,
          const char   *key)
{
  g_autofree char *message = g_strconcat (self->scope, "\n", key ? key : "", NULL);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret), message, -1);
}

/* The time of the key's max_failures-th newest failure in the window, 0 when
 * it has fewer. */
static gboolean
nth_newest_failure (BelRateLimit  *self,
                    BelStore      *store,
                    const char    *hash,
                    gint64         now,
                    gint64        *failed,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT failed_unix FROM rate_limit_failure WHERE key_hash = ? AND failed_unix > ? "
      "ORDER BY failed_unix DESC LIMIT 1 OFFSET ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, hash);
  bel_bind_int64 (stmt, 2, now - self->window);
  bel_bind_int64 (stmt, 3, self->max_failures - 1);
  *failed = 0;
  if (bel_store_step_row (store, stmt, &local_error))
    *failed = bel_column_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_rate_limit_check (BelRateLimit  *self,
                      BelStore      *store,
                      const char    *key,
                      gint64         now,
                      gint64        *retry_after,
                      GError       **error)
{
  GError *local_error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *hash = NULL;
  gint64 failed = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BEL_IS_STORE (store), FALSE);
  g_return_val_if_fail (retry_after != NULL, FALSE);

  *retry_after = 0;
  secret = load_secret (store, &local_error);
  if (local_error != NULL)
    return unavailable (error, local_error, "check for failed attempts");
  /* No secret yet: no failure was ever counted. */
  if (secret == NULL)
    return TRUE;
  hash = key_hash (self, secret, key);
  if (!nth_newest_failure (self, store, hash, now, &failed, &local_error))
    return unavailable (error, local_error, "check for failed attempts");
  /* Allowed again once that failure has aged out of the window. */
  if (failed > 0)
    *retry_after = MAX (failed + self->window - now, 1);
  return TRUE;
}

static gboolean
insert_failure (BelRateLimit  *self,
                BelStore      *store,
                const char    *hash,
                gint64         now,
                GError       **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO rate_limit_failure (key_hash, failed_unix, expires_unix) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, hash);
  bel_bind_int64 (stmt, 2, now);
  bel_bind_int64 (stmt, 3, now + self->window);
  return bel_store_step_done (store, stmt, error);
}

static gboolean
prune_expired (BelStore  *store,
               gint64     now,
               GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "DELETE FROM rate_limit_failure WHERE expires_unix <= ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, now);
  return bel_store_step_done (store, stmt, error);
}

static gboolean
record (BelRateLimit  *self,
        BelStore      *store,
        const char    *key,
        gint64         now,
        GError       **error)
{
  g_autoptr(BelTransaction) tx = bel_transaction_begin (store, error);
  g_autofree char *secret = NULL;
  g_autofree char *hash = NULL;

  if (tx == NULL)
    return FALSE;
  secret = ensure_secret (store, error);
  if (secret == NULL)
    return FALSE;
  hash = key_hash (self, secret, key);
  return insert_failure (self, store, hash, now, error) &&
         prune_expired (store, now, error) &&
         bel_transaction_commit (tx, error);
}

gboolean
bel_rate_limit_fail (BelRateLimit  *self,
                     BelStore      *store,
                     const char    *key,
                     gint64         now,
                     GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BEL_IS_STORE (store), FALSE);

  if (!record (self, store, key, now, &local_error))
    return unavailable (error, local_error, "count the failed attempt");
  return TRUE;
}

static gboolean
forget (BelRateLimit  *self,
        BelStore      *store,
        const char    *key,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *secret = load_secret (store, &local_error);
  g_autofree char *hash = NULL;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (secret == NULL)
    return TRUE;
  hash = key_hash (self, secret, key);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return FALSE;
  stmt = bel_store_prepare (store, "DELETE FROM rate_limit_failure WHERE key_hash = ?", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, hash);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, bel_stmt_free);
  return bel_transaction_commit (tx, error);
}

gboolean
bel_rate_limit_reset (BelRateLimit  *self,
                      BelStore      *store,
                      const char    *key,
                      GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BEL_IS_STORE (store), FALSE);

  if (!forget (self, store, key, &local_error))
    return unavailable (error, local_error, "forget the failed attempts");
  return TRUE;
}
