/* bel-store-private.h - SQL access for the engines of libbelonging-server
 *
 * Engines write SQL that both drivers accept (docs/architecture.md,
 * "The store"): `?` parameters, numbered from 1; columns numbered from 0.
 * A BelStmt belongs to the store that prepared it and is freed before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store.h"

G_BEGIN_DECLS

typedef struct _BelStmt BelStmt;

typedef enum {
  BEL_DIALECT_SQLITE,
  BEL_DIALECT_POSTGRESQL,
} BelDialect;

BelDialect    bel_store_get_dialect  (BelStore     *self);
/* From now on a statement (prepare, exec, notify) from @thread is a bug
 * that logs a critical: belongingd forbids its main loop while it serves,
 * which must never wait for the database.  NULL lifts it. */
void          bel_store_forbid_thread (GThread     *thread);
BelStmt      *bel_store_prepare      (BelStore     *self,
                                      const char   *sql,
                                      GError      **error);
/* One or more statements without parameters or rows. */
gboolean      bel_store_exec         (BelStore     *self,
                                      const char   *sql,
                                      GError      **error);
/* Steps a statement that returns no rows (or ignores them). */
gboolean      bel_store_step_done    (BelStore     *self,
                                      BelStmt      *stmt,
                                      GError      **error);
/* Steps to the next row: TRUE with a row, FALSE at the end or on error. */
gboolean      bel_store_step_row     (BelStore     *self,
                                      BelStmt      *stmt,
                                      GError      **error);
/* The error of the store's last failed statement, prefixed with @what. */
void          bel_store_set_error    (BelStore     *self,
                                      GError      **error,
                                      const char   *what);
gint64        bel_store_last_insert_id (BelStore   *self);
int           bel_store_changes      (BelStore     *self);
gboolean      bel_store_in_transaction (BelStore   *self);

/* Used by BelTransaction */
const char   *bel_store_begin_sql        (BelStore *self);
guint         bel_store_push_transaction (BelStore *self);
void          bel_store_pop_transaction  (BelStore *self);

void          bel_stmt_free          (BelStmt      *stmt);
/* Runs the statement again from the start; bound values stay. */
void          bel_stmt_reset         (BelStmt      *stmt);
int           bel_stmt_param_count   (BelStmt      *stmt);
/* The number of columns of the current row. */
int           bel_stmt_column_count  (BelStmt      *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelStmt, bel_stmt_free)

/* Binding: NULL strings and (for nullable ids) ids <= 0 bind SQL NULL. */
void          bel_bind_int64         (BelStmt      *stmt,
                                      int           index,
                                      gint64        value);
void          bel_bind_double        (BelStmt      *stmt,
                                      int           index,
                                      double        value);
void          bel_bind_null          (BelStmt      *stmt,
                                      int           index);
void          bel_bind_text          (BelStmt      *stmt,
                                      int           index,
                                      const char   *value);
/* Binds @value and frees it. */
void          bel_bind_text_take     (BelStmt      *stmt,
                                      int           index,
                                      char         *value);
void          bel_bind_id            (BelStmt      *stmt,
                                      int           index,
                                      gint64        id);

gboolean      bel_column_is_null     (BelStmt      *stmt,
                                      int           column);
gint64        bel_column_int64       (BelStmt      *stmt,
                                      int           column);
int           bel_column_int         (BelStmt      *stmt,
                                      int           column);
double        bel_column_double      (BelStmt      *stmt,
                                      int           column);
/* NULL for SQL NULL; valid until the next step. */
const char   *bel_column_text        (BelStmt      *stmt,
                                      int           column);

char         *bel_store_now_iso      (void);

/* Changes made by other belongingd processes on the same database
 * (PostgreSQL's LISTEN/NOTIFY; with SQLite there are none).  A notice sent
 * inside a transaction arrives when it commits, at every listener, the
 * sender's own included; after a lost connection every listener is called
 * once, because notices may have been missed. */
typedef void (*BelStoreNoticeFunc) (BelStore   *store,
                                    const char *channel,
                                    gpointer    user_data);

void          bel_store_notify       (BelStore           *self,
                                      const char         *channel);
void          bel_store_listen       (BelStore           *self,
                                      const char         *channel,
                                      BelStoreNoticeFunc  func,
                                      gpointer            user_data);
void          bel_store_unlisten     (BelStore           *self,
                                      gpointer            user_data);

G_END_DECLS
