/* bel-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-metrics.h"

#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-events.h"

#define METRIC_SELECT \
  "SELECT id, school_id, name, unit, scale_min, scale_max, direction, description, language, " \
  "active, created_at, updated_at, version FROM growth_metric "

static gpointer
metric_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_GROWTH_METRIC,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "name", bel_column_text (stmt, 2),
                       "unit", bel_column_text (stmt, 3),
                       "scale-min", bel_column_double (stmt, 4),
                       "scale-max", bel_column_double (stmt, 5),
                       "direction", bel_column_text (stmt, 6),
                       "description", bel_column_text (stmt, 7),
                       "language", bel_column_text (stmt, 8),
                       "active", bel_column_int (stmt, 9) != 0,
                       "created-at", bel_column_text (stmt, 10),
                       "updated-at", bel_column_text (stmt, 11),
                       "version", (gint64) bel_column_int64 (stmt, 12),
                       NULL);
}

static BelGrowthMetric *
load_metric (BelEngine  *engine,
             gint64      metric_id,
             GError    **error)
{
  return bel_engine_load_row (engine, METRIC_SELECT "WHERE id = ?",
                              metric_id, metric_from_row, "growth metric", error);
}

GPtrArray *
bel_metrics_list (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       school_id,
                  GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, METRIC_SELECT "WHERE school_id = ? ORDER BY active DESC, name, id",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, metric_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelGrowthMetric *
bel_metrics_get (BelEngine   *engine,
                 BelAccount  *actor,
                 gint64       metric_id,
                 GError     **error)
{
  g_autoptr(BelGrowthMetric) metric = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  metric = load_metric (engine, metric_id, error);
  if (metric == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (metric, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&metric);
}

static gboolean
validate_metric (BelGrowthMetric  *metric,
                 GError          **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();

  if (bel_engine_is_blank (bel_resource_get_string (metric, "name")))
    bel_validation_add (v, "name", "must not be blank");
  if (bel_engine_is_blank (bel_resource_get_string (metric, "unit")))
    bel_validation_add (v, "unit", "must not be blank");
  if (!(bel_resource_get_double (metric, "scale-max") > bel_resource_get_double (metric, "scale-min")))
    bel_validation_add (v, "scale_max", "must be greater than scale_min");
  return bel_validation_finish (v, error);
}

static gboolean
record_metric_event (BelEngine        *engine,
                     const char       *type,
                     BelGrowthMetric  *metric,
                     GError          **error)
{
  g_autoptr(JsonNode) data = bel_model_to_json (metric);

  return bel_events_record (engine, bel_resource_get_int (metric, "school-id"), type, 0, data, error);
}

BelGrowthMetric *
bel_metrics_create (BelEngine        *engine,
                    BelAccount       *actor,
                    gint64            school_id,
                    BelGrowthMetric  *metric,
                    GError          **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelGrowthMetric) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *detail = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_GROWTH_METRIC (metric), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_LEADER, error) ||
      !validate_metric (metric, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO growth_metric (school_id, name, unit, scale_min, scale_max, "
                            "direction, description, language, active, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, bel_resource_get_string (metric, "name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (metric, "unit"));
  bel_bind_double (stmt, 4, bel_resource_get_double (metric, "scale-min"));
  bel_bind_double (stmt, 5, bel_resource_get_double (metric, "scale-max"));
  bel_bind_text (stmt, 6, bel_resource_get_string (metric, "direction"));
  bel_bind_text (stmt, 7, bel_resource_get_string (metric, "description"));
  bel_bind_text (stmt, 8, bel_resource_get_string (metric, "language"));
  bel_bind_int64 (stmt, 9, bel_resource_get_bool (metric, "active"));
  bel_bind_text (stmt, 10, now);
  bel_bind_text (stmt, 11, now);
  if (!bel_engine_step_unique (store, stmt, "The school has a growth metric of this name already", error))
    return NULL;
  created = load_metric (engine, bel_store_last_insert_id (store), error);
  if (created == NULL || !record_metric_event (engine, "metric.created", created, error))
    return NULL;
  detail = g_strdup_printf ("growth metric %" G_GINT64_FORMAT, bel_resource_get_id (created));
  bel_engine_audit (engine, actor, "metric.create", 0, detail);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static gboolean
has_goals (BelEngine  *engine,
           gint64      metric_id,
           gboolean   *found,
           GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT 1 FROM goal WHERE metric_id = ? LIMIT 1",
                                                    error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, metric_id);
  *found = bel_store_step_row (store, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_scale_change (BelEngine           *engine,
                    BelGrowthMetric     *metric,
                    const char * const  *fields,
                    GError             **error)
{
  gboolean found = FALSE;

  if (!bel_engine_fields_contain (fields, "scale-min") && !bel_engine_fields_contain (fields, "scale-max") &&
      !bel_engine_fields_contain (fields, "direction"))
    return TRUE;
  if (!has_goals (engine, bel_resource_get_id (metric), &found, error))
    return FALSE;
  if (!found)
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                       "Students have goals on this metric: its scale and direction no longer change; "
                       "add a new metric instead");
  return FALSE;
}

BelGrowthMetric *
bel_metrics_update (BelEngine           *engine,
                    BelAccount          *actor,
                    gint64               metric_id,
                    gint64               expected_version,
                    BelGrowthMetric     *changes,
                    const char * const  *fields,
                    GError             **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelGrowthMetric) metric = NULL;
  g_autoptr(BelGrowthMetric) updated = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *detail = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  metric = load_metric (engine, metric_id, error);
  if (metric == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (metric, "school-id"),
                                       BEL_ROLE_LEADER, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (metric), error) ||
      !check_scale_change (engine, metric, fields, error) ||
      !bel_engine_copy_fields (metric, changes, fields, error) ||
      !validate_metric (metric, error))
    return NULL;
  stmt = bel_store_prepare (store,
                            "UPDATE growth_metric SET name = ?, unit = ?, scale_min = ?, scale_max = ?, "
                            "direction = ?, description = ?, language = ?, active = ?, updated_at = ?, "
                            "version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (metric, "name"));
  bel_bind_text (stmt, 2, bel_resource_get_string (metric, "unit"));
  bel_bind_double (stmt, 3, bel_resource_get_double (metric, "scale-min"));
  bel_bind_double (stmt, 4, bel_resource_get_double (metric, "scale-max"));
  bel_bind_text (stmt, 5, bel_resource_get_string (metric, "direction"));
  bel_bind_text (stmt, 6, bel_resource_get_string (metric, "description"));
  bel_bind_text (stmt, 7, bel_resource_get_string (metric, "language"));
  bel_bind_int64 (stmt, 8, bel_resource_get_bool (metric, "active"));
  bel_bind_text (stmt, 9, now);
  bel_bind_int64 (stmt, 10, metric_id);
  if (!bel_engine_step_unique (store, stmt, "The school has a growth metric of this name already", error))
    return NULL;
  updated = load_metric (engine, metric_id, error);
  if (updated == NULL || !record_metric_event (engine, "metric.updated", updated, error))
    return NULL;
  detail = g_strdup_printf ("growth metric %" G_GINT64_FORMAT, metric_id);
  bel_engine_audit (engine, actor, "metric.update", 0, detail);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&updated);
}
