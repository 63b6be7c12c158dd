/* bel-test-sql.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-sql.h"

BelStore *
bel_test_sql_open (const char *location)
{
  g_autoptr(GError) error = NULL;
  BelStore *store = bel_store_open (location, &error);

  g_assert_no_error (error);
  return store;
}

static BelStmt *
prepare (BelStore   *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  BelStmt *stmt = bel_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

gint64
bel_test_sql_int (const char *location,
                  const char *sql)
{
  g_autoptr(BelStore) store = bel_test_sql_open (location);
  g_autoptr(BelStmt) stmt = prepare (store, sql);
  g_autoptr(GError) error = NULL;

  g_assert_true (bel_store_step_row (store, stmt, &error));
  g_assert_no_error (error);
  return bel_column_int64 (stmt, 0);
}

char *
bel_test_sql_text (const char *location,
                   const char *sql)
{
  g_autoptr(BelStore) store = bel_test_sql_open (location);
  g_autoptr(BelStmt) stmt = prepare (store, sql);
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  if (bel_store_step_row (store, stmt, &error))
    value = g_strdup (bel_column_text (stmt, 0));
  g_assert_no_error (error);
  return value;
}

gboolean
bel_test_sql_exec (const char  *location,
                   const char  *sql,
                   char       **message)
{
  g_autoptr(BelStore) store = bel_test_sql_open (location);
  g_autoptr(GError) error = NULL;
  gboolean ok = bel_store_exec (store, sql, &error);

  if (message != NULL)
    *message = error != NULL ? g_strdup (error->message) : NULL;
  return ok;
}

/* Every row of every table, in the order of their values. */
#define PG_TABLES "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' " \
                  "AND table_type = 'BASE TABLE' ORDER BY table_name"
#define PG_ROWS   "SELECT r.* FROM \"%s\" r ORDER BY r"

static void
hash_table (BelStore   *store,
            GChecksum  *sum,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf (PG_ROWS, name);
  g_autoptr(BelStmt) rows = prepare (store, sql);
  g_autoptr(GError) error = NULL;

  g_checksum_update (sum, (const guchar *) name, -1);
  while (bel_store_step_row (store, rows, &error))
    for (int c = 0; c < bel_stmt_column_count (rows); c++)
      {
        const char *text = bel_column_text (rows, c);
        g_checksum_update (sum, (const guchar *) (text ? text : "\x01NULL"), -1);
        g_checksum_update (sum, (const guchar *) "\x1f", 1);
      }
  g_assert_no_error (error);
}

char *
bel_test_sql_pg_fingerprint (const char *location)
{
  g_autoptr(BelStore) store = bel_test_sql_open (location);
  g_autoptr(BelStmt) tables = prepare (store, PG_TABLES);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bel_store_get_dialect (store), ==, BEL_DIALECT_POSTGRESQL);
  while (bel_store_step_row (store, tables, &error))
    g_ptr_array_add (names, g_strdup (bel_column_text (tables, 0)));
  g_assert_no_error (error);
  for (guint i = 0; i < names->len; i++)
    hash_table (store, sum, g_ptr_array_index (names, i));
  return g_strdup (g_checksum_get_string (sum));
}
