/* bel-family-reach.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-family-reach.h"

struct _BelFamilyReach { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelFamilyReach, bel_family_reach, BEL_TYPE_RESOURCE)

static void
bel_family_reach_class_init (BelFamilyReachClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("grade", BEL_FIELD_READONLY, -1, 13),
    bel_field_int ("advisory-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_int ("advisor-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisor-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("home-language", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 60, NULL),
    bel_field_string ("quarter", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_string ("quarter-starts-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("quarter-ends-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_bool ("reached", BEL_FIELD_READONLY, FALSE),
    bel_field_int ("contacts-this-quarter", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("last-good-news-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("last-contact-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_family_reach_init (BelFamilyReach *self) { }

BelFamilyReach *
bel_family_reach_new (void)
{
  return g_object_new (BEL_TYPE_FAMILY_REACH, NULL);
}
