/* bel-checkin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-checkin.h"

const char * const bel_checkin_kinds[] = { "academic", "non_academic", NULL };

struct _BelCheckin { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelCheckin, bel_checkin, BEL_TYPE_RESOURCE)

static void
bel_checkin_class_init (BelCheckinClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("account-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("account-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("checked-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_string ("kind", BEL_FIELD_REQUIRED, 20, bel_checkin_kinds),
    bel_field_map ("answers", BEL_FIELD_NONE),
    bel_field_string ("note", BEL_FIELD_NULLABLE, 1000, NULL),
    bel_field_bool ("follow-up-needed", BEL_FIELD_NONE, FALSE),
    bel_field_bool ("redacted", BEL_FIELD_READONLY, FALSE),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_checkin_init (BelCheckin *self) { }

BelCheckin *
bel_checkin_new (void)
{
  return g_object_new (BEL_TYPE_CHECKIN, NULL);
}
