/* bel-demo-checkins.h - the demo school's check-ins, caregiver contacts,
 * observations, flags and support plans
 *
 * On a stored demo school (with its relationship map): the check-in settings
 * of 2026-2027 (quarters and holidays), twelve weeks of check-ins from
 * 2026-08-31 to 2026-11-20 by the advisors and the plan owners, where about
 * one student in twelve was missed again and again; caregiver contacts in the
 * families' home languages, with interpreters where needed, including
 * good-news calls, conferences and home visits; observations of strengths,
 * needs and concerns by several adults; a few concern flags (some closed) and
 * support plans of tiers 1-3 with actions and a review.  Dates are fixed
 * days, never the clock, and every choice comes from one GRand, so the same
 * seed gives the same records.  Everything goes through the engine as the
 * staff themselves, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  guint checkins;
  guint missed_students; /* students never checked in with */
  guint contacts;
  guint good_news;
  guint observations;
  guint flags;
  guint plans;
} BelDemoCheckinsSummary;

gboolean bel_demo_checkins_write (BelEngine               *engine,
                                  gint64                   school_id,
                                  guint32                  seed,
                                  BelDemoCheckinsSummary  *summary,
                                  GError                 **error);

G_END_DECLS
