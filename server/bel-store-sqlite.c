/* bel-store-sqlite.c - the embedded SQLite driver of BelStore
 *
 * One connection in WAL mode with synchronous=FULL, foreign keys on and a
 * busy timeout.  The default, and the demo's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bel-error.h"
#include "bel-store-driver.h"

#define BUSY_TIMEOUT_MS 5000

typedef struct {
  BelStmt       parent;
  sqlite3_stmt *stmt;
} LiteStmt;

#define LITE(s) (((LiteStmt *) (s))->stmt)

static void
lite_error (gpointer    conn,
            GError    **error,
            const char *what)
{
  sqlite3 *db = conn;
  int code = db ? sqlite3_extended_errcode (db) : SQLITE_ERROR;
  int primary = code & 0xff;
  BelErrorCode bel_code = BEL_ERROR_FAILED;

  if (primary == SQLITE_CONSTRAINT)
    bel_code = BEL_ERROR_CONFLICT;
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    bel_code = BEL_ERROR_UNAVAILABLE;
  g_set_error (error, BEL_ERROR, bel_code, "%s: %s", what,
               db ? sqlite3_errmsg (db) : sqlite3_errstr (code));
}

static gpointer
lite_open (const char  *path,
           GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "Could not open the database %s: %s",
                   path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  return db;
}

static gboolean
lite_checkpoint (gpointer   conn,
                 GError   **error)
{
  if (sqlite3_wal_checkpoint_v2 (conn, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
    {
      lite_error (conn, error, "WAL checkpoint failed");
      return FALSE;
    }
  return TRUE;
}

static void
lite_close (gpointer conn)
{
  lite_checkpoint (conn, NULL);
  sqlite3_close_v2 (conn);
}

static gboolean
lite_exec (gpointer     conn,
           const char  *sql,
           GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (conn, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      lite_error (conn, error, "Database statement failed");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lite_configure (gpointer   conn,
                GError   **error)
{
  sqlite3_stmt *wal = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (conn, "PRAGMA journal_mode=WAL", -1, &wal, NULL) != SQLITE_OK ||
      sqlite3_step (wal) != SQLITE_ROW)
    {
      lite_error (conn, error, "Could not switch to write-ahead logging");
      sqlite3_finalize (wal);
      return FALSE;
    }
  ok = g_ascii_strcasecmp ((const char *) sqlite3_column_text (wal, 0), "wal") == 0;
  sqlite3_finalize (wal);
  if (!ok)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, "Could not switch to write-ahead logging");
      return FALSE;
    }
  return lite_exec (conn, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", error);
}

static BelStmt *
lite_prepare (gpointer     conn,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  LiteStmt *self;

  if (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      lite_error (conn, error, "Could not prepare a query");
      sqlite3_finalize (stmt);
      return NULL;
    }
  self = g_new0 (LiteStmt, 1);
  self->parent.driver = &bel_store_sqlite_driver;
  self->stmt = stmt;
  return &self->parent;
}

static gint64
lite_last_insert_id (gpointer conn)
{
  return sqlite3_last_insert_rowid (conn);
}

static int
lite_changes (gpointer conn)
{
  return sqlite3_changes (conn);
}

static gboolean
lite_in_transaction (gpointer conn)
{
  return !sqlite3_get_autocommit (conn);
}

static gboolean
lite_integrity_check (gpointer   conn,
                      GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (conn, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    lite_error (conn, error, "Integrity check failed");
  else if (!(ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0))
    g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED, "Integrity check failed: %s",
                 (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return ok;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* The file and its write-ahead log. */
static gint64
lite_size (gpointer    conn,
           const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_size (path) + file_size (wal);
}

static BelStep
lite_step (BelStmt  *stmt,
           GError  **error)
{
  int rc = sqlite3_step (LITE (stmt));

  if (rc == SQLITE_ROW)
    return BEL_STEP_ROW;
  if (rc == SQLITE_DONE)
    return BEL_STEP_DONE;
  lite_error (sqlite3_db_handle (LITE (stmt)), error, "Database statement failed");
  return BEL_STEP_ERROR;
}

static void
lite_reset (BelStmt *stmt)
{
  sqlite3_reset (LITE (stmt));
}

static void
lite_free (BelStmt *stmt)
{
  sqlite3_finalize (LITE (stmt));
  g_free (stmt);
}

static int
lite_param_count (BelStmt *stmt)
{
  return sqlite3_bind_parameter_count (LITE (stmt));
}

static int
lite_column_count (BelStmt *stmt)
{
  return sqlite3_column_count (LITE (stmt));
}

static void
lite_bind_int64 (BelStmt *stmt,
                 int      index,
                 gint64   value)
{
  sqlite3_bind_int64 (LITE (stmt), index, value);
}

static void
lite_bind_double (BelStmt *stmt,
                  int      index,
                  double   value)
{
  sqlite3_bind_double (LITE (stmt), index, value);
}

static void
lite_bind_null (BelStmt *stmt,
                int      index)
{
  sqlite3_bind_null (LITE (stmt), index);
}

static void
lite_bind_text (BelStmt    *stmt,
                int         index,
                const char *value)
{
  sqlite3_bind_text (LITE (stmt), index, value, -1, SQLITE_TRANSIENT);
}

static gboolean
lite_column_is_null (BelStmt *stmt,
                     int      column)
{
  return sqlite3_column_type (LITE (stmt), column) == SQLITE_NULL;
}

static gint64
lite_column_int64 (BelStmt *stmt,
                   int      column)
{
  return sqlite3_column_int64 (LITE (stmt), column);
}

static double
lite_column_double (BelStmt *stmt,
                    int      column)
{
  return sqlite3_column_double (LITE (stmt), column);
}

static const char *
lite_column_text (BelStmt *stmt,
                  int      column)
{
  return (const char *) sqlite3_column_text (LITE (stmt), column);
}

const BelStoreDriver bel_store_sqlite_driver = {
  .name = "sqlite",
  .dialect = BEL_DIALECT_SQLITE,
  .migrations = "/app/belonging/sql",
  .open = lite_open,
  .close = lite_close,
  .configure = lite_configure,
  .exec = lite_exec,
  .prepare = lite_prepare,
  .last_error = lite_error,
  .last_insert_id = lite_last_insert_id,
  .changes = lite_changes,
  .in_transaction = lite_in_transaction,
  .begin_sql = "BEGIN IMMEDIATE",
  .integrity_check = lite_integrity_check,
  .checkpoint = lite_checkpoint,
  .size = lite_size,
  .step = lite_step,
  .reset = lite_reset,
  .free = lite_free,
  .param_count = lite_param_count,
  .column_count = lite_column_count,
  .bind_int64 = lite_bind_int64,
  .bind_double = lite_bind_double,
  .bind_null = lite_bind_null,
  .bind_text = lite_bind_text,
  .column_is_null = lite_column_is_null,
  .column_int64 = lite_column_int64,
  .column_double = lite_column_double,
  .column_text = lite_column_text,
};
