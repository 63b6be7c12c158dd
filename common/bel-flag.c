/* bel-flag.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-flag.h"

const char * const bel_flag_statuses[] = { "open", "closed", NULL };

struct _BelFlag { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelFlag, bel_flag, BEL_TYPE_RESOURCE)

static void
bel_flag_class_init (BelFlagClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_string ("status", BEL_FIELD_NONE, 10, bel_flag_statuses),
    bel_field_string ("reason", BEL_FIELD_REQUIRED | BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_int ("observation-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("raised-by", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("raised-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("raised-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("closed-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("closed-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("closed-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("resolution", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_bool ("redacted", BEL_FIELD_READONLY, FALSE),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_flag_init (BelFlag *self) { }

BelFlag *
bel_flag_new (void)
{
  return g_object_new (BEL_TYPE_FLAG, NULL);
}
