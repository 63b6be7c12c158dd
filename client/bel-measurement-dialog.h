/* bel-measurement-dialog.h - record one score on a goal
 *
 * Date (today by default), value (on the metric's scale) and the
 * assessment's name.  Saving posts it; "recorded" carries the daemon's
 * answer (with the benchmarks it met) and the dialog closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"
#include "bel-goal.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEASUREMENT_DIALOG (bel_measurement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelMeasurementDialog, bel_measurement_dialog, BEL, MEASUREMENT_DIALOG, AdwWindow)

BelMeasurementDialog *bel_measurement_dialog_new   (GtkWindow            *parent,
                                                    BelClient            *client,
                                                    BelGoal              *goal);
/* For tests: fill in and save as a user would. */
void                  bel_measurement_dialog_fill  (BelMeasurementDialog *self,
                                                    const char           *measured_on,
                                                    const char           *value,
                                                    const char           *source);
void                  bel_measurement_dialog_save  (BelMeasurementDialog *self);

G_END_DECLS
