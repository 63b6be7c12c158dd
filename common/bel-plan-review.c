/* bel-plan-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-plan-review.h"

struct _BelPlanReview { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelPlanReview, bel_plan_review, BEL_TYPE_RESOURCE)

static void
bel_plan_review_class_init (BelPlanReviewClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("reviewed-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("note", BEL_FIELD_REQUIRED, 2000, NULL),
    bel_field_string ("next-review-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_int ("author-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("author-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_plan_review_init (BelPlanReview *self) { }

BelPlanReview *
bel_plan_review_new (void)
{
  return g_object_new (BEL_TYPE_PLAN_REVIEW, NULL);
}
