/* bel-goal-card.h - one goal on the student page: title, status, chart, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-goal.h"
#include "bel-goal-chart.h"

G_BEGIN_DECLS

#define BEL_TYPE_GOAL_CARD (bel_goal_card_get_type ())
G_DECLARE_FINAL_TYPE (BelGoalCard, bel_goal_card, BEL, GOAL_CARD, GtkWidget)

/* Signals: "record" and "revise" (no arguments) when their buttons are used. */
GtkWidget    *bel_goal_card_new          (BelGoal     *goal);
BelGoal      *bel_goal_card_get_goal     (BelGoalCard *self);
BelGoalChart *bel_goal_card_get_chart    (BelGoalCard *self);
/* The status pill's words ("On track", "Off track", …). */
const char   *bel_goal_card_get_status   (BelGoalCard *self);
/* A short sparkle over the chart (a benchmark was just met). */
void          bel_goal_card_celebrate    (BelGoalCard *self);

/* "On track", "Off track", "Not enough data", "Met", … for a goal's track and status. */
const char   *bel_goal_status_label      (BelGoal     *goal);
/* The CSS class of that status: "on-track", "off-track", "no-data", "closed". */
const char   *bel_goal_status_class      (BelGoal     *goal);

/* Loads goals.css once for the display. */
void          bel_goals_load_css         (void);

G_END_DECLS
