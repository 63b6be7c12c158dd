/* bel-store-driver.h - what a database driver gives BelStore
 *
 * BelStore keeps what both databases share (migrations, transactions, the
 * engines' statement API); a driver speaks to one database.  Drivers set
 * errors in the BEL_ERROR domain: BEL_ERROR_CONFLICT for a broken
 * constraint, BEL_ERROR_UNAVAILABLE when the database is busy or gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store-private.h"

G_BEGIN_DECLS

typedef enum {
  BEL_STEP_ERROR,
  BEL_STEP_ROW,
  BEL_STEP_DONE,
} BelStep;

typedef struct _BelStoreDriver BelStoreDriver;

/* Drivers put this first in their own statement struct. */
struct _BelStmt
{
  const BelStoreDriver *driver;
};

struct _BelStoreDriver
{
  const char *name;
  BelDialect  dialect;
  const char *migrations;     /* GResource directory of NNNN-*.sql files */
  const char *prelude;        /* GResource run before the migrations at every open, or NULL */

  gpointer  (*open)            (const char *location, GError **error);
  void      (*close)           (gpointer conn);
  gboolean  (*configure)       (gpointer conn, GError **error);
  gboolean  (*exec)            (gpointer conn, const char *sql, GError **error);
  BelStmt  *(*prepare)         (gpointer conn, const char *sql, GError **error);
  void      (*last_error)      (gpointer conn, GError **error, const char *what);
  gint64    (*last_insert_id)  (gpointer conn);
  int       (*changes)         (gpointer conn);
  gboolean  (*in_transaction)  (gpointer conn);
  /* The SQL that starts a write transaction (one writer at a time). */
  const char *begin_sql;
  gboolean  (*integrity_check) (gpointer conn, GError **error);
  gboolean  (*checkpoint)      (gpointer conn, GError **error);
  gint64    (*size)            (gpointer conn, const char *location);
  /* Optional: notices between processes (NULL: there are no others). */
  void      (*notify)          (gpointer conn, const char *channel);
  void      (*listen)          (gpointer conn, const char *location, const char *channel,
                                void (*func) (const char *channel, gpointer data), gpointer data);
  void      (*unlisten)        (gpointer conn, gpointer data);

  BelStep   (*step)            (BelStmt *stmt, GError **error);
  void      (*reset)           (BelStmt *stmt);
  void      (*free)            (BelStmt *stmt);
  int       (*param_count)     (BelStmt *stmt);
  int       (*column_count)    (BelStmt *stmt);
  void      (*bind_int64)      (BelStmt *stmt, int index, gint64 value);
  void      (*bind_double)     (BelStmt *stmt, int index, double value);
  void      (*bind_null)       (BelStmt *stmt, int index);
  void      (*bind_text)       (BelStmt *stmt, int index, const char *value);
  gboolean  (*column_is_null)  (BelStmt *stmt, int column);
  gint64    (*column_int64)    (BelStmt *stmt, int column);
  double    (*column_double)   (BelStmt *stmt, int column);
  const char *(*column_text)   (BelStmt *stmt, int column);
};

extern const BelStoreDriver bel_store_sqlite_driver;
extern const BelStoreDriver bel_store_postgresql_driver;

G_END_DECLS
