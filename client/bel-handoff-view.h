/* bel-handoff-view.h - a student's handoff for next year's teachers, on screen and on paper
 *
 * Loads GET /students/{id}/handoff and shows it strengths first, with the
 * adults who know the student well; prints it on one page or saves that page
 * as a PDF (bel-handoff-print.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"
#include "bel-handoff.h"

G_BEGIN_DECLS

#define BEL_TYPE_HANDOFF_VIEW (bel_handoff_view_get_type ())
G_DECLARE_FINAL_TYPE (BelHandoffView, bel_handoff_view, BEL, HANDOFF_VIEW, AdwWindow)

BelHandoffView *bel_handoff_view_new         (GtkWindow      *parent,
                                              BelClient      *client,
                                              gint64          student_id);
/* NULL until loaded. */
BelHandoff     *bel_handoff_view_get_handoff (BelHandoffView *self);

G_END_DECLS
