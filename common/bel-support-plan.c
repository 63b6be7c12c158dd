/* bel-support-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-support-plan.h"

#include "bel-plan-action.h"
#include "bel-plan-person.h"
#include "bel-plan-review.h"

const char * const bel_support_plan_statuses[] = { "active", "completed", "discontinued", NULL };

struct _BelSupportPlan { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSupportPlan, bel_support_plan, BEL_TYPE_RESOURCE)

static void
bel_support_plan_class_init (BelSupportPlanClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("flag-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("concern", BEL_FIELD_REQUIRED, 2000, NULL),
    bel_field_int ("tier", BEL_FIELD_REQUIRED, 1, 3),
    bel_field_int ("owner-id", BEL_FIELD_REQUIRED, 1, G_MAXINT64),
    bel_field_string ("owner-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_list ("contributors", BEL_FIELD_NONE, BEL_TYPE_PLAN_PERSON),
    bel_field_list ("actions", BEL_FIELD_NONE, BEL_TYPE_PLAN_ACTION),
    bel_field_string ("starts-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("review-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_string ("status", BEL_FIELD_NONE, 20, bel_support_plan_statuses),
    bel_field_string ("outcome", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_list ("reviews", BEL_FIELD_READONLY, BEL_TYPE_PLAN_REVIEW),
    bel_field_int ("created-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("created-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_support_plan_init (BelSupportPlan *self) { }

BelSupportPlan *
bel_support_plan_new (void)
{
  return g_object_new (BEL_TYPE_SUPPORT_PLAN, NULL);
}
