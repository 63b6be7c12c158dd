/* bel-measurements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-measurements.h"

#include "bel-error.h"
#include "bel-events.h"
#include "bel-goals-private.h"

/* What a row needs to know about its goal. */
typedef struct {
  gint64   id;
  gint64   school_id;
  gint64   student_id;
  gint64   metric_id;
  char    *status;
  char    *baseline_date;
  gdouble  scale_min;
  gdouble  scale_max;
} GoalFacts;

static void
goal_facts_clear (GoalFacts *facts)
{
  g_clear_pointer (&facts->status, g_free);
  g_clear_pointer (&facts->baseline_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GoalFacts, goal_facts_clear)

#define FACTS_SELECT \
  "SELECT g.id, g.school_id, g.student_id, g.metric_id, g.status, g.baseline_date, m.scale_min, " \
  "m.scale_max FROM goal g JOIN growth_metric m ON m.id = g.metric_id "

/* Reads the first row of @sql (bound to @a, @b, @c) into @facts; *@found FALSE when none. */
static gboolean
read_facts (BelEngine  *engine,
            const char *sql,
            gint64      a,
            gint64      b,
            gint64      c,
            GoalFacts  *facts,
            gboolean   *found,
            GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, a);
  if (bel_stmt_param_count (stmt) >= 2)
    bel_bind_int64 (stmt, 2, b);
  if (bel_stmt_param_count (stmt) >= 3)
    bel_bind_int64 (stmt, 3, c);
  *found = bel_store_step_row (store, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!*found)
    return TRUE;
  facts->id = bel_column_int64 (stmt, 0);
  facts->school_id = bel_column_int64 (stmt, 1);
  facts->student_id = bel_column_int64 (stmt, 2);
  facts->metric_id = bel_column_int64 (stmt, 3);
  facts->status = g_strdup (bel_column_text (stmt, 4));
  facts->baseline_date = g_strdup (bel_column_text (stmt, 5));
  facts->scale_min = bel_column_double (stmt, 6);
  facts->scale_max = bel_column_double (stmt, 7);
  return TRUE;
}

static gboolean
student_in_school (BelEngine  *engine,
                   gint64      student_id,
                   gint64      school_id,
                   gboolean   *found,
                   GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT 1 FROM student WHERE id = ? AND school_id = ?", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, student_id);
  bel_bind_int64 (stmt, 2, school_id);
  *found = bel_store_step_row (store, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  BelValidation *v;
  const char    *prefix;
} RowErrors;

static void
row_error (RowErrors  *row,
           const char *field,
           const char *message)
{
  if (row->prefix == NULL)
    bel_validation_add (row->v, field, "%s", message);
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", row->prefix, field);
      bel_validation_add (row->v, name, "%s", message);
    }
}

/* Finds the row's goal: by goal_id, or the student's active goal on the metric. */
static gboolean
find_goal (BelEngine       *engine,
           gint64           school_id,
           BelMeasurement  *m,
           RowErrors       *row,
           GoalFacts       *facts,
           gboolean        *found,
           GError         **error)
{
  gint64 goal_id = bel_resource_get_int (m, "goal-id");
  gint64 student_id = bel_resource_get_int (m, "student-id");
  gint64 metric_id = bel_resource_get_int (m, "metric-id");
  gboolean in_school = FALSE;

  *found = FALSE;
  if (goal_id != 0)
    {
      if (!read_facts (engine, FACTS_SELECT "WHERE g.id = ?1 AND g.school_id = ?2", goal_id, school_id, 0,
                       facts, found, error))
        return FALSE;
      if (!*found)
        row_error (row, "goal_id", "is not a goal of this school");
      else if (student_id != 0 && student_id != facts->student_id)
        row_error (row, "student_id", "is not the goal's student"), *found = FALSE;
      else if (metric_id != 0 && metric_id != facts->metric_id)
        row_error (row, "metric_id", "is not the goal's metric"), *found = FALSE;
      return TRUE;
    }
  if (student_id == 0 || metric_id == 0)
    {
      row_error (row, "goal_id", "give goal_id, or student_id and metric_id");
      return TRUE;
    }
  if (!read_facts (engine, FACTS_SELECT "WHERE g.student_id = ?1 AND g.metric_id = ?2 AND g.school_id = ?3 "
                   "AND g.status = 'active'", student_id, metric_id, school_id, facts, found, error))
    return FALSE;
  if (*found)
    return TRUE;
  if (!student_in_school (engine, student_id, school_id, &in_school, error))
    return FALSE;
  row_error (row, in_school ? "metric_id" : "student_id",
             in_school ? "the student has no active goal on this metric" : "is not a student of this school");
  return TRUE;
}

static void
check_date_and_value (BelMeasurement *m,
                      GoalFacts      *facts,
                      RowErrors      *row)
{
  const char *measured_on = bel_resource_get_string (m, "measured-on");
  gdouble value = bel_resource_get_double (m, "value");
  gint64 day = 0, baseline_day = 0;

  if (!bel_goal_parse_date (measured_on, &day))
    row_error (row, "measured_on", "must be a date, YYYY-MM-DD");
  else if (day > bel_goal_today ())
    row_error (row, "measured_on", "must not be in the future");
  else if (bel_goal_parse_date (facts->baseline_date, &baseline_day) && day < baseline_day)
    {
      g_autofree char *message = g_strdup_printf ("is before the goal's baseline date (%s)",
                                                  facts->baseline_date);
      row_error (row, "measured_on", message);
    }
  if (value < facts->scale_min || value > facts->scale_max)
    {
      g_autofree char *message = g_strdup_printf ("must be on the metric's scale, from %g to %g",
                                                  facts->scale_min, facts->scale_max);
      row_error (row, "value", message);
    }
}

gboolean
bel_measurements_resolve (BelEngine       *engine,
                          BelAccount      *actor,
                          gint64           school_id,
                          BelMeasurement  *m,
                          const char      *prefix,
                          BelValidation   *v,
                          GError         **error)
{
  g_auto(GoalFacts) facts = { 0 };
  RowErrors row = { v, prefix };
  gboolean found = FALSE, allowed = FALSE;

  if (!find_goal (engine, school_id, m, &row, &facts, &found, error))
    return FALSE;
  if (!found)
    return TRUE;
  if (g_strcmp0 (facts.status, "active") != 0)
    {
      g_autofree char *message = g_strdup_printf ("the goal is %s: record on the student's current goal",
                                                  facts.status);
      row_error (&row, "goal_id", message);
      return TRUE;
    }
  if (!bel_goals_may_write (engine, actor, school_id, facts.student_id, &allowed, error))
    return FALSE;
  if (!allowed)
    {
      row_error (&row, "student_id", "you may not record measurements for this student");
      return TRUE;
    }
  check_date_and_value (m, &facts, &row);
  g_object_set (m,
                "school-id", facts.school_id,
                "goal-id", facts.id,
                "student-id", facts.student_id,
                "metric-id", facts.metric_id,
                NULL);
  return TRUE;
}

static gboolean
record_measured_event (BelEngine       *engine,
                       BelMeasurement  *m,
                       GError         **error)
{
  g_autoptr(JsonNode) data = bel_model_to_json (m);

  return bel_events_record (engine, bel_resource_get_int (m, "school-id"), "goal.measured", 0, data, error);
}

gboolean
bel_measurements_write (BelEngine       *engine,
                        BelAccount      *actor,
                        BelMeasurement  *m,
                        gboolean         events,
                        GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  const char *author = bel_resource_get_string (actor, "display-name");
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO measurement (school_id, student_id, metric_id, goal_id, measured_on, value, source, "
      "author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(GPtrArray) met = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) met_list = g_list_store_new (BEL_TYPE_BENCHMARK);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (m, "school-id"));
  bel_bind_int64 (stmt, 2, bel_resource_get_int (m, "student-id"));
  bel_bind_int64 (stmt, 3, bel_resource_get_int (m, "metric-id"));
  bel_bind_int64 (stmt, 4, bel_resource_get_int (m, "goal-id"));
  bel_bind_text (stmt, 5, bel_resource_get_string (m, "measured-on"));
  bel_bind_double (stmt, 6, bel_resource_get_double (m, "value"));
  bel_bind_text (stmt, 7, bel_resource_get_string (m, "source"));
  bel_bind_id (stmt, 8, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 9, author ? author : "System");
  bel_bind_text (stmt, 10, now);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  g_object_set (m,
                "id", bel_store_last_insert_id (store),
                "author-id", bel_engine_actor_id (actor),
                "author-name", author ? author : "System",
                "created-at", now,
                NULL);
  if (!bel_goal_progress_measured (engine, m, events, met, error))
    return FALSE;
  for (guint i = 0; i < met->len; i++)
    g_list_store_append (met_list, g_ptr_array_index (met, i));
  g_object_set (m, "benchmarks-met", met_list, NULL);
  return !events || record_measured_event (engine, m, error);
}

BelMeasurement *
bel_measurements_record (BelEngine       *engine,
                         BelAccount      *actor,
                         gint64           goal_id,
                         BelMeasurement  *measurement,
                         GError         **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelGoal) goal = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(BelMeasurement) m = NULL;
  gint64 school_id = 0;
  const char * const fields[] = { "measured-on", "value", "source", NULL };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_MEASUREMENT (measurement), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  goal = bel_goals_load (engine, goal_id, error);
  if (goal == NULL ||
      !bel_goals_check_student (engine, actor, bel_resource_get_int (goal, "student-id"), TRUE,
                                &school_id, error))
    return NULL;
  m = bel_measurement_new ();
  if (!bel_engine_copy_fields (m, measurement, fields, error))
    return NULL;
  g_object_set (m, "goal-id", goal_id, NULL);
  if (!bel_measurements_resolve (engine, actor, school_id, m, NULL, v, error) ||
      !bel_validation_finish (v, error) ||
      !bel_measurements_write (engine, actor, m, TRUE, error) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&m);
}

GPtrArray *
bel_measurements_record_rows (BelEngine        *engine,
                              BelAccount       *actor,
                              gint64            school_id,
                              GPtrArray        *rows,
                              GError          **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  if (rows->len == 0 || rows->len > BEL_MEASUREMENT_MAX_ROWS)
    {
      bel_set_invalid_field (error, "rows", "must have from 1 to %d rows", BEL_MEASUREMENT_MAX_ROWS);
      return NULL;
    }
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("rows[%u]", i);

      if (!bel_measurements_resolve (engine, actor, school_id, g_ptr_array_index (rows, i), prefix, v, error))
        return NULL;
    }
  if (!bel_validation_finish (v, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      BelMeasurement *m = g_ptr_array_index (rows, i);

      if (!bel_measurements_write (engine, actor, m, TRUE, error))
        return NULL;
      g_ptr_array_add (out, g_object_ref (m));
    }
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&out);
}
