/* bel-oneroster-source.c - directory or ZIP (libarchive)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-oneroster-source.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "bel-error.h"

typedef struct archive BelArchive;

static void
bel_archive_free (BelArchive *a)
{
  archive_read_free (a);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelArchive, bel_archive_free)

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
}

static gboolean
is_csv (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".csv") && lower[0] != '.';
}

static GHashTable *
read_directory (const char  *path,
                GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  g_autoptr(GHashTable) files = new_table ();
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *data = NULL;
      gsize size;

      if (!is_csv (name) || !g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (file, &data, &size, error))
        return NULL;
      g_hash_table_insert (files, g_ascii_strdown (name, -1),
                           g_bytes_new_take (g_steal_pointer (&data), size));
    }
  return g_steal_pointer (&files);
}

static GBytes *
read_entry (BelArchive            *a,
            struct archive_entry  *entry,
            GError               **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  char buffer[65536];
  la_ssize_t n;

  while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
    {
      if (data->len + (gsize) n > BEL_ONEROSTER_MAX_FILE_SIZE)
        {
          g_set_error (error, BEL_ERROR, BEL_ERROR_TOO_LARGE, _("%s is larger than %d MiB"),
                       archive_entry_pathname (entry), BEL_ONEROSTER_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, (const guint8 *) buffer, (guint) n);
    }
  if (n < 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("Could not read %s from the ZIP file: %s"),
                   archive_entry_pathname (entry), archive_error_string (a));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* ZIP entries "users.csv" or "folder/users.csv"; the folder (one at most) is dropped. */
static GHashTable *
read_zip (const char  *path,
          GError     **error)
{
  g_autoptr(BelArchive) a = archive_read_new ();
  g_autoptr(GHashTable) files = new_table ();
  g_autofree char *folder = NULL;
  struct archive_entry *entry;
  int rc;

  archive_read_support_format_zip (a);
  archive_read_support_filter_all (a);
  if (archive_read_open_filename (a, path, 65536) != ARCHIVE_OK)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("%s is not a readable ZIP file: %s"), path,
                   archive_error_string (a));
      return NULL;
    }
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autofree char *dir = NULL;
      g_autofree char *base = NULL;
      GBytes *bytes;

      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG || !is_csv (name) ||
          g_str_has_prefix (name, "__MACOSX/"))
        continue;
      dir = g_path_get_dirname (name);
      base = g_path_get_basename (name);
      if (strchr (dir, '/') != NULL || (folder != NULL && g_strcmp0 (folder, dir) != 0 &&
                                        !(g_str_equal (dir, ".") && g_str_equal (folder, "."))))
        {
          g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                       _("%s: the CSV files must be at the root of the ZIP file (found %s)"), path, name);
          return NULL;
        }
      if (folder == NULL)
        folder = g_strdup (dir);
      bytes = read_entry (a, entry, error);
      if (bytes == NULL)
        return NULL;
      g_hash_table_insert (files, g_ascii_strdown (base, -1), bytes);
    }
  if (rc != ARCHIVE_EOF)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("%s: the ZIP file is damaged: %s"), path,
                   archive_error_string (a));
      return NULL;
    }
  return g_steal_pointer (&files);
}

GHashTable *
bel_oneroster_source_read (const char  *path,
                           GError     **error)
{
  g_autoptr(GHashTable) files = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    files = read_directory (path, error);
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    files = read_zip (path, error);
  else
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, _("There is no directory or ZIP file at %s"), path);
  if (files != NULL && g_hash_table_size (files) == 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("%s holds no CSV files"), path);
      return NULL;
    }
  return g_steal_pointer (&files);
}
