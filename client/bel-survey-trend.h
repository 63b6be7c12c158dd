/* bel-survey-trend.h - a line chart: the share agreeing across survey windows
 *
 * One line per series over the windows (oldest left): the items of a survey
 * for everyone, or the groups of a breakdown (everyone drawn in the text
 * colour, first) for one item.  A hidden point (a group too small to show
 * in that window) breaks its line and is marked with a ring on a "hidden"
 * band under the plot, never at a value; a group with nobody in a window
 * just has no point there.  The legend gives each line's latest value.
 * Colours follow the light or dark style.  The accessible label names the
 * chart and its description reads every point, hidden ones included.
 * Drawn with GtkSnapshot and cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BEL_SURVEY_TREND_HIDDEN (-1.0)  /* suppressed: too few answered */
#define BEL_SURVEY_TREND_NONE   (-2.0)  /* nobody of the group in that window */

#define BEL_TYPE_SURVEY_TREND (bel_survey_trend_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyTrend, bel_survey_trend, BEL, SURVEY_TREND, GtkWidget)

GtkWidget  *bel_survey_trend_new         (void);
/* @values: n_series × n_windows shares (a row per series), or the two
 * constants above; @emphasis: the series drawn as "everyone" (G_MAXUINT: none). */
void        bel_survey_trend_set         (BelSurveyTrend     *self,
                                          const char         *title,
                                          const char * const *windows,
                                          const char * const *series,
                                          const double       *values,
                                          guint               emphasis);
/* From a SurveyTrend: @item_id 0 or no breakdown in it: every item for
 * everyone; else the groups of its breakdown for that item. */
void        bel_survey_trend_show        (BelSurveyTrend     *self,
                                          JsonObject         *trend,
                                          gint64              item_id);
guint       bel_survey_trend_get_n_series (BelSurveyTrend    *self);
const char *bel_survey_trend_get_series  (BelSurveyTrend     *self,
                                          guint               index);
/* The value of a point (or a constant above). */
double      bel_survey_trend_get_value   (BelSurveyTrend     *self,
                                          guint               series,
                                          guint               window);
/* The text read to assistive technology. */
const char *bel_survey_trend_get_summary (BelSurveyTrend     *self);

G_END_DECLS
