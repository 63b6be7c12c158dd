/* bel-roster-import-students.c - students, classes and enrollments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-roster-import-private.h"

#include "bel-roster.h"
#include "bel-students.h"

/* The student's attributes with gender and ethnicity from demographics.csv;
 * other attributes (set by staff or earlier imports) stay. */
static GHashTable *
merged_attributes (BelStudent *student,
                   BelOrUser  *user)
{
  GHashTable *old = student ? bel_resource_get_boxed (student, "attributes") : NULL;
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (old != NULL)
    {
      g_hash_table_iter_init (&iter, old);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (attributes, g_strdup (key), g_strdup (value));
    }
  if (user->has_demographics)
    {
      g_hash_table_remove (attributes, "gender");
      g_hash_table_remove (attributes, "ethnicity");
      if (user->gender != NULL)
        g_hash_table_insert (attributes, g_strdup ("gender"), g_strdup (user->gender));
      if (user->ethnicity != NULL)
        g_hash_table_insert (attributes, g_strdup ("ethnicity"), g_strdup (user->ethnicity));
    }
  return attributes;
}

static gboolean
same_attributes (GHashTable *a,
                 GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a ? g_hash_table_size (a) : 0) != (b ? g_hash_table_size (b) : 0))
    return FALSE;
  if (a == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static void
changed_string (GPtrArray  *fields,
                BelStudent *student,
                const char *property,
                const char *value)
{
  if (value != NULL && g_strcmp0 (value, bel_resource_get_string (student, property)) != 0)
    g_ptr_array_add (fields, (gpointer) property);
}

static BelStudent *
student_from_user (BelOrUser  *user,
                   BelStudent *existing)
{
  g_autoptr(GHashTable) attributes = merged_attributes (existing, user);
  BelStudent *student = bel_student_new ();

  g_object_set (student,
                "sis-id", user->record.sourced_id,
                "given-name", user->given_name,
                "family-name", user->family_name,
                "preferred-name", user->preferred_name,
                "pronouns", user->pronouns,
                "attributes", attributes,
                "active", user->record.active,
                NULL);
  /* Only active students must have a valid grade. */
  if (user->grade != G_MININT)
    g_object_set (student, "grade", (gint64) user->grade, NULL);
  return student;
}

static gboolean
update_student (BelImport  *im,
                BelOrUser  *user,
                gint64      id,
                GError    **error)
{
  g_autoptr(BelStudent) existing = bel_students_get (im->engine, im->actor, id, error);
  g_autoptr(BelStudent) changes = NULL;
  g_autoptr(BelStudent) updated = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  if (existing == NULL)
    return FALSE;
  changes = student_from_user (user, existing);
  if (user->record.active)
    {
      changed_string (fields, existing, "given-name", user->given_name);
      changed_string (fields, existing, "family-name", user->family_name);
      changed_string (fields, existing, "preferred-name", user->preferred_name);
      changed_string (fields, existing, "pronouns", user->pronouns);
      if (user->grade != bel_resource_get_int (existing, "grade"))
        g_ptr_array_add (fields, "grade");
      if (!same_attributes (bel_resource_get_boxed (existing, "attributes"),
                            bel_resource_get_boxed (changes, "attributes")))
        g_ptr_array_add (fields, "attributes");
    }
  if (user->record.active != bel_resource_get_bool (existing, "active"))
    g_ptr_array_add (fields, "active");
  if (fields->len == 0)
    {
      im->stats->students.unchanged++;
      return TRUE;
    }
  g_ptr_array_add (fields, NULL);
  updated = bel_students_update (im->engine, im->actor, id, 0, changes, (const char * const *) fields->pdata,
                                 error);
  if (updated == NULL)
    return FALSE;
  if (!user->record.active)
    im->stats->students.deactivated++;
  else
    im->stats->students.updated++;
  return TRUE;
}

static gboolean
import_student (BelImport  *im,
                BelOrUser  *user,
                gint64      school_id,
                GError    **error)
{
  gint64 id = bel_roster_student_by_sis (im->engine, school_id, user->record.sourced_id, error);

  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      g_autoptr(BelStudent) student = NULL;
      g_autoptr(BelStudent) created = NULL;

      if (!user->record.active)
        return TRUE; /* never seen, already gone */
      student = student_from_user (user, NULL);
      created = bel_students_create (im->engine, im->actor, school_id, student, error);
      if (created == NULL)
        return FALSE;
      id = bel_resource_get_id (created);
      im->stats->students.created++;
    }
  else if (!update_student (im, user, id, error))
    return FALSE;
  g_hash_table_insert (im->student_ids, user, bel_import_id (id));
  return TRUE;
}

/* The imported schools' active students whom the set no longer has. */
static gboolean
deactivate_missing_students (BelImport  *im,
                             GHashTable *kept,
                             GError    **error)
{
  static const char * const fields[] = { "active", NULL };
  GHashTableIter schools;
  gpointer value;

  g_hash_table_iter_init (&schools, im->schools);
  while (g_hash_table_iter_next (&schools, NULL, &value))
    {
      g_autoptr(GHashTable) students = bel_roster_active_students (im->engine, *(gint64 *) value, error);
      GHashTableIter iter;
      gpointer id;

      if (students == NULL)
        return FALSE;
      g_hash_table_iter_init (&iter, students);
      while (g_hash_table_iter_next (&iter, NULL, &id))
        {
          g_autoptr(BelStudent) changes = NULL;
          g_autoptr(BelStudent) updated = NULL;

          if (g_hash_table_contains (kept, id))
            continue;
          changes = bel_student_new ();
          g_object_set (changes, "active", FALSE, NULL);
          updated = bel_students_update (im->engine, im->actor, *(gint64 *) id, 0, changes, fields, error);
          if (updated == NULL)
            return FALSE;
          im->stats->students.deactivated++;
        }
    }
  return TRUE;
}

gboolean
bel_import_students (BelImport  *im,
                     GError    **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < im->roster->users->len; i++)
    {
      BelOrUser *user = g_ptr_array_index (im->roster->users, i);
      gint64 school_id;

      if (user->role != BEL_OR_ROLE_STUDENT)
        continue;
      bel_import_step (im);
      school_id = bel_import_school_of (im, user);
      if (school_id == 0)
        continue;
      if (!import_student (im, user, school_id, error))
        return bel_import_fail_at (error, "users.csv", user->record.line);
      if (user->record.active && g_hash_table_contains (im->student_ids, user))
        g_hash_table_add (kept, g_hash_table_lookup (im->student_ids, user));
    }
  return deactivate_missing_students (im, kept, error);
}

static void
count (BelRosterCounts *counts,
       BelRosterChange  change,
       gboolean         active)
{
  if (change == BEL_ROSTER_CREATED)
    counts->created++;
  else if (change == BEL_ROSTER_UNCHANGED)
    counts->unchanged++;
  else if (active)
    counts->updated++;
  else
    counts->deactivated++;
}

static gboolean
import_class_rows (BelImport  *im,
                   GHashTable *kept,
                   GError    **error)
{
  for (guint i = 0; i < im->roster->classes->len; i++)
    {
      BelOrClass *c = g_ptr_array_index (im->roster->classes, i);
      gint64 *school_id = g_hash_table_lookup (im->schools, c->school);
      BelRosterClass row = { c->record.sourced_id, c->title, c->class_code, c->course_title, c->periods,
                             c->school_year, c->record.active };
      BelRosterChange change;
      gint64 id;

      bel_import_step (im);
      if (school_id == NULL)
        continue;
      id = bel_roster_put_class (im->engine, im->actor, *school_id, &row, &change, error);
      if (id < 0)
        return bel_import_fail_at (error, "classes.csv", c->record.line);
      count (&im->stats->classes, change, c->record.active);
      g_hash_table_insert (im->class_ids, c, bel_import_id (id));
      if (c->record.active)
        g_hash_table_add (kept, c->record.sourced_id);
    }
  return TRUE;
}

static gboolean
import_enrollment_rows (BelImport  *im,
                        GHashTable *kept,
                        GError    **error)
{
  for (guint i = 0; i < im->roster->enrollments->len; i++)
    {
      BelOrEnrollment *e = g_ptr_array_index (im->roster->enrollments, i);
      gint64 *class_id = g_hash_table_lookup (im->class_ids, e->klass);
      gboolean student = g_str_equal (e->role, "student");
      gint64 *person = g_hash_table_lookup (student ? im->student_ids : im->account_ids, e->user);
      BelRosterEnrollment row = {
        e->record.sourced_id, student && person ? *person : 0, !student && person ? *person : 0, e->role,
        e->primary, e->begin_date, e->end_date,
        e->record.active && e->klass->record.active && e->user->record.active
      };
      BelRosterChange change;

      bel_import_step (im);
      if (class_id == NULL || person == NULL)
        continue; /* a school not imported, or a guardian, aide, ... */
      if (bel_roster_put_enrollment (im->engine, im->actor, *class_id, &row, &change, error) < 0)
        return bel_import_fail_at (error, "enrollments.csv", e->record.line);
      count (&im->stats->enrollments, change, row.active);
      if (row.active)
        g_hash_table_add (kept, e->record.sourced_id);
    }
  return TRUE;
}

gboolean
bel_import_classes (BelImport  *im,
                    GError    **error)
{
  g_autoptr(GHashTable) kept_classes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kept_enrollments = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter schools;
  gpointer value;

  if (!im->roster->has_classes)
    return TRUE;
  if (!import_class_rows (im, kept_classes, error) ||
      (im->roster->has_enrollments && !import_enrollment_rows (im, kept_enrollments, error)))
    return FALSE;
  g_hash_table_iter_init (&schools, im->schools);
  while (g_hash_table_iter_next (&schools, NULL, &value))
    {
      int n = bel_roster_deactivate_classes (im->engine, im->actor, *(gint64 *) value, kept_classes, error);

      if (n < 0)
        return FALSE;
      im->stats->classes.deactivated += n;
      if (!im->roster->has_enrollments)
        continue;
      n = bel_roster_deactivate_enrollments (im->engine, im->actor, *(gint64 *) value, kept_enrollments, error);
      if (n < 0)
        return FALSE;
      im->stats->enrollments.deactivated += n;
    }
  return TRUE;
}
