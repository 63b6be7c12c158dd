/* bel-observation-dialog.h - note a strength, a need or a concern about a student
 *
 * Fields for tests: "kind-strength", "kind-need", "kind-concern"
 * (GtkToggleButton), "body" (GtkTextView), "raise-flag" (GtkSwitch, shown for
 * a concern).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-dialog.h"
#include "bel-client.h"

G_BEGIN_DECLS

/* "saved" carries the stored BelObservation. */
BelCareDialog *bel_observation_dialog_new (GtkWidget  *parent,
                                           BelClient  *client,
                                           gint64      student_id,
                                           const char *student_name);

G_END_DECLS
