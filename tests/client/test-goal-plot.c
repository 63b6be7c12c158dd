/* test-goal-plot.c - the goal chart's arithmetic: aim line, pixels, suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "../../client/bel-goal-plot.h"

static void
test_days (void)
{
  guint32 a = bel_goal_plot_day ("2025-09-15");
  g_autofree char *iso = NULL;

  g_assert_cmpuint (a, >, 0);
  g_assert_cmpuint (bel_goal_plot_day ("2025-09-16") - a, ==, 1);
  g_assert_cmpuint (bel_goal_plot_day ("2026-09-15") - a, ==, 365);
  g_assert_cmpuint (bel_goal_plot_day ("2028-03-01") - bel_goal_plot_day ("2028-02-28"), ==, 2);
  g_assert_cmpuint (bel_goal_plot_day ("2025-02-29"), ==, 0);
  g_assert_cmpuint (bel_goal_plot_day ("2025-13-01"), ==, 0);
  g_assert_cmpuint (bel_goal_plot_day ("2025-09-15x"), ==, 0);
  g_assert_cmpuint (bel_goal_plot_day (""), ==, 0);
  g_assert_cmpuint (bel_goal_plot_day (NULL), ==, 0);
  iso = bel_goal_plot_iso (a + 108);
  g_assert_cmpstr (iso, ==, "2026-01-01");
}

static void
test_expected (void)
{
  guint32 b = bel_goal_plot_day ("2026-01-01"), t = bel_goal_plot_day ("2026-01-11");

  /* on the line, by calendar day */
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_expected (b, 100, t, 200, b), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_expected (b, 100, t, 200, b + 3), 130, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_expected (b, 100, t, 200, t), 200, 1e-9);
  /* flat before the baseline and after the target */
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_expected (b, 100, t, 200, b - 30), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_expected (b, 100, t, 200, t + 30), 200, 1e-9);
  /* lower is better: the line goes down */
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_expected (b, 40, t, 20, b + 5), 30, 1e-9);
}

static void
test_multi_year (void)
{
  /* the demo's two-year reading goal: 2025-09-15 -> 2027-06-04 (627 days) */
  guint32 b = bel_goal_plot_day ("2025-09-15"), t = bel_goal_plot_day ("2027-06-04");
  guint32 d = bel_goal_plot_day ("2026-11-28");
  double e = bel_goal_plot_expected (b, 180, t, 230, d);

  g_assert_cmpuint (t - b, ==, 627);
  g_assert_cmpuint (d - b, ==, 439);
  g_assert_cmpfloat_with_epsilon (e, 180 + 50.0 * 439 / 627, 1e-9);
}

static void
test_behind (void)
{
  g_assert_true (bel_goal_plot_behind (TRUE, 199.9, 200));
  g_assert_false (bel_goal_plot_behind (TRUE, 200, 200));   /* on the line is not behind */
  g_assert_false (bel_goal_plot_behind (TRUE, 201, 200));
  g_assert_true (bel_goal_plot_behind (FALSE, 31, 30));
  g_assert_false (bel_goal_plot_behind (FALSE, 30, 30));
  g_assert_false (bel_goal_plot_behind (FALSE, 29, 30));
}

static void
test_pixels (void)
{
  BelGoalPlot plot = { 0 };
  double step;

  plot.day_min = bel_goal_plot_day ("2026-01-01");
  plot.day_max = plot.day_min + 100;
  plot.x = 40;
  plot.y = 10;
  plot.width = 500;
  plot.height = 200;
  step = bel_goal_plot_fit_values (&plot, 183, 231, 4);
  g_assert_cmpfloat (step, ==, 20);
  g_assert_cmpfloat (plot.value_min, ==, 180);
  g_assert_cmpfloat (plot.value_max, ==, 240);

  g_assert_cmpfloat_with_epsilon (bel_goal_plot_x (&plot, plot.day_min), 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_x (&plot, plot.day_min + 50), 290, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_x (&plot, plot.day_max), 540, 1e-9);
  /* y grows downwards: the top value at the top */
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_y (&plot, 240), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_y (&plot, 180), 210, 1e-9);
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_y (&plot, 210), 110, 1e-9);
  /* and back */
  g_assert_cmpuint (bel_goal_plot_day_at (&plot, 290), ==, plot.day_min + 50);
  g_assert_cmpuint (bel_goal_plot_day_at (&plot, 292.4), ==, plot.day_min + 50);
  g_assert_cmpuint (bel_goal_plot_day_at (&plot, -100), ==, plot.day_min);

  /* nice steps */
  g_assert_cmpfloat (bel_goal_plot_fit_values (&plot, 0, 100, 4), ==, 25);
  g_assert_cmpfloat (bel_goal_plot_fit_values (&plot, 0.2, 0.9, 4), ==, 0.2);
  g_assert_cmpfloat_with_epsilon (plot.value_max, 1.0, 1e-9);
  /* a flat range still gets some height */
  bel_goal_plot_fit_values (&plot, 50, 50, 4);
  g_assert_cmpfloat (plot.value_min, <, 50);
  g_assert_cmpfloat (plot.value_max, >, 50);
}

static void
test_suggestions (void)
{
  guint32 b = bel_goal_plot_day ("2026-09-01"), t = bel_goal_plot_day ("2027-09-01");
  guint32 days[4];
  double values[4];

  /* 1.25 x 20 a year over one year: +25 */
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_suggest_target (180, b, t, 20, 1.25, TRUE, 100, 300), 205, 0.05);
  /* lower is better: down, and never past the scale */
  g_assert_cmpfloat_with_epsilon (bel_goal_plot_suggest_target (30, b, t, 8, 1.25, FALSE, 0, 100), 20, 0.01);
  g_assert_cmpfloat (bel_goal_plot_suggest_target (295, b, t, 20, 1.25, TRUE, 100, 300), ==, 300);
  g_assert_cmpfloat (bel_goal_plot_suggest_target (5, b, t, 20, 1.25, FALSE, 0, 100), ==, 0);

  bel_goal_plot_suggest_benchmarks (b, 180, t, 220, 4, 1, days, values);
  g_assert_cmpuint (days[3], ==, t);
  g_assert_cmpuint (days[1], ==, b + 183);   /* 365 / 2, rounded */
  g_assert_cmpfloat (values[0], ==, 190);
  g_assert_cmpfloat (values[1], ==, 200);
  g_assert_cmpfloat (values[3], ==, 220);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (days[i], >, days[i - 1]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/goal-plot/days", test_days);
  g_test_add_func ("/goal-plot/expected", test_expected);
  g_test_add_func ("/goal-plot/multi-year", test_multi_year);
  g_test_add_func ("/goal-plot/behind", test_behind);
  g_test_add_func ("/goal-plot/pixels", test_pixels);
  g_test_add_func ("/goal-plot/suggestions", test_suggestions);
  return g_test_run ();
}
