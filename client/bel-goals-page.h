/* bel-goals-page.h - the Goals page: students' goals with status, and wins
 *
 * "Students": every active goal of the school (or of my advisory) in a
 * sortable GtkColumnView — student, metric, status, latest score, expected
 * today, next benchmark — with an "Off track only" filter.  "Wins this
 * week": BelWinsView.  Reloads on goal live events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"
#include "bel-school.h"

G_BEGIN_DECLS

#define BEL_TYPE_GOALS_PAGE (bel_goals_page_get_type ())
G_DECLARE_FINAL_TYPE (BelGoalsPage, bel_goals_page, BEL, GOALS_PAGE, GtkWidget)

void        bel_goals_page_set_client     (BelGoalsPage *self,
                                           BelClient    *client);
void        bel_goals_page_set_school     (BelGoalsPage *self,
                                           BelSchool    *school);
void        bel_goals_page_reload         (BelGoalsPage *self);
gboolean    bel_goals_page_get_loading    (BelGoalsPage *self);
void        bel_goals_page_set_off_track_only (BelGoalsPage *self,
                                           gboolean      off_track_only);
/* The rows shown (after the filter), and the model behind them (BelGoal). */
guint       bel_goals_page_get_n_shown    (BelGoalsPage *self);
GListModel *bel_goals_page_get_model      (BelGoalsPage *self);
GtkWidget  *bel_goals_page_get_wins       (BelGoalsPage *self);

G_END_DECLS
