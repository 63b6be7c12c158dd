/* bel-compare-view.h - two rounds compared: totals, a chart, who lost or still lacks an adult
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_COMPARE_VIEW (bel_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (BelCompareView, bel_compare_view, BEL, COMPARE_VIEW, GtkWidget)

void        bel_compare_view_set_client (BelCompareView *self,
                                         BelClient      *client);
/* BelRound, newest first; picks the two newest to compare. */
void        bel_compare_view_set_rounds (BelCompareView *self,
                                         GPtrArray      *rounds);
/* The figure shown for a totals field (gained, lost, none_before, …), or -1 before a load. */
gint64      bel_compare_view_get_figure (BelCompareView *self,
                                         const char     *field);
/* The students listed: who lost an adult or still has none */
GListModel *bel_compare_view_get_students (BelCompareView *self);
const char *bel_compare_view_get_summary  (BelCompareView *self);

G_END_DECLS
