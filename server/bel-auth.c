/* bel-auth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-auth.h"

#include <sodium.h>
#include <string.h>

#include "bel-accounts-private.h"
#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-password.h"
#include "bel-rate-limit.h"
#include "bel-workers.h"

#define TOKEN_BYTES 32
#define WRONG_CREDENTIALS "Wrong username or password"

typedef struct {
  char     *username;
  char     *password;
  char     *address;
  char     *hash;
  gint64    account_id;
  gboolean  active;
  gboolean  verified;
  /* changing one's own password */
  char     *new_password;
  char     *new_hash;
  char     *keep_digest;  /* the session that stays */
  /* the outcome, from the worker that completes it */
  gint64      retry_after;
  BelSession *session;
  GError     *error;
} SignIn;

static void
sign_in_free (SignIn *s)
{
  if (s->password != NULL)
    sodium_memzero (s->password, strlen (s->password));
  if (s->new_password != NULL)
    sodium_memzero (s->new_password, strlen (s->new_password));
  g_free (s->new_password);
  g_free (s->new_hash);
  g_free (s->keep_digest);
  g_free (s->username);
  g_free (s->password);
  g_free (s->address);
  g_free (s->hash);
  g_clear_pointer (&s->session, bel_session_free);
  g_clear_error (&s->error);
  g_free (s);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* An account that does not exist is verified against this hash so that a
 * sign-in takes as long for a wrong username as for a wrong password. */
static const char *
dummy_hash (void)
{
  static gsize initialized;
  static char *hash;

  if (g_once_init_enter (&initialized))
    {
      hash = bel_password_hash ("not a password of anyone", NULL);
      g_once_init_leave (&initialized, 1);
    }
  return hash;
}

static char *
token_digest (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static char *
new_token (void)
{
  guchar raw[TOKEN_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (encoded, sizeof encoded, raw, sizeof raw,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (raw, sizeof raw);
  return g_strdup (encoded);
}

static char *
account_key (const char *username)
{
  return g_strconcat ("account:", username, NULL);
}

static char *
address_key (const char *address)
{
  return g_strconcat ("address:", address ? address : "unknown", NULL);
}

/* Made for each call from the configuration: the counts are in the store. */
static BelRateLimit *
sign_in_limit (BelEngine *engine)
{
  BelConfig *config = bel_engine_get_config (engine);

  return bel_rate_limit_new ("sign-in", bel_config_get_max_failures (config),
                             bel_config_get_failure_window (config));
}

static gboolean
retry_after_for (BelEngine  *engine,
                 SignIn     *s,
                 gint64     *wait,
                 GError    **error)
{
  g_autoptr(BelRateLimit) limit = sign_in_limit (engine);
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *akey = account_key (s->username);
  g_autofree char *ckey = address_key (s->address);
  gint64 now = now_seconds ();
  gint64 account_wait, address_wait;

  if (!bel_rate_limit_check (limit, store, akey, now, &account_wait, error) ||
      !bel_rate_limit_check (limit, store, ckey, now, &address_wait, error))
    return FALSE;
  *wait = MAX (account_wait, address_wait);
  return TRUE;
}

/* When the failure cannot be counted the attempt is answered 503 (the
 * limiter's error), so that a failing database never means unlimited guesses. */
static gboolean
record_failure (BelEngine  *engine,
                SignIn     *s,
                GError    **error)
{
  g_autoptr(BelRateLimit) limit = sign_in_limit (engine);
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *akey = account_key (s->username);
  g_autofree char *ckey = address_key (s->address);
  gint64 now = now_seconds ();

  return bel_rate_limit_fail (limit, store, akey, now, error) &&
         bel_rate_limit_fail (limit, store, ckey, now, error);
}

/* A success forgets the account's failures.  When that cannot be written
 * the counts stay (they age out), which errs on the safe side, so the
 * success still counts (the limiter logs the error). */
static void
forget_failures (BelEngine *engine,
                 SignIn    *s)
{
  g_autoptr(BelRateLimit) limit = sign_in_limit (engine);
  g_autofree char *akey = account_key (s->username);

  bel_rate_limit_reset (limit, bel_engine_get_store (engine), akey, NULL);
}

static BelSession *
create_session (BelEngine  *engine,
                gint64      account_id,
                GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelSession) session = g_new0 (BelSession, 1);
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *digest = NULL;
  gint64 now = now_seconds ();
  gint64 expires = now + bel_config_get_session_lifetime (bel_engine_get_config (engine));

  session->account = bel_accounts_load (engine, account_id, error);
  if (session->account == NULL)
    return NULL;
  session->token = new_token ();
  session->expires_at = g_date_time_new_from_unix_utc (expires);
  digest = token_digest (session->token);
  stmt = bel_store_prepare (store,
                            "INSERT INTO session (token_hash, account_id, created_unix, expires_unix, "
                            "last_used_unix) VALUES (?, ?, ?3, ?4, ?3)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, digest);
  bel_bind_int64 (stmt, 2, account_id);
  bel_bind_int64 (stmt, 3, now);
  bel_bind_int64 (stmt, 4, expires);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  return g_steal_pointer (&session);
}

/* Before the hash is checked: limits and the stored hash. */
static gboolean
sign_in_prepare (BelEngine  *engine,
                 SignIn     *s,
                 gint64     *retry_after,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 wait = 0;

  if (!retry_after_for (engine, s, &wait, error))
    return FALSE;
  if (wait > 0)
    {
      *retry_after = wait;
      g_set_error (error, BEL_ERROR, BEL_ERROR_RATE_LIMITED,
                   "Too many failed sign-ins; try again in %" G_GINT64_FORMAT " seconds", wait);
      return FALSE;
    }
  if (!bel_accounts_lookup_hash (engine, s->username, &s->account_id, &s->hash, &s->active,
                                 &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      s->account_id = 0;
    }
  return TRUE;
}

/* After the hash is checked: count failures or open the session. */
static BelSession *
sign_in_complete (BelEngine  *engine,
                  SignIn     *s,
                  GError    **error)
{
  if (!s->verified || s->account_id == 0)
    {
      if (record_failure (engine, s, error))
        g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, WRONG_CREDENTIALS);
      return NULL;
    }
  if (!s->active)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, "This account is disabled");
      return NULL;
    }
  forget_failures (engine, s);
  return create_session (engine, s->account_id, error);
}

static SignIn *
sign_in_new (const char *username,
             const char *password,
             const char *address)
{
  SignIn *s = g_new0 (SignIn, 1);

  s->username = g_strdup (username ? username : "");
  s->password = g_strdup (password ? password : "");
  s->address = g_strdup (address);
  return s;
}

/* ---- the stages of an asynchronous sign-in or password change ----
 *
 * On the calling worker: the limits and the stored hash (prepare); on
 * GLib's task threads: argon2id (hash), which would otherwise keep workers
 * from other requests during a morning's sign-ins; on a worker again: the
 * failure count or the new session (complete); then the caller's callback
 * on the main loop. */

typedef void (*StageFunc) (BelEngine *engine,
                           SignIn    *s);

static void
hash_in_thread (GTask        *inner,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SignIn *s = task_data;

  s->verified = bel_password_verify (s->hash ? s->hash : dummy_hash (), s->password);
  if (s->verified && s->new_password != NULL)
    s->new_hash = bel_password_hash (s->new_password, NULL);
  g_task_return_boolean (inner, TRUE);
}

static void
complete_in_worker (gpointer  data,
                    GError   *error)
{
  GTask *task = data;
  SignIn *s = g_task_get_task_data (task);
  StageFunc complete = g_object_get_data (G_OBJECT (task), "complete");

  if (error != NULL)
    s->error = g_error_copy (error);
  else
    complete (g_task_get_source_object (task), s);
}

static void
complete_done (gpointer data)
{
  g_autoptr(GTask) task = data;
  SignIn *s = g_task_get_task_data (task);

  if (s->error != NULL)
    g_task_return_error (task, g_steal_pointer (&s->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
hashed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;

  bel_workers_run (g_task_get_source_object (task), complete_in_worker, complete_done, task);
}

/* Prepares on this thread, then goes on through the stages above. */
static void
stages_start (GTask     *task,
              StageFunc  complete)
{
  SignIn *s = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;

  if (!sign_in_prepare (g_task_get_source_object (task), s, &s->retry_after, &s->error))
    {
      g_task_return_error (task, g_steal_pointer (&s->error));
      return;
    }
  g_object_set_data (G_OBJECT (task), "complete", complete);
  inner = g_task_new (NULL, NULL, hashed, g_object_ref (task));
  g_task_set_task_data (inner, s, NULL);
  g_task_run_in_thread (inner, hash_in_thread);
}

/* Whether the stages succeeded; the retry-after of a refusal either way. */
static SignIn *
stages_finish (GAsyncResult  *result,
               gint64        *retry_after,
               GError       **error)
{
  SignIn *s = g_task_get_task_data (G_TASK (result));

  if (retry_after != NULL)
    *retry_after = s->retry_after;
  return g_task_propagate_boolean (G_TASK (result), error) ? s : NULL;
}

static void
sign_in_stage_complete (BelEngine *engine,
                        SignIn    *s)
{
  s->session = sign_in_complete (engine, s, &s->error);
}

void
bel_auth_sign_in_async (BelEngine           *engine,
                        const char          *username,
                        const char          *password,
                        const char          *client_address,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BEL_IS_ENGINE (engine));

  task = g_task_new (engine, cancellable, callback, user_data);
  g_task_set_source_tag (task, bel_auth_sign_in_async);
  g_task_set_task_data (task, sign_in_new (username, password, client_address),
                        (GDestroyNotify) sign_in_free);
  stages_start (task, sign_in_stage_complete);
}

BelSession *
bel_auth_sign_in_finish (BelEngine     *engine,
                         GAsyncResult  *result,
                         gint64        *retry_after,
                         GError       **error)
{
  SignIn *s;

  g_return_val_if_fail (g_task_is_valid (result, engine), NULL);

  s = stages_finish (result, retry_after, error);
  return s != NULL ? g_steal_pointer (&s->session) : NULL;
}

static gboolean
touch_session (BelStore  *store,
               gint64     session_id,
               gint64     now,
               GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE session SET last_used_unix = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, now);
  bel_bind_int64 (stmt, 2, session_id);
  return bel_store_step_done (store, stmt, error);
}

static gboolean
delete_session (BelStore   *store,
                const char *digest,
                GError    **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "DELETE FROM session WHERE token_hash = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, digest);
  return bel_store_step_done (store, stmt, error);
}

BelAccount *
bel_auth_authenticate (BelEngine   *engine,
                       const char  *token,
                       GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *digest = NULL;
  gint64 now = now_seconds ();
  gint64 session_id, account_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, "Sign in first");
      return NULL;
    }
  store = bel_engine_get_store (engine);
  digest = token_digest (token);
  stmt = bel_store_prepare (store,
                            "SELECT id, account_id, expires_unix, last_used_unix FROM session "
                            "WHERE token_hash = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, digest);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED,
                             "Your session has ended; sign in again");
      return NULL;
    }
  session_id = bel_column_int64 (stmt, 0);
  account_id = bel_column_int64 (stmt, 1);
  if (bel_column_int64 (stmt, 2) <= now)
    {
      g_clear_pointer (&stmt, bel_stmt_free);
      delete_session (store, digest, NULL);
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, "Your session has expired; sign in again");
      return NULL;
    }
  /* Writing last use at most once a minute keeps reads from becoming writes. */
  if (now - bel_column_int64 (stmt, 3) >= 60)
    touch_session (store, session_id, now, NULL);
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL)
    return NULL;
  if (!bel_resource_get_bool (account, "active"))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, "This account is disabled");
      return NULL;
    }
  return g_steal_pointer (&account);
}

gboolean
bel_auth_sign_out (BelEngine   *engine,
                   const char  *token,
                   GError     **error)
{
  BelStore *store;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  if (token == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, "Sign in first");
      return FALSE;
    }
  store = bel_engine_get_store (engine);
  digest = token_digest (token);
  if (!delete_session (store, digest, error))
    return FALSE;
  if (bel_store_changes (store) == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, "Your session has ended already");
      return FALSE;
    }
  return TRUE;
}

/* ---- changing one's own password ---- */

/* The policy's error, about the field "new_password". */
static gboolean
check_new_password (const char  *current,
                    const char  *new_password,
                    GError     **error)
{
  g_autoptr(GError) policy_error = NULL;

  if (!bel_password_check_policy (new_password, &policy_error))
    {
      const char *why = strchr (policy_error->message, ':');

      bel_set_invalid_field (error, "new_password", "%s", why != NULL ? why + 2 : policy_error->message);
      return FALSE;
    }
  if (g_strcmp0 (current, new_password) == 0)
    {
      bel_set_invalid_field (error, "new_password", "must differ from the current password");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_own_password (BelEngine  *engine,
                    SignIn     *s,
                    GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = bel_engine_begin (engine, error);
  g_autoptr(BelStmt) update = NULL;
  g_autoptr(BelStmt) others = NULL;
  g_autoptr(BelAccount) actor = NULL;

  if (tx == NULL)
    return FALSE;
  update = bel_store_prepare (store, "UPDATE account SET password_hash = ? WHERE id = ?", error);
  if (update == NULL)
    return FALSE;
  bel_bind_text (update, 1, s->new_hash);
  bel_bind_int64 (update, 2, s->account_id);
  if (!bel_store_step_done (store, update, error))
    return FALSE;
  /* Whoever else holds a session of this account (a lost laptop) is signed out. */
  others = bel_store_prepare (store, "DELETE FROM session WHERE account_id = ? AND token_hash != ?", error);
  if (others == NULL)
    return FALSE;
  bel_bind_int64 (others, 1, s->account_id);
  bel_bind_text (others, 2, s->keep_digest);
  if (!bel_store_step_done (store, others, error))
    return FALSE;
  actor = bel_accounts_load (engine, s->account_id, error);
  if (actor == NULL)
    return FALSE;
  bel_engine_audit (engine, actor, "account.password.own", 0, s->username);
  return bel_transaction_commit (tx, error);
}

static void
change_stage_complete (BelEngine *engine,
                       SignIn    *s)
{
  if (!s->verified || s->account_id == 0)
    {
      if (record_failure (engine, s, &s->error))
        bel_set_invalid_field (&s->error, "current_password", "is not your current password");
      return;
    }
  if (s->new_hash == NULL)
    {
      g_set_error_literal (&s->error, BEL_ERROR, BEL_ERROR_FAILED, "The new password could not be stored");
      return;
    }
  forget_failures (engine, s);
  write_own_password (engine, s, &s->error);
}

void
bel_auth_change_password_async (BelEngine           *engine,
                                BelAccount          *actor,
                                const char          *token,
                                const char          *current_password,
                                const char          *new_password,
                                const char          *client_address,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignIn *s;

  g_return_if_fail (BEL_IS_ENGINE (engine));
  g_return_if_fail (BEL_IS_ACCOUNT (actor));

  task = g_task_new (engine, cancellable, callback, user_data);
  g_task_set_source_tag (task, bel_auth_change_password_async);
  s = sign_in_new (bel_resource_get_string (actor, "username"), current_password, client_address);
  s->new_password = g_strdup (new_password ? new_password : "");
  s->keep_digest = token_digest (token ? token : "");
  g_task_set_task_data (task, s, (GDestroyNotify) sign_in_free);
  if (!check_new_password (s->password, s->new_password, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stages_start (task, change_stage_complete);
}

gboolean
bel_auth_change_password_finish (BelEngine     *engine,
                                 GAsyncResult  *result,
                                 gint64        *retry_after,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, engine), FALSE);

  return stages_finish (result, retry_after, error) != NULL;
}
