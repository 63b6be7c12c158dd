/* bel-advocacy-view.h - advocates and their follow-ups: mine, and for counselors everyone's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_ADVOCACY_VIEW (bel_advocacy_view_get_type ())
G_DECLARE_FINAL_TYPE (BelAdvocacyView, bel_advocacy_view, BEL, ADVOCACY_VIEW, GtkWidget)

void        bel_advocacy_view_set_school (BelAdvocacyView *self,
                                          BelClient       *client,
                                          gint64           school_id,
                                          gint64           account_id,
                                          gboolean         manager);
void        bel_advocacy_view_reload     (BelAdvocacyView *self);
/* GListModel of BelAdvocate shown now */
GListModel *bel_advocacy_view_get_items  (BelAdvocacyView *self);

G_END_DECLS
