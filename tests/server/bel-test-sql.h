/* bel-test-sql.h - SQL on a test daemon's database through BelStore
 *
 * For tests that look at or poke the stored rows themselves.  The location is
 * BelTestDaemon's db_path: a SQLite file or a postgresql:// URL, so the same
 * helpers work on both backends (the SQL must suit both, or check
 * bel_test_postgresql()).  Every call asserts that its SQL runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-store-private.h"

G_BEGIN_DECLS

BelStore *bel_test_sql_open        (const char *location);
/* The first column of the first row, which must exist. */
gint64    bel_test_sql_int         (const char *location,
                                    const char *sql);
/* The first column of the first row; NULL without a row. */
char     *bel_test_sql_text        (const char *location,
                                    const char *sql);
/* FALSE with the database's message when @sql fails (e.g. a trigger refuses it). */
gboolean  bel_test_sql_exec        (const char *location,
                                    const char *sql,
                                    char      **message);
/* A hash of every row of every table of a PostgreSQL database, to see that
 * something changed nothing (bel_test_it_fingerprint() does SQLite's). */
char     *bel_test_sql_pg_fingerprint (const char *location);

G_END_DECLS
