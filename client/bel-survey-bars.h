/* bel-survey-bars.h - a bar chart of one survey item: the share agreeing per group
 *
 * One horizontal bar per group (the share agreeing, 0..1, with the value
 * printed); a suppressed group is drawn as an empty, dashed bar marked
 * "fewer than N".  The lowest shown bar is drawn in the warning colour when
 * the gap to the highest is ten points or more.  Drawn with GtkSnapshot
 * and cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_BARS (bel_survey_bars_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyBars, bel_survey_bars, BEL, SURVEY_BARS, GtkWidget)

GtkWidget *bel_survey_bars_new (void);
/* @shares: one per label, negative for a suppressed group; @min_n the smallest group shown. */
void       bel_survey_bars_set (BelSurveyBars      *self,
                                const char         *title,
                                const char * const *labels,
                                const double       *shares,
                                guint               n,
                                gint64              min_n);
/* The gap between the highest and the lowest group shown (0 when fewer than two). */
double     bel_survey_bars_get_gap (BelSurveyBars *self);

G_END_DECLS
