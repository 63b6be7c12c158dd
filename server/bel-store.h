/* bel-store.h - one connection to the daemon's database, migrated on open
 *
 * A BelStore is one connection to the database through a driver: SQLite (a
 * file path; the default) or PostgreSQL (a postgresql:// URL).  Opening a
 * store applies the driver's numbered migrations compiled into the daemon
 * (GResource /app/belonging/sql and /app/belonging/sql-pg), each in its own
 * transaction, and records them in the table schema_version.  A database
 * written by a newer belongingd is refused.
 *
 * A BelStore is used by one thread at a time.  belongingd keeps one on the
 * main loop (live events) and one per worker thread (bel-workers.h).
 *
 * Engines speak in model objects; only bel-store-private.h exposes SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BEL_TYPE_STORE (bel_store_get_type ())
G_DECLARE_FINAL_TYPE (BelStore, bel_store, BEL, STORE, GObject)

BelStore   *bel_store_open               (const char  *location,
                                          GError     **error);
/* Another connection to a database that bel_store_open() has migrated. */
BelStore   *bel_store_connect            (const char  *location,
                                          GError     **error);
/* A file path (SQLite) or a postgresql:// URL. */
const char *bel_store_get_path           (BelStore    *self);
/* The same without a password: for messages and logs. */
const char *bel_store_get_display_name   (BelStore    *self);
char       *bel_store_redact_location    (const char  *location);
/* Whether @location names a file (SQLite), not a postgresql:// URL. */
gboolean    bel_store_location_is_file   (const char  *location);
/* Bytes the database takes on disk; -1 when unknown. */
gint64      bel_store_get_size           (BelStore    *self);
int         bel_store_get_schema_version (BelStore    *self);
int         bel_store_latest_version     (void);
gboolean    bel_store_ping               (BelStore    *self,
                                          GError     **error);
gboolean    bel_store_integrity_check    (BelStore    *self,
                                          GError     **error);
gboolean    bel_store_checkpoint         (BelStore    *self,
                                          GError     **error);
void        bel_store_close              (BelStore    *self);

G_END_DECLS
