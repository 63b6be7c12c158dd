/* bel-checkin-duty.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-checkin-duty.h"

#include "bel-date-range.h"

const char * const bel_checkin_duty_states[] = { "ok", "due", "overdue", NULL };

struct _BelCheckinDuty { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelCheckinDuty, bel_checkin_duty, BEL_TYPE_RESOURCE)

static void
bel_checkin_duty_class_init (BelCheckinDutyClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("grade", BEL_FIELD_READONLY, -1, 13),
    bel_field_int ("advisory-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_int ("account-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("account-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("rule", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_string ("kind", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 20, NULL),
    bel_field_string ("period", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("state", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, bel_checkin_duty_states),
    bel_field_string ("due-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("last-checkin-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_int ("missed-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_list ("missed", BEL_FIELD_READONLY, BEL_TYPE_DATE_RANGE),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_checkin_duty_init (BelCheckinDuty *self) { }

BelCheckinDuty *
bel_checkin_duty_new (void)
{
  return g_object_new (BEL_TYPE_CHECKIN_DUTY, NULL);
}
