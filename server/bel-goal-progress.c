/* bel-goal-progress.c - benchmarks met by measurements, exactly once
 *
 * A benchmark is met by the first measurement recorded that reaches its
 * target value (at or above it when higher is better, at or below when lower
 * is); the UPDATE only touches an unmet row and a trigger refuses any change
 * to a met one, so two measurements over a benchmark meet it once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goals-private.h"

#include "bel-error.h"
#include "bel-events.h"

/* Marks @benchmark met by @measurement; *@marked is FALSE if it was met already. */
static gboolean
mark_met (BelEngine       *engine,
          BelBenchmark    *benchmark,
          BelMeasurement  *measurement,
          gboolean        *marked,
          GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE benchmark SET met_at = ?, met_on = ?, measurement_id = ?, met_value = ? "
      "WHERE id = ? AND met_at IS NULL", error);

  *marked = FALSE;
  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, now);
  bel_bind_text (stmt, 2, bel_resource_get_string (measurement, "measured-on"));
  bel_bind_int64 (stmt, 3, bel_resource_get_id (measurement));
  bel_bind_double (stmt, 4, bel_resource_get_double (measurement, "value"));
  bel_bind_int64 (stmt, 5, bel_resource_get_id (benchmark));
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  *marked = bel_store_changes (store) == 1;
  if (*marked)
    g_object_set (benchmark,
                  "met-at", now,
                  "met-on", bel_resource_get_string (measurement, "measured-on"),
                  "measurement-id", bel_resource_get_id (measurement),
                  "met-value", bel_resource_get_double (measurement, "value"),
                  NULL);
  return TRUE;
}

/* Marks the goal met when @measurement reaches its target. */
static gboolean
maybe_goal_met (BelEngine       *engine,
                BelGoal         *goal,
                BelMeasurement  *measurement,
                gboolean         events,
                GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  BelAimLine aim = bel_goal_aim_line (goal);
  g_autofree char *now = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  if (!bel_goal_reaches (aim.higher_is_better, bel_resource_get_double (measurement, "value"),
                         aim.target_value))
    return TRUE;
  now = bel_store_now_iso ();
  stmt = bel_store_prepare (store, "UPDATE goal SET status = 'met', updated_at = ?, version = version + 1 "
                            "WHERE id = ? AND status = 'active'", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, now);
  bel_bind_int64 (stmt, 2, bel_resource_get_id (goal));
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  if (bel_store_changes (store) != 1 || !events)
    return TRUE;
  g_object_set (goal, "status", "met", NULL);
  return bel_goal_events_goal (engine, "goal.met", goal, error);
}

static gboolean
meet_benchmarks (BelEngine       *engine,
                 BelGoal         *goal,
                 BelMeasurement  *measurement,
                 gboolean         events,
                 GPtrArray       *met,
                 GError         **error)
{
  GListModel *benchmarks = bel_resource_get_object (goal, "benchmarks");
  gboolean higher = g_strcmp0 (bel_resource_get_string (goal, "direction"), "lower") != 0;
  gdouble value = bel_resource_get_double (measurement, "value");

  for (guint i = 0; benchmarks != NULL && i < g_list_model_get_n_items (benchmarks); i++)
    {
      g_autoptr(BelBenchmark) b = g_list_model_get_item (benchmarks, i);
      gboolean marked = FALSE;

      if (bel_resource_get_string (b, "met-at") != NULL ||
          !bel_goal_reaches (higher, value, bel_resource_get_double (b, "target-value")))
        continue;
      if (!mark_met (engine, b, measurement, &marked, error))
        return FALSE;
      if (!marked)
        continue;
      if (met != NULL)
        g_ptr_array_add (met, g_object_ref (b));
      if (events && !bel_goal_events_benchmark_met (engine, goal, b, measurement, error))
        return FALSE;
    }
  return TRUE;
}

/* The student's active goals on the measurement's metric, since their
 * baseline, that the value can change: it reaches the target or an unmet
 * benchmark.  The test is bel_goal_reaches() in SQL, so that the usual
 * measurement, which meets nothing, costs one query. */
static GArray *
goals_reached (BelEngine       *engine,
               BelMeasurement  *measurement,
               GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT g.id FROM goal g JOIN growth_metric m ON m.id = g.metric_id "
      "WHERE g.student_id = ?1 AND g.metric_id = ?2 AND g.status = 'active' AND g.baseline_date <= ?3 "
      "AND (CASE m.direction WHEN 'lower' THEN ?4 <= g.target_value + 1e-9 ELSE ?4 >= g.target_value - 1e-9 END "
      "  OR EXISTS (SELECT 1 FROM benchmark b WHERE b.goal_id = g.id AND b.met_at IS NULL "
      "    AND CASE m.direction WHEN 'lower' THEN ?4 <= b.target_value + 1e-9 "
      "    ELSE ?4 >= b.target_value - 1e-9 END)) "
      "ORDER BY g.id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (measurement, "student-id"));
  bel_bind_int64 (stmt, 2, bel_resource_get_int (measurement, "metric-id"));
  bel_bind_text (stmt, 3, bel_resource_get_string (measurement, "measured-on"));
  bel_bind_double (stmt, 4, bel_resource_get_double (measurement, "value"));
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 id = bel_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
bel_goal_progress_measured (BelEngine       *engine,
                            BelMeasurement  *measurement,
                            gboolean         events,
                            GPtrArray       *met,
                            GError         **error)
{
  g_autoptr(GArray) ids = goals_reached (engine, measurement, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BelGoal) goal = bel_goals_load (engine, g_array_index (ids, gint64, i), error);

      if (goal == NULL || !meet_benchmarks (engine, goal, measurement, events, met, error) ||
          !maybe_goal_met (engine, goal, measurement, events, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bel_goal_progress_catch_up (BelEngine  *engine,
                            gint64      goal_id,
                            GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelGoal) goal = bel_goals_load (engine, goal_id, error);
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) measurements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  if (goal == NULL)
    return FALSE;
  stmt = bel_store_prepare (store, BEL_MEASUREMENT_SELECT "WHERE student_id = ? AND metric_id = ? "
                            "AND measured_on >= ? ORDER BY measured_on, id", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (goal, "student-id"));
  bel_bind_int64 (stmt, 2, bel_resource_get_int (goal, "metric-id"));
  bel_bind_text (stmt, 3, bel_resource_get_string (goal, "baseline-date"));
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (measurements, bel_measurement_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < measurements->len; i++)
    if (!meet_benchmarks (engine, goal, g_ptr_array_index (measurements, i), FALSE, NULL, error))
      return FALSE;
  return TRUE;
}
