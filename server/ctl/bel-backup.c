/* bel-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-backup.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bel-error.h"
#include "bel-store.h"

#define MAGIC        "BELONGING-BACKUP"
#define MAGIC_LEN    16
#define FORMAT       1
#define CHUNK        (64 * 1024)
#define HEADER_LEN   (MAGIC_LEN + 1 + crypto_pwhash_SALTBYTES + 8 + 8 + \
                      crypto_secretstream_xchacha20poly1305_HEADERBYTES)
#define MAX_MEMLIMIT ((guint64) 1 << 30)
#define MAX_OPSLIMIT 64
#define SQLITE_MAGIC "SQLite format 3"

typedef sqlite3 BelDb;

static void
db_close (BelDb *db)
{
  sqlite3_close_v2 (db);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelDb, db_close)

static void
wipe_bytes (GByteArray *bytes)
{
  if (bytes == NULL)
    return;
  sodium_memzero (bytes->data, bytes->len);
  g_byte_array_unref (bytes);
}

typedef GByteArray BelSecretBytes;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelSecretBytes, wipe_bytes)

static gboolean
db_failed (sqlite3     *db,
           const char  *what,
           GError     **error)
{
  g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED, "%s: %s", what, db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* integrity_check, and a schema this belongingd can open (perhaps after migrating). */
static gboolean
verify (sqlite3       *db,
        const char    *name,
        BelBackupInfo *info,
        GError       **error)
{
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");
  g_autofree char *version = NULL;
  int latest = bel_store_latest_version ();

  if (g_strcmp0 (integrity, "ok") != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("%s fails the integrity check: %s"), name,
                   integrity ? integrity : sqlite3_errmsg (db));
      return FALSE;
    }
  version = query_text (db, "SELECT MAX(version) FROM schema_version");
  if (version == NULL)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("%s is not a Belonging database"), name);
      return FALSE;
    }
  info->schema_version = (int) g_ascii_strtoll (version, NULL, 10);
  if (info->schema_version > latest)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   _("%s has schema version %d, from a newer belongingd; this one knows up to %d"), name,
                   info->schema_version, latest);
      return FALSE;
    }
  return TRUE;
}

/* The whole database at one instant, as the bytes of a rollback-journal file. */
static BelSecretBytes *
snapshot (const char     *db_path,
          BelBackupInfo  *info,
          GError        **error)
{
  g_autoptr(BelDb) source = NULL;
  g_autoptr(BelDb) copy = NULL;
  sqlite3_backup *backup;
  sqlite3_int64 size = 0;
  unsigned char *data;
  GByteArray *bytes;
  int rc;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, _("There is no database at %s"), db_path);
      return NULL;
    }
  if (sqlite3_open_v2 (db_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_open_v2 (":memory:", &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      db_failed (source, _("Could not open the database"), error);
      return NULL;
    }
  sqlite3_busy_timeout (source, 10000);
  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      db_failed (copy, _("Could not start the backup"), error);
      return NULL;
    }
  /* One step: one read transaction, one consistent snapshot. */
  for (int attempt = 0; (rc = sqlite3_backup_step (backup, -1)) != SQLITE_DONE && attempt < 50; attempt++)
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      g_usleep (100 * 1000);
    else
      break;
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, _("The backup failed: %s"), sqlite3_errstr (rc));
      return NULL;
    }
  if (!verify (copy, db_path, info, error))
    return NULL;
  data = sqlite3_serialize (copy, "main", &size, 0);
  if (data == NULL)
    {
      db_failed (copy, _("Could not serialize the backup"), error);
      return NULL;
    }
  bytes = g_byte_array_sized_new ((guint) size);
  g_byte_array_append (bytes, data, (guint) size);
  sodium_memzero (data, (size_t) size);
  sqlite3_free (data);
  /* File format read/write versions 1: a plain rollback-journal file, no WAL to go with it. */
  if (bytes->len > 19)
    bytes->data[18] = bytes->data[19] = 1;
  info->size = bytes->len;
  return bytes;
}

static gboolean
derive_key (unsigned char *key,
            const char    *passphrase,
            const guint8  *salt,
            guint64        opslimit,
            guint64        memlimit,
            GError       **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase, strlen (passphrase), salt,
                     opslimit, (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, _("Out of memory while deriving the key"));
      return FALSE;
    }
  return TRUE;
}

static void
put_u64 (GByteArray *out,
         guint64     value)
{
  guint64 le = GUINT64_TO_LE (value);
  g_byte_array_append (out, (const guint8 *) &le, 8);
}

static GBytes *
encrypt (const GByteArray  *plain,
         const char        *passphrase,
         GError           **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 format = FORMAT;
  guint64 ops = crypto_pwhash_OPSLIMIT_MODERATE, mem = crypto_pwhash_MEMLIMIT_MODERATE;
  gsize done = 0;

  randombytes_buf (salt, sizeof salt);
  if (!derive_key (key, passphrase, salt, ops, mem, error))
    return NULL;
  crypto_secretstream_xchacha20poly1305_init_push (&state, header, key);
  sodium_memzero (key, sizeof key);
  g_byte_array_append (out, (const guint8 *) MAGIC, MAGIC_LEN);
  g_byte_array_append (out, &format, 1);
  g_byte_array_append (out, salt, sizeof salt);
  put_u64 (out, ops);
  put_u64 (out, mem);
  g_byte_array_append (out, header, sizeof header);
  do
    {
      gsize n = MIN (CHUNK, plain->len - done);
      gboolean last = done + n == plain->len;
      guint offset = out->len;
      unsigned long long written = 0;

      g_byte_array_set_size (out, offset + n + crypto_secretstream_xchacha20poly1305_ABYTES);
      crypto_secretstream_xchacha20poly1305_push (&state, out->data + offset, &written, plain->data + done, n,
                                                  NULL, 0,
                                                  last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
      done += n;
    }
  while (done < plain->len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 le;

  memcpy (&le, p, 8);
  return GUINT64_FROM_LE (le);
}

static BelSecretBytes *
decrypt (const guint8  *data,
         gsize          size,
         const char    *passphrase,
         GError       **error)
{
  g_autoptr(BelSecretBytes) plain = g_byte_array_new ();
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  const guint8 *salt = data + MAGIC_LEN + 1;
  guint64 ops, mem;
  gsize at = HEADER_LEN;
  unsigned char tag = 0;

  if (size < HEADER_LEN || data[MAGIC_LEN] != FORMAT)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, _("The backup is damaged or of an unknown format"));
      return NULL;
    }
  if (passphrase == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED, _("The backup is encrypted: give its passphrase"));
      return NULL;
    }
  ops = get_u64 (salt + crypto_pwhash_SALTBYTES);
  mem = get_u64 (salt + crypto_pwhash_SALTBYTES + 8);
  if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > MAX_OPSLIMIT || mem < crypto_pwhash_MEMLIMIT_MIN || mem > MAX_MEMLIMIT)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, _("The backup is damaged (bad key parameters)"));
      return NULL;
    }
  if (!derive_key (key, passphrase, salt, ops, mem, error))
    return NULL;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, data + HEADER_LEN -
                                                       crypto_secretstream_xchacha20poly1305_HEADERBYTES, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, _("The backup is damaged"));
      return NULL;
    }
  sodium_memzero (key, sizeof key);
  while (at < size && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL)
    {
      gsize n = MIN (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES, size - at);
      guint offset = plain->len;
      unsigned long long got = 0;

      g_byte_array_set_size (plain, offset + n);
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + offset, &got, &tag, data + at, n,
                                                      NULL, 0) != 0)
        {
          /* The first chunk fails with a wrong passphrase; a later one only when damaged. */
          g_set_error_literal (error, BEL_ERROR, at == HEADER_LEN ? BEL_ERROR_UNAUTHORIZED : BEL_ERROR_INVALID,
                               at == HEADER_LEN ? _("Wrong passphrase (or the backup is damaged)")
                                                : _("The backup is damaged"));
          return NULL;
        }
      g_byte_array_set_size (plain, offset + (guint) got);
      at += n;
    }
  if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL || at != size)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, _("The backup is truncated or damaged"));
      return NULL;
    }
  return g_steal_pointer (&plain);
}

static gboolean
write_private (const char    *path,
               const guint8  *data,
               gsize          size,
               GError       **error)
{
  return g_file_set_contents_full (path, (const char *) data, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
bel_backup_create (const char     *db_path,
                   const char     *dest,
                   const char     *passphrase,
                   BelBackupInfo  *info,
                   GError        **error)
{
  g_autoptr(BelSecretBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;

  memset (info, 0, sizeof *info);
  if (sodium_init () < 0)
    return db_failed (NULL, "libsodium", error);
  plain = snapshot (db_path, info, error);
  if (plain == NULL)
    return FALSE;
  if (passphrase == NULL)
    return write_private (dest, plain->data, plain->len, error);
  info->encrypted = TRUE;
  sealed = encrypt (plain, passphrase, error);
  return sealed != NULL &&
         write_private (dest, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), error);
}

gboolean
bel_backup_is_encrypted (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char magic[MAGIC_LEN];
  gsize n = 0;

  return in != NULL && g_input_stream_read_all (G_INPUT_STREAM (in), magic, sizeof magic, &n, NULL, NULL) &&
         n == MAGIC_LEN && memcmp (magic, MAGIC, MAGIC_LEN) == 0;
}

/* Keeps DEST (and its -wal, with what was not yet checkpointed) as DEST.before-restore. */
static gboolean
set_aside (const char  *dest,
           GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *from = g_strconcat (dest, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (dest, ".before-restore", suffixes[i], NULL);

      g_remove (to);
      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not move %s aside: %s"), from,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
install (const char    *dest,
         GByteArray    *plain,
         GError       **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".restoring", NULL);
  GStatBuf old;
  gboolean had_old = g_stat (dest, &old) == 0;

  if (!write_private (tmp, plain->data, plain->len, error))
    return FALSE;
  /* Run as root for a daemon that runs as its own user: the file stays theirs. */
  if (had_old && getuid () == 0 && chown (tmp, old.st_uid, old.st_gid) != 0)
    g_warning ("Could not give %s to its previous owner: %s", dest, g_strerror (errno));
  if (!set_aside (dest, error))
    return FALSE;
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write %s: %s"), dest,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_backup_restore (const char     *backup,
                    const char     *dest,
                    const char     *passphrase,
                    BelBackupInfo  *info,
                    GError        **error)
{
  g_autoptr(BelSecretBytes) plain = NULL;
  g_autoptr(BelDb) db = NULL;
  g_autofree char *data = NULL;
  unsigned char *image;
  gsize size = 0;

  memset (info, 0, sizeof *info);
  if (sodium_init () < 0)
    return db_failed (NULL, "libsodium", error);
  if (!g_file_get_contents (backup, &data, &size, error))
    return FALSE;
  if (size >= MAGIC_LEN && memcmp (data, MAGIC, MAGIC_LEN) == 0)
    {
      info->encrypted = TRUE;
      plain = decrypt ((const guint8 *) data, size, passphrase, error);
      if (plain == NULL)
        return FALSE;
    }
  else if (size >= 16 && memcmp (data, SQLITE_MAGIC, strlen (SQLITE_MAGIC) + 1) == 0)
    {
      plain = g_byte_array_sized_new ((guint) size);
      g_byte_array_append (plain, (const guint8 *) data, (guint) size);
    }
  else
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("%s is not a Belonging backup"), backup);
      return FALSE;
    }
  info->size = plain->len;

  /* Check a private in-memory copy before anything is replaced. */
  image = sqlite3_malloc64 (plain->len);
  if (image == NULL || sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_free (image);
      return db_failed (db, _("Could not check the backup"), error);
    }
  if (plain->len > 19)
    plain->data[18] = plain->data[19] = 1;
  memcpy (image, plain->data, plain->len);
  if (sqlite3_deserialize (db, "main", image, plain->len, plain->len,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    return db_failed (db, _("Could not read the backup"), error);
  if (!verify (db, backup, info, error))
    return FALSE;
  if (dest == NULL)
    return TRUE;
  return install (dest, plain, error);
}
