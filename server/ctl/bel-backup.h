/* bel-backup.h - consistent backups of a live database, optionally encrypted
 *
 * A backup is taken with SQLite's online backup API in one step, inside one
 * read transaction: with write-ahead logging the daemon goes on writing
 * meanwhile, and the copy is the database as it was at one instant.  The
 * copy is a plain SQLite file (journal_mode=DELETE, no -wal to forget), or,
 * with a passphrase, that file encrypted with libsodium's secretstream
 * (XChaCha20-Poly1305) under a key derived with Argon2id; no plaintext copy
 * touches the disk then.
 *
 * Encrypted file: "BELONGING-BACKUP" "\x01" salt[16] opslimit[8 LE]
 * memlimit[8 LE] secretstream header[24], then 64 KiB chunks each with its
 * 17-byte tag; the last is tagged FINAL, so truncation is detected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int     schema_version;
  gint64  size;           /* bytes of the (decrypted) database */
  gboolean encrypted;
} BelBackupInfo;

/* Writes a backup of the database @db_path to @dest (replaced atomically). */
gboolean bel_backup_create  (const char     *db_path,
                             const char     *dest,
                             const char     *passphrase,
                             BelBackupInfo  *info,
                             GError        **error);
/* Checks @backup (integrity_check, a schema version this belongingd knows)
 * and, unless @dest is NULL, writes it as the database @dest; the previous
 * file is kept as DEST.before-restore.  Needs @passphrase for an encrypted
 * backup (BEL_ERROR_UNAUTHORIZED when it is wrong). */
gboolean bel_backup_restore (const char     *backup,
                             const char     *dest,
                             const char     *passphrase,
                             BelBackupInfo  *info,
                             GError        **error);
/* Whether @path starts like an encrypted backup. */
gboolean bel_backup_is_encrypted (const char *path);

G_END_DECLS
