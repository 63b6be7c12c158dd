/* bel-oneroster.c - the set, its manifest, orgs, sessions, courses and classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-oneroster-private.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "bel-oneroster-source.h"

#define COL(...) ((const char * const []) { __VA_ARGS__, NULL })

static const char * const known_files[] = {
  "orgs.csv", "academicsessions.csv", "courses.csv", "classes.csv", "users.csv", "roles.csv",
  "enrollments.csv", "demographics.csv", NULL
};

/* Whether the list of problems is full; the first problem too many adds a line that says so. */
static gboolean
problems_full (BelOrReader *rd)
{
  GPtrArray *problems = rd->roster->problems;

  if (problems->len == BEL_ONEROSTER_MAX_PROBLEMS)
    g_ptr_array_add (problems, g_strdup_printf (_("(more problems not shown: fix these first)")));
  return problems->len > BEL_ONEROSTER_MAX_PROBLEMS;
}

void
bel_or_problem (BelOrReader  *rd,
                BelCsvTable  *table,
                BelCsvRow    *row,
                int           column,
                const char   *format,
                ...)
{
  GPtrArray *problems = rd->roster->problems;
  g_autofree char *reason = NULL;
  va_list args;

  if (problems_full (rd))
    return;
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  if (row == NULL)
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", table ? table->name : rd->roster->source, reason));
  else if (column < 0)
    g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s", table->name, row->line, reason));
  else
    g_ptr_array_add (problems, g_strdup_printf (_("%s:%u: column %d (%s): %s"), table->name, row->line,
                                                column + 1, table->header[column], reason));
}

BelCsvTable *
bel_or_table (BelOrReader *rd,
              const char  *file,
              gboolean     required)
{
  g_autofree char *lower = g_ascii_strdown (file, -1);
  GBytes *bytes = g_hash_table_lookup (rd->files, lower);
  g_autoptr(GError) error = NULL;
  BelCsvTable *table;
  gsize size;
  const char *data;

  if (bytes == NULL)
    {
      if (required)
        bel_or_problem (rd, NULL, NULL, -1, _("%s is missing from the set"), file);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  table = bel_csv_parse (file, data, size, &error);
  if (table == NULL)
    {
      if (!problems_full (rd))
        g_ptr_array_add (rd->roster->problems, g_strdup (error->message));
      g_hash_table_add (rd->broken, g_strdup (file));
    }
  return table;
}

int
bel_or_column (BelOrReader        *rd,
               BelCsvTable        *table,
               const char * const *names,
               gboolean            required)
{
  int column = bel_csv_find_column (table, names);

  if (column < 0 && required)
    {
      if (!problems_full (rd))
        g_ptr_array_add (rd->roster->problems,
                         g_strdup_printf (_("%s:1: the header has no column “%s”"), table->name, names[0]));
      g_hash_table_add (rd->broken, g_strdup (table->name));
    }
  return column;
}

gboolean
bel_or_missing (BelOrReader *rd,
                const char  *file,
                const char  *id)
{
  g_autofree char *key = g_strconcat (file, "\x1f", id, NULL);

  return !g_hash_table_contains (rd->broken, file) && !g_hash_table_contains (rd->known, key);
}

gboolean
bel_or_read_record (BelOrReader  *rd,
                    BelCsvTable  *table,
                    BelCsvRow    *row,
                    GHashTable   *seen,
                    BelOrRecord  *record)
{
  int id_column = bel_csv_find_column (table, COL ("sourcedId"));
  int status_column = bel_csv_find_column (table, COL ("status"));
  const char *id = bel_csv_cell (row, id_column);
  const char *status = bel_csv_cell (row, status_column);
  gpointer first_line;

  record->line = row->line;
  if (*id != '\0')
    g_hash_table_add (rd->known, g_strconcat (table->name, "\x1f", id, NULL));
  if (*id == '\0')
    {
      bel_or_problem (rd, table, row, id_column, _("the sourcedId is empty"));
      return FALSE;
    }
  if (g_hash_table_lookup_extended (seen, id, NULL, &first_line))
    {
      bel_or_problem (rd, table, row, id_column, _("the sourcedId “%s” is also on line %u"), id,
                      GPOINTER_TO_UINT (first_line));
      return FALSE;
    }
  /* Bulk files may leave status empty: the row is active. */
  if (*status == '\0' || g_ascii_strcasecmp (status, "active") == 0)
    record->active = TRUE;
  else if (g_ascii_strcasecmp (status, "tobedeleted") == 0 || g_ascii_strcasecmp (status, "inactive") == 0)
    record->active = FALSE;
  else
    {
      bel_or_problem (rd, table, row, status_column,
                      _("“%s” is not a status (use active, tobedeleted or inactive)"), status);
      return FALSE;
    }
  record->sourced_id = g_strdup (id);
  g_hash_table_insert (seen, record->sourced_id, GUINT_TO_POINTER (row->line));
  return TRUE;
}

const char *
bel_or_required (BelOrReader *rd,
                 BelCsvTable *table,
                 BelCsvRow   *row,
                 int          column,
                 gboolean     active)
{
  const char *value = bel_csv_cell (row, column);

  if (*value == '\0' && active && column >= 0)
    bel_or_problem (rd, table, row, column, _("a value is required"));
  return value;
}

char *
bel_or_dup (const char *value)
{
  return value == NULL || *value == '\0' ? NULL : g_strdup (value);
}

gboolean
bel_oneroster_parse_grade (const char *text,
                           int        *grade)
{
  static const struct { const char *code; int grade; } named[] = {
    { "IT", -1 }, { "PR", -1 }, { "PK", -1 }, { "TK", 0 }, { "KG", 0 }, { "K", 0 },
  };
  guint64 number;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_ascii_strcasecmp (text, named[i].code) == 0)
      {
        *grade = named[i].grade;
        return TRUE;
      }
  if (!g_ascii_string_to_unsigned (text, 10, 1, 13, &number, NULL))
    return FALSE;
  *grade = (int) number;
  return TRUE;
}

/* manifest.csv: propertyName,value */
static void
read_manifest (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "manifest.csv", FALSE);
  const char *version;
  int name_column, value_column;

  if (table == NULL)
    {
      /* Some exports leave it out; the files tell the version. */
      gboolean roles = g_hash_table_contains (rd->files, "roles.csv");
      rd->roster->version = g_strdup (roles ? "1.2" : "1.1");
      g_ptr_array_add (rd->roster->notes,
                       g_strdup_printf (_("The set has no manifest.csv; read it as OneRoster %s"),
                                        rd->roster->version));
      return;
    }
  name_column = bel_or_column (rd, table, COL ("propertyName"), TRUE);
  value_column = bel_or_column (rd, table, COL ("value"), TRUE);
  if (name_column < 0 || value_column < 0)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      g_hash_table_replace (rd->manifest, g_strdup (bel_csv_cell (row, name_column)),
                            g_strdup (bel_csv_cell (row, value_column)));
    }
  version = g_hash_table_lookup (rd->manifest, "oneroster.version");
  if (g_strcmp0 (version, "1.0") == 0 || g_strcmp0 (version, "1.1") == 0 || g_strcmp0 (version, "1.2") == 0)
    rd->roster->version = g_strdup (g_str_equal (version, "1.0") ? "1.1" : version);
  else
    {
      bel_or_problem (rd, table, NULL, -1,
                      _("oneroster.version is “%s”; this belongingctl reads OneRoster 1.1 and 1.2"),
                      version ? version : "");
      rd->roster->version = g_strdup ("1.1");
    }
  for (guint i = 0; known_files[i] != NULL; i++)
    {
      const char *key = NULL;
      const char *mode = NULL;
      g_autofree char *stem = g_strndup (known_files[i], strlen (known_files[i]) - 4);
      GHashTableIter iter;
      gpointer k, v;

      /* The manifest spells the file key in camel case (file.academicSessions);
       * two spellings of one file (file.users, file.Users) leave its mode unknown. */
      g_hash_table_iter_init (&iter, rd->manifest);
      while (g_hash_table_iter_next (&iter, &k, &v))
        if (g_str_has_prefix (k, "file.") && g_ascii_strcasecmp ((char *) k + 5, stem) == 0)
          {
            if (key != NULL)
              bel_or_problem (rd, table, NULL, -1, _("%s is named twice: “%s” and “%s”"), known_files[i],
                              g_strcmp0 (key, k) < 0 ? key : (char *) k,
                              g_strcmp0 (key, k) < 0 ? (char *) k : key);
            key = k;
            mode = v;
          }
      if (mode == NULL)
        continue;
      if (g_ascii_strcasecmp (mode, "delta") == 0)
        bel_or_problem (rd, table, NULL, -1,
                        _("%s is a delta file; export a bulk set (every file “bulk” or “absent”)"),
                        known_files[i]);
      else if (g_ascii_strcasecmp (mode, "bulk") == 0 && !g_hash_table_contains (rd->files, known_files[i]))
        bel_or_problem (rd, table, NULL, -1, _("%s says %s is bulk, but the set does not have it"),
                        "manifest.csv", known_files[i]);
      else if (g_ascii_strcasecmp (mode, "absent") == 0)
        g_hash_table_remove (rd->files, known_files[i]);
    }
}

static void
org_free (BelOrOrg *org)
{
  g_free (org->record.sourced_id);
  g_free (org->name);
  g_free (org->school_year);
  g_free (org);
}

static void
read_orgs (BelOrReader *rd)
{
  static const char * const types[] = { "school", "district", "department", "local", "state", "national", NULL };
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "orgs.csv", TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int name_column, type_column;

  if (table == NULL)
    return;
  name_column = bel_or_column (rd, table, COL ("name"), TRUE);
  type_column = bel_or_column (rd, table, COL ("type"), TRUE);
  bel_or_column (rd, table, COL ("sourcedId"), TRUE);
  for (guint i = 0; name_column >= 0 && type_column >= 0 && i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      const char *type = bel_csv_cell (row, type_column);
      BelOrOrg *org = g_new0 (BelOrOrg, 1);

      g_ptr_array_add (rd->roster->orgs, org);
      if (!bel_or_read_record (rd, table, row, seen, &org->record))
        continue;
      org->name = g_strdup (bel_or_required (rd, table, row, name_column, TRUE));
      if (!g_strv_contains (types, type))
        bel_or_problem (rd, table, row, type_column,
                        _("“%s” is not an org type (school, district, department, local, state, national)"),
                        type);
      org->is_school = g_str_equal (type, "school");
      g_hash_table_replace (rd->orgs, org->record.sourced_id, org);
    }
}

/* "2027" (the year it ends, as OneRoster writes it) or "2026-2027" -> "2026-2027" */
static char *
school_year_from (const char *text)
{
  g_autofree char *first = g_strndup (text, 4);
  guint64 end, start;

  if (g_ascii_string_to_unsigned (text, 10, 1900, 2999, &end, NULL))
    return g_strdup_printf ("%u-%u", (guint) end - 1, (guint) end);
  if (strlen (text) == 9 && text[4] == '-' &&
      g_ascii_string_to_unsigned (first, 10, 1900, 2999, &start, NULL) &&
      g_ascii_string_to_unsigned (text + 5, 10, 1900, 2999, &end, NULL) && end == start + 1)
    return g_strdup (text);
  return NULL;
}

static void
read_sessions (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "academicSessions.csv", FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *current = NULL;
  int year_column;

  if (table == NULL)
    return;
  year_column = bel_or_column (rd, table, COL ("schoolYear"), TRUE);
  for (guint i = 0; year_column >= 0 && i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrRecord record = { 0 };
      g_autofree char *year = NULL;

      if (!bel_or_read_record (rd, table, row, seen, &record))
        continue;
      year = school_year_from (bel_csv_cell (row, year_column));
      if (year == NULL)
        bel_or_problem (rd, table, row, year_column, _("“%s” is not a school year (e.g. 2027 for 2026-2027)"),
                        bel_csv_cell (row, year_column));
      else if (record.active && (current == NULL || strcmp (year, current) > 0))
        {
          g_free (current);
          current = g_strdup (year);
        }
      g_hash_table_replace (rd->sessions, record.sourced_id, g_strdup (year));
    }
  for (guint i = 0; current != NULL && i < rd->roster->orgs->len; i++)
    {
      BelOrOrg *org = g_ptr_array_index (rd->roster->orgs, i);

      g_free (org->school_year);
      org->school_year = g_strdup (current);
    }
}

static void
read_courses (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "courses.csv", FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int title_column;

  if (table == NULL)
    return;
  title_column = bel_or_column (rd, table, COL ("title"), TRUE);
  for (guint i = 0; title_column >= 0 && i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrRecord record = { 0 };

      if (!bel_or_read_record (rd, table, row, seen, &record))
        continue;
      g_hash_table_replace (rd->courses, record.sourced_id,
                            g_strdup (bel_or_required (rd, table, row, title_column, record.active)));
    }
}

static void
class_free (BelOrClass *klass)
{
  g_free (klass->record.sourced_id);
  g_free (klass->title);
  g_free (klass->class_code);
  g_free (klass->course_title);
  g_free (klass->periods);
  g_free (klass->school_year);
  g_free (klass);
}

static char *
year_of_terms (BelOrReader *rd,
               const char  *terms)
{
  g_auto(GStrv) ids = g_strsplit (terms, ",", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *year = g_hash_table_lookup (rd->sessions, g_strstrip (ids[i]));
      if (year != NULL)
        return g_strdup (year);
    }
  return NULL;
}

static void
read_class_row (BelOrReader  *rd,
                BelCsvTable  *table,
                BelCsvRow    *row,
                const int    *c,
                BelOrClass   *klass)
{
  const char *school = bel_csv_cell (row, c[1]);
  const char *course = bel_csv_cell (row, c[2]);

  klass->title = g_strdup (bel_or_required (rd, table, row, c[0], klass->record.active));
  klass->school = g_hash_table_lookup (rd->orgs, school);
  if (klass->school == NULL && bel_or_missing (rd, "orgs.csv", school))
    bel_or_problem (rd, table, row, c[1], _("the school “%s” is not in orgs.csv"), school);
  if (*course != '\0' && rd->courses != NULL && g_hash_table_size (rd->courses) > 0)
    {
      klass->course_title = g_strdup (g_hash_table_lookup (rd->courses, course));
      if (klass->course_title == NULL && bel_or_missing (rd, "courses.csv", course))
        bel_or_problem (rd, table, row, c[2], _("the course “%s” is not in courses.csv"), course);
    }
  klass->class_code = bel_or_dup (bel_csv_cell (row, c[3]));
  klass->periods = bel_or_dup (bel_csv_cell (row, c[4]));
  klass->school_year = year_of_terms (rd, bel_csv_cell (row, c[5]));
}

static void
read_classes (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "classes.csv", FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int c[6];

  if (table == NULL)
    return;
  rd->roster->has_classes = TRUE;
  c[0] = bel_or_column (rd, table, COL ("title"), TRUE);
  c[1] = bel_or_column (rd, table, COL ("schoolSourcedId"), TRUE);
  c[2] = bel_or_column (rd, table, COL ("courseSourcedId"), FALSE);
  c[3] = bel_or_column (rd, table, COL ("classCode"), FALSE);
  c[4] = bel_or_column (rd, table, COL ("periods"), FALSE);
  c[5] = bel_or_column (rd, table, COL ("termSourcedIds"), FALSE);
  for (guint i = 0; c[0] >= 0 && c[1] >= 0 && i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrClass *klass = g_new0 (BelOrClass, 1);

      g_ptr_array_add (rd->roster->classes, klass);
      if (!bel_or_read_record (rd, table, row, seen, &klass->record))
        continue;
      g_hash_table_replace (rd->classes, klass->record.sourced_id, klass);
      read_class_row (rd, table, row, c, klass);
    }
}

BelOneRoster *
bel_oneroster_read (const char  *path,
                    GError     **error)
{
  g_autoptr(GHashTable) files = bel_oneroster_source_read (path, error);

  if (files == NULL)
    return NULL;
  return bel_oneroster_read_files (files, path);
}

BelOneRoster *
bel_oneroster_read_files (GHashTable *files,
                          const char *source)
{
  g_autoptr(BelOneRoster) roster = g_new0 (BelOneRoster, 1);
  BelOrReader rd = { 0 };

  roster->source = g_strdup (source);
  roster->orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) org_free);
  roster->users = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_or_user_free);
  roster->classes = g_ptr_array_new_with_free_func ((GDestroyNotify) class_free);
  roster->enrollments = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_or_enrollment_free);
  roster->problems = g_ptr_array_new_with_free_func (g_free);
  roster->notes = g_ptr_array_new_with_free_func (g_free);

  rd.roster = roster;
  rd.files = files;
  rd.manifest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rd.orgs = g_hash_table_new (g_str_hash, g_str_equal);
  rd.sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rd.courses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rd.users = g_hash_table_new (g_str_hash, g_str_equal);
  rd.classes = g_hash_table_new (g_str_hash, g_str_equal);
  rd.known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rd.broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  read_manifest (&rd);
  read_orgs (&rd);
  read_sessions (&rd);
  read_courses (&rd);
  read_classes (&rd);
  bel_or_read_users (&rd);
  bel_or_read_demographics (&rd);
  bel_or_read_enrollments (&rd);

  g_hash_table_unref (rd.manifest);
  g_hash_table_unref (rd.orgs);
  g_hash_table_unref (rd.sessions);
  g_hash_table_unref (rd.courses);
  g_hash_table_unref (rd.users);
  g_hash_table_unref (rd.classes);
  g_hash_table_unref (rd.known);
  g_hash_table_unref (rd.broken);
  return g_steal_pointer (&roster);
}

void
bel_oneroster_free (BelOneRoster *roster)
{
  if (roster == NULL)
    return;
  g_free (roster->version);
  g_free (roster->source);
  /* Enrollments and classes point at users and orgs: free them first. */
  g_clear_pointer (&roster->enrollments, g_ptr_array_unref);
  g_clear_pointer (&roster->classes, g_ptr_array_unref);
  g_clear_pointer (&roster->users, g_ptr_array_unref);
  g_clear_pointer (&roster->orgs, g_ptr_array_unref);
  g_clear_pointer (&roster->problems, g_ptr_array_unref);
  g_clear_pointer (&roster->notes, g_ptr_array_unref);
  g_free (roster);
}
