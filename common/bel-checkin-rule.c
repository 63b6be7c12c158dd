/* bel-checkin-rule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-checkin-rule.h"

const char * const bel_checkin_audiences[] = { "targeted", "everyone", NULL };
const char * const bel_checkin_rule_kinds[] = { "any", "academic", "non_academic", NULL };
const char * const bel_checkin_periods[] = { "week", "month", NULL };

struct _BelCheckinRule { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelCheckinRule, bel_checkin_rule, BEL_TYPE_RESOURCE)

static void
bel_checkin_rule_class_init (BelCheckinRuleClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("name", BEL_FIELD_REQUIRED, 80, NULL),
    bel_field_string ("audience", BEL_FIELD_REQUIRED, 20, bel_checkin_audiences),
    bel_field_string ("kind", BEL_FIELD_REQUIRED, 20, bel_checkin_rule_kinds),
    bel_field_string ("period", BEL_FIELD_REQUIRED, 10, bel_checkin_periods),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_checkin_rule_init (BelCheckinRule *self) { }

BelCheckinRule *
bel_checkin_rule_new (void)
{
  return g_object_new (BEL_TYPE_CHECKIN_RULE, NULL);
}
