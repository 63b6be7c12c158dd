/* bel-checkin-dialog.h - log a check-in in under a minute
 *
 * Kind (non-academic or academic), the school's checklist as toggles with an
 * optional word each, a short note and "needs a follow-up".  Fields for
 * tests: "kind-academic", "check:KEY" (GtkCheckButton), "answer:KEY",
 * "note" (AdwEntryRow), "follow-up" (GtkSwitch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-dialog.h"
#include "bel-checkin-settings.h"
#include "bel-client.h"

G_BEGIN_DECLS

/* @kind: the kind the duty asks for ("academic", "non_academic" or "any"/NULL).
 * "saved" carries the stored BelCheckin. */
BelCareDialog *bel_checkin_dialog_new (GtkWidget          *parent,
                                       BelClient          *client,
                                       BelCheckinSettings *settings,
                                       gint64              student_id,
                                       const char         *student_name,
                                       const char         *kind);

G_END_DECLS
