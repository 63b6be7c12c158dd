/* bel-store-private.h - SQLite access for the engines of libbelonging-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "bel-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *bel_store_get_db       (BelStore     *self);
sqlite3_stmt *bel_store_prepare      (BelStore     *self,
                                      const char   *sql,
                                      GError      **error);
gboolean      bel_store_exec         (BelStore     *self,
                                      const char   *sql,
                                      GError      **error);
/* Steps a statement that returns no rows (or ignores them). */
gboolean      bel_store_step_done    (BelStore     *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
/* Steps to the next row: TRUE with a row, FALSE at the end or on error. */
gboolean      bel_store_step_row     (BelStore     *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
void          bel_store_set_error    (BelStore     *self,
                                      GError      **error,
                                      const char   *what);
gint64        bel_store_last_insert_id (BelStore   *self);
int           bel_store_changes      (BelStore     *self);

/* Used by BelTransaction */
guint         bel_store_push_transaction (BelStore *self);
void          bel_store_pop_transaction  (BelStore *self);

/* Binding helpers: NULL strings and (for nullable ids) 0 bind SQL NULL. */
void          bel_bind_text          (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *value);
void          bel_bind_id            (sqlite3_stmt *stmt,
                                      int           index,
                                      gint64        id);
const char   *bel_column_text        (sqlite3_stmt *stmt,
                                      int           column);

char         *bel_store_now_iso      (void);

G_END_DECLS
