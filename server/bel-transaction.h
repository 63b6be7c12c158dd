/* bel-transaction.h - a scope of database work that commits or rolls back as one
 *
 *   g_autoptr(BelTransaction) tx = bel_transaction_begin (store, error);
 *   if (tx == NULL) return FALSE;
 *   ... engine calls ...
 *   return bel_transaction_commit (tx, error);
 *
 * Freeing a transaction that was not committed rolls it back.  Transactions
 * nest: the outermost one is BEGIN IMMEDIATE ... COMMIT, inner ones are
 * savepoints, so engine functions (which open their own) can be grouped by a
 * caller into one atomic, fast unit (e.g. the demo generator).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store.h"

G_BEGIN_DECLS

typedef struct _BelTransaction BelTransaction;

BelTransaction *bel_transaction_begin  (BelStore        *store,
                                        GError         **error);
gboolean        bel_transaction_commit (BelTransaction  *tx,
                                        GError         **error);
void            bel_transaction_free   (BelTransaction  *tx);

/* Calls @func (@store, @user_data) once after the outermost transaction open
 * on @store commits; forgotten if it rolls back.  A pair already pending is
 * not added twice.  Without an open transaction, calls it at once.  Used by
 * bel-events.c to publish live events only once they are committed. */
typedef void (*BelCommitFunc) (BelStore *store, gpointer user_data);
void            bel_transaction_on_commit (BelStore      *store,
                                           BelCommitFunc  func,
                                           gpointer       user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelTransaction, bel_transaction_free)

G_END_DECLS
