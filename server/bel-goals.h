/* bel-goals.h - growth goals: a student's long-term goals on a school's metrics
 *
 * Who may do what (docs/goals.md):
 *   - metrics (bel-metrics.h): every staff member of the school reads them;
 *     leaders and admins create and change them;
 *   - a student's goals and measurements: every staff member of the school
 *     reads them; counselors, leaders, admins, the advisor of the student's
 *     advisory and the staff with a current advocate link to the student
 *     (board advocates) set, change, revise and measure them.
 *
 * Goals carry derived fields computed as of a day (@as_of, "YYYY-MM-DD" or
 * NULL for today): expected_value on the aim line, track, latest value,
 * next benchmark and growth rates; see bel-goal-math.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-goal.h"

G_BEGIN_DECLS

typedef struct {
  const char *as_of;        /* NULL: today */
  const char *status;       /* NULL: active; or met, missed, revised, all */
  const char *track;        /* NULL: any; on_track, off_track, not_enough_data */
  gint64      metric_id;    /* 0: any */
  gint64      advisory_id;  /* 0: any */
  gboolean    has_grade;
  gint64      grade;
  const char *subgroup;     /* el, former_el, iep, 504, language_plan, behavior_plan, attr:KEY=VALUE */
} BelGoalQuery;

/* A student's goals, every status, newest first, with benchmarks and measurements. */
GPtrArray *bel_goals_list_for_student (BelEngine          *engine,
                                       BelAccount         *actor,
                                       gint64              student_id,
                                       const char         *as_of,
                                       GError            **error);
/* A school's goals matching @query, by student name, with benchmarks but
 * without their measurements (ask the goal for those). */
GPtrArray *bel_goals_list             (BelEngine          *engine,
                                       BelAccount         *actor,
                                       gint64              school_id,
                                       const BelGoalQuery *query,
                                       GError            **error);
BelGoal   *bel_goals_get              (BelEngine          *engine,
                                       BelAccount         *actor,
                                       gint64              goal_id,
                                       const char         *as_of,
                                       GError            **error);
/* Sets a goal with its benchmarks (due between baseline and target dates). */
BelGoal   *bel_goals_create           (BelEngine          *engine,
                                       BelAccount         *actor,
                                       gint64              student_id,
                                       BelGoal            *goal,
                                       GError            **error);
/* Changes rationale, set_with_student, set_with_family and status (active,
 * met or missed); aims and benchmarks change by revision only. */
BelGoal   *bel_goals_update           (BelEngine          *engine,
                                       BelAccount         *actor,
                                       gint64              goal_id,
                                       gint64              expected_version,
                                       BelGoal            *changes,
                                       const char * const *fields,
                                       GError            **error);
/* Closes the active goal @goal_id as revised and sets @goal, which takes the
 * old goal's values for the fields not in @fields, and names it in
 * revised_from.  Met benchmarks stay on the old goal. */
BelGoal   *bel_goals_revise           (BelEngine          *engine,
                                       BelAccount         *actor,
                                       gint64              goal_id,
                                       BelGoal            *goal,
                                       const char * const *fields,
                                       GError            **error);

G_END_DECLS
