/* bel-client-goals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-goals.h"

#include "bel-benchmark.h"
#include "bel-error.h"
#include "bel-growth-metric.h"
#include "bel-model.h"

typedef gpointer (*Decoder) (JsonNode *node, GError **error);

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Decoder decode = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_request_finish (BEL_CLIENT (source), result, &error);
  gpointer value = NULL;

  if (node != NULL)
    value = decode (node, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (G_IS_OBJECT (value))
    g_task_return_pointer (task, value, g_object_unref);
  else
    g_task_return_pointer (task, value, (GDestroyNotify) g_ptr_array_unref);
}

static void
call (BelClient          *client,
      const char         *method,
      const char         *path,
      GHashTable         *query,
      JsonNode           *body,
      Decoder             decode,
      gpointer            source_tag,
      GCancellable       *cancellable,
      GAsyncReadyCallback callback,
      gpointer            user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_task_data (task, decode, NULL);
  g_task_set_source_tag (task, source_tag);
  bel_client_request_async (client, method, path, query, body, cancellable, decoded_cb, task);
}

static JsonNode *
items (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), "items");
}

static gpointer
decode_goals (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_GOAL, items (node), error);
}

static gpointer
decode_metrics (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_GROWTH_METRIC, items (node), error);
}

static gpointer
decode_goal (JsonNode *node, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_GOAL, node, BEL_MODEL_TRUST, error);
}

static gpointer
decode_measurement (JsonNode *node, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_MEASUREMENT, node, BEL_MODEL_TRUST, error);
}

/* ---- lists ---- */

void
bel_client_list_metrics_async (BelClient          *client,
                               gint64              school_id,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/metrics", school_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, decode_metrics, bel_client_goals_list_finish,
        cancellable, callback, user_data);
}

void
bel_client_list_school_goals_async (BelClient          *client,
                                    gint64              school_id,
                                    const char         *track,
                                    gint64              advisory_id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/goals", school_id);
  g_autoptr(GHashTable) query = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (track != NULL)
    g_hash_table_insert (query, "track", g_strdup (track));
  if (advisory_id > 0)
    g_hash_table_insert (query, "advisory", g_strdup_printf ("%" G_GINT64_FORMAT, advisory_id));
  call (client, "GET", path, query, NULL, decode_goals, bel_client_goals_list_finish,
        cancellable, callback, user_data);
}

void
bel_client_list_student_goals_async (BelClient          *client,
                                     gint64              student_id,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", student_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, decode_goals, bel_client_goals_list_finish,
        cancellable, callback, user_data);
}

GPtrArray *
bel_client_goals_list_finish (BelClient     *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bel_client_goals_list_finish, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- one goal ---- */

void
bel_client_get_goal_async (BelClient          *client,
                           gint64              goal_id,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT, goal_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, decode_goal, bel_client_goal_finish,
        cancellable, callback, user_data);
}

/* The request: what a client may send, and only what is set. */
static JsonNode *
goal_request (BelGoal  *goal,
              gboolean  with_metric)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GListModel *benchmarks = bel_resource_get_object (goal, "benchmarks");
  const char *rationale = bel_resource_get_string (goal, "rationale");

  json_builder_begin_object (b);
  if (with_metric)
    {
      json_builder_set_member_name (b, "metric_id");
      json_builder_add_int_value (b, bel_resource_get_int (goal, "metric-id"));
    }
  json_builder_set_member_name (b, "baseline_value");
  json_builder_add_double_value (b, bel_resource_get_double (goal, "baseline-value"));
  json_builder_set_member_name (b, "baseline_date");
  json_builder_add_string_value (b, bel_resource_get_string (goal, "baseline-date"));
  json_builder_set_member_name (b, "target_value");
  json_builder_add_double_value (b, bel_resource_get_double (goal, "target-value"));
  json_builder_set_member_name (b, "target_date");
  json_builder_add_string_value (b, bel_resource_get_string (goal, "target-date"));
  json_builder_set_member_name (b, "set_with_student");
  json_builder_add_boolean_value (b, bel_resource_get_bool (goal, "set-with-student"));
  json_builder_set_member_name (b, "set_with_family");
  json_builder_add_boolean_value (b, bel_resource_get_bool (goal, "set-with-family"));
  if (rationale != NULL && *rationale != '\0')
    {
      json_builder_set_member_name (b, "rationale");
      json_builder_add_string_value (b, rationale);
    }
  if (benchmarks != NULL)
    {
      json_builder_set_member_name (b, "benchmarks");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (benchmarks); i++)
        {
          g_autoptr(BelBenchmark) bm = g_list_model_get_item (benchmarks, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "due_on");
          json_builder_add_string_value (b, bel_resource_get_string (bm, "due-on"));
          json_builder_set_member_name (b, "target_value");
          json_builder_add_double_value (b, bel_resource_get_double (bm, "target-value"));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
bel_client_create_goal_async (BelClient          *client,
                              gint64              student_id,
                              BelGoal            *goal,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", student_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_GOAL (goal));
  body = goal_request (goal, TRUE);
  call (client, "POST", path, NULL, body, decode_goal, bel_client_goal_finish,
        cancellable, callback, user_data);
}

void
bel_client_revise_goal_async (BelClient          *client,
                              gint64              goal_id,
                              BelGoal            *goal,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT "/revisions", goal_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_GOAL (goal));
  body = goal_request (goal, FALSE);
  call (client, "POST", path, NULL, body, decode_goal, bel_client_goal_finish,
        cancellable, callback, user_data);
}

BelGoal *
bel_client_goal_finish (BelClient     *client,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bel_client_goal_finish, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- measurements ---- */

void
bel_client_record_measurement_async (BelClient          *client,
                                     gint64              goal_id,
                                     const char         *measured_on,
                                     double              value,
                                     const char         *source,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT "/measurements", goal_id);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (measured_on != NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "measured_on");
  json_builder_add_string_value (b, measured_on);
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, value);
  if (source != NULL && *source != '\0')
    {
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, source);
    }
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  call (client, "POST", path, NULL, body, decode_measurement, bel_client_record_measurement_finish,
        cancellable, callback, user_data);
}

BelMeasurement *
bel_client_record_measurement_finish (BelClient     *client,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bel_client_record_measurement_finish, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
