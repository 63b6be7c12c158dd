/* bel-goal-summary.h - the share of students on track, by advisory, grade and subgroup
 *
 * A student with active goals (matching the metric filter) counts once:
 * off track when any of those goals is off track, on track when none is off
 * and at least one is on track, otherwise "not enough data".  The share on
 * track is on_track / (on_track + off_track): students without enough data
 * yet are counted but not judged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-goals.h"

G_BEGIN_DECLS

typedef struct {
  char   *key;              /* "all", a grade, an advisory id or "none", a subgroup key */
  char   *label;
  gint64  students;         /* with at least one active goal */
  gint64  on_track;
  gint64  off_track;
  gint64  not_enough_data;
} BelGoalGroup;

typedef struct {
  char         *as_of;
  BelGoalGroup  total;
  GPtrArray    *by_grade;     /* BelGoalGroup */
  GPtrArray    *by_advisory;
  GPtrArray    *by_subgroup;  /* el, former_el, iep, 504, language_plan, behavior_plan, attr:K=V */
} BelGoalSummary;

void            bel_goal_summary_free    (BelGoalSummary     *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelGoalSummary, bel_goal_summary_free)

/* Any staff of the school; @query's status and track are ignored. */
BelGoalSummary *bel_goals_summarize      (BelEngine          *engine,
                                          BelAccount         *actor,
                                          gint64              school_id,
                                          const BelGoalQuery *query,
                                          GError            **error);
JsonNode       *bel_goal_summary_to_json (BelGoalSummary     *summary);

G_END_DECLS
