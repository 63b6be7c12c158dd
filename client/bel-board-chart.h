/* bel-board-chart.h - before/after bars of students with no adult, one, two or more
 *
 * Drawn with GtkSnapshot and cairo in the theme's colours (readable in dark
 * mode); its accessible label is the same figures in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEL_TYPE_BOARD_CHART (bel_board_chart_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardChart, bel_board_chart, BEL, BOARD_CHART, GtkWidget)

GtkWidget  *bel_board_chart_new         (void);
/* before[3], after[3]: none, one, many */
void        bel_board_chart_set_values  (BelBoardChart *self,
                                         const char    *before_label,
                                         const guint   *before,
                                         const char    *after_label,
                                         const guint   *after);
const char *bel_board_chart_get_summary (BelBoardChart *self);

G_END_DECLS
