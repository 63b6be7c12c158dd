/* bel-goals.c - setting, reading, changing and revising goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goals-private.h"

#include "bel-error.h"
#include "bel-metrics.h"

#define MAX_BENCHMARKS 24

/* Reads a goal's derived fields from its student's measurements on its metric. */
static gboolean
derive_one (BelEngine  *engine,
            BelGoal    *goal,
            gint64      as_of_day,
            GError    **error)
{
  g_autoptr(GHashTable) series = bel_goals_load_series (engine, "student_id = ?",
                                                        bel_resource_get_int (goal, "student-id"),
                                                        TRUE, error);
  g_autofree char *key = NULL;

  if (series == NULL)
    return FALSE;
  key = bel_goal_series_key (bel_resource_get_int (goal, "student-id"),
                             bel_resource_get_int (goal, "metric-id"));
  bel_goal_derive (goal, g_hash_table_lookup (series, key), as_of_day);
  return TRUE;
}

BelGoal *
bel_goals_get (BelEngine   *engine,
               BelAccount  *actor,
               gint64       goal_id,
               const char  *as_of,
               GError     **error)
{
  g_autoptr(BelGoal) goal = NULL;
  gint64 school_id = 0, day = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_goals_parse_as_of (as_of, &day, error))
    return NULL;
  goal = bel_goals_load (engine, goal_id, error);
  if (goal == NULL ||
      !bel_goals_check_student (engine, actor, bel_resource_get_int (goal, "student-id"), FALSE,
                                &school_id, error) ||
      !derive_one (engine, goal, day, error))
    return NULL;
  return g_steal_pointer (&goal);
}

GPtrArray *
bel_goals_list_for_student (BelEngine   *engine,
                            BelAccount  *actor,
                            gint64       student_id,
                            const char  *as_of,
                            GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) series = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 school_id = 0, day = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_goals_parse_as_of (as_of, &day, error) ||
      !bel_goals_check_student (engine, actor, student_id, FALSE, &school_id, error))
    return NULL;
  stmt = bel_store_prepare (store, BEL_GOAL_SELECT "WHERE g.student_id = ? "
                            "ORDER BY g.status <> 'active', g.created_at DESC, g.id DESC", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (goals, bel_goal_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!bel_goals_attach_benchmarks (engine, goals, "g.student_id = ?", student_id, error))
    return NULL;
  series = bel_goals_load_series (engine, "student_id = ?", student_id, TRUE, error);
  if (series == NULL)
    return NULL;
  for (guint i = 0; i < goals->len; i++)
    {
      BelGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *key = bel_goal_series_key (student_id, bel_resource_get_int (goal, "metric-id"));

      bel_goal_derive (goal, g_hash_table_lookup (series, key), day);
    }
  return g_steal_pointer (&goals);
}

/* ---- validation ---- */

static gboolean
in_scale (BelGrowthMetric *metric,
          gdouble          value)
{
  return value >= bel_resource_get_double (metric, "scale-min") &&
         value <= bel_resource_get_double (metric, "scale-max");
}

static void
add_out_of_scale (BelValidation   *v,
                  const char      *field,
                  BelGrowthMetric *metric)
{
  bel_validation_add (v, field, "must be on the metric's scale, from %g to %g",
                      bel_resource_get_double (metric, "scale-min"),
                      bel_resource_get_double (metric, "scale-max"));
}

static void
validate_benchmarks (BelGoal         *goal,
                     BelGrowthMetric *metric,
                     gint64           baseline_day,
                     gint64           target_day,
                     BelValidation   *v)
{
  GListModel *benchmarks = bel_resource_get_object (goal, "benchmarks");
  guint n = benchmarks ? g_list_model_get_n_items (benchmarks) : 0;

  if (n > MAX_BENCHMARKS)
    bel_validation_add (v, "benchmarks", "must be at most %d", MAX_BENCHMARKS);
  for (guint i = 0; i < n && i < MAX_BENCHMARKS; i++)
    {
      g_autoptr(BelBenchmark) b = g_list_model_get_item (benchmarks, i);
      g_autofree char *due_field = g_strdup_printf ("benchmarks[%u].due_on", i);
      g_autofree char *value_field = g_strdup_printf ("benchmarks[%u].target_value", i);
      gint64 due;

      if (!bel_goal_parse_date (bel_resource_get_string (b, "due-on"), &due))
        bel_validation_add (v, due_field, "must be a date, YYYY-MM-DD");
      else if (baseline_day != 0 && target_day != 0 && (due <= baseline_day || due > target_day))
        bel_validation_add (v, due_field, "must be after the baseline date and at most the target date");
      if (!in_scale (metric, bel_resource_get_double (b, "target-value")))
        add_out_of_scale (v, value_field, metric);
    }
}

static gboolean
validate_goal (BelGoal          *goal,
               BelGrowthMetric  *metric,
               GError          **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  gboolean higher = g_strcmp0 (bel_resource_get_string (metric, "direction"), "lower") != 0;
  gdouble baseline = bel_resource_get_double (goal, "baseline-value");
  gdouble target = bel_resource_get_double (goal, "target-value");
  gint64 baseline_day = 0, target_day = 0;

  if (!bel_goal_parse_date (bel_resource_get_string (goal, "baseline-date"), &baseline_day))
    bel_validation_add (v, "baseline_date", "must be a date, YYYY-MM-DD"), baseline_day = 0;
  if (!bel_goal_parse_date (bel_resource_get_string (goal, "target-date"), &target_day))
    bel_validation_add (v, "target_date", "must be a date, YYYY-MM-DD"), target_day = 0;
  else if (baseline_day != 0 && target_day <= baseline_day)
    bel_validation_add (v, "target_date", "must be after the baseline date");
  if (!in_scale (metric, baseline))
    add_out_of_scale (v, "baseline_value", metric);
  if (!in_scale (metric, target))
    add_out_of_scale (v, "target_value", metric);
  else if (bel_goal_reaches (higher, baseline, target))
    bel_validation_add (v, "target_value", higher ? "must be above the baseline: higher is better on this metric"
                                                  : "must be below the baseline: lower is better on this metric");
  validate_benchmarks (goal, metric, baseline_day, target_day, v);
  return bel_validation_finish (v, error);
}

/* The metric of a new goal: of the student's school and in use. */
static BelGrowthMetric *
goal_metric (BelEngine   *engine,
             gint64       school_id,
             gint64       metric_id,
             GError     **error)
{
  g_autoptr(BelGrowthMetric) metric = bel_metrics_get (engine, bel_engine_system_actor (engine), metric_id, NULL);

  if (metric == NULL || bel_resource_get_int (metric, "school-id") != school_id)
    {
      bel_set_invalid_field (error, "metric_id", "is not a growth metric of the student's school");
      return NULL;
    }
  if (!bel_resource_get_bool (metric, "active"))
    {
      bel_set_invalid_field (error, "metric_id", "is no longer in use");
      return NULL;
    }
  return g_steal_pointer (&metric);
}

static gboolean
no_active_goal (BelEngine  *engine,
                gint64      student_id,
                gint64      metric_id,
                GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT 1 FROM goal WHERE student_id = ? AND metric_id = ? AND status = 'active'", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, student_id);
  bel_bind_int64 (stmt, 2, metric_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                       "The student has an active goal on this metric already: revise it instead");
  return FALSE;
}

/* ---- writing ---- */

static gboolean
insert_benchmarks (BelEngine  *engine,
                   gint64      goal_id,
                   GListModel *benchmarks,
                   GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);

  for (guint i = 0; benchmarks != NULL && i < g_list_model_get_n_items (benchmarks); i++)
    {
      g_autoptr(BelBenchmark) b = g_list_model_get_item (benchmarks, i);
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "INSERT INTO benchmark (goal_id, due_on, target_value) VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, goal_id);
      bel_bind_text (stmt, 2, bel_resource_get_string (b, "due-on"));
      bel_bind_double (stmt, 3, bel_resource_get_double (b, "target-value"));
      if (!bel_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_goal (BelEngine   *engine,
             BelAccount  *actor,
             gint64       school_id,
             gint64       student_id,
             BelGoal     *goal,
             gint64       revised_from,
             GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO goal (school_id, student_id, metric_id, baseline_value, baseline_date, target_value, "
      "target_date, set_with_student, set_with_family, rationale, status, revised_from, created_by, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)", error);
  gint64 goal_id;

  if (stmt == NULL)
    return 0;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_int64 (stmt, 3, bel_resource_get_int (goal, "metric-id"));
  bel_bind_double (stmt, 4, bel_resource_get_double (goal, "baseline-value"));
  bel_bind_text (stmt, 5, bel_resource_get_string (goal, "baseline-date"));
  bel_bind_double (stmt, 6, bel_resource_get_double (goal, "target-value"));
  bel_bind_text (stmt, 7, bel_resource_get_string (goal, "target-date"));
  bel_bind_int64 (stmt, 8, bel_resource_get_bool (goal, "set-with-student"));
  bel_bind_int64 (stmt, 9, bel_resource_get_bool (goal, "set-with-family"));
  bel_bind_text (stmt, 10, bel_resource_get_string (goal, "rationale"));
  bel_bind_id (stmt, 11, revised_from);
  bel_bind_id (stmt, 12, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 13, now);
  bel_bind_text (stmt, 14, now);
  if (!bel_engine_step_unique (store, stmt, "This goal was revised already", error))
    return 0;
  goal_id = bel_store_last_insert_id (store);
  if (!insert_benchmarks (engine, goal_id, bel_resource_get_object (goal, "benchmarks"), error) ||
      !bel_goal_progress_catch_up (engine, goal_id, error))
    return 0;
  return goal_id;
}

static void
audit_goal (BelEngine  *engine,
            BelAccount *actor,
            const char *action,
            BelGoal    *goal)
{
  g_autofree char *detail = g_strdup_printf ("goal %" G_GINT64_FORMAT " on metric %" G_GINT64_FORMAT
                                             ", status %s", bel_resource_get_id (goal),
                                             bel_resource_get_int (goal, "metric-id"),
                                             bel_resource_get_string (goal, "status"));

  bel_engine_audit (engine, actor, action, bel_resource_get_int (goal, "student-id"), detail);
}

/* Reads the stored goal back with its derived fields, records @event, audits. */
static BelGoal *
finish_write (BelEngine   *engine,
              BelAccount  *actor,
              gint64       goal_id,
              const char  *event,
              GError     **error)
{
  g_autoptr(BelGoal) stored = bel_goals_load (engine, goal_id, error);

  if (stored == NULL || !derive_one (engine, stored, bel_goal_today (), error) ||
      !bel_goal_events_goal (engine, event, stored, error))
    return NULL;
  audit_goal (engine, actor, event, stored);
  return g_steal_pointer (&stored);
}

BelGoal *
bel_goals_create (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       student_id,
                  BelGoal     *goal,
                  GError     **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelGrowthMetric) metric = NULL;
  g_autoptr(BelGoal) created = NULL;
  const char *status = bel_resource_get_string (goal, "status");
  gint64 school_id = 0, goal_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_GOAL (goal), NULL);

  if (!bel_goals_check_student (engine, actor, student_id, TRUE, &school_id, error))
    return NULL;
  if (status != NULL && !g_str_equal (status, "active"))
    {
      bel_set_invalid_field (error, "status", "a new goal is active");
      return NULL;
    }
  metric = goal_metric (engine, school_id, bel_resource_get_int (goal, "metric-id"), error);
  if (metric == NULL || !validate_goal (goal, metric, error))
    return NULL;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL || !no_active_goal (engine, student_id, bel_resource_get_id (metric), error))
    return NULL;
  goal_id = insert_goal (engine, actor, school_id, student_id, goal, 0, error);
  if (goal_id == 0)
    return NULL;
  created = finish_write (engine, actor, goal_id, "goal.created", error);
  if (created == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static const char * const patchable[] = { "rationale", "set-with-student", "set-with-family", "status", NULL };

static gboolean
check_patch (BelGoal             *goal,
             BelGoal             *changes,
             const char * const  *fields,
             GError             **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  const char *status = bel_resource_get_string (changes, "status");

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (fields[i]), "_", '-');

      if (!g_strv_contains (patchable, property))
        bel_validation_add (v, fields[i], "changes by revising the goal (POST /api/v1/goals/{goal_id}/revisions)");
    }
  if (bel_engine_fields_contain (fields, "status") && g_strcmp0 (status, "revised") == 0)
    bel_validation_add (v, "status", "a goal is revised by POST /api/v1/goals/{goal_id}/revisions");
  if (!bel_validation_finish (v, error))
    return FALSE;
  if (g_strcmp0 (bel_resource_get_string (goal, "status"), "revised") == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "A revised goal no longer changes");
      return FALSE;
    }
  return TRUE;
}

BelGoal *
bel_goals_update (BelEngine           *engine,
                  BelAccount          *actor,
                  gint64               goal_id,
                  gint64               expected_version,
                  BelGoal             *changes,
                  const char * const  *fields,
                  GError             **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelGoal) goal = NULL;
  g_autoptr(BelGoal) updated = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  gint64 school_id = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  goal = bel_goals_load (engine, goal_id, error);
  if (goal == NULL ||
      !bel_goals_check_student (engine, actor, bel_resource_get_int (goal, "student-id"), TRUE,
                                &school_id, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (goal), error) ||
      !check_patch (goal, changes, fields, error) ||
      !bel_engine_copy_fields (goal, changes, fields, error))
    return NULL;
  stmt = bel_store_prepare (store, "UPDATE goal SET rationale = ?, set_with_student = ?, set_with_family = ?, "
                            "status = ?, updated_at = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (goal, "rationale"));
  bel_bind_int64 (stmt, 2, bel_resource_get_bool (goal, "set-with-student"));
  bel_bind_int64 (stmt, 3, bel_resource_get_bool (goal, "set-with-family"));
  bel_bind_text (stmt, 4, bel_resource_get_string (goal, "status"));
  bel_bind_text (stmt, 5, now);
  bel_bind_int64 (stmt, 6, goal_id);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  updated = finish_write (engine, actor, goal_id, "goal.updated", error);
  if (updated == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&updated);
}

/* The old goal's unmet benchmarks that fall within the revision's dates. */
static void
carry_benchmarks (BelGoal *old_goal,
                  BelGoal *revision)
{
  GListModel *old_benchmarks = bel_resource_get_object (old_goal, "benchmarks");
  g_autoptr(GListStore) kept = g_list_store_new (BEL_TYPE_BENCHMARK);
  gint64 baseline_day = 0, target_day = 0;

  bel_goal_parse_date (bel_resource_get_string (revision, "baseline-date"), &baseline_day);
  bel_goal_parse_date (bel_resource_get_string (revision, "target-date"), &target_day);
  for (guint i = 0; old_benchmarks != NULL && i < g_list_model_get_n_items (old_benchmarks); i++)
    {
      g_autoptr(BelBenchmark) b = g_list_model_get_item (old_benchmarks, i);
      g_autoptr(BelBenchmark) copy = NULL;
      gint64 due = 0;

      if (bel_resource_get_string (b, "met-at") != NULL ||
          !bel_goal_parse_date (bel_resource_get_string (b, "due-on"), &due) ||
          due <= baseline_day || due > target_day)
        continue;
      copy = g_object_new (BEL_TYPE_BENCHMARK,
                           "due-on", bel_resource_get_string (b, "due-on"),
                           "target-value", bel_resource_get_double (b, "target-value"),
                           NULL);
      g_list_store_append (kept, copy);
    }
  g_object_set (revision, "benchmarks", kept, NULL);
}

static BelGoal *
build_revision (BelGoal             *old_goal,
                BelGoal             *goal,
                const char * const  *fields,
                GError             **error)
{
  static const char * const copied[] = {
    "metric-id", "baseline-value", "baseline-date", "target-value", "target-date",
    "set-with-student", "set-with-family", "rationale", "benchmarks", NULL
  };
  g_autoptr(BelGoal) revision = bel_goal_new ();

  for (guint i = 0; copied[i] != NULL; i++)
    {
      const char *field = copied[i];
      const char * const one[] = { field, NULL };
      BelGoal *source = bel_engine_fields_contain (fields, field) ? goal : old_goal;

      if (g_str_equal (field, "benchmarks") && source == old_goal)
        carry_benchmarks (old_goal, revision);
      else if (!bel_engine_copy_fields (revision, source, one, error))
        return NULL;
    }
  if (bel_resource_get_int (revision, "metric-id") != bel_resource_get_int (old_goal, "metric-id"))
    {
      bel_set_invalid_field (error, "metric_id", "a revision keeps the goal's metric; set a new goal instead");
      return NULL;
    }
  return g_steal_pointer (&revision);
}

static gboolean
close_as_revised (BelEngine  *engine,
                  gint64      goal_id,
                  GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE goal SET status = 'revised', updated_at = ?, version = version + 1 WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, now);
  bel_bind_int64 (stmt, 2, goal_id);
  return bel_store_step_done (store, stmt, error);
}

BelGoal *
bel_goals_revise (BelEngine           *engine,
                  BelAccount          *actor,
                  gint64               goal_id,
                  BelGoal             *goal,
                  const char * const  *fields,
                  GError             **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelGoal) old_goal = NULL;
  g_autoptr(BelGoal) revision = NULL;
  g_autoptr(BelGoal) closed = NULL;
  g_autoptr(BelGoal) created = NULL;
  g_autoptr(BelGrowthMetric) metric = NULL;
  gint64 school_id = 0, student_id, new_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  old_goal = bel_goals_load (engine, goal_id, error);
  if (old_goal == NULL)
    return NULL;
  student_id = bel_resource_get_int (old_goal, "student-id");
  if (!bel_goals_check_student (engine, actor, student_id, TRUE, &school_id, error))
    return NULL;
  if (bel_engine_fields_contain (fields, "status"))
    {
      bel_set_invalid_field (error, "status", "a revision is active");
      return NULL;
    }
  if (g_strcmp0 (bel_resource_get_string (old_goal, "status"), "active") != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "Only an active goal is revised");
      return NULL;
    }
  revision = build_revision (old_goal, goal, fields, error);
  if (revision == NULL)
    return NULL;
  metric = goal_metric (engine, school_id, bel_resource_get_int (revision, "metric-id"), error);
  if (metric == NULL || !validate_goal (revision, metric, error) ||
      !close_as_revised (engine, goal_id, error))
    return NULL;
  new_id = insert_goal (engine, actor, school_id, student_id, revision, goal_id, error);
  if (new_id == 0)
    return NULL;
  closed = finish_write (engine, actor, goal_id, "goal.revised", error);
  if (closed == NULL)
    return NULL;
  created = finish_write (engine, actor, new_id, "goal.created", error);
  if (created == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}
