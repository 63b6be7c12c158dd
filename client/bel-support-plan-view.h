/* bel-support-plan-view.h - one support plan: read it, review it, close it
 *
 * Loads the plan (with contributors, actions and dated reviews) and shows
 * it; "Add Review" adds a dated review and moves the review date; the plan
 * is closed as completed or discontinued with an outcome.  Fields for
 * tests: "review-note", "next-review-on", "outcome" (AdwEntryRow),
 * "complete", "discontinue" (GtkButton).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-dialog.h"
#include "bel-client.h"

G_BEGIN_DECLS

/* "saved" carries the changed BelSupportPlan. */
BelCareDialog *bel_support_plan_view_new   (GtkWidget  *parent,
                                            BelClient  *client,
                                            gint64      plan_id,
                                            const char *student_name);
/* TRUE once the plan is shown. */
gboolean       bel_support_plan_view_get_loaded (BelCareDialog *view);

G_END_DECLS
