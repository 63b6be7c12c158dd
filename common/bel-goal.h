/* bel-goal.h - a student's long-term growth goal on a metric, with its benchmarks
 *
 * The derived fields (as_of, expected_value, track, latest_*, next_benchmark_*,
 * aim_per_week, growth_per_week, growth_per_year) are computed by the daemon
 * as of a day; docs/goals.md gives the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_GOAL (bel_goal_get_type ())
G_DECLARE_FINAL_TYPE (BelGoal, bel_goal, BEL, GOAL, BelResource)

BelGoal *bel_goal_new (void);

/* active, met, missed, revised */
extern const char * const bel_goal_statuses[];
/* on_track, off_track, not_enough_data, closed */
extern const char * const bel_goal_tracks[];

G_END_DECLS
