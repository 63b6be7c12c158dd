/* bel-migrate.h - copying a SQLite database into PostgreSQL, verified
 *
 * "belongingctl migrate-to postgresql://…" moves a school's database to a
 * district's PostgreSQL: every table in one transaction, ids kept, foreign
 * keys checked once at the end, identity sequences moved past the copied
 * ids; then each table's row count and checksum are read back from
 * PostgreSQL and compared with the source's.  The target must be empty
 * (migrated, no rows); on any difference nothing is committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *table;
  gint64  rows;
  char   *checksum;    /* SHA-256 of the table's rows as a multiset, hex */
} BelMigratedTable;

void       bel_migrated_table_free (BelMigratedTable *table);

/* Calls @progress (may be NULL) after each table; returns the tables copied. */
GPtrArray *bel_migrate_copy (BelStore   *source,
                             BelStore   *target,
                             void      (*progress) (const BelMigratedTable *table,
                                                    gpointer                user_data),
                             gpointer    user_data,
                             GError    **error);

/* The multiset checksum of @table in @store, by the source's column list. */
char      *bel_migrate_checksum (BelStore    *store,
                                 const char  *table,
                                 GStrv        columns,
                                 GStrv        types,
                                 gint64      *rows,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelMigratedTable, bel_migrated_table_free)

G_END_DECLS
