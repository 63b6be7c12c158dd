/* bel-support-plans.h - support plans for flagged students (MTSS tiers 1-3)
 *
 * A plan names the concern, a tier, an owner, contributors, actions with
 * owners and due dates, a start and a review date, a status (active,
 * completed, discontinued) and an outcome (required to complete or
 * discontinue).  Reviews are dated entries that are never changed; a review
 * may set the next review date.
 *
 * Who: counselors, leaders and admins create plans, and so does the
 * student's advisor.  A plan is read and changed (under If-Match) by
 * counselors, leaders, admins, its owner, its contributors and whoever
 * created it; nobody else sees it (403, and lists leave it out).  Every read
 * of one plan is written to the audit log.  Active plans of tier 2 or 3 make
 * their student "targeted" for weekly check-ins (bel-cadence.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-plan-review.h"
#include "bel-support-plan.h"

G_BEGIN_DECLS

typedef struct {
  const char *status;     /* active (default), completed, discontinued, all */
  gint64      owner_id;   /* 0 = any */
  gint64      student_id; /* 0 = any */
  const char *review_before; /* review on or before this day */
} BelPlanQuery;

/* By review date. */
GPtrArray      *bel_support_plans_list   (BelEngine           *engine,
                                          BelAccount          *actor,
                                          gint64               school_id,
                                          const BelPlanQuery  *query,
                                          GError             **error);
BelSupportPlan *bel_support_plans_get    (BelEngine           *engine,
                                          BelAccount          *actor,
                                          gint64               plan_id,
                                          GError             **error);
BelSupportPlan *bel_support_plans_create (BelEngine           *engine,
                                          BelAccount          *actor,
                                          gint64               student_id,
                                          BelSupportPlan      *plan,
                                          GError             **error);
/* Copies concern, tier, owner-id, contributors, actions, starts-on,
 * review-on, status, outcome, flag-id. */
BelSupportPlan *bel_support_plans_update (BelEngine           *engine,
                                          BelAccount          *actor,
                                          gint64               plan_id,
                                          gint64               expected_version,
                                          BelSupportPlan      *changes,
                                          const char * const  *fields,
                                          GError             **error);
/* Adds a review (reviewed-on default today, note, next-review-on); returns the plan. */
BelSupportPlan *bel_support_plans_review (BelEngine           *engine,
                                          BelAccount          *actor,
                                          gint64               plan_id,
                                          BelPlanReview       *review,
                                          GError             **error);

G_END_DECLS
