/* bel-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-csv.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

typedef struct {
  const char *name;
  const char *p;
  const char *end;
  guint       line;
} Reader;

static void
row_free (BelCsvRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

void
bel_csv_table_free (BelCsvTable *table)
{
  if (table == NULL)
    return;
  g_free (table->name);
  g_strfreev (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

static gboolean
fail (Reader      *r,
      guint        line,
      GError     **error,
      const char  *reason)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: %s", r->name, line, reason);
  return FALSE;
}

/* Reads one quoted field; r->p is just after the opening quote. */
static gboolean
read_quoted (Reader   *r,
             GString  *field,
             GError  **error)
{
  guint start_line = r->line;

  while (r->p < r->end)
    {
      char c = *r->p++;

      if (c == '"')
        {
          if (r->p < r->end && *r->p == '"')
            {
              g_string_append_c (field, '"');
              r->p++;
              continue;
            }
          /* Only a separator or a line end may follow a closing quote. */
          while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
            r->p++;
          if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            return fail (r, r->line, error, _("text after a closing quote (write a quote inside a "
                                              "quoted value as \"\")"));
          return TRUE;
        }
      if (c == '\n')
        r->line++;
      g_string_append_c (field, c);
    }
  return fail (r, start_line, error, _("a quoted value is never closed"));
}

/* Reads one record into @cells; FALSE with no error at the end of the data. */
static gboolean
read_record (Reader     *r,
             GPtrArray  *cells,
             GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  if (r->p >= r->end)
    return FALSE;
  for (;;)
    {
      g_string_truncate (field, 0);
      /* A quote opens a quoted value only at the start of a field (after blanks). */
      {
        const char *q = r->p;

        while (q < r->end && (*q == ' ' || *q == '\t'))
          q++;
        if (q < r->end && *q == '"')
          {
            r->p = q + 1;
            if (!read_quoted (r, field, error))
              return FALSE;
          }
      }
      while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
        g_string_append_c (field, *r->p++);
      g_ptr_array_add (cells, g_strstrip (g_strdup (field->str)));
      if (r->p >= r->end)
        return TRUE;
      if (*r->p == ',')
        {
          r->p++;
          continue;
        }
      if (*r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      return TRUE;
    }
}

static gboolean
blank_record (GPtrArray *cells)
{
  return cells->len == 1 && *(char *) g_ptr_array_index (cells, 0) == '\0';
}

BelCsvTable *
bel_csv_parse (const char  *name,
               const char  *data,
               gsize        size,
               GError     **error)
{
  g_autoptr(BelCsvTable) table = NULL;
  g_autoptr(GPtrArray) header = NULL;
  const char *bad = NULL;
  Reader r;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  /* An empty file (from a ZIP entry, say) may come as NULL: no arithmetic on it */
  if (data == NULL)
    data = "";
  r = (Reader) { name, data, data + size, 1 };
  table = g_new0 (BelCsvTable, 1);
  header = g_ptr_array_new_with_free_func (g_free);

  table->name = g_strdup (name);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r.p += 3;
  if (!g_utf8_validate (r.p, r.end - r.p, &bad))
    {
      guint line = 1;

      for (const char *q = data; q < bad; q++)
        line += *q == '\n';
      fail (&r, line, error, _("the text is not UTF-8 (export the file as UTF-8)"));
      return NULL;
    }
  if (!read_record (&r, header, error))
    {
      if (error != NULL && *error == NULL)
        fail (&r, 1, error, _("the file is empty: it needs at least its header line"));
      return NULL;
    }
  g_ptr_array_add (header, NULL);
  table->header = (char **) g_ptr_array_free (g_steal_pointer (&header), FALSE);

  for (;;)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      guint line = r.line;
      BelCsvRow *row;

      if (!read_record (&r, cells, error))
        {
          if (error != NULL && *error != NULL)
            return NULL;
          break;
        }
      if (blank_record (cells))
        continue;
      if (cells->len != g_strv_length (table->header))
        {
          g_autofree char *reason = g_strdup_printf (_("the row has %u values but the header has %u columns"),
                                                     cells->len, g_strv_length (table->header));
          fail (&r, line, error, reason);
          return NULL;
        }
      g_ptr_array_add (cells, NULL);
      row = g_new0 (BelCsvRow, 1);
      row->line = line;
      row->cells = (char **) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
      g_ptr_array_add (table->rows, row);
    }
  return g_steal_pointer (&table);
}

int
bel_csv_find_column (BelCsvTable        *table,
                     const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint c = 0; table->header[c] != NULL; c++)
      if (g_ascii_strcasecmp (table->header[c], names[n]) == 0)
        return (int) c;
  return -1;
}

const char *
bel_csv_cell (BelCsvRow *row,
              int        column)
{
  return column < 0 ? "" : row->cells[column];
}
