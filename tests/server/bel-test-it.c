/* bel-test-it.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-it.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>

#include "bel-test-sql.h"

BelTestCtl *
bel_test_it_ctl (BelTestDaemon *d,
                 int            expected_status,
                 const char    *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  BelTestCtl *r;
  va_list ap;

  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, d->db_path);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  r = bel_test_ctl_runv (NULL, (const char * const *) args->pdata);
  if (r->status != expected_status)
    g_printerr ("belongingctl exited %d, not %d:\n%s%s", r->status, expected_status, r->out, r->err);
  g_assert_cmpint (r->status, ==, expected_status);
  return r;
}

/* The SQLite file is read as it is (read-only, not migrated); a PostgreSQL
 * database through BelStore. */
static gboolean
is_postgresql (const char *db_path)
{
  return g_str_has_prefix (db_path, "postgresql://");
}

static sqlite3 *
open_db (const char *db_path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
bel_test_it_query_int (const char *db_path,
                       const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (is_postgresql (db_path))
    return bel_test_sql_int (db_path, sql);
  db = open_db (db_path);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
bel_test_it_query_text (const char *db_path,
                        const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (is_postgresql (db_path))
    return bel_test_sql_text (db_path, sql);
  db = open_db (db_path);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Hashes every row of every table, in rowid order (PostgreSQL: in value order). */
char *
bel_test_it_fingerprint (const char *db_path)
{
  sqlite3 *db;
  sqlite3_stmt *tables = NULL;
  g_autoptr(GChecksum) sum = NULL;
  char *result;

  if (is_postgresql (db_path))
    return bel_test_sql_pg_fingerprint (db_path);
  db = open_db (db_path);
  sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      sqlite3_stmt *rows = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        continue; /* WITHOUT ROWID or virtual tables */
      g_checksum_update (sum, (const guchar *) name, -1);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const unsigned char *text = sqlite3_column_text (rows, c);
            g_checksum_update (sum, text ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  result = g_strdup (g_checksum_get_string (sum));
  return result;
}

char *
bel_test_it_data_path (const char *first,
                       ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *root = g_getenv ("BEL_SOURCE_ROOT");
  va_list ap;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, "tests");
  g_ptr_array_add (parts, "data");
  va_start (ap, first);
  for (const char *part = first; part != NULL; part = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

void
bel_test_it_copy_dir (const char *from,
                      const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
        continue;
      g_assert_true (g_file_get_contents (source, &data, &size, NULL));
      g_assert_true (g_file_set_contents (target, data, size, NULL));
    }
}

void
bel_test_it_remove (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_remove (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      bel_test_it_remove (child);
    }
  g_rmdir (path);
}
