/* bel-goal-load.c - goal rows, their benchmarks and measurements, derived fields, access
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goals-private.h"

#include "bel-error.h"

#define NULL_VALUE (-BEL_GROWTH_VALUE_MAX - 1.0)

void
bel_goal_series_free (BelGoalSeries *series)
{
  if (series == NULL)
    return;
  g_clear_pointer (&series->points, g_array_unref);
  g_clear_pointer (&series->measurements, g_ptr_array_unref);
  g_free (series);
}

char *
bel_goal_series_key (gint64 student_id,
                     gint64 metric_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, student_id, metric_id);
}

BelGoal *
bel_goal_from_row (BelStmt *stmt)
{
  const char *given = bel_column_text (stmt, 3);
  const char *preferred = bel_column_text (stmt, 5);
  g_autofree char *student_name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred : given,
                                                   bel_column_text (stmt, 4));

  return g_object_new (BEL_TYPE_GOAL,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", student_name,
                       "metric-id", (gint64) bel_column_int64 (stmt, 6),
                       "metric-name", bel_column_text (stmt, 7),
                       "unit", bel_column_text (stmt, 8),
                       "direction", bel_column_text (stmt, 9),
                       "language", bel_column_text (stmt, 10),
                       "baseline-value", bel_column_double (stmt, 11),
                       "baseline-date", bel_column_text (stmt, 12),
                       "target-value", bel_column_double (stmt, 13),
                       "target-date", bel_column_text (stmt, 14),
                       "set-with-student", bel_column_int (stmt, 15) != 0,
                       "set-with-family", bel_column_int (stmt, 16) != 0,
                       "rationale", bel_column_text (stmt, 17),
                       "status", bel_column_text (stmt, 18),
                       "revised-from", (gint64) bel_column_int64 (stmt, 19),
                       "revised-by", (gint64) bel_column_int64 (stmt, 20),
                       "created-by", (gint64) bel_column_int64 (stmt, 21),
                       "created-by-name", bel_column_text (stmt, 22),
                       "created-at", bel_column_text (stmt, 23),
                       "updated-at", bel_column_text (stmt, 24),
                       "version", (gint64) bel_column_int64 (stmt, 25),
                       NULL);
}

BelMeasurement *
bel_measurement_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_MEASUREMENT,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "metric-id", (gint64) bel_column_int64 (stmt, 3),
                       "goal-id", (gint64) bel_column_int64 (stmt, 4),
                       "measured-on", bel_column_text (stmt, 5),
                       "value", bel_column_double (stmt, 6),
                       "source", bel_column_text (stmt, 7),
                       "author-id", (gint64) bel_column_int64 (stmt, 8),
                       "author-name", bel_column_text (stmt, 9),
                       "created-at", bel_column_text (stmt, 10),
                       NULL);
}

static BelBenchmark *
benchmark_from_row (BelStmt *stmt)
{
  gdouble met_value = bel_column_is_null (stmt, 6) ? NULL_VALUE
                                                                   : bel_column_double (stmt, 6);

  return g_object_new (BEL_TYPE_BENCHMARK,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "goal-id", (gint64) bel_column_int64 (stmt, 1),
                       "due-on", bel_column_text (stmt, 2),
                       "target-value", bel_column_double (stmt, 3),
                       "met-at", bel_column_text (stmt, 4),
                       "met-on", bel_column_text (stmt, 5),
                       "met-value", met_value,
                       "measurement-id", (gint64) bel_column_int64 (stmt, 7),
                       NULL);
}

gboolean
bel_goals_attach_benchmarks (BelEngine   *engine,
                             GPtrArray   *goals,
                             const char  *where,
                             gint64       id,
                             GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *sql = g_strconcat ("SELECT b.id, b.goal_id, b.due_on, b.target_value, b.met_at, "
                                      "b.met_on, b.met_value, b.measurement_id FROM benchmark b "
                                      "JOIN goal g ON g.id = b.goal_id WHERE ", where,
                                      " ORDER BY b.goal_id, b.due_on, b.id", NULL);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GHashTable) by_goal = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_object_unref);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < goals->len; i++)
    {
      BelGoal *goal = g_ptr_array_index (goals, i);
      GListStore *list = g_list_store_new (BEL_TYPE_BENCHMARK);

      g_object_set (goal, "benchmarks", list, NULL);
      g_hash_table_insert (by_goal, g_memdup2 (&(gint64) { bel_resource_get_id (goal) }, sizeof (gint64)),
                           list);
    }
  bel_bind_int64 (stmt, 1, id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 goal_id = bel_column_int64 (stmt, 1);
      GListStore *list = g_hash_table_lookup (by_goal, &goal_id);

      if (list != NULL)
        {
          g_autoptr(BelBenchmark) benchmark = benchmark_from_row (stmt);
          g_list_store_append (list, benchmark);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

BelGoal *
bel_goals_load (BelEngine  *engine,
                gint64      goal_id,
                GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, BEL_GOAL_SELECT "WHERE g.id = ?", error);
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, goal_id);
  if (!bel_store_step_row (store, stmt, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No goal with id %" G_GINT64_FORMAT, goal_id);
      return NULL;
    }
  g_ptr_array_add (goals, bel_goal_from_row (stmt));
  if (!bel_goals_attach_benchmarks (engine, goals, "b.goal_id = ?", goal_id, error))
    return NULL;
  return g_object_ref (g_ptr_array_index (goals, 0));
}

GHashTable *
bel_goals_load_series (BelEngine   *engine,
                       const char  *where,
                       gint64       id,
                       gboolean     keep_objects,
                       GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *sql = g_strconcat (BEL_MEASUREMENT_SELECT "WHERE ", where,
                                      " ORDER BY student_id, metric_id, measured_on, id", NULL);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) bel_goal_series_free);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autofree char *key = bel_goal_series_key (bel_column_int64 (stmt, 2),
                                                  bel_column_int64 (stmt, 3));
      BelGoalSeries *series = g_hash_table_lookup (out, key);
      BelGoalPoint point = { 0, bel_column_double (stmt, 6) };

      if (!bel_goal_parse_date (bel_column_text (stmt, 5), &point.day))
        continue;
      if (series == NULL)
        {
          series = g_new0 (BelGoalSeries, 1);
          series->points = g_array_new (FALSE, FALSE, sizeof (BelGoalPoint));
          if (keep_objects)
            series->measurements = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (out, g_steal_pointer (&key), series);
        }
      g_array_append_val (series->points, point);
      if (series->measurements != NULL)
        g_ptr_array_add (series->measurements, bel_measurement_from_row (stmt));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelAimLine
bel_goal_aim_line (BelGoal *goal)
{
  BelAimLine aim = { 0 };

  aim.higher_is_better = g_strcmp0 (bel_resource_get_string (goal, "direction"), "lower") != 0;
  aim.baseline_value = bel_resource_get_double (goal, "baseline-value");
  aim.target_value = bel_resource_get_double (goal, "target-value");
  if (!bel_goal_parse_date (bel_resource_get_string (goal, "baseline-date"), &aim.baseline_day) ||
      !bel_goal_parse_date (bel_resource_get_string (goal, "target-date"), &aim.target_day))
    aim.target_day = aim.baseline_day + 1;
  return aim;
}

static void
derive_next_benchmark (BelGoal *goal)
{
  GListModel *benchmarks = bel_resource_get_object (goal, "benchmarks");

  for (guint i = 0; benchmarks != NULL && i < g_list_model_get_n_items (benchmarks); i++)
    {
      g_autoptr(BelBenchmark) b = g_list_model_get_item (benchmarks, i);

      if (bel_resource_get_string (b, "met-at") != NULL)
        continue;
      g_object_set (goal,
                    "next-benchmark-id", bel_resource_get_id (b),
                    "next-benchmark-due", bel_resource_get_string (b, "due-on"),
                    "next-benchmark-target", bel_resource_get_double (b, "target-value"),
                    NULL);
      return;
    }
}

void
bel_goal_derive (BelGoal       *goal,
                 BelGoalSeries *series,
                 gint64         as_of_day)
{
  BelAimLine aim = bel_goal_aim_line (goal);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (BelGoalPoint));
  g_autoptr(GListStore) measurements = g_list_store_new (BEL_TYPE_MEASUREMENT);
  g_autofree char *as_of = bel_goal_format_date (as_of_day);
  gboolean active = g_strcmp0 (bel_resource_get_string (goal, "status"), "active") == 0;
  gdouble per_day;

  /* The goal's measurements: from its baseline date up to the day asked about. */
  for (guint i = 0; series != NULL && i < series->points->len; i++)
    {
      BelGoalPoint *p = &g_array_index (series->points, BelGoalPoint, i);

      if (p->day < aim.baseline_day || p->day > as_of_day)
        continue;
      g_array_append_val (points, *p);
      if (series->measurements != NULL)
        g_list_store_append (measurements, g_ptr_array_index (series->measurements, i));
    }
  g_object_set (goal,
                "as-of", as_of,
                "expected-value", bel_aim_line_value (&aim, as_of_day),
                "aim-per-week", bel_aim_line_per_week (&aim),
                "measurement-count", (gint64) points->len,
                "track", active ? bel_goal_track_name (bel_goal_track (&aim, (BelGoalPoint *) points->data,
                                                                       points->len))
                                : "closed",
                NULL);
  if (series != NULL && series->measurements != NULL)
    g_object_set (goal, "measurements", measurements, NULL);
  if (points->len > 0)
    {
      BelGoalPoint *last = &g_array_index (points, BelGoalPoint, points->len - 1);
      g_autofree char *latest_on = bel_goal_format_date (last->day);

      g_object_set (goal, "latest-value", last->value, "latest-on", latest_on, NULL);
    }
  if (bel_goal_trend_per_day (&aim, (BelGoalPoint *) points->data, points->len, &per_day))
    g_object_set (goal,
                  "growth-per-week", per_day * 7.0,
                  "growth-per-year", per_day * BEL_GOAL_DAYS_PER_YEAR,
                  NULL);
  derive_next_benchmark (goal);
}

gboolean
bel_goals_parse_as_of (const char  *as_of,
                       gint64      *day,
                       GError     **error)
{
  if (as_of == NULL || *as_of == '\0')
    {
      *day = bel_goal_today ();
      return TRUE;
    }
  if (bel_goal_parse_date (as_of, day))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "as_of: must be a date, YYYY-MM-DD");
  return FALSE;
}

/* ---- access ---- */

static gboolean
query_exists (BelStore    *store,
              const char  *sql,
              gint64       a,
              gint64       b,
              gboolean    *found,
              GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, a);
  bel_bind_int64 (stmt, 2, b);
  *found = bel_store_step_row (store, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_goals_may_write (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       school_id,
                     gint64       student_id,
                     gboolean    *allowed,
                     GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  const char *role = bel_account_role_in (actor, school_id);
  gint64 account_id = bel_engine_actor_id (actor);

  *allowed = bel_account_is_admin (actor) || g_strcmp0 (role, "counselor") == 0 ||
             g_strcmp0 (role, "leader") == 0;
  if (*allowed || role == NULL)
    return TRUE;
  if (!query_exists (store, "SELECT 1 FROM student st JOIN advisory adv ON adv.id = st.advisory_id "
                     "WHERE st.id = ?1 AND adv.advisor_id = ?2", student_id, account_id, allowed, error))
    return FALSE;
  if (*allowed)
    return TRUE;
  return query_exists (store, "SELECT 1 FROM advocate WHERE student_id = ?1 AND account_id = ?2 "
                       "AND status <> 'ended'", student_id, account_id, allowed, error);
}

gboolean
bel_goals_check_student (BelEngine   *engine,
                         BelAccount  *actor,
                         gint64       student_id,
                         gboolean     write,
                         gint64      *school_id,
                         GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT school_id FROM student WHERE id = ?", error);
  gboolean allowed = FALSE;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, student_id);
  if (!bel_store_step_row (store, stmt, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No student with id %" G_GINT64_FORMAT,
                     student_id);
      return FALSE;
    }
  *school_id = bel_column_int64 (stmt, 0);
  if (!bel_engine_require_school_role (engine, actor, *school_id, BEL_ROLE_ANY, error))
    return FALSE;
  if (!write)
    return TRUE;
  if (!bel_goals_may_write (engine, actor, *school_id, student_id, &allowed, error))
    return FALSE;
  if (allowed)
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                       "Only counselors, leaders, the student's advisor and advocates may change "
                       "the student's goals");
  return FALSE;
}
