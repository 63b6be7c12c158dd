/* bel-advisory-stint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-advisory-stint.h"

struct _BelAdvisoryStint { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelAdvisoryStint, bel_advisory_stint, BEL_TYPE_RESOURCE)

static void
bel_advisory_stint_class_init (BelAdvisoryStintClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("advisory-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_int ("advisor-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisor-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("school-year", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 20, NULL),
    bel_field_string ("from-date", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("to-date", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_advisory_stint_init (BelAdvisoryStint *self) { }

BelAdvisoryStint *
bel_advisory_stint_new (void)
{
  return g_object_new (BEL_TYPE_ADVISORY_STINT, NULL);
}
