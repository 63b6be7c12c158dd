/* bel-support-plan-dialog.h - make a support plan for a student
 *
 * Concern, tier (MTSS 1–3), owner, contributors (the adults who know the
 * student best are ticked already), actions with due dates, and the review
 * date.  Fields for tests: "concern" (AdwEntryRow), "tier-1".."tier-3"
 * (GtkToggleButton), "owner" (AdwComboRow), "contributor:ACCOUNT_ID"
 * (GtkCheckButton), "action-0" and "action-due-0" (AdwEntryRow), "add-action"
 * (GtkButton), "review-on" (AdwEntryRow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-dialog.h"
#include "bel-client.h"

G_BEGIN_DECLS

/* @staff: BelMembership items of the school; @known: account ids (gint64 *)
 * of the adults who know the student best, or NULL; @owner_id: the owner
 * chosen first.  "saved" carries the stored BelSupportPlan. */
BelCareDialog *bel_support_plan_dialog_new (GtkWidget  *parent,
                                            BelClient  *client,
                                            GPtrArray  *staff,
                                            GArray     *known,
                                            gint64      owner_id,
                                            gint64      student_id,
                                            const char *student_name);

G_END_DECLS
