/* bel-survey-slips.h - survey code slips, printed or saved as PDF
 *
 * Eight slips per A4/Letter page, cut lines between them.  Each has the
 * student's name, advisory and survey, the one-time code in large
 * monospace type, the address of the survey page and three short steps a
 * student can follow alone, and the last day to answer.  Students who
 * already answered get no slip.  The codes exist only in the answer to the
 * issue call, so the slips are drawn from that answer and nothing is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS
