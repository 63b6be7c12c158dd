/* bel-observations-view.h - what the adults who know a student have noticed
 *
 * On the student page: every adult's strengths, needs and concerns about the
 * student, newest first, with who noticed and when; and quick entry of a
 * check-in, a family contact or an observation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-care-dialog.h"
#include "bel-client.h"
#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_TYPE_OBSERVATIONS_VIEW (bel_observations_view_get_type ())
G_DECLARE_FINAL_TYPE (BelObservationsView, bel_observations_view, BEL, OBSERVATIONS_VIEW, GtkWidget)

void           bel_observations_view_set_client  (BelObservationsView *self,
                                                  BelClient           *client);
/* NULL: nothing */
void           bel_observations_view_set_student (BelObservationsView *self,
                                                  BelStudent          *student);
void           bel_observations_view_reload      (BelObservationsView *self);
gboolean       bel_observations_view_get_loading (BelObservationsView *self);

/* For tests: the list (rows carry "observation-id"), the buttons
 * "observation", "checkin", "contact", and the dialog opened last. */
GtkListBox    *bel_observations_view_get_list    (BelObservationsView *self);
GtkWidget     *bel_observations_view_get_button  (BelObservationsView *self,
                                                  const char          *name);
BelCareDialog *bel_observations_view_get_dialog  (BelObservationsView *self);

G_END_DECLS
