/* bel-student.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-student.h"

const char * const bel_el_statuses[] = { "none", "current", "former", NULL };

struct _BelStudent { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelStudent, bel_student, BEL_TYPE_RESOURCE)

static void
bel_student_class_init (BelStudentClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("sis-id", BEL_FIELD_REQUIRED, 64, NULL),
    bel_field_string ("given-name", BEL_FIELD_REQUIRED, 80, NULL),
    bel_field_string ("family-name", BEL_FIELD_REQUIRED, 80, NULL),
    bel_field_string ("preferred-name", BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_string ("pronouns", BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("grade", BEL_FIELD_REQUIRED, BEL_GRADE_MIN, BEL_GRADE_MAX),
    bel_field_int ("advisory-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_string ("home-language", BEL_FIELD_NULLABLE, 60, NULL),
    bel_field_string ("el-status", BEL_FIELD_NONE, 10, bel_el_statuses),
    bel_field_bool ("iep", BEL_FIELD_NONE, FALSE),
    bel_field_bool ("section-504", BEL_FIELD_NONE, FALSE),
    bel_field_bool ("language-plan", BEL_FIELD_NONE, FALSE),
    bel_field_bool ("behavior-plan", BEL_FIELD_NONE, FALSE),
    bel_field_map ("attributes", BEL_FIELD_NONE),
    bel_field_bool ("active", BEL_FIELD_NONE, TRUE),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_student_init (BelStudent *self) { }

BelStudent *
bel_student_new (void)
{
  return g_object_new (BEL_TYPE_STUDENT, "el-status", "none", NULL);
}

/* The name a student goes by: their preferred name, else their given name. */
char *
bel_student_dup_display_name (BelStudent *self)
{
  const char *preferred = bel_resource_get_string (self, "preferred-name");
  const char *given = bel_resource_get_string (self, "given-name");

  return g_strdup_printf ("%s %s",
                          preferred && *preferred ? preferred : (given ? given : ""),
                          bel_resource_get_string (self, "family-name") ?: "");
}

char *
bel_student_dup_full_name (BelStudent *self)
{
  return g_strdup_printf ("%s %s",
                          bel_resource_get_string (self, "given-name") ?: "",
                          bel_resource_get_string (self, "family-name") ?: "");
}

char *
bel_student_dup_initials (BelStudent *self)
{
  g_autofree char *name = bel_student_dup_display_name (self);
  g_auto(GStrv) words = g_strsplit (g_strstrip (name), " ", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (words);

  if (n > 0 && *words[0])
    g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[0])));
  if (n > 1 && *words[n - 1])
    g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[n - 1])));
  return g_string_free (out, FALSE);
}
