/* bel-transaction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-transaction.h"

#include "bel-store-private.h"

struct _BelTransaction
{
  BelStore *store;
  guint     depth;
  gboolean  done;
};

/* Post-commit callbacks, kept on the store while its transaction is open */
typedef struct { BelCommitFunc func; gpointer user_data; } CommitHook;

#define COMMIT_HOOKS "bel-transaction-commit-hooks"

void
bel_transaction_on_commit (BelStore      *store,
                           BelCommitFunc  func,
                           gpointer       user_data)
{
  GArray *hooks;
  CommitHook hook = { func, user_data };

  g_return_if_fail (BEL_IS_STORE (store) && func != NULL);

  if (!bel_store_in_transaction (store))
    {
      func (store, user_data);
      return;
    }
  hooks = g_object_get_data (G_OBJECT (store), COMMIT_HOOKS);
  if (hooks == NULL)
    {
      hooks = g_array_new (FALSE, FALSE, sizeof (CommitHook));
      g_object_set_data_full (G_OBJECT (store), COMMIT_HOOKS, hooks, (GDestroyNotify) g_array_unref);
    }
  for (guint i = 0; i < hooks->len; i++)
    if (g_array_index (hooks, CommitHook, i).func == func &&
        g_array_index (hooks, CommitHook, i).user_data == user_data)
      return;
  g_array_append_val (hooks, hook);
}

static void
run_commit_hooks (BelStore *store,
                  gboolean  committed)
{
  g_autoptr(GArray) hooks = g_object_steal_data (G_OBJECT (store), COMMIT_HOOKS);

  for (guint i = 0; committed && hooks != NULL && i < hooks->len; i++)
    g_array_index (hooks, CommitHook, i).func (store, g_array_index (hooks, CommitHook, i).user_data);
}

BelTransaction *
bel_transaction_begin (BelStore  *store,
                       GError   **error)
{
  g_autofree char *sql = NULL;
  BelTransaction *tx;
  guint depth;

  g_return_val_if_fail (BEL_IS_STORE (store), NULL);

  depth = bel_store_push_transaction (store);
  sql = depth == 0 ? g_strdup (bel_store_begin_sql (store)) : g_strdup_printf ("SAVEPOINT bel_%u", depth);
  if (!bel_store_exec (store, sql, error))
    {
      bel_store_pop_transaction (store);
      return NULL;
    }
  tx = g_new0 (BelTransaction, 1);
  tx->store = g_object_ref (store);
  tx->depth = depth;
  return tx;
}

gboolean
bel_transaction_commit (BelTransaction  *tx,
                        GError         **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (tx != NULL && !tx->done, FALSE);

  sql = tx->depth == 0 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE bel_%u", tx->depth);
  if (!bel_store_exec (tx->store, sql, error))
    return FALSE;
  tx->done = TRUE;
  bel_store_pop_transaction (tx->store);
  if (tx->depth == 0)
    run_commit_hooks (tx->store, TRUE);
  return TRUE;
}

void
bel_transaction_free (BelTransaction *tx)
{
  if (tx == NULL)
    return;
  if (!tx->done)
    {
      g_autofree char *sql = NULL;

      if (tx->depth == 0)
        sql = g_strdup ("ROLLBACK");
      else
        sql = g_strdup_printf ("ROLLBACK TO bel_%u; RELEASE bel_%u", tx->depth, tx->depth);
      bel_store_exec (tx->store, sql, NULL);
      bel_store_pop_transaction (tx->store);
      if (tx->depth == 0)
        run_commit_hooks (tx->store, FALSE);
    }
  g_object_unref (tx->store);
  g_free (tx);
}
