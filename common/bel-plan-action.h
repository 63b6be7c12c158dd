/* bel-plan-action.h - one action of a support plan, with its owner and due date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_PLAN_ACTION (bel_plan_action_get_type ())
G_DECLARE_FINAL_TYPE (BelPlanAction, bel_plan_action, BEL, PLAN_ACTION, BelResource)

BelPlanAction *bel_plan_action_new (void);

G_END_DECLS
