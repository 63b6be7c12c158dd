/* fuzz-oneroster.c - the OneRoster CSV reader of belongingctl import
 *
 * Input: the CSV files of a set, each after a line "@@ NAME" (a simple
 * archive, readable and easy to mutate):
 *
 *   @@ manifest.csv
 *   propertyName,value
 *   ...
 *   @@ users.csv
 *   sourcedId,status,...
 *
 * Every file is parsed on its own (bel_csv_parse(), with "NAME:LINE:"
 * errors), then the whole set is read and checked (bel_oneroster_read_files(),
 * every value and reference).  Text before the first "@@" line is parsed as
 * one more CSV file that is not part of the set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <gio/gio.h>
#include <string.h>

#include "bel-csv.h"
#include "bel-oneroster.h"

static void
parse_alone (const char *name,
             const char *data,
             gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCsvTable) table = bel_csv_parse (name, data, size, &error);

  if (table == NULL)
    {
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
      g_assert_true (g_str_has_prefix (error->message, name));
      return;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < table->rows->len; i++)
    {
      BelCsvRow *row = table->rows->pdata[i];
      g_assert_cmpuint (g_strv_length (row->cells), ==, g_strv_length (table->header));
      g_assert_cmpuint (row->line, >=, 2);
    }
}

/* What belongingctl import relies on: problems are UTF-8 text, and a set
 * without problems (the only kind it applies) has every reference resolved. */
static void
check_roster (BelOneRoster *roster)
{
  g_assert_cmpuint (roster->problems->len, <=, BEL_ONEROSTER_MAX_PROBLEMS + 1);
  for (guint i = 0; i < roster->problems->len; i++)
    g_assert_true (g_utf8_validate (roster->problems->pdata[i], -1, NULL));
  if (roster->problems->len > 0)
    return;
  for (guint i = 0; i < roster->users->len; i++)
    {
      BelOrUser *user = roster->users->pdata[i];
      g_assert_true (user->record.sourced_id != NULL && user->orgs != NULL);
    }
  for (guint i = 0; i < roster->classes->len; i++)
    g_assert_nonnull (((BelOrClass *) roster->classes->pdata[i])->record.sourced_id);
  for (guint i = 0; i < roster->enrollments->len; i++)
    {
      BelOrEnrollment *e = roster->enrollments->pdata[i];
      g_assert_true (e->record.sourced_id != NULL && e->klass != NULL && e->user != NULL && e->role != NULL);
    }
}

/* The first line at or after @p (a line start) that begins with "@@ ", or NULL. */
static const char *
find_header (const char *start,
             const char *p,
             const char *end)
{
  for (; p < end; p++)
    if ((p == start || p[-1] == '\n') && end - p >= 3 && memcmp (p, "@@ ", 3) == 0)
      return p;
  return NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autoptr(BelOneRoster) roster = NULL;
  const char *start = (const char *) data;
  const char *end = start + size;
  const char *header = find_header (start, start, end);

  bel_fuzz_init ();
  parse_alone ("before.csv", start, (header ? header : end) - start);
  while (header != NULL)
    {
      const char *line_end = memchr (header, '\n', end - header);
      const char *body = line_end ? line_end + 1 : end;
      g_autofree char *name = g_strndup (header + 3, (line_end ? line_end : end) - header - 3);
      gsize body_size;

      g_strstrip (name);
      header = find_header (start, body, end);
      body_size = (header ? header : end) - body;
      parse_alone (name, body, body_size);
      g_hash_table_replace (files, g_ascii_strdown (name, -1), g_bytes_new (body, body_size));
    }
  if (g_hash_table_size (files) == 0)
    return 0;
  roster = bel_oneroster_read_files (files, "fuzz");
  g_assert_nonnull (roster);
  check_roster (roster);
  return 0;
}
