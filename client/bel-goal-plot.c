/* bel-goal-plot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goal-plot.h"

#include <stdio.h>

/* No libm here: tests/client links this file with GLib only. */
static double
plot_floor (double x)
{
  double t = (double) (gint64) x;
  return t > x ? t - 1 : t;
}

static double
plot_ceil (double x)
{
  return -plot_floor (-x);
}

static double
plot_round (double x)
{
  return plot_floor (x + 0.5);
}

/* The power of ten at or below @x (> 0). */
static double
plot_magnitude (double x)
{
  double m = 1;

  while (m * 10 <= x)
    m *= 10;
  while (m > x)
    m /= 10;
  return m;
}

guint32
bel_goal_plot_day (const char *iso_date)
{
  GDate date;
  int y, m, d;
  char tail;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return 0;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

char *
bel_goal_plot_iso (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

double
bel_goal_plot_expected (guint32 baseline_day,
                        double  baseline_value,
                        guint32 target_day,
                        double  target_value,
                        guint32 day)
{
  if (day <= baseline_day || target_day <= baseline_day)
    return day >= target_day && target_day > baseline_day ? target_value : baseline_value;
  if (day >= target_day)
    return target_value;
  return baseline_value + (target_value - baseline_value) *
         (double) (day - baseline_day) / (double) (target_day - baseline_day);
}

gboolean
bel_goal_plot_behind (gboolean higher_is_better,
                      double   value,
                      double   expected)
{
  return higher_is_better ? value < expected : value > expected;
}

double
bel_goal_plot_fit_values (BelGoalPlot *plot,
                          double       lo,
                          double       hi,
                          guint        n_ticks)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double raw, magnitude, step = 1;

  g_return_val_if_fail (plot != NULL, 0);
  if (hi < lo)
    {
      double t = hi;
      hi = lo;
      lo = t;
    }
  if (hi - lo < 1e-9)
    {
      double pad = ABS (hi) > 1 ? ABS (hi) * 0.05 : 1;
      lo -= pad;
      hi += pad;
    }
  raw = (hi - lo) / MAX (n_ticks, 1);
  magnitude = plot_magnitude (raw);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      step = steps[i] * magnitude;
      if (step >= raw)
        break;
    }
  plot->value_min = plot_floor (lo / step + 1e-9) * step;
  plot->value_max = plot_ceil (hi / step - 1e-9) * step;
  return step;
}

double
bel_goal_plot_x (const BelGoalPlot *plot,
                 guint32            day)
{
  double span = plot->day_max > plot->day_min ? (double) plot->day_max - plot->day_min : 1;

  return plot->x + plot->width * ((double) day - (double) plot->day_min) / span;
}

double
bel_goal_plot_y (const BelGoalPlot *plot,
                 double             value)
{
  double span = plot->value_max > plot->value_min ? plot->value_max - plot->value_min : 1;

  return plot->y + plot->height * (1 - (value - plot->value_min) / span);
}

guint32
bel_goal_plot_day_at (const BelGoalPlot *plot,
                      double             x)
{
  double span = (double) plot->day_max - plot->day_min;
  double day;

  if (plot->width <= 0)
    return plot->day_min;
  day = plot->day_min + span * (x - plot->x) / plot->width;
  return (guint32) CLAMP (plot_floor (day + 0.5), plot->day_min, plot->day_max);
}

double
bel_goal_plot_suggest_target (double   baseline,
                              guint32  baseline_day,
                              guint32  target_day,
                              double   growth_per_year,
                              double   ambition,
                              gboolean higher_is_better,
                              double   scale_min,
                              double   scale_max)
{
  double years = target_day > baseline_day ? (target_day - baseline_day) / 365.25 : 0;
  double gain = ABS (growth_per_year) * ambition * years;
  double target = higher_is_better ? baseline + gain : baseline - gain;

  return CLAMP (target, scale_min, scale_max);
}

void
bel_goal_plot_suggest_benchmarks (guint32  baseline_day,
                                  double   baseline_value,
                                  guint32  target_day,
                                  double   target_value,
                                  guint    n,
                                  double   round_to,
                                  guint32 *days,
                                  double  *values)
{
  for (guint i = 0; i < n; i++)
    {
      guint32 day = baseline_day + (guint32) plot_round ((double) (target_day - baseline_day) * (i + 1) / n);
      double value = bel_goal_plot_expected (baseline_day, baseline_value, target_day, target_value, day);

      if (i + 1 == n)
        value = target_value;
      else if (round_to > 0)
        value = plot_round (value / round_to) * round_to;
      days[i] = day;
      values[i] = value;
    }
}
