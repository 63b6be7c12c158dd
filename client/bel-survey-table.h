/* bel-survey-table.h - the survey results' heat table and bar charts
 *
 * The heat table: a GtkGrid of the groups of a breakdown (everyone first,
 * the pooled small groups last) × the items, each cell the share agreeing
 * coloured by CSS class (heat-0 below 50% … heat-4 from 80%); a suppressed
 * cell says "fewer than N" (class survey-suppressed) with a tooltip saying
 * why; a last row gives the gap between the highest and the lowest group,
 * highlighted (survey-gap) from ten points, and the lowest cell of such an
 * item is outlined (survey-gap-low).  When every group of the breakdown is
 * suppressed, one message (survey-all-hidden) under the everyone row says
 * so instead of a row of "fewer than N" per group; when everyone is, the
 * message alone.  The bar charts: one BelSurveyBars per item over the same
 * groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A short column name for an item of SurveyResults' items. */
char      *bel_survey_item_short  (JsonObject *item);
/* The heat table of @breakdown (NULL: everyone only); appends the bar charts to @bars. */
GtkWidget *bel_survey_table_build (JsonObject *results,
                                   JsonObject *breakdown,
                                   GtkFlowBox *bars);

G_END_DECLS
