/* bel-store.c - what both drivers share: statements, migrations, transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-store-driver.h"

#include <stdlib.h>
#include <string.h>

#include "bel-error.h"
#include "bel-sql-resources.h"

struct _BelStore
{
  GObject               parent_instance;
  const BelStoreDriver *driver;
  char                 *path;
  char                 *display_name;   /* path without a password */
  gpointer              conn;
  guint                 tx_depth;
  GPtrArray            *listeners;      /* of Listener */
};

G_DEFINE_FINAL_TYPE (BelStore, bel_store, G_TYPE_OBJECT)

static GThread *forbidden_thread;  /* the serving daemon's main loop */

static void
bel_store_finalize (GObject *object)
{
  BelStore *self = BEL_STORE (object);

  bel_store_close (self);
  g_ptr_array_unref (self->listeners);
  g_free (self->path);
  g_free (self->display_name);
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
  self->listeners = g_ptr_array_new_with_free_func (g_free);
}

void
bel_store_forbid_thread (GThread *thread)
{
  g_atomic_pointer_set (&forbidden_thread, thread);
}

/* A bug, not a failure: the statement still runs. */
static void
check_thread (const char *what)
{
  if (G_UNLIKELY (g_atomic_pointer_get (&forbidden_thread) == g_thread_self ()))
    g_critical ("A database statement on the main loop: %.48s", what);
}

static gboolean
check_open (BelStore  *self,
            GError   **error)
{
  if (self->conn != NULL)
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "The database is closed");
  return FALSE;
}

void
bel_store_set_error (BelStore   *self,
                     GError    **error,
                     const char *what)
{
  if (check_open (self, error))
    self->driver->last_error (self->conn, error, what);
}

BelDialect
bel_store_get_dialect (BelStore *self)
{
  return self->driver->dialect;
}

BelStmt *
bel_store_prepare (BelStore    *self,
                   const char  *sql,
                   GError     **error)
{
  g_return_val_if_fail (BEL_IS_STORE (self), NULL);

  check_thread (sql);
  if (!check_open (self, error))
    return NULL;
  return self->driver->prepare (self->conn, sql, error);
}

gboolean
bel_store_exec (BelStore    *self,
                const char  *sql,
                GError     **error)
{
  check_thread (sql);
  return check_open (self, error) && self->driver->exec (self->conn, sql, error);
}

gboolean
bel_store_step_done (BelStore  *self,
                     BelStmt   *stmt,
                     GError   **error)
{
  return stmt->driver->step (stmt, error) != BEL_STEP_ERROR;
}

gboolean
bel_store_step_row (BelStore  *self,
                    BelStmt   *stmt,
                    GError   **error)
{
  return stmt->driver->step (stmt, error) == BEL_STEP_ROW;
}

gint64
bel_store_last_insert_id (BelStore *self)
{
  return self->driver->last_insert_id (self->conn);
}

int
bel_store_changes (BelStore *self)
{
  return self->driver->changes (self->conn);
}

gboolean
bel_store_in_transaction (BelStore *self)
{
  return self->conn != NULL && self->driver->in_transaction (self->conn);
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

const char *
bel_store_begin_sql (BelStore *self)
{
  return self->driver->begin_sql;
}

/* Notices between daemons */

typedef struct {
  BelStore           *store;
  BelStoreNoticeFunc  func;
  gpointer            user_data;
} Listener;

void
bel_store_notify (BelStore   *self,
                  const char *channel)
{
  g_return_if_fail (BEL_IS_STORE (self));

  check_thread ("NOTIFY");
  if (self->conn != NULL && self->driver->notify != NULL)
    self->driver->notify (self->conn, channel);
}

static void
deliver (const char *channel,
         gpointer    data)
{
  Listener *listener = data;

  listener->func (listener->store, channel, listener->user_data);
}

void
bel_store_listen (BelStore           *self,
                  const char         *channel,
                  BelStoreNoticeFunc  func,
                  gpointer            user_data)
{
  Listener *listener;

  g_return_if_fail (BEL_IS_STORE (self));

  if (self->conn == NULL || self->driver->listen == NULL)
    return;
  listener = g_new0 (Listener, 1);
  listener->store = self;
  listener->func = func;
  listener->user_data = user_data;
  g_ptr_array_add (self->listeners, listener);
  self->driver->listen (self->conn, self->path, channel, deliver, listener);
}

void
bel_store_unlisten (BelStore *self,
                    gpointer  user_data)
{
  g_return_if_fail (BEL_IS_STORE (self));

  for (guint i = self->listeners->len; i > 0; i--)
    {
      Listener *listener = self->listeners->pdata[i - 1];

      if (listener->user_data != user_data)
        continue;
      if (self->conn != NULL && self->driver->unlisten != NULL)
        self->driver->unlisten (self->conn, listener);
      g_ptr_array_remove_index (self->listeners, i - 1);
    }
}

/* Statements */

void
bel_stmt_free (BelStmt *stmt)
{
  if (stmt != NULL)
    stmt->driver->free (stmt);
}

void
bel_stmt_reset (BelStmt *stmt)
{
  stmt->driver->reset (stmt);
}

int
bel_stmt_param_count (BelStmt *stmt)
{
  return stmt->driver->param_count (stmt);
}

int
bel_stmt_column_count (BelStmt *stmt)
{
  return stmt->driver->column_count (stmt);
}

void
bel_bind_int64 (BelStmt *stmt,
                int      index,
                gint64   value)
{
  stmt->driver->bind_int64 (stmt, index, value);
}

void
bel_bind_double (BelStmt *stmt,
                 int      index,
                 double   value)
{
  stmt->driver->bind_double (stmt, index, value);
}

void
bel_bind_null (BelStmt *stmt,
               int      index)
{
  stmt->driver->bind_null (stmt, index);
}

void
bel_bind_text (BelStmt    *stmt,
               int         index,
               const char *value)
{
  if (value == NULL)
    stmt->driver->bind_null (stmt, index);
  else
    stmt->driver->bind_text (stmt, index, value);
}

void
bel_bind_text_take (BelStmt *stmt,
                    int      index,
                    char    *value)
{
  bel_bind_text (stmt, index, value);
  g_free (value);
}

void
bel_bind_id (BelStmt *stmt,
             int      index,
             gint64   id)
{
  if (id <= 0)
    stmt->driver->bind_null (stmt, index);
  else
    stmt->driver->bind_int64 (stmt, index, id);
}

gboolean
bel_column_is_null (BelStmt *stmt,
                    int      column)
{
  return stmt->driver->column_is_null (stmt, column);
}

gint64
bel_column_int64 (BelStmt *stmt,
                  int      column)
{
  return stmt->driver->column_int64 (stmt, column);
}

int
bel_column_int (BelStmt *stmt,
                int      column)
{
  return (int) stmt->driver->column_int64 (stmt, column);
}

double
bel_column_double (BelStmt *stmt,
                   int      column)
{
  return stmt->driver->column_double (stmt, column);
}

const char *
bel_column_text (BelStmt *stmt,
                 int      column)
{
  return stmt->driver->column_text (stmt, column);
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
list_migrations (const char *dir)
{
  g_autofree char *slash = g_strconcat (dir, "/", NULL);
  g_auto(GStrv) names = g_resource_enumerate_children (bel_sql_get_resource (), slash,
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

static int
latest_version (const BelStoreDriver *driver)
{
  g_auto(GStrv) names = list_migrations (driver->migrations);
  int latest = 0;

  for (guint i = 0; names[i] != NULL; i++)
    latest = MAX (latest, migration_number (names[i]));
  return latest;
}

int
bel_store_latest_version (void)
{
  return latest_version (&bel_store_sqlite_driver);
}

static int
query_schema_version (BelStore  *self,
                      GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (self,
      "SELECT COALESCE(MAX(version), 0) FROM schema_version", error);

  if (stmt == NULL)
    return -1;
  if (!bel_store_step_row (self, stmt, error))
    return -1;
  return bel_column_int (stmt, 0);
}

int
bel_store_get_schema_version (BelStore *self)
{
  g_return_val_if_fail (BEL_IS_STORE (self), -1);

  return query_schema_version (self, NULL);
}

static char *
lookup_sql (const char  *path,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (bel_sql_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  return bytes ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;
}

static gboolean
apply_migration (BelStore    *self,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (self->driver->migrations, "/", name, NULL);
  g_autofree char *sql = lookup_sql (path, error);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) record = NULL;

  if (sql == NULL)
    return FALSE;

  if (!bel_store_exec (self, self->driver->begin_sql, error))
    return FALSE;
  if (!bel_store_exec (self, sql, error))
    goto fail;
  record = bel_store_prepare (self,
      "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", error);
  if (record == NULL)
    goto fail;
  bel_bind_int64 (record, 1, migration_number (name));
  bel_bind_text (record, 2, name);
  bel_bind_text (record, 3, now);
  if (!bel_store_step_done (self, record, error))
    goto fail;
  g_clear_pointer (&record, bel_stmt_free);
  if (!bel_store_exec (self, "COMMIT", error))
    goto fail;
  g_debug ("Applied migration %s", name);
  return TRUE;

fail:
  g_clear_pointer (&record, bel_stmt_free);
  bel_store_exec (self, "ROLLBACK", NULL);
  g_prefix_error (error, "Migration %s failed: ", name);
  return FALSE;
}

/* The driver's prelude, in a write transaction: daemons may start together. */
static gboolean
run_prelude (BelStore  *self,
             GError   **error)
{
  g_autofree char *sql = NULL;

  if (self->driver->prelude == NULL)
    return TRUE;
  sql = lookup_sql (self->driver->prelude, error);
  if (sql == NULL || !bel_store_exec (self, self->driver->begin_sql, error))
    return FALSE;
  if (!bel_store_exec (self, sql, error) || !bel_store_exec (self, "COMMIT", error))
    {
      bel_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (BelStore  *self,
         GError   **error)
{
  g_auto(GStrv) names = list_migrations (self->driver->migrations);
  int latest = latest_version (self->driver);
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
                   self->display_name, current, PACKAGE_VERSION, latest);
      return FALSE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (migration_number (names[i]) > current &&
        !apply_migration (self, names[i], error))
      return FALSE;
  return TRUE;
}

gboolean
bel_store_location_is_file (const char *location)
{
  return !g_str_has_prefix (location, "postgresql://") && !g_str_has_prefix (location, "postgres://");
}

static const BelStoreDriver *
driver_for (const char *location)
{
  return bel_store_location_is_file (location) ? &bel_store_sqlite_driver : &bel_store_postgresql_driver;
}

gint64
bel_store_get_size (BelStore *self)
{
  g_return_val_if_fail (BEL_IS_STORE (self), -1);

  return self->conn ? self->driver->size (self->conn, self->path) : -1;
}

static BelStore *
open_store (const char  *location,
            gboolean     migrate_too,
            GError     **error)
{
  g_autoptr(BelStore) self = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_object_new (BEL_TYPE_STORE, NULL);
  self->driver = driver_for (location);
  self->path = g_strdup (location);
  self->display_name = bel_store_redact_location (location);
  self->conn = self->driver->open (location, error);
  if (self->conn == NULL)
    return NULL;
  if (!self->driver->configure (self->conn, error) ||
      (migrate_too && (!run_prelude (self, error) || !migrate (self, error))))
    {
      g_prefix_error (error, "%s: ", bel_store_get_display_name (self));
      return NULL;
    }
  return g_steal_pointer (&self);
}

BelStore *
bel_store_open (const char  *location,
                GError     **error)
{
  return open_store (location, TRUE, error);
}

BelStore *
bel_store_connect (const char  *location,
                   GError     **error)
{
  return open_store (location, FALSE, error);
}

/* The location without a password, for messages and logs. */
char *
bel_store_redact_location (const char *location)
{
  const char *scheme_end = strstr (location, "://");
  const char *at, *colon;

  if (scheme_end == NULL || (at = strchr (scheme_end + 3, '@')) == NULL)
    return g_strdup (location);
  colon = memchr (scheme_end + 3, ':', at - (scheme_end + 3));
  if (colon == NULL)
    return g_strdup (location);
  return g_strdup_printf ("%.*s:***%s", (int) (colon - location), location, at);
}

const char *
bel_store_get_display_name (BelStore *self)
{
  return self->display_name;
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
  g_autoptr(BelStmt) stmt = NULL;

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
  g_return_val_if_fail (BEL_IS_STORE (self), FALSE);

  return check_open (self, error) && self->driver->integrity_check (self->conn, error);
}

gboolean
bel_store_checkpoint (BelStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (BEL_IS_STORE (self), FALSE);

  return self->conn == NULL || self->driver->checkpoint (self->conn, error);
}

void
bel_store_close (BelStore *self)
{
  g_return_if_fail (BEL_IS_STORE (self));

  if (self->conn == NULL)
    return;
  self->driver->close (self->conn);
  self->conn = NULL;
}
