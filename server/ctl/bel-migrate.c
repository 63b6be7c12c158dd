/* bel-migrate.c - copying a SQLite database into PostgreSQL, verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-migrate.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bel-error.h"
#include "bel-store-private.h"
#include "bel-transaction.h"

typedef enum { KIND_TEXT, KIND_INTEGER, KIND_REAL } Kind;

void
bel_migrated_table_free (BelMigratedTable *table)
{
  if (table == NULL)
    return;
  g_free (table->table);
  g_free (table->checksum);
  g_free (table);
}

static Kind
kind_of (const char *declared)
{
  g_autofree char *upper = g_ascii_strup (declared ? declared : "", -1);

  if (strstr (upper, "INT") != NULL)
    return KIND_INTEGER;
  if (strstr (upper, "REAL") != NULL || strstr (upper, "FLOA") != NULL || strstr (upper, "DOUB") != NULL)
    return KIND_REAL;
  return KIND_TEXT;
}

static GStrv
collect (BelStore    *store,
         BelStmt     *stmt,
         int          column,
         GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GError *local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    g_strv_builder_add (builder, bel_column_text (stmt, column));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* The source's tables in the order the migrations created them (so a table
 * comes after those it refers to), without SQLite's own and full-text ones. */
static GStrv
list_tables (BelStore  *source,
             GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (source,
      "SELECT t.name FROM sqlite_master t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "AND t.name <> 'schema_version' AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
      "AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' "
      "  AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\') "
      "ORDER BY t.rowid", error);

  return stmt ? collect (source, stmt, 0, error) : NULL;
}

static gboolean
table_columns (BelStore     *source,
               const char   *table,
               GStrv        *columns,
               GStrv        *types,
               GError      **error)
{
  g_autoptr(BelStmt) names = bel_store_prepare (source, "SELECT name FROM pragma_table_info (?) ORDER BY cid", error);
  g_autoptr(BelStmt) declared = bel_store_prepare (source, "SELECT type FROM pragma_table_info (?) ORDER BY cid", error);

  if (names == NULL || declared == NULL)
    return FALSE;
  bel_bind_text (names, 1, table);
  bel_bind_text (declared, 1, table);
  *columns = collect (source, names, 0, error);
  *types = *columns ? collect (source, declared, 0, error) : NULL;
  return *types != NULL;
}

/* The target has the same columns (its migrations are PostgreSQL's own). */
static gboolean
check_target_columns (BelStore    *target,
                      const char  *table,
                      GStrv        columns,
                      GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (target,
      "SELECT column_name FROM information_schema.columns "
      "WHERE table_schema = current_schema () AND table_name = ?", error);
  g_auto(GStrv) have = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, table);
  have = collect (target, stmt, 0, error);
  if (have == NULL)
    return FALSE;
  for (guint i = 0; columns[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) have, columns[i]))
      {
        g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                     _("The PostgreSQL database has no column %s.%s: is it from another version of belongingd?"),
                     table, columns[i]);
        return FALSE;
      }
  if (g_strv_length (have) != g_strv_length (columns))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                   _("The PostgreSQL table %s has other columns than SQLite's"), table);
      return FALSE;
    }
  return TRUE;
}

static gint64
count_rows (BelStore    *store,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM \"%s\"", table);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL || !bel_store_step_row (store, stmt, error))
    return -1;
  return bel_column_int64 (stmt, 0);
}

static gboolean
check_target_empty (BelStore  *target,
                    GStrv      tables,
                    GError   **error)
{
  for (guint i = 0; tables[i] != NULL; i++)
    {
      gint64 n = count_rows (target, tables[i], error);

      if (n < 0)
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                       _("The PostgreSQL database is not empty (%s has %" G_GINT64_FORMAT " rows); "
                         "migrate into a new database"), tables[i], n);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
select_sql (const char *table,
            GStrv       columns)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", columns[i]);
  g_string_append_printf (sql, " FROM \"%s\"", table);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static char *
insert_sql (const char *table,
            GStrv       columns)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* One row in words both databases write the same: the value's kind by the
 * column's declared type, integers in decimal, reals in 17 digits. */
static void
canonical_row (BelStmt *stmt,
               Kind    *kinds,
               guint    n,
               GString *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; i < n; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      const char *text;

      if (bel_column_is_null (stmt, (int) i))
        {
          g_string_append (out, "N;");
          continue;
        }
      switch (kinds[i])
        {
        case KIND_INTEGER:
          g_string_append_printf (out, "I%" G_GINT64_FORMAT ";", bel_column_int64 (stmt, (int) i));
          break;
        case KIND_REAL:
          g_string_append_printf (out, "R%s;", g_ascii_formatd (buffer, sizeof buffer, "%.17g",
                                                                bel_column_double (stmt, (int) i)));
          break;
        case KIND_TEXT:
          text = bel_column_text (stmt, (int) i);
          g_string_append_printf (out, "T%zu:%s;", strlen (text), text);
          break;
        }
    }
}

/* The sum of the rows' SHA-256 digests (4 × 64-bit lanes): order does not matter. */
typedef struct { guint64 lanes[4]; } Sum;

static void
sum_add (Sum           *sum,
         const GString *row)
{
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) row->str, row->len);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint lane = 0; lane < 4; lane++)
    {
      guint64 v = 0;

      for (guint b = 0; b < 8; b++)
        v = (v << 8) | digest[lane * 8 + b];
      sum->lanes[lane] += v;
    }
}

static char *
sum_hex (const Sum *sum)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x%016"
                          G_GINT64_MODIFIER "x", sum->lanes[0], sum->lanes[1], sum->lanes[2], sum->lanes[3]);
}

static Kind *
kinds_of (GStrv types)
{
  guint n = g_strv_length (types);
  Kind *kinds = g_new0 (Kind, n + 1);

  for (guint i = 0; i < n; i++)
    kinds[i] = kind_of (types[i]);
  return kinds;
}

char *
bel_migrate_checksum (BelStore    *store,
                      const char  *table,
                      GStrv        columns,
                      GStrv        types,
                      gint64      *rows,
                      GError     **error)
{
  g_autofree char *sql = select_sql (table, columns);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autofree Kind *kinds = kinds_of (types);
  g_autoptr(GString) row = g_string_new (NULL);
  GError *local_error = NULL;
  Sum sum = { { 0 } };

  *rows = 0;
  if (stmt == NULL)
    return NULL;
  while (bel_store_step_row (store, stmt, &local_error))
    {
      canonical_row (stmt, kinds, g_strv_length (columns), row);
      sum_add (&sum, row);
      (*rows)++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return sum_hex (&sum);
}

static void
bind_value (BelStmt *from,
            BelStmt *to,
            guint    i,
            Kind     kind)
{
  int column = (int) i;

  if (bel_column_is_null (from, column))
    bel_bind_null (to, column + 1);
  else if (kind == KIND_INTEGER)
    bel_bind_int64 (to, column + 1, bel_column_int64 (from, column));
  else if (kind == KIND_REAL)
    bel_bind_double (to, column + 1, bel_column_double (from, column));
  else
    bel_bind_text (to, column + 1, bel_column_text (from, column));
}

static BelMigratedTable *
copy_table (BelStore    *source,
            BelStore    *target,
            const char  *table,
            GStrv        columns,
            GStrv        types,
            GError     **error)
{
  g_autofree char *select = select_sql (table, columns);
  g_autofree char *insert = insert_sql (table, columns);
  g_autoptr(BelStmt) from = bel_store_prepare (source, select, error);
  g_autoptr(BelStmt) to = from ? bel_store_prepare (target, insert, error) : NULL;
  g_autofree Kind *kinds = kinds_of (types);
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(BelMigratedTable) out = g_new0 (BelMigratedTable, 1);
  guint n = g_strv_length (columns);
  GError *local_error = NULL;
  Sum sum = { { 0 } };

  if (to == NULL)
    return NULL;
  out->table = g_strdup (table);
  while (bel_store_step_row (source, from, &local_error))
    {
      for (guint i = 0; i < n; i++)
        bind_value (from, to, i, kinds[i]);
      bel_stmt_reset (to);
      if (!bel_store_step_done (target, to, error))
        {
          g_prefix_error (error, "%s: ", table);
          return NULL;
        }
      canonical_row (from, kinds, n, row);
      sum_add (&sum, row);
      out->rows++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  out->checksum = sum_hex (&sum);
  return g_steal_pointer (&out);
}

/* Runs each statement that @sql, a query, writes. */
static gboolean
run_generated (BelStore    *target,
               const char  *sql,
               GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (target, sql, error);
  g_auto(GStrv) statements = stmt ? collect (target, stmt, 0, error) : NULL;

  if (statements == NULL)
    return FALSE;
  for (guint i = 0; statements[i] != NULL; i++)
    if (!bel_store_exec (target, statements[i], error))
      return FALSE;
  return TRUE;
}

/* Foreign keys checked at the end of the copy (rows may point forward, as a
 * superseded profile entry does), or again at once. */
static gboolean
defer_foreign_keys (BelStore  *target,
                    gboolean   defer,
                    GError   **error)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT 'ALTER TABLE ' || c.conrelid::regclass::text || ' ALTER CONSTRAINT \"' || c.conname || '\" %s' "
      "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema ()::regnamespace "
      "ORDER BY 1", defer ? "DEFERRABLE INITIALLY DEFERRED" : "NOT DEFERRABLE");

  return run_generated (target, sql, error);
}

/* New rows made by belongingd get ids after the copied ones. */
static gboolean
advance_identities (BelStore  *target,
                    GError   **error)
{
  return run_generated (target,
      "SELECT format ('SELECT setval (pg_get_serial_sequence (%L, %L), COALESCE (MAX (%I), 0) + 1, false) FROM %I', "
      "table_name, column_name, column_name, table_name) "
      "FROM information_schema.columns WHERE table_schema = current_schema () AND is_identity = 'YES'", error);
}

static gboolean
verify (BelStore          *target,
        BelMigratedTable  *copied,
        GStrv              columns,
        GStrv              types,
        GError           **error)
{
  gint64 rows;
  g_autofree char *checksum = bel_migrate_checksum (target, copied->table, columns, types, &rows, error);

  if (checksum == NULL)
    return FALSE;
  if (rows != copied->rows || strcmp (checksum, copied->checksum) != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED,
                   _("%s differs after the copy: %" G_GINT64_FORMAT " rows, checksum %s in SQLite; "
                     "%" G_GINT64_FORMAT " rows, checksum %s in PostgreSQL"),
                   copied->table, copied->rows, copied->checksum, rows, checksum);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
bel_migrate_copy (BelStore   *source,
                  BelStore   *target,
                  void      (*progress) (const BelMigratedTable *table,
                                         gpointer                user_data),
                  gpointer    user_data,
                  GError    **error)
{
  g_autoptr(GPtrArray) copied = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_migrated_table_free);
  g_autoptr(GPtrArray) all_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) all_types = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(BelTransaction) tx = NULL;
  g_auto(GStrv) tables = NULL;

  g_return_val_if_fail (bel_store_get_dialect (source) == BEL_DIALECT_SQLITE, NULL);
  g_return_val_if_fail (bel_store_get_dialect (target) == BEL_DIALECT_POSTGRESQL, NULL);

  if (bel_store_get_schema_version (source) != bel_store_get_schema_version (target))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT, _("The two databases have different schema versions"));
      return NULL;
    }
  tables = list_tables (source, error);
  if (tables == NULL || !check_target_empty (target, tables, error))
    return NULL;
  tx = bel_transaction_begin (target, error);
  if (tx == NULL || !defer_foreign_keys (target, TRUE, error))
    return NULL;
  for (guint i = 0; tables[i] != NULL; i++)
    {
      GStrv columns = NULL, types = NULL;
      BelMigratedTable *table;

      if (!table_columns (source, tables[i], &columns, &types, error))
        return NULL;
      g_ptr_array_add (all_columns, columns);
      g_ptr_array_add (all_types, types);
      if (!check_target_columns (target, tables[i], columns, error) ||
          (table = copy_table (source, target, tables[i], columns, types, error)) == NULL)
        return NULL;
      g_ptr_array_add (copied, table);
    }
  if (!advance_identities (target, error) ||
      !bel_store_exec (target, "SET CONSTRAINTS ALL IMMEDIATE", error) ||
      !defer_foreign_keys (target, FALSE, error))
    return NULL;
  for (guint i = 0; i < copied->len; i++)
    {
      if (!verify (target, copied->pdata[i], all_columns->pdata[i], all_types->pdata[i], error))
        return NULL;
      if (progress != NULL)
        progress (copied->pdata[i], user_data);
    }
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&copied);
}
