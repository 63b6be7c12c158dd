/* bel-checkin-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-checkin-settings.h"

#include "bel-checkin-rule.h"
#include "bel-checklist-item.h"
#include "bel-date-range.h"

struct _BelCheckinSettings { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelCheckinSettings, bel_checkin_settings, BEL_TYPE_RESOURCE)

static void
bel_checkin_settings_class_init (BelCheckinSettingsClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_list ("checklist", BEL_FIELD_NONE, BEL_TYPE_CHECKLIST_ITEM),
    bel_field_list ("rules", BEL_FIELD_NONE, BEL_TYPE_CHECKIN_RULE),
    bel_field_list ("quarters", BEL_FIELD_NONE, BEL_TYPE_DATE_RANGE),
    bel_field_list ("non-school-days", BEL_FIELD_NONE, BEL_TYPE_DATE_RANGE),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_checkin_settings_init (BelCheckinSettings *self) { }

BelCheckinSettings *
bel_checkin_settings_new (void)
{
  return g_object_new (BEL_TYPE_CHECKIN_SETTINGS, NULL);
}
