/* bel-test-it.h - helpers of the IT tooling tests (belongingctl on a test daemon's database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-test-ctl.h"
#include "bel-test-daemon.h"

G_BEGIN_DECLS

/* Runs belongingctl --database D->db_path ARGS..., asserts its exit status. */
BelTestCtl *bel_test_it_ctl        (BelTestDaemon *d,
                                    int            expected_status,
                                    const char    *first_arg,
                                    ...) G_GNUC_NULL_TERMINATED;
/* The first column of the first row of @sql, run on the database file. */
gint64      bel_test_it_query_int  (const char    *db_path,
                                    const char    *sql);
char       *bel_test_it_query_text (const char    *db_path,
                                    const char    *sql);
/* A fingerprint of every table's rows: equal fingerprints, same data. */
char       *bel_test_it_fingerprint (const char   *db_path);
/* Source tree paths. */
char       *bel_test_it_data_path  (const char    *first,
                                    ...) G_GNUC_NULL_TERMINATED;
/* Copies the regular files of @from into @to (created). */
void        bel_test_it_copy_dir   (const char    *from,
                                    const char    *to);
/* Removes @path and everything below it. */
void        bel_test_it_remove     (const char    *path);

G_END_DECLS
