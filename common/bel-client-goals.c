/* bel-client-goals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-goals.h"
#include "bel-client-private.h"

#include "bel-benchmark.h"
#include "bel-error.h"
#include "bel-growth-metric.h"
#include "bel-model.h"

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
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_GROWTH_METRIC, bel_client_goals_list_finish,
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
  bel_client_call_list (client, "GET", path, query, BEL_TYPE_GOAL, bel_client_goals_list_finish,
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
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_GOAL, bel_client_goals_list_finish,
                        cancellable, callback, user_data);
}

GPtrArray *
bel_client_goals_list_finish (BelClient     *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_goals_list_finish, error);
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
  bel_client_call_model (client, "GET", path, NULL, 0, BEL_TYPE_GOAL, bel_client_goal_finish,
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
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_GOAL, bel_client_goal_finish,
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
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_GOAL, bel_client_goal_finish,
                         cancellable, callback, user_data);
}

BelGoal *
bel_client_goal_finish (BelClient     *client,
                        GAsyncResult  *result,
                        GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_goal_finish, error);
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
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_MEASUREMENT,
                         bel_client_record_measurement_finish, cancellable, callback, user_data);
}

BelMeasurement *
bel_client_record_measurement_finish (BelClient     *client,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_record_measurement_finish, error);
}
