/* bel-plan-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-plan-person.h"

struct _BelPlanPerson { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelPlanPerson, bel_plan_person, BEL_TYPE_RESOURCE)

static void
bel_plan_person_class_init (BelPlanPersonClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("account-id", BEL_FIELD_REQUIRED, 1, G_MAXINT64),
    bel_field_string ("display-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_plan_person_init (BelPlanPerson *self) { }

BelPlanPerson *
bel_plan_person_new (void)
{
  return g_object_new (BEL_TYPE_PLAN_PERSON, NULL);
}
