/* bel-survey-suppress.h - which cells of a results table are too small to show
 *
 * The rule (docs/surveys.md, "Small groups"):
 *
 * 1. A cell with 1 .. min-1 respondents is suppressed.
 * 2. Complementary suppression: while the suppressed cells of a breakdown
 *    hold fewer than min respondents together, the smallest cell still shown
 *    (ties: the first) is suppressed too.  So the pooled "small groups" cell,
 *    which anyone could compute as total minus the cells shown, always has
 *    at least min respondents, and no suppressed cell can be recovered by
 *    subtraction from the total and the others.  With exactly one cell
 *    suppressed this suppresses the next smallest as well.
 * 3. A breakdown whose cells overlap (classes) is not a partition: each cell
 *    is checked with its complement (total - n), which must be 0 or >= min.
 *
 * Cells with no respondents are shown as 0 and never count as suppressed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A partition of @total over @n_cells cells: sets @suppressed[i] (cells
 * already TRUE stay suppressed) and returns the respondents pooled in the
 * suppressed cells. */
gint64 bel_survey_suppress_partition (const gint64 *counts,
                                      gboolean     *suppressed,
                                      guint         n_cells,
                                      gint64        min);
/* One cell of an overlapping breakdown: TRUE when it must be suppressed. */
gboolean bel_survey_suppress_overlapping (gint64 count,
                                          gint64 total,
                                          gint64 min);

G_END_DECLS
