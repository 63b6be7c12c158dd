/* bel-goals-private.h - what the goal, measurement and summary engines share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-benchmark.h"
#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-goal-math.h"
#include "bel-goals.h"
#include "bel-growth-metric.h"
#include "bel-measurement.h"

G_BEGIN_DECLS

#define BEL_GOAL_SELECT \
  "SELECT g.id, g.school_id, g.student_id, st.given_name, st.family_name, st.preferred_name, " \
  "g.metric_id, m.name, m.unit, m.direction, m.language, g.baseline_value, g.baseline_date, " \
  "g.target_value, g.target_date, g.set_with_student, g.set_with_family, g.rationale, g.status, " \
  "g.revised_from, (SELECT r.id FROM goal r WHERE r.revised_from = g.id), g.created_by, " \
  "ac.display_name, g.created_at, g.updated_at, g.version FROM goal g " \
  "JOIN student st ON st.id = g.student_id JOIN growth_metric m ON m.id = g.metric_id " \
  "LEFT JOIN account ac ON ac.id = g.created_by "

/* Measurements of one student on one metric, oldest first. */
typedef struct {
  GArray    *points;        /* BelGoalPoint */
  GPtrArray *measurements;  /* BelMeasurement, parallel to points; NULL when not kept */
} BelGoalSeries;

void        bel_goal_series_free         (BelGoalSeries  *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelGoalSeries, bel_goal_series_free)

BelGoal    *bel_goal_from_row            (BelStmt   *stmt);
BelMeasurement *bel_measurement_from_row (BelStmt   *stmt);
#define BEL_MEASUREMENT_SELECT \
  "SELECT id, school_id, student_id, metric_id, goal_id, measured_on, value, source, author_id, " \
  "author_name, created_at FROM measurement "

/* The goal without permission checks, with its benchmarks; 404 when none. */
BelGoal    *bel_goals_load               (BelEngine      *engine,
                                          gint64          goal_id,
                                          GError        **error);
/* Sets "benchmarks" on each goal of @goals (BelGoal) from one query
 * restricted by @where ("g.school_id = ?" or similar, bound to @id). */
gboolean    bel_goals_attach_benchmarks  (BelEngine      *engine,
                                          GPtrArray      *goals,
                                          const char     *where,
                                          gint64          id,
                                          GError        **error);
/* Series keyed by "STUDENT:METRIC", from the measurements matching @where
 * (bound to @id); @keep_objects keeps the BelMeasurement objects. */
GHashTable *bel_goals_load_series        (BelEngine      *engine,
                                          const char     *where,
                                          gint64          id,
                                          gboolean        keep_objects,
                                          GError        **error);
char       *bel_goal_series_key          (gint64          student_id,
                                          gint64          metric_id);
/* Fills the derived fields of @goal as of @as_of_day from @series (may be
 * NULL: no measurements); sets "measurements" when the series kept them. */
void        bel_goal_derive              (BelGoal        *goal,
                                          BelGoalSeries  *series,
                                          gint64          as_of_day);
BelAimLine  bel_goal_aim_line            (BelGoal        *goal);
/* Parses @as_of (NULL: today) into a day, or a 400 error. */
gboolean    bel_goals_parse_as_of        (const char     *as_of,
                                          gint64         *day,
                                          GError        **error);

/* Checks that @actor may read (any staff of the school) or, with @write,
 * change the goals of @student_id (counselor, leader, admin, the student's
 * advisor, a current advocate); sets the student's school. */
gboolean    bel_goals_check_student      (BelEngine      *engine,
                                          BelAccount     *actor,
                                          gint64          student_id,
                                          gboolean        write,
                                          gint64         *school_id,
                                          GError        **error);
/* Whether @actor may change @student_id's goals, without an error for "no". */
gboolean    bel_goals_may_write          (BelEngine      *engine,
                                          BelAccount     *actor,
                                          gint64          school_id,
                                          gint64          student_id,
                                          gboolean       *allowed,
                                          GError        **error);

/* Records goal.benchmark_met for @benchmark of @goal met by @measurement,
 * with the adults to notify. */
gboolean    bel_goal_events_benchmark_met (BelEngine      *engine,
                                           BelGoal        *goal,
                                           BelBenchmark   *benchmark,
                                           BelMeasurement *measurement,
                                           GError        **error);
/* Records @type ("goal.created", ...) with the goal as data. */
gboolean    bel_goal_events_goal         (BelEngine      *engine,
                                          const char     *type,
                                          BelGoal        *goal,
                                          GError        **error);

G_END_DECLS

G_BEGIN_DECLS

/* bel-goal-progress.c: benchmarks met by measurements */

/* Marks the unmet benchmarks that @measurement (stored, with its student,
 * metric and date) reaches on every active goal of the student on the
 * metric, each exactly once; with @events records goal.benchmark_met for
 * each.  Appends the met BelBenchmark to @met (may be NULL). */
gboolean    bel_goal_progress_measured   (BelEngine      *engine,
                                          BelMeasurement *measurement,
                                          gboolean        events,
                                          GPtrArray      *met,
                                          GError        **error);
/* For a goal just set: each benchmark that a measurement since the baseline
 * already reaches is met by the first such measurement (no event: it is
 * history, not news). */
gboolean    bel_goal_progress_catch_up   (BelEngine      *engine,
                                          gint64          goal_id,
                                          GError        **error);

G_END_DECLS

G_BEGIN_DECLS

/* bel-measurements.c, shared with the CSV import */

/* Checks @measurement for school @school_id and fills in its goal, student and
 * metric; problems go to @v as "@prefix.FIELD" (or "FIELD" when @prefix is
 * NULL).  FALSE only on a database error. */
gboolean    bel_measurements_resolve     (BelEngine      *engine,
                                          BelAccount     *actor,
                                          gint64          school_id,
                                          BelMeasurement *measurement,
                                          const char     *prefix,
                                          BelValidation  *v,
                                          GError        **error);
/* Stores a resolved measurement (setting its id, author, benchmarks met). */
gboolean    bel_measurements_write       (BelEngine      *engine,
                                          BelAccount     *actor,
                                          BelMeasurement *measurement,
                                          gboolean        events,
                                          GError        **error);

G_END_DECLS
