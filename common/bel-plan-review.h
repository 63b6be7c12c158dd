/* bel-plan-review.h - a dated review of a support plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_PLAN_REVIEW (bel_plan_review_get_type ())
G_DECLARE_FINAL_TYPE (BelPlanReview, bel_plan_review, BEL, PLAN_REVIEW, BelResource)

BelPlanReview *bel_plan_review_new (void);

G_END_DECLS
