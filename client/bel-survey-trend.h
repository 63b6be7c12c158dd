/* bel-survey-trend.h - a line chart: each item's share agreeing across survey windows
 *
 * One line per item over the windows (oldest left), with the value at each
 * point; a suppressed point (too few respondents) is left out and the line
 * is broken there.  Drawn with GtkSnapshot and cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_TREND (bel_survey_trend_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyTrend, bel_survey_trend, BEL, SURVEY_TREND, GtkWidget)

GtkWidget *bel_survey_trend_new (void);
/* @values: n_items × n_windows shares (row per item), negative when suppressed. */
void       bel_survey_trend_set (BelSurveyTrend     *self,
                                 const char * const *windows,
                                 const char * const *items,
                                 const double       *values);

G_END_DECLS
