/* bel-school.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-school.h"

struct _BelSchool { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSchool, bel_school, BEL_TYPE_RESOURCE)

static void
bel_school_class_init (BelSchoolClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("name", BEL_FIELD_REQUIRED, 120, NULL),
    bel_field_string ("short-name", BEL_FIELD_NULLABLE, 20, NULL),
    bel_field_string ("school-year", BEL_FIELD_NULLABLE, 9, NULL),
    bel_field_int ("student-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_school_init (BelSchool *self) { }

BelSchool *
bel_school_new (void)
{
  return g_object_new (BEL_TYPE_SCHOOL, NULL);
}
