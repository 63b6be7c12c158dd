/* bel-goal-math.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goal-math.h"

#include <string.h>

/* Values closer than this are equal: scores are entered with a few decimals. */
#define EPSILON 1e-9

gboolean
bel_goal_parse_date (const char *text,
                     gint64     *day)
{
  g_autoptr(GDate) date = NULL;
  guint64 y, m, d;

  /* By hand, not GRegex: dates are parsed for every measurement of every list. */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1900 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  *day = g_date_get_julian (date);
  return TRUE;
}

char *
bel_goal_format_date (gint64 day)
{
  g_autoptr(GDate) date = g_date_new_julian ((guint32) day);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gint64
bel_goal_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                          (GDateMonth) g_date_time_get_month (now),
                                          (GDateYear) g_date_time_get_year (now));

  return g_date_get_julian (date);
}

gdouble
bel_aim_line_value (const BelAimLine *aim,
                    gint64            day)
{
  gdouble span = (gdouble) (aim->target_day - aim->baseline_day);

  if (day <= aim->baseline_day || span <= 0)
    return day <= aim->baseline_day ? aim->baseline_value : aim->target_value;
  if (day >= aim->target_day)
    return aim->target_value;
  return aim->baseline_value +
         (aim->target_value - aim->baseline_value) * (gdouble) (day - aim->baseline_day) / span;
}

gdouble
bel_aim_line_per_week (const BelAimLine *aim)
{
  gdouble span = (gdouble) (aim->target_day - aim->baseline_day);

  return span > 0 ? (aim->target_value - aim->baseline_value) / span * 7.0 : 0.0;
}

gboolean
bel_goal_reaches (gboolean higher_is_better,
                  gdouble  value,
                  gdouble  target)
{
  return higher_is_better ? value >= target - EPSILON : value <= target + EPSILON;
}

gboolean
bel_goal_behind (gboolean higher_is_better,
                 gdouble  value,
                 gdouble  expected)
{
  return !bel_goal_reaches (higher_is_better, value, expected);
}

BelGoalTrack
bel_goal_track (const BelAimLine   *aim,
                const BelGoalPoint *points,
                guint               n_points)
{
  if (n_points < BEL_GOAL_TRACK_WINDOW)
    return BEL_GOAL_TRACK_NOT_ENOUGH_DATA;
  for (guint i = n_points - BEL_GOAL_TRACK_WINDOW; i < n_points; i++)
    if (!bel_goal_behind (aim->higher_is_better, points[i].value,
                          bel_aim_line_value (aim, points[i].day)))
      return BEL_GOAL_TRACK_ON;
  return BEL_GOAL_TRACK_OFF;
}

const char *
bel_goal_track_name (BelGoalTrack track)
{
  switch (track)
    {
    case BEL_GOAL_TRACK_ON:
      return "on_track";
    case BEL_GOAL_TRACK_OFF:
      return "off_track";
    case BEL_GOAL_TRACK_NOT_ENOUGH_DATA:
    default:
      return "not_enough_data";
    }
}

gboolean
bel_goal_trend_per_day (const BelAimLine   *aim,
                        const BelGoalPoint *points,
                        guint               n_points,
                        gdouble            *per_day)
{
  gdouble n = 1, sx = 0, sy = aim->baseline_value, sxx = 0, sxy = 0, denominator;

  /* Days are counted from the baseline, which is the first point. */
  for (guint i = 0; i < n_points; i++)
    {
      gdouble x = (gdouble) (points[i].day - aim->baseline_day);

      n += 1;
      sx += x;
      sy += points[i].value;
      sxx += x * x;
      sxy += x * points[i].value;
    }
  denominator = n * sxx - sx * sx;
  if (denominator <= EPSILON)
    return FALSE;
  *per_day = (n * sxy - sx * sy) / denominator;
  return TRUE;
}
