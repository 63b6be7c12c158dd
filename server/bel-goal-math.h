/* bel-goal-math.h - the aim line, the on/off-track rule and growth rates
 *
 * Pure arithmetic on days (Julian day numbers) and values, so the rules of
 * docs/goals.md live in one place and are the same for one goal, a school's
 * list and its summaries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many of the latest measurements the on/off-track rule looks at. */
#define BEL_GOAL_TRACK_WINDOW 3

typedef enum {
  BEL_GOAL_TRACK_NOT_ENOUGH_DATA,
  BEL_GOAL_TRACK_ON,
  BEL_GOAL_TRACK_OFF,
} BelGoalTrack;

typedef struct {
  gboolean higher_is_better;
  gint64   baseline_day;
  gdouble  baseline_value;
  gint64   target_day;     /* > baseline_day */
  gdouble  target_value;
} BelAimLine;

typedef struct {
  gint64  day;
  gdouble value;
} BelGoalPoint;

/* "YYYY-MM-DD" -> Julian day number; FALSE unless a real calendar date. */
gboolean      bel_goal_parse_date     (const char        *text,
                                       gint64            *day);
char         *bel_goal_format_date    (gint64             day);
/* Today (UTC) as a Julian day number. */
gint64        bel_goal_today          (void);

/* The aim line's value on @day: linear from baseline to target, the baseline
 * before the baseline date, the target after the target date. */
gdouble       bel_aim_line_value      (const BelAimLine  *aim,
                                       gint64             day);
/* The aim line's slope in value per week. */
gdouble       bel_aim_line_per_week   (const BelAimLine  *aim);
/* Whether @value reaches @target: >= when higher is better, <= when lower is. */
gboolean      bel_goal_reaches        (gboolean           higher_is_better,
                                       gdouble            value,
                                       gdouble            target);
/* Whether @value is worse than @expected (strictly below, or above when lower is better). */
gboolean      bel_goal_behind         (gboolean           higher_is_better,
                                       gdouble            value,
                                       gdouble            expected);
/* The rule over @points (by day, oldest first): fewer than
 * BEL_GOAL_TRACK_WINDOW -> not enough data; the last BEL_GOAL_TRACK_WINDOW
 * all behind the aim line on their days -> off track; otherwise on track. */
BelGoalTrack  bel_goal_track          (const BelAimLine   *aim,
                                       const BelGoalPoint *points,
                                       guint               n_points);
const char   *bel_goal_track_name     (BelGoalTrack        track);
/* The least-squares trend of the baseline and @points, in value per day;
 * FALSE when there is no measurement after the baseline date. */
gboolean      bel_goal_trend_per_day  (const BelAimLine   *aim,
                                       const BelGoalPoint *points,
                                       guint               n_points,
                                       gdouble            *per_day);

#define BEL_GOAL_DAYS_PER_YEAR 365.25

G_END_DECLS
