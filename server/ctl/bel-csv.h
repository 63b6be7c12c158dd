/* bel-csv.h - RFC 4180 CSV tables that remember where each value came from
 *
 * Quoted fields (with "" for a quote, and line breaks inside quotes), CRLF or
 * LF line ends and a UTF-8 byte order mark are accepted.  Every row keeps
 * the line it starts on, so an importer can say "users.csv:14: column 16
 * (grades): ...".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint   line;    /* 1-based line the row starts on */
  char  **cells;   /* as many as the header has columns */
} BelCsvRow;

typedef struct {
  char       *name;    /* the file name, e.g. "users.csv" */
  char      **header;  /* trimmed column names */
  GPtrArray  *rows;    /* BelCsvRow, without the header row */
} BelCsvTable;

/* Parses @data (@size bytes) named @name.  Fails with a "NAME:LINE: reason"
 * message (G_IO_ERROR_INVALID_DATA) for text that is not UTF-8, an unclosed
 * quote, text after a closing quote, or a row with a different number of
 * columns than the header. */
BelCsvTable *bel_csv_parse        (const char   *name,
                                   const char   *data,
                                   gsize         size,
                                   GError      **error);
void         bel_csv_table_free   (BelCsvTable  *table);

/* The 0-based index of the first of @names (alternative spellings, matched
 * without regard to case) that is a column, else -1. */
int          bel_csv_find_column  (BelCsvTable        *table,
                                   const char * const *names);
/* The trimmed value of @column in @row; "" when @column is -1. */
const char  *bel_csv_cell         (BelCsvRow          *row,
                                   int                 column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelCsvTable, bel_csv_table_free)

G_END_DECLS
