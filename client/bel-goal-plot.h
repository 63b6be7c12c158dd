/* bel-goal-plot.h - the arithmetic of a goal chart, without any drawing
 *
 * Days are counted as Julian day numbers (GDate), so an aim line crosses
 * school years without a seam.  The aim line follows docs/goals.md: from
 * (baseline day, baseline value) to (target day, target value), flat before
 * and after.  A BelGoalPlot maps days and values to pixels of a drawing area
 * (y grows downwards), with "nice" rounded value bounds.  The suggestions
 * feed the goal wizard.  Pure GLib: tests/client checks it on known numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" -> Julian day, or 0 when it is not a valid date. */
guint32  bel_goal_plot_day          (const char *iso_date);
/* Julian day -> newly allocated "YYYY-MM-DD". */
char    *bel_goal_plot_iso          (guint32     day);

/* The aim line's value on @day. */
double   bel_goal_plot_expected     (guint32     baseline_day,
                                     double      baseline_value,
                                     guint32     target_day,
                                     double      target_value,
                                     guint32     day);
/* Worse than @expected: strictly below when higher is better, above when lower is. */
gboolean bel_goal_plot_behind       (gboolean    higher_is_better,
                                     double      value,
                                     double      expected);

typedef struct {
  guint32 day_min, day_max;      /* the x range */
  double  value_min, value_max;  /* the y range (nice bounds) */
  double  x, y, width, height;   /* the drawing area, in pixels */
} BelGoalPlot;

/* Sets the value range to nice bounds around [@lo, @hi] (a step of 1, 2, 2.5
 * or 5 times a power of ten, about @n_ticks steps); returns the step. */
double   bel_goal_plot_fit_values   (BelGoalPlot *plot,
                                     double       lo,
                                     double       hi,
                                     guint        n_ticks);
double   bel_goal_plot_x            (const BelGoalPlot *plot,
                                     guint32      day);
double   bel_goal_plot_y            (const BelGoalPlot *plot,
                                     double       value);
/* The inverse of bel_goal_plot_x, rounded to the nearest day. */
guint32  bel_goal_plot_day_at       (const BelGoalPlot *plot,
                                     double       x);

/* An ambitious but attainable target: @growth_per_year times @ambition over
 * the goal's span, on the good side of @baseline, kept within the scale. */
double   bel_goal_plot_suggest_target (double     baseline,
                                       guint32    baseline_day,
                                       guint32    target_day,
                                       double     growth_per_year,
                                       double     ambition,
                                       gboolean   higher_is_better,
                                       double     scale_min,
                                       double     scale_max);
/* @n benchmarks at even intervals after the baseline, the last on the target
 * day; their values on the aim line, rounded to @round_to (0: not rounded). */
void     bel_goal_plot_suggest_benchmarks (guint32  baseline_day,
                                           double   baseline_value,
                                           guint32  target_day,
                                           double   target_value,
                                           guint    n,
                                           double   round_to,
                                           guint32 *days,
                                           double  *values);

G_END_DECLS
