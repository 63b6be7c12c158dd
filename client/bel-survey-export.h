/* bel-survey-export.h - survey results tables (CSV)
 *
 * CSV: one row per group of a breakdown (everyone first, the pooled small
 * groups last), with respondents and per item the share agreeing and the
 * mean; suppressed groups say "fewer than N" and carry no numbers, exactly
 * as the daemon sent them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The CSV of @breakdown_key (NULL or "": everyone only) of a SurveyResults. */
char     *bel_survey_results_csv    (JsonObject  *results,
                                     const char  *breakdown_key);
/* The breakdown object of @key in @results, or NULL. */
JsonObject *bel_survey_results_breakdown (JsonObject *results,
                                          const char *key);
/* "fewer than N" / share of an item in a cell: negative when suppressed or missing. */
double    bel_survey_cell_share     (JsonObject  *cell,
                                     gint64       item_id);

G_END_DECLS
