/* bel-measurement-import.c - assessment results from CSV: preview, then commit
 *
 * The file is RFC 4180 CSV in UTF-8: a header row naming the columns in any
 * order (sis_id, metric, goal_id, date, value, source; case-insensitive),
 * then one measurement per row.  A row names its goal by goal_id, or by the
 * metric (its id or its exact name) together with the student's sis_id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-measurements.h"

#include <math.h>
#include <string.h>

#include "bel-error.h"
#include "bel-goals-private.h"

typedef enum { COL_SIS_ID, COL_METRIC, COL_GOAL_ID, COL_DATE, COL_VALUE, COL_SOURCE, N_COLUMNS } Column;

static const char * const column_names[N_COLUMNS] = {
  "sis_id", "metric", "goal_id", "date", "value", "source",
};

static void
import_row_free (BelImportRow *row)
{
  g_free (row->sis_id);
  g_free (row->student_name);
  g_clear_object (&row->measurement);
  g_clear_pointer (&row->errors, g_ptr_array_unref);
  g_free (row);
}

void
bel_measurement_import_free (BelMeasurementImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_free (import);
}

/* ---- CSV ---- */

/* Splits @text into records of fields (GPtrArray of GStrv) with the line each
 * starts on; quoted fields may hold commas, quotes ("") and line breaks. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           GArray      *lines,
           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint line = 1, record_line = 1;
  gsize i = 0;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  for (; i <= length; i++)
    {
      char c = i < length ? text[i] : '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            g_string_append_c (field, '"'), i++;
          else if (c == '"')
            quoted = FALSE;
          else if (i == length)
            {
              g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "The CSV has an unclosed quote from line %u", record_line);
              return NULL;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0 && !was_quoted)
        quoted = was_quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          /* Blank lines are skipped. */
          if (fields->len > 1 || *(char *) g_ptr_array_index (fields, 0) != '\0')
            {
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
              g_array_append_val (lines, record_line);
            }
          else
            g_ptr_array_set_size (fields, 0);
          line++;
          record_line = line;
        }
      else
        g_string_append_c (field, c);
    }
  return g_steal_pointer (&records);
}

/* Maps each column to its index in the header, -1 when absent. */
static gboolean
read_header (char       **header,
             int         *index,
             GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();

  for (guint c = 0; c < N_COLUMNS; c++)
    index[c] = -1;
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header[i]), -1);
      guint c;

      if (g_str_equal (name, "measured_on"))
        g_free (name), name = g_strdup ("date");
      for (c = 0; c < N_COLUMNS && !g_str_equal (name, column_names[c]); c++)
        ;
      if (c == N_COLUMNS)
        bel_validation_add (v, "header", "unknown column “%s”: the columns are sis_id, metric, goal_id, "
                            "date, value, source", header[i]);
      else if (index[c] >= 0)
        bel_validation_add (v, "header", "column “%s” appears twice", name);
      else
        index[c] = (int) i;
    }
  if (index[COL_SIS_ID] < 0 && index[COL_GOAL_ID] < 0)
    bel_validation_add (v, "header", "needs a sis_id column (or goal_id)");
  if (index[COL_METRIC] < 0 && index[COL_GOAL_ID] < 0)
    bel_validation_add (v, "header", "needs a metric or a goal_id column");
  if (index[COL_DATE] < 0)
    bel_validation_add (v, "header", "needs a date column");
  if (index[COL_VALUE] < 0)
    bel_validation_add (v, "header", "needs a value column");
  return bel_validation_finish (v, error);
}

static const char *
cell (char       **record,
      const int   *index,
      Column       column)
{
  int i = index[column];

  if (i < 0 || (guint) i >= g_strv_length (record))
    return NULL;
  g_strstrip (record[i]);
  return *record[i] ? record[i] : NULL;
}

/* ---- lookups ---- */

static gboolean
lookup_id (BelEngine   *engine,
           const char  *sql,
           gint64       school_id,
           const char  *text,
           gint64      *id,
           char       **name,
           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, text);
  if (bel_store_step_row (store, stmt, &local_error))
    {
      *id = bel_column_int64 (stmt, 0);
      if (name != NULL)
        *name = g_strdup (bel_column_text (stmt, 1));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
add_row_error (BelValidation *v,
               guint          n,
               const char    *field,
               const char    *message)
{
  g_autofree char *name = g_strdup_printf ("rows[%u].%s", n, field);

  bel_validation_add (v, name, "%s", message);
}

/* Fills @m from the cells of @record; problems go to @v. */
static gboolean
read_row (BelEngine       *engine,
          gint64           school_id,
          char           **record,
          const int       *index,
          guint            n,
          BelImportRow    *row,
          BelValidation   *v,
          GError         **error)
{
  const char *sis_id = cell (record, index, COL_SIS_ID);
  const char *metric = cell (record, index, COL_METRIC);
  const char *goal = cell (record, index, COL_GOAL_ID);
  const char *value = cell (record, index, COL_VALUE);
  const char *source = cell (record, index, COL_SOURCE);
  BelMeasurement *m = row->measurement;
  gint64 student_id = 0, metric_id = 0;
  guint64 goal_id = 0;
  char *end = NULL;
  gdouble number;

  row->sis_id = g_strdup (sis_id);
  if (sis_id != NULL)
    {
      if (!lookup_id (engine, "SELECT id, coalesce (nullif (preferred_name, ''), given_name) || ' ' || family_name "
                      "FROM student WHERE school_id = ? AND sis_id = ?", school_id, sis_id, &student_id,
                      &row->student_name, error))
        return FALSE;
      if (student_id == 0)
        add_row_error (v, n, "sis_id", "is not a student of this school");
    }
  else if (goal == NULL)
    add_row_error (v, n, "sis_id", "is empty");
  if (goal != NULL && !g_ascii_string_to_unsigned (goal, 10, 1, G_MAXINT64, &goal_id, NULL))
    add_row_error (v, n, "goal_id", "must be a goal id");
  else if (goal == NULL && metric == NULL)
    add_row_error (v, n, "metric", "is empty: give the metric's id or name, or a goal_id");
  else if (goal == NULL)
    {
      if (!lookup_id (engine, "SELECT id, name FROM growth_metric WHERE school_id = ?1 "
                      "AND (name = ?2 OR CAST (id AS TEXT) = ?2)", school_id, metric, &metric_id, NULL, error))
        return FALSE;
      if (metric_id == 0)
        add_row_error (v, n, "metric", "is not a growth metric of this school");
    }
  number = value ? g_ascii_strtod (value, &end) : 0;
  if (value == NULL || end == value || *end != '\0' || !isfinite (number))
    add_row_error (v, n, "value", "must be a number, such as 212 or 87.5");
  g_object_set (m,
                "student-id", student_id,
                "metric-id", metric_id,
                "goal-id", (gint64) goal_id,
                "measured-on", cell (record, index, COL_DATE),
                "value", value && end && *end == '\0' ? CLAMP (number, -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX) : 0.0,
                "source", source && g_utf8_strlen (source, -1) <= 120 ? source : NULL,
                NULL);
  if (source != NULL && g_utf8_strlen (source, -1) > 120)
    add_row_error (v, n, "source", "must be at most 120 characters");
  if (cell (record, index, COL_DATE) == NULL)
    add_row_error (v, n, "date", "is empty");
  return TRUE;
}

/* Reads and checks one record into a row; FALSE on a database error only. */
static gboolean
check_record (BelEngine             *engine,
              BelAccount            *actor,
              gint64                 school_id,
              char                 **record,
              const int             *index,
              guint                  n,
              guint                  line,
              BelMeasurementImport  *import,
              BelValidation         *all,
              GError               **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GError) row_error = NULL;
  g_autofree char *prefix = g_strdup_printf ("rows[%u]", n);
  BelImportRow *row = g_new0 (BelImportRow, 1);

  row->line = line;
  row->measurement = bel_measurement_new ();
  g_ptr_array_add (import->rows, row);
  if (!read_row (engine, school_id, record, index, n, row, v, error))
    return FALSE;
  if (bel_validation_ok (v) &&
      !bel_measurements_resolve (engine, actor, school_id, row->measurement, prefix, v, error))
    return FALSE;
  if (bel_validation_finish (v, &row_error))
    {
      row->errors = g_ptr_array_new ();
      return TRUE;
    }
  row->errors = bel_error_get_field_errors (row_error);
  for (guint i = 0; i < row->errors->len; i++)
    {
      BelFieldError *fe = g_ptr_array_index (row->errors, i);
      bel_validation_add (all, fe->field, "%s", fe->message);
    }
  import->n_invalid++;
  return TRUE;
}

static gboolean
write_rows (BelEngine             *engine,
            BelAccount            *actor,
            BelMeasurementImport  *import,
            GError               **error)
{
  for (guint i = 0; i < import->rows->len; i++)
    {
      BelImportRow *row = g_ptr_array_index (import->rows, i);
      GListModel *met;

      if (!bel_measurements_write (engine, actor, row->measurement, TRUE, error))
        return FALSE;
      met = bel_resource_get_object (row->measurement, "benchmarks-met");
      import->benchmarks_met += met ? g_list_model_get_n_items (met) : 0;
      import->written++;
    }
  return TRUE;
}

BelMeasurementImport *
bel_measurements_import_csv (BelEngine    *engine,
                             BelAccount   *actor,
                             gint64        school_id,
                             const char   *text,
                             gsize         length,
                             gboolean      dry_run,
                             GError      **error)
{
  g_autoptr(BelMeasurementImport) import = g_new0 (BelMeasurementImport, 1);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(BelValidation) all = bel_validation_new ();
  g_autoptr(BelTransaction) tx = NULL;
  int index[N_COLUMNS];

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  import->dry_run = dry_run;
  import->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "The CSV is not UTF-8");
      return NULL;
    }
  records = parse_csv (text, length, lines, error);
  if (records == NULL)
    return NULL;
  if (records->len < 2 || records->len - 1 > BEL_MEASUREMENT_MAX_ROWS)
    {
      bel_set_invalid_field (error, "rows", "the CSV needs a header row and from 1 to %d rows",
                             BEL_MEASUREMENT_MAX_ROWS);
      return NULL;
    }
  if (!read_header (g_ptr_array_index (records, 0), index, error))
    return NULL;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  for (guint i = 1; i < records->len; i++)
    if (!check_record (engine, actor, school_id, g_ptr_array_index (records, i), index, i - 1,
                       g_array_index (lines, guint, i), import, all, error))
      return NULL;
  if (dry_run)
    return g_steal_pointer (&import);
  if (!bel_validation_finish (all, error) || !write_rows (engine, actor, import, error) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&import);
}

static JsonNode *
row_to_json (BelImportRow *row,
             guint         n)
{
  g_autoptr(JsonNode) node = bel_model_to_json (row->measurement);
  JsonObject *obj = json_node_get_object (node);
  JsonArray *errors = json_array_new ();

  json_object_set_int_member (obj, "row", n);
  json_object_set_int_member (obj, "line", row->line);
  if (row->sis_id != NULL)
    json_object_set_string_member (obj, "sis_id", row->sis_id);
  else
    json_object_set_null_member (obj, "sis_id");
  if (row->student_name != NULL)
    json_object_set_string_member (obj, "student_name", row->student_name);
  else
    json_object_set_null_member (obj, "student_name");
  for (guint i = 0; row->errors != NULL && i < row->errors->len; i++)
    {
      BelFieldError *fe = g_ptr_array_index (row->errors, i);
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "field", fe->field);
      json_object_set_string_member (e, "message", fe->message);
      json_array_add_object_element (errors, e);
    }
  json_object_set_array_member (obj, "errors", errors);
  return g_steal_pointer (&node);
}

JsonNode *
bel_measurement_import_to_json (BelMeasurementImport *import)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, import->dry_run);
  json_builder_set_member_name (builder, "valid_rows");
  json_builder_add_int_value (builder, import->rows->len - import->n_invalid);
  json_builder_set_member_name (builder, "invalid_rows");
  json_builder_add_int_value (builder, import->n_invalid);
  json_builder_set_member_name (builder, "written");
  json_builder_add_int_value (builder, import->written);
  json_builder_set_member_name (builder, "benchmarks_met");
  json_builder_add_int_value (builder, import->benchmarks_met);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < import->rows->len; i++)
    json_builder_add_value (builder, row_to_json (g_ptr_array_index (import->rows, i), i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
