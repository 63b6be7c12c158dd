/* bel-goal-wizard.h - set a growth goal, or revise one
 *
 * Metric, baseline (value and date), target date and a suggested target —
 * ambitious but attainable: 1.25 times the typical yearly growth of the
 * school's students on the metric over the goal's span — benchmarks at even
 * intervals on the aim line (editable), who it was set with and why.
 * Revising keeps the metric and posts a revision (the old goal is kept).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"
#include "bel-goal.h"

G_BEGIN_DECLS

#define BEL_TYPE_GOAL_WIZARD (bel_goal_wizard_get_type ())
G_DECLARE_FINAL_TYPE (BelGoalWizard, bel_goal_wizard, BEL, GOAL_WIZARD, AdwWindow)

#define BEL_GOAL_AMBITION 1.25

/* Signal "saved" (BelGoal *goal) after the daemon set it; the window closes. */
BelGoalWizard *bel_goal_wizard_new            (GtkWindow     *parent,
                                               BelClient     *client,
                                               BelStudent    *student,
                                               BelGoal       *revising);
/* The target the wizard suggests now, once the metrics and the school's
 * goals (for the typical growth) are loaded; "Use" takes it (for tests). */
gboolean       bel_goal_wizard_get_ready      (BelGoalWizard *self);
double         bel_goal_wizard_get_suggestion (BelGoalWizard *self);
void           bel_goal_wizard_use_suggestion (BelGoalWizard *self);
void           bel_goal_wizard_save           (BelGoalWizard *self);

G_END_DECLS
