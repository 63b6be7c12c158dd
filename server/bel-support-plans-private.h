/* bel-support-plans-private.h - the parts of a support plan: contributors,
 * actions, reviews (bel-support-plan-parts.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-private.h"
#include "bel-support-plans.h"

G_BEGIN_DECLS

/* Sets contributors, actions and reviews of @plan from the store. */
gboolean bel_plan_parts_load     (BelEngine       *engine,
                                  BelSupportPlan  *plan,
                                  GError         **error);
/* Replaces the stored contributors / actions of @plan_id with @plan's. */
gboolean bel_plan_parts_save     (BelEngine       *engine,
                                  gint64           plan_id,
                                  BelSupportPlan  *plan,
                                  gboolean         contributors,
                                  gboolean         actions,
                                  GError         **error);
/* 422 field errors for the contributors and actions of @plan. */
gboolean bel_plan_parts_validate (BelEngine       *engine,
                                  gint64           school_id,
                                  BelSupportPlan  *plan,
                                  BelValidation   *v,
                                  GError         **error);
gboolean bel_plan_parts_is_contributor (BelSupportPlan *plan,
                                        gint64          account_id);

G_END_DECLS
