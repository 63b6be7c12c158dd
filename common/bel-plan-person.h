/* bel-plan-person.h - a staff member named on a support plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_PLAN_PERSON (bel_plan_person_get_type ())
G_DECLARE_FINAL_TYPE (BelPlanPerson, bel_plan_person, BEL, PLAN_PERSON, BelResource)

BelPlanPerson *bel_plan_person_new (void);

G_END_DECLS
