/* bel-goal-chart.h - one growth goal drawn as a chart
 *
 * The aim line from baseline to target, the benchmarks as diamonds (filled
 * once met), the measurements as points joined in date order, the side of
 * the line that is ahead and the side that is behind softly shaded, and a
 * mark for today.  Colours come from the style (dark mode works).  The
 * accessible description says the same in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-goal.h"

G_BEGIN_DECLS

#define BEL_TYPE_GOAL_CHART (bel_goal_chart_get_type ())
G_DECLARE_FINAL_TYPE (BelGoalChart, bel_goal_chart, BEL, GOAL_CHART, GtkWidget)

GtkWidget  *bel_goal_chart_new          (void);
void        bel_goal_chart_set_goal     (BelGoalChart *self,
                                         BelGoal      *goal);
BelGoal    *bel_goal_chart_get_goal     (BelGoalChart *self);
/* The words of the accessible description ("On track: …"). */
const char *bel_goal_chart_get_summary  (BelGoalChart *self);
/* The number of measurements drawn. */
guint       bel_goal_chart_get_n_points (BelGoalChart *self);

/* The summary of @goal in words, as the chart describes itself. */
char       *bel_goal_chart_describe     (BelGoal      *goal);

G_END_DECLS
