/* bel-goal-list.c - a school's goals, filtered, with their derived fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goals-private.h"

#include <string.h>

#include "bel-error.h"

#define LIST_WHERE \
  "WHERE g.school_id = ?1 AND st.active = 1 " \
  "AND (?2 = 'all' OR g.status = ?2) " \
  "AND (?3 = 0 OR g.metric_id = ?3) " \
  "AND (?4 = 0 OR st.advisory_id = ?4) " \
  "AND (st.grade = ?5 OR ?5 IS NULL) " \
  "AND (?6 IS NULL OR CASE ?6 " \
  "  WHEN 'el' THEN st.el_status = 'current' WHEN 'former_el' THEN st.el_status = 'former' " \
  "  WHEN 'iep' THEN st.iep = 1 WHEN '504' THEN st.section_504 = 1 " \
  "  WHEN 'language_plan' THEN st.language_plan = 1 WHEN 'behavior_plan' THEN st.behavior_plan = 1 " \
  "  WHEN 'attr' THEN json_extract (st.attributes, ?7) = ?8 ELSE 1 = 0 END) " \
  "ORDER BY st.family_key, st.given_key, st.id, g.metric_id, g.id"

static const char * const fixed_subgroups[] = {
  "el", "former_el", "iep", "504", "language_plan", "behavior_plan", NULL
};

/* Splits @subgroup into the CASE key, and for attr:KEY=VALUE the JSON path and value. */
static gboolean
parse_subgroup (const char  *subgroup,
                const char **kind,
                char       **path,
                char       **value,
                GError     **error)
{
  const char *eq;

  *kind = NULL;
  if (subgroup == NULL || *subgroup == '\0')
    return TRUE;
  if (g_strv_contains (fixed_subgroups, subgroup))
    {
      *kind = subgroup;
      return TRUE;
    }
  eq = strchr (subgroup, '=');
  if (g_str_has_prefix (subgroup, "attr:") && eq != NULL && eq > subgroup + 5 &&
      strchr (subgroup + 5, '"') == NULL)
    {
      g_autofree char *key = g_strndup (subgroup + 5, eq - subgroup - 5);

      *kind = "attr";
      *path = g_strdup_printf ("$.\"%s\"", key);
      *value = g_strdup (eq + 1);
      return TRUE;
    }
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                       "subgroup: el, former_el, iep, 504, language_plan, behavior_plan or attr:KEY=VALUE");
  return FALSE;
}

static gboolean
check_query (const BelGoalQuery  *query,
             GError             **error)
{
  static const char * const statuses[] = { "active", "met", "missed", "revised", "all", NULL };
  static const char * const tracks[] = { "on_track", "off_track", "not_enough_data", "closed", NULL };

  if (query->status != NULL && !g_strv_contains (statuses, query->status))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "status: active, met, missed, revised or all");
      return FALSE;
    }
  if (query->track != NULL && !g_strv_contains (tracks, query->track))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "track: on_track, off_track, not_enough_data or closed");
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
select_goals (BelEngine           *engine,
              gint64               school_id,
              const BelGoalQuery  *query,
              GError             **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL, *value = NULL;
  const char *kind = NULL;

  if (!parse_subgroup (query->subgroup, &kind, &path, &value, error))
    return NULL;
  stmt = bel_store_prepare (store, BEL_GOAL_SELECT LIST_WHERE, error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, query->status ? query->status : "active");
  bel_bind_int64 (stmt, 3, query->metric_id);
  bel_bind_int64 (stmt, 4, query->advisory_id);
  if (query->has_grade)
    bel_bind_int64 (stmt, 5, query->grade);
  bel_bind_text (stmt, 6, kind);
  bel_bind_text (stmt, 7, path);
  bel_bind_text (stmt, 8, value);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (goals, bel_goal_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&goals);
}

GPtrArray *
bel_goals_list (BelEngine           *engine,
                BelAccount          *actor,
                gint64               school_id,
                const BelGoalQuery  *query,
                GError             **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) series = NULL;
  gint64 day = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !check_query (query, error) || !bel_goals_parse_as_of (query->as_of, &day, error))
    return NULL;
  goals = select_goals (engine, school_id, query, error);
  if (goals == NULL ||
      !bel_goals_attach_benchmarks (engine, goals, "g.school_id = ?", school_id, error))
    return NULL;
  series = bel_goals_load_series (engine, "school_id = ?", school_id, FALSE, error);
  if (series == NULL)
    return NULL;
  for (guint i = 0; i < goals->len; i++)
    {
      BelGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *key = bel_goal_series_key (bel_resource_get_int (goal, "student-id"),
                                                  bel_resource_get_int (goal, "metric-id"));

      bel_goal_derive (goal, g_hash_table_lookup (series, key), day);
      if (query->track == NULL || g_strcmp0 (bel_resource_get_string (goal, "track"), query->track) == 0)
        g_ptr_array_add (kept, g_object_ref (goal));
    }
  return g_steal_pointer (&kept);
}
