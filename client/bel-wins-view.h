/* bel-wins-view.h - "Wins this week": benchmarks met in the last seven days
 *
 * Built from the school's goals (their benchmarks carry met_on and
 * met_value), newest first: who, on what, the score, when — a list a
 * teacher can work down making good-news calls home.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEL_TYPE_WINS_VIEW (bel_wins_view_get_type ())
G_DECLARE_FINAL_TYPE (BelWinsView, bel_wins_view, BEL, WINS_VIEW, GtkWidget)

/* @goals: BelGoal (with benchmarks); @today "YYYY-MM-DD" (NULL: today). */
void     bel_wins_view_set_goals  (BelWinsView *self,
                                   GPtrArray   *goals,
                                   const char  *today);
guint    bel_wins_view_get_n_wins (BelWinsView *self);

G_END_DECLS
