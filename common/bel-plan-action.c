/* bel-plan-action.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-plan-action.h"

struct _BelPlanAction { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelPlanAction, bel_plan_action, BEL_TYPE_RESOURCE)

static void
bel_plan_action_class_init (BelPlanActionClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("description", BEL_FIELD_REQUIRED, 500, NULL),
    bel_field_int ("owner-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("owner-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("due-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_bool ("done", BEL_FIELD_NONE, FALSE),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_plan_action_init (BelPlanAction *self) { }

BelPlanAction *
bel_plan_action_new (void)
{
  return g_object_new (BEL_TYPE_PLAN_ACTION, NULL);
}
