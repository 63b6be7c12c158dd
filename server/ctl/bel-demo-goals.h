/* bel-demo-goals.h - the demo school's growth goals, a year of measurements
 *
 * On a stored demo school: three metrics ("Reading readiness, scaled score",
 * higher is better, the school's "1.25 years of growth" metric; "Weekly math
 * formative, % correct"; and "Spanish reading readiness, scaled score" in
 * Spanish for biliteracy goals), a two-year reading goal for most students
 * (baseline 2025-09-15, target 2027-06-04) with four-weekly measurements
 * until November 2026, a math goal for most with weekly formatives since
 * September 2026, and a Spanish reading goal for a few Spanish-speaking
 * English learners.  About a quarter of students are off track.  Dates come
 * from fixed days, never the clock, and every choice from one GRand, so the
 * same seed gives the same goals.  Metrics and goals go through the engine;
 * the measurements are stored as history (benchmarks they reach are met as
 * for a goal set after them, without live events); timestamps are backdated
 * to the days they describe.
 *
 * The first student of the first advisory is ready for a celebration: their
 * latest reading score is one point below their next benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  guint  goals;
  guint  measurements;
  guint  benchmarks_met;
  guint  off_track;         /* active goals off track as of the last measurement day */
  guint  bilingual;         /* students with a Spanish reading goal too */
  /* the celebration ready to happen */
  gint64 celebration_goal_id;
  char  *celebration_student;
  char  *celebration_advisor; /* username */
  gdouble celebration_value;  /* the score that meets the next benchmark */
} BelDemoGoalsSummary;

void     bel_demo_goals_summary_clear (BelDemoGoalsSummary  *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BelDemoGoalsSummary, bel_demo_goals_summary_clear)

gboolean bel_demo_goals_write         (BelEngine            *engine,
                                       gint64                school_id,
                                       guint32               seed,
                                       BelDemoGoalsSummary  *summary,
                                       GError              **error);

G_END_DECLS
