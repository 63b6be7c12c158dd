/* bel-celebration.h - benchmark met: a toast and a short, quiet burst of confetti
 *
 * One BelCelebration per window listens to the school's live events
 * (BelEventStream).  On `goal.benchmark_met` it tells everyone through the
 * "goal-event" signal (pages reload) and, when the signed-in account is one
 * of the event's `notify` adults, shows a toast and a confetti burst over the
 * whole window.  bel_celebration_sparkle() plays the burst over any overlay.
 * Animations follow the gtk-enable-animations setting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_CELEBRATION (bel_celebration_get_type ())
G_DECLARE_FINAL_TYPE (BelCelebration, bel_celebration, BEL, CELEBRATION, GObject)

/* Wraps @toast_overlay's child in an overlay for the confetti and keeps the
 * celebration on @window (bel_celebration_get() finds it from any widget). */
BelCelebration *bel_celebration_attach        (GtkWindow        *window,
                                               AdwToastOverlay  *toast_overlay,
                                               BelClient        *client);
BelCelebration *bel_celebration_get           (GtkWidget        *widget);
/* 0 stops listening. */
void            bel_celebration_set_school    (BelCelebration   *self,
                                               gint64            school_id);
gboolean        bel_celebration_get_live      (BelCelebration   *self);
/* Handles one live event as if it came from the stream (used by the stream and tests). */
void            bel_celebration_handle_event  (BelCelebration   *self,
                                               JsonNode         *event);
/* The number of celebrations shown so far, and the last toast's words. */
guint           bel_celebration_get_n_shown   (BelCelebration   *self);
const char     *bel_celebration_get_last_text (BelCelebration   *self);

/* A burst of confetti over @overlay for about two seconds. */
void            bel_celebration_sparkle       (GtkOverlay       *overlay);

G_END_DECLS
