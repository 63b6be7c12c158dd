/* bel-support-plan.h - the plan a team makes for a flagged student (MTSS tier 1-3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SUPPORT_PLAN (bel_support_plan_get_type ())
G_DECLARE_FINAL_TYPE (BelSupportPlan, bel_support_plan, BEL, SUPPORT_PLAN, BelResource)

BelSupportPlan *bel_support_plan_new (void);

/* active, completed, discontinued */
extern const char * const bel_support_plan_statuses[];

G_END_DECLS
