/* bel-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-accounts-private.h"

#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-password.h"

#define ACCOUNT_COLUMNS "id, username, display_name, email, server_role, active, version "

static BelAccount *
account_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_ACCOUNT,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "username", bel_column_text (stmt, 1),
                       "display-name", bel_column_text (stmt, 2),
                       "email", bel_column_text (stmt, 3),
                       "server-role", bel_column_text (stmt, 4),
                       "active", bel_column_int (stmt, 5) != 0,
                       "version", (gint64) bel_column_int64 (stmt, 6),
                       NULL);
}

BelMembership *
bel_membership_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_MEMBERSHIP,
                       "school-id", (gint64) bel_column_int64 (stmt, 0),
                       "school-name", bel_column_text (stmt, 1),
                       "account-id", (gint64) bel_column_int64 (stmt, 2),
                       "username", bel_column_text (stmt, 3),
                       "display-name", bel_column_text (stmt, 4),
                       "role", bel_column_text (stmt, 5),
                       "title", bel_column_text (stmt, 6),
                       "classes", (gint64) bel_column_int64 (stmt, 7),
                       NULL);
}

static gboolean
load_memberships (BelEngine   *engine,
                  BelAccount  *account,
                  GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GListStore) list = g_list_store_new (BEL_TYPE_MEMBERSHIP);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      BEL_MEMBERSHIP_SELECT "WHERE m.account_id = ? ORDER BY lower(s.name), s.id", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (account));
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(BelMembership) m = bel_membership_from_row (stmt);
      g_list_store_append (list, m);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_object_set (account, "memberships", list, NULL);
  return TRUE;
}

static BelAccount *
load_where (BelEngine  *engine,
            const char *sql,
            gint64      id,
            const char *username,
            GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(BelAccount) account = NULL;

  if (stmt == NULL)
    return NULL;
  if (username != NULL)
    bel_bind_text (stmt, 1, username);
  else
    bel_bind_int64 (stmt, 1, id);
  if (!bel_store_step_row (store, stmt, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No such account");
      return NULL;
    }
  account = account_from_row (stmt);
  if (!load_memberships (engine, account, error))
    return NULL;
  return g_steal_pointer (&account);
}

BelAccount *
bel_accounts_load (BelEngine  *engine,
                   gint64      account_id,
                   GError    **error)
{
  return load_where (engine, "SELECT " ACCOUNT_COLUMNS "FROM account WHERE id = ?",
                     account_id, NULL, error);
}

gboolean
bel_accounts_lookup_hash (BelEngine   *engine,
                          const char  *username,
                          gint64      *account_id,
                          char       **password_hash,
                          gboolean    *active,
                          GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT id, password_hash, active FROM account WHERE username = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, username);
  if (!bel_store_step_row (store, stmt, error))
    return FALSE;
  *account_id = bel_column_int64 (stmt, 0);
  *password_hash = g_strdup (bel_column_text (stmt, 1));
  *active = bel_column_int (stmt, 2) != 0;
  return TRUE;
}

gboolean
bel_accounts_end_sessions (BelEngine  *engine,
                           gint64      account_id,
                           GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "DELETE FROM session WHERE account_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, account_id);
  return bel_store_step_done (store, stmt, error);
}

static void
validate_account (BelAccount    *account,
                  BelValidation *v)
{
  const char *username = bel_resource_get_string (account, "username");
  const char *email = bel_resource_get_string (account, "email");

  if (username == NULL || !g_regex_match_simple ("^[a-z0-9][a-z0-9._-]*$", username, 0, 0))
    bel_validation_add (v, "username",
                        "must start with a lowercase letter or digit and contain only a-z, 0-9, '.', '_' and '-'");
  if (bel_engine_is_blank (bel_resource_get_string (account, "display-name")))
    bel_validation_add (v, "display_name", "must not be empty");
  if (email != NULL && *email != '\0' &&
      !g_regex_match_simple ("^[^@\\s]+@[^@\\s]+$", email, 0, 0))
    bel_validation_add (v, "email", "must be an e-mail address");
}

GPtrArray *
bel_accounts_list (BelEngine   *engine,
                   BelAccount  *actor,
                   GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_admin (actor, error))
    return NULL;
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, "SELECT " ACCOUNT_COLUMNS "FROM account ORDER BY username", error);
  if (stmt == NULL)
    return NULL;
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(BelAccount) account = account_from_row (stmt);
      if (!load_memberships (engine, account, error))
        return NULL;
      g_ptr_array_add (out, g_steal_pointer (&account));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelAccount *
bel_accounts_get (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       account_id,
                  GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  if (bel_resource_get_id (actor) != account_id && !bel_engine_require_admin (actor, error))
    return NULL;
  return bel_accounts_load (engine, account_id, error);
}

BelAccount *
bel_accounts_get_by_username (BelEngine   *engine,
                              BelAccount  *actor,
                              const char  *username,
                              GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  if (g_strcmp0 (bel_resource_get_string (actor, "username"), username) != 0 &&
      !bel_engine_require_admin (actor, error))
    return NULL;
  return load_where (engine, "SELECT " ACCOUNT_COLUMNS "FROM account WHERE username = ?",
                     0, username, error);
}

BelAccount *
bel_accounts_create_with_hash (BelEngine   *engine,
                               BelAccount  *actor,
                               BelAccount  *account,
                               const char  *password_hash,
                               GError     **error)
{
  BelStore *store;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelAccount) created = NULL;
  g_autofree char *now = bel_store_now_iso ();

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (password_hash != NULL, NULL);

  if (!bel_engine_require_admin (actor, error))
    return NULL;
  validate_account (account, v);
  if (!bel_validation_finish (v, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO account (username, display_name, email, server_role, active, "
                            "password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?7, ?7)",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (account, "username"));
  bel_bind_text (stmt, 2, bel_resource_get_string (account, "display-name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (account, "email"));
  bel_bind_text (stmt, 4, bel_resource_get_string (account, "server-role") ?: "none");
  bel_bind_int64 (stmt, 5, bel_engine_get_bool (account, "active"));
  bel_bind_text (stmt, 6, password_hash);
  bel_bind_text (stmt, 7, now);
  if (!bel_engine_step_unique (store, stmt, "An account with this username exists", error))
    return NULL;
  created = bel_accounts_load (engine, bel_store_last_insert_id (store), error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "account.create", 0, bel_resource_get_string (created, "username"));
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

BelAccount *
bel_accounts_create (BelEngine   *engine,
                     BelAccount  *actor,
                     BelAccount  *account,
                     GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GError) policy_error = NULL;
  g_autofree char *hash = NULL;
  const char *password;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (account), NULL);

  if (!bel_engine_require_admin (actor, error))
    return NULL;
  /* Report every invalid field at once, the password's among them. */
  validate_account (account, v);
  password = bel_resource_get_string (account, "password");
  if (!bel_password_check_policy (password, &policy_error))
    bel_validation_add (v, "password", "%s", policy_error->message + strlen ("password: "));
  if (!bel_validation_finish (v, error))
    return NULL;
  hash = bel_password_hash (password, error);
  if (hash == NULL)
    return NULL;
  return bel_accounts_create_with_hash (engine, actor, account, hash, error);
}

static gboolean
write_password (BelEngine   *engine,
                gint64       account_id,
                const char  *password,
                GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *hash = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  if (!bel_password_check_policy (password, error))
    return FALSE;
  hash = bel_password_hash (password, error);
  if (hash == NULL)
    return FALSE;
  stmt = bel_store_prepare (store, "UPDATE account SET password_hash = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, hash);
  bel_bind_int64 (stmt, 2, account_id);
  return bel_store_step_done (store, stmt, error) &&
         bel_accounts_end_sessions (engine, account_id, error);
}

static gboolean
write_account (BelEngine   *engine,
               BelAccount  *account,
               GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE account SET display_name = ?, email = ?, server_role = ?, active = ?, "
      "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, bel_resource_get_string (account, "display-name"));
  bel_bind_text (stmt, 2, bel_resource_get_string (account, "email"));
  bel_bind_text (stmt, 3, bel_resource_get_string (account, "server-role"));
  bel_bind_int64 (stmt, 4, bel_engine_get_bool (account, "active"));
  bel_bind_text (stmt, 5, now);
  bel_bind_int64 (stmt, 6, bel_resource_get_id (account));
  bel_bind_int64 (stmt, 7, bel_resource_get_version (account));
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  if (!bel_engine_get_bool (account, "active"))
    return bel_accounts_end_sessions (engine, bel_resource_get_id (account), error);
  return TRUE;
}

BelAccount *
bel_accounts_update (BelEngine          *engine,
                     BelAccount         *actor,
                     gint64              account_id,
                     gint64              expected_version,
                     BelAccount         *changes,
                     const char * const *fields,
                     GError            **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelAccount) account = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (changes), NULL);

  if (!bel_engine_require_admin (actor, error))
    return NULL;
  if (bel_engine_fields_contain (fields, "username"))
    {
      bel_set_invalid_field (error, "username", "cannot be changed");
      return NULL;
    }
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (account), error) ||
      !bel_engine_copy_fields (account, changes, fields, error))
    return NULL;
  validate_account (account, v);
  if (!bel_validation_finish (v, error) || !write_account (engine, account, error))
    return NULL;
  if (bel_engine_fields_contain (fields, "password") &&
      !write_password (engine, account_id, bel_resource_get_string (changes, "password"), error))
    return NULL;
  g_clear_object (&account);
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "account.update", 0, bel_resource_get_string (account, "username"));
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&account);
}

gboolean
bel_accounts_set_password (BelEngine   *engine,
                           BelAccount  *actor,
                           gint64       account_id,
                           const char  *password,
                           GError     **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelAccount) account = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  if (!bel_engine_require_admin (actor, error))
    return FALSE;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return FALSE;
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL || !write_password (engine, account_id, password, error))
    return FALSE;
  bel_engine_audit (engine, actor, "account.password", 0, bel_resource_get_string (account, "username"));
  return bel_transaction_commit (tx, error);
}
