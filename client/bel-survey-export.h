/* bel-survey-export.h - survey code slips (print, PDF) and results tables (CSV)
 *
 * Slips: eight per A4/Letter page, each with the student's name, advisory,
 * the one-time code in large type, where to answer and the closing day.
 * Students who already answered get no slip.  The codes exist only in the
 * answer to the issue call, so the slips are drawn from that answer and
 * nothing is kept.
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

/* The slips to print (BelSurveySlip with a code). */
guint     bel_survey_slips_count    (GPtrArray   *slips);
/* @export_path non-NULL: writes a PDF there without a dialog; else the print dialog. */
gboolean  bel_survey_slips_print    (GtkWindow   *parent,
                                     GPtrArray   *slips,
                                     const char  *title,
                                     const char  *answer_url,
                                     const char  *export_path,
                                     GError     **error);

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
