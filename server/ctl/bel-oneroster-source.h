/* bel-oneroster-source.h - the CSV files of a OneRoster set, from a directory or a ZIP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest CSV file read (a district's enrollments fit easily). */
#define BEL_ONEROSTER_MAX_FILE_SIZE (512 * 1024 * 1024)

/* Reads the *.csv files at the root of the directory or ZIP file @path (or,
 * for a ZIP whose files all sit in one folder, that folder) into a table of
 * lowercase file name -> GBytes. */
GHashTable *bel_oneroster_source_read (const char  *path,
                                       GError     **error);

G_END_DECLS
