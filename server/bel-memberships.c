/* bel-memberships.c - an account's role in a school (declared in bel-accounts.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-accounts-private.h"

#include "bel-engine-private.h"
#include "bel-error.h"

static gboolean
bump_account_version (BelStore  *store,
                      gint64     account_id,
                      GError   **error)
{
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE account SET version = version + 1, updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, now);
  bel_bind_int64 (stmt, 2, account_id);
  return bel_store_step_done (store, stmt, error);
}

static BelMembership *
find_membership (BelAccount *account,
                 gint64      school_id)
{
  GListModel *list = bel_resource_get_object (account, "memberships");

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BelMembership) m = g_list_model_get_item (list, i);
      if (bel_resource_get_int (m, "school-id") == school_id)
        return g_steal_pointer (&m);
    }
  return NULL;
}

BelMembership *
bel_memberships_put (BelEngine      *engine,
                     BelAccount     *actor,
                     gint64          school_id,
                     gint64          account_id,
                     BelMembership  *membership,
                     GError        **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  const char *role;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_MEMBERSHIP (membership), NULL);

  if (!bel_engine_require_admin (actor, error) ||
      !bel_engine_school_exists (engine, school_id, error))
    return NULL;
  role = bel_resource_get_string (membership, "role");
  if (role == NULL || !g_strv_contains (bel_school_roles, role))
    {
      bel_set_invalid_field (error, "role", "must be one of: teacher, counselor, leader");
      return NULL;
    }
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO membership (account_id, school_id, role, title) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (account_id, school_id) DO UPDATE SET "
                            "role = excluded.role, title = excluded.title", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, account_id);
  bel_bind_int64 (stmt, 2, school_id);
  bel_bind_text (stmt, 3, role);
  bel_bind_text (stmt, 4, bel_resource_get_string (membership, "title"));
  if (!bel_store_step_done (store, stmt, error) ||
      !bump_account_version (store, account_id, error))
    return NULL;
  bel_engine_audit (engine, actor, "membership.put", 0, role);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  g_clear_object (&account);
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL)
    return NULL;
  return find_membership (account, school_id);
}

gboolean
bel_memberships_delete (BelEngine   *engine,
                        BelAccount  *actor,
                        gint64       school_id,
                        gint64       account_id,
                        GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  if (!bel_engine_require_admin (actor, error) ||
      !bel_engine_school_exists (engine, school_id, error))
    return FALSE;
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return FALSE;
  account = bel_accounts_load (engine, account_id, error);
  if (account == NULL)
    return FALSE;
  stmt = bel_store_prepare (store, "DELETE FROM membership WHERE account_id = ? AND school_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, account_id);
  bel_bind_int64 (stmt, 2, school_id);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  if (bel_store_changes (store) > 0)
    {
      if (!bump_account_version (store, account_id, error))
        return FALSE;
      bel_engine_audit (engine, actor, "membership.delete", 0, NULL);
    }
  return bel_transaction_commit (tx, error);
}
