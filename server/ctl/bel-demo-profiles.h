/* bel-demo-profiles.h - years of profile entries for the demo school
 *
 * On a stored demo school: for about nine students in ten, entries from the
 * school years 2024-2025 (grades 11 and 12), 2025-2026 and 2026-2027, up to
 * the demo's "today" (mid-January 2027), written in an asset-based voice:
 * strengths and interests first, specific and warm, growth framed as next
 * steps.  Teachers sign most entries (advisors the academics), counselors
 * the sensitive ones: well-being and family notes for some students, and a
 * plan entry per year for each IEP, 504, language or behavior plan flag.
 * The same seed gives the same entries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  guint students; /* with a profile */
  guint entries;
  guint sensitive;
} BelDemoProfilesSummary;

gboolean bel_demo_profiles_write (BelEngine               *engine,
                                  gint64                   school_id,
                                  guint32                  seed,
                                  BelDemoProfilesSummary  *summary,
                                  GError                 **error);

/* bel-demo-profile-texts.c: templates; "%s" is the student's first name. */
typedef enum {
  BEL_DEMO_TEXT_STRENGTHS,
  BEL_DEMO_TEXT_INTERESTS,
  BEL_DEMO_TEXT_CAREER,
  BEL_DEMO_TEXT_LEARNING,
  BEL_DEMO_TEXT_ACADEMICS,
  BEL_DEMO_TEXT_LANGUAGE,
  BEL_DEMO_TEXT_HERITAGE,
  BEL_DEMO_TEXT_HISTORY,
  BEL_DEMO_TEXT_GROWTH,
  BEL_DEMO_TEXT_WELLBEING,
  BEL_DEMO_TEXT_FAMILY,
  BEL_DEMO_TEXT_IEP,
  BEL_DEMO_TEXT_504,
  BEL_DEMO_TEXT_LANGUAGE_PLAN,
  BEL_DEMO_TEXT_BEHAVIOR_PLAN,
  BEL_DEMO_N_TEXTS,
} BelDemoText;

/* The NULL-terminated templates of @text, each with exactly one "%s". */
const char * const *bel_demo_profile_texts (BelDemoText text);

G_END_DECLS
