/* bel-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-store-private.h"

#include <stdlib.h>
#include <string.h>

#include "bel-error.h"
#include "bel-sql-resources.h"

#define SQL_RESOURCE_DIR "/app/belonging/sql"
#define BUSY_TIMEOUT_MS  5000

struct _BelStore
{
  GObject  parent_instance;
  char    *path;
  sqlite3 *db;
  guint    tx_depth;
};

G_DEFINE_FINAL_TYPE (BelStore, bel_store, G_TYPE_OBJECT)

static void
bel_store_finalize (GObject *object)
{
  BelStore *self = BEL_STORE (object);

  bel_store_close (self);
  g_free (self->path);
  G_OBJECT_CLASS (bel_store_parent_class)->finalize (object);
}

static void
bel_store_class_init (BelStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_store_finalize;
}

static void
bel_store_init (BelStore *self)
{
}

void
bel_store_set_error (BelStore   *self,
                     GError    **error,
                     const char *what)
{
  int code = self->db ? sqlite3_extended_errcode (self->db) : SQLITE_ERROR;
  int primary = code & 0xff;
  BelErrorCode bel_code = BEL_ERROR_FAILED;

  if (primary == SQLITE_CONSTRAINT)
    bel_code = BEL_ERROR_CONFLICT;
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    bel_code = BEL_ERROR_UNAVAILABLE;
  g_set_error (error, BEL_ERROR, bel_code, "%s: %s", what,
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (code));
}

sqlite3 *
bel_store_get_db (BelStore *self)
{
  return self->db;
}

sqlite3_stmt *
bel_store_prepare (BelStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BEL_IS_STORE (self), NULL);

  if (self->db == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "The database is closed");
      return NULL;
    }
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      bel_store_set_error (self, error, "Could not prepare a query");
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
bel_store_exec (BelStore    *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;

  if (self->db == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "The database is closed");
      return FALSE;
    }
  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      bel_store_set_error (self, error, "Database statement failed");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_store_step_done (BelStore     *self,
                     sqlite3_stmt *stmt,
                     GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  bel_store_set_error (self, error, "Database write failed");
  return FALSE;
}

gboolean
bel_store_step_row (BelStore     *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    bel_store_set_error (self, error, "Database read failed");
  return FALSE;
}

gint64
bel_store_last_insert_id (BelStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
bel_store_changes (BelStore *self)
{
  return sqlite3_changes (self->db);
}

guint
bel_store_push_transaction (BelStore *self)
{
  return self->tx_depth++;
}

void
bel_store_pop_transaction (BelStore *self)
{
  g_assert (self->tx_depth > 0);
  self->tx_depth--;
}

void
bel_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
bel_bind_id (sqlite3_stmt *stmt,
             int           index,
             gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
bel_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
bel_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Migrations */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (bel_sql_get_resource (),
                                                       SQL_RESOURCE_DIR "/",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_ascii_isdigit (names[i][0]) && g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (out, g_strdup (names[i]));
  g_ptr_array_sort (out, compare_names);
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static int
migration_number (const char *name)
{
  return (int) g_ascii_strtoll (name, NULL, 10);
}

int
bel_store_latest_version (void)
{
  g_auto(GStrv) names = list_migrations ();
  int latest = 0;

  for (guint i = 0; names[i] != NULL; i++)
    latest = MAX (latest, migration_number (names[i]));
  return latest;
}

static int
query_schema_version (BelStore  *self,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = bel_store_prepare (self,
      "SELECT COALESCE(MAX(version), 0) FROM schema_version", error);

  if (stmt == NULL)
    return -1;
  if (!bel_store_step_row (self, stmt, error))
    return -1;
  return sqlite3_column_int (stmt, 0);
}

int
bel_store_get_schema_version (BelStore *self)
{
  g_return_val_if_fail (BEL_IS_STORE (self), -1);

  return query_schema_version (self, NULL);
}

static gboolean
apply_migration (BelStore    *self,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (SQL_RESOURCE_DIR "/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(sqlite3_stmt) record = NULL;
  gsize size;

  bytes = g_resource_lookup_data (bel_sql_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));

  if (!bel_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  record = bel_store_prepare (self,
      "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", error);
  if (record == NULL || !bel_store_exec (self, sql, error))
    goto fail;
  sqlite3_bind_int (record, 1, migration_number (name));
  bel_bind_text (record, 2, name);
  bel_bind_text (record, 3, now);
  if (!bel_store_step_done (self, record, error))
    goto fail;
  if (!bel_store_exec (self, "COMMIT", error))
    goto fail;
  g_debug ("Applied migration %s", name);
  return TRUE;

fail:
  bel_store_exec (self, "ROLLBACK", NULL);
  g_prefix_error (error, "Migration %s failed: ", name);
  return FALSE;
}

static gboolean
migrate (BelStore  *self,
         GError   **error)
{
  g_auto(GStrv) names = list_migrations ();
  int latest = bel_store_latest_version ();
  int current;

  if (!bel_store_exec (self,
                       "CREATE TABLE IF NOT EXISTS schema_version ("
                       " version INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " applied_at TEXT NOT NULL)", error))
    return FALSE;
  current = query_schema_version (self, error);
  if (current < 0)
    return FALSE;
  if (current > latest)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE,
                   "The database %s has schema version %d, written by a newer belongingd; "
                   "this belongingd (%s) knows versions up to %d. Upgrade belongingd to use it.",
                   self->path, current, PACKAGE_VERSION, latest);
      return FALSE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (migration_number (names[i]) > current &&
        !apply_migration (self, names[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
configure (BelStore  *self,
           GError   **error)
{
  g_autoptr(sqlite3_stmt) wal = NULL;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  wal = bel_store_prepare (self, "PRAGMA journal_mode=WAL", error);
  if (wal == NULL || !bel_store_step_row (self, wal, error))
    return FALSE;
  if (g_ascii_strcasecmp (bel_column_text (wal, 0), "wal") != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED,
                   "Could not switch %s to write-ahead logging", self->path);
      return FALSE;
    }
  return bel_store_exec (self,
                         "PRAGMA synchronous=FULL;"
                         "PRAGMA foreign_keys=ON;", error);
}

BelStore *
bel_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(BelStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BEL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "Could not open the database %s: %s",
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  if (!configure (self, error) || !migrate (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
bel_store_get_path (BelStore *self)
{
  g_return_val_if_fail (BEL_IS_STORE (self), NULL);

  return self->path;
}

gboolean
bel_store_ping (BelStore  *self,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_STORE (self), FALSE);

  stmt = bel_store_prepare (self, "SELECT COUNT(*) FROM schema_version", error);
  if (stmt == NULL)
    return FALSE;
  if (!bel_store_step_row (self, stmt, error))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "The database returned nothing");
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_store_integrity_check (BelStore  *self,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;

  g_return_val_if_fail (BEL_IS_STORE (self), FALSE);

  stmt = bel_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL || !bel_store_step_row (self, stmt, error))
    return FALSE;
  result = bel_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED, "Integrity check failed: %s", result);
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_store_checkpoint (BelStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (BEL_IS_STORE (self), FALSE);

  if (self->db == NULL)
    return TRUE;
  if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
    {
      bel_store_set_error (self, error, "WAL checkpoint failed");
      return FALSE;
    }
  return TRUE;
}

void
bel_store_close (BelStore *self)
{
  g_return_if_fail (BEL_IS_STORE (self));

  if (self->db == NULL)
    return;
  bel_store_checkpoint (self, NULL);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}
