/* bel-advisory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-advisory.h"

#include "bel-student.h"

struct _BelAdvisory { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelAdvisory, bel_advisory, BEL_TYPE_RESOURCE)

static void
bel_advisory_class_init (BelAdvisoryClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("name", BEL_FIELD_REQUIRED, 80, NULL),
    bel_field_string ("room", BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("advisor-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisor-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("since-year", BEL_FIELD_NULLABLE, 9, NULL),
    bel_field_int ("member-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_list ("members", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, BEL_TYPE_STUDENT),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_advisory_init (BelAdvisory *self) { }

BelAdvisory *
bel_advisory_new (void)
{
  return g_object_new (BEL_TYPE_ADVISORY, NULL);
}
