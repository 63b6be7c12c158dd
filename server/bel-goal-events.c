/* bel-goal-events.c - live events of goals, and who to tell about a win
 *
 * goal.benchmark_met carries the adults to notify, so that each connected
 * client can celebrate with the right people without asking again: the
 * advisor of the student's advisory, the student's current advocates, and
 * the staff who marked a relationship with the student in the school's open
 * mapping round, each once with the reasons that apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goals-private.h"

#include "bel-error.h"
#include "bel-events.h"

#define NOTIFY_SQL \
  "SELECT a.id, a.display_name, 'advisor' FROM student st JOIN advisory adv ON adv.id = st.advisory_id " \
  "JOIN account a ON a.id = adv.advisor_id WHERE st.id = ?1 AND a.active = 1 " \
  "UNION ALL SELECT a.id, a.display_name, 'advocate' FROM advocate ad JOIN account a ON a.id = ad.account_id " \
  "WHERE ad.student_id = ?1 AND ad.status <> 'ended' AND a.active = 1 " \
  "UNION ALL SELECT a.id, a.display_name, 'relationship' FROM mark mk " \
  "JOIN map_round r ON r.id = mk.round_id AND r.status = 'open' JOIN account a ON a.id = mk.account_id " \
  "WHERE mk.student_id = ?1 AND mk.kind = 'relationship' AND a.active = 1"

/* [{account_id, display_name, reasons: [...]}], in the order advisor, advocates, relationships. */
static JsonArray *
adults_to_notify (BelEngine  *engine,
                  gint64      student_id,
                  GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, NOTIFY_SQL, error);
  g_autoptr(JsonArray) adults = json_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 account_id = bel_column_int64 (stmt, 0);
      JsonObject *adult = g_hash_table_lookup (seen, &account_id);

      if (adult == NULL)
        {
          adult = json_object_new ();
          json_object_set_int_member (adult, "account_id", account_id);
          json_object_set_string_member (adult, "display_name", bel_column_text (stmt, 1));
          json_object_set_array_member (adult, "reasons", json_array_new ());
          json_array_add_object_element (adults, adult);
          g_hash_table_insert (seen, g_memdup2 (&account_id, sizeof account_id), adult);
        }
      json_array_add_string_element (json_object_get_array_member (adult, "reasons"),
                                     bel_column_text (stmt, 2));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&adults);
}

gboolean
bel_goal_events_benchmark_met (BelEngine       *engine,
                               BelGoal         *goal,
                               BelBenchmark    *benchmark,
                               BelMeasurement  *measurement,
                               GError         **error)
{
  gint64 student_id = bel_resource_get_int (goal, "student-id");
  g_autoptr(JsonArray) notify = adults_to_notify (engine, student_id, error);
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (notify == NULL)
    return FALSE;
  data = json_object_new ();
  json_object_set_int_member (data, "student_id", student_id);
  json_object_set_string_member (data, "student_name", bel_resource_get_string (goal, "student-name"));
  json_object_set_int_member (data, "goal_id", bel_resource_get_id (goal));
  json_object_set_int_member (data, "metric_id", bel_resource_get_int (goal, "metric-id"));
  json_object_set_string_member (data, "metric_name", bel_resource_get_string (goal, "metric-name"));
  json_object_set_string_member (data, "unit", bel_resource_get_string (goal, "unit"));
  json_object_set_member (data, "benchmark", bel_model_to_json (benchmark));
  json_object_set_int_member (data, "benchmark_id", bel_resource_get_id (benchmark));
  json_object_set_double_member (data, "value", bel_resource_get_double (measurement, "value"));
  json_object_set_string_member (data, "measured_on", bel_resource_get_string (measurement, "measured-on"));
  json_object_set_int_member (data, "measurement_id", bel_resource_get_id (measurement));
  json_object_set_string_member (data, "recorded_by", bel_resource_get_string (measurement, "author-name"));
  json_object_set_array_member (data, "notify", g_steal_pointer (&notify));
  node = json_node_init_object (json_node_alloc (), data);
  return bel_events_record (engine, bel_resource_get_int (goal, "school-id"), "goal.benchmark_met", 0,
                            node, error);
}

gboolean
bel_goal_events_goal (BelEngine   *engine,
                      const char  *type,
                      BelGoal     *goal,
                      GError     **error)
{
  g_autoptr(JsonNode) node = bel_model_to_json (goal);
  JsonObject *data = json_node_get_object (node);

  /* The event says what changed; clients read the goal for its measurements. */
  json_object_remove_member (data, "measurements");
  return bel_events_record (engine, bel_resource_get_int (goal, "school-id"), type, 0, node, error);
}
