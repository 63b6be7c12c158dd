/* bel-goal-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goal-summary.h"

#include <string.h>

#include "bel-goals-private.h"

typedef enum { STUDENT_NOT_ENOUGH_DATA, STUDENT_ON, STUDENT_OFF } StudentTrack;

static const struct { const char *key; const char *label; } fixed_subgroups[] = {
  { "el", "English learners" },
  { "former_el", "Former English learners" },
  { "iep", "IEP" },
  { "504", "504 plan" },
  { "language_plan", "Language plan" },
  { "behavior_plan", "Behavior plan" },
};

static void
group_clear (BelGoalGroup *group)
{
  g_clear_pointer (&group->key, g_free);
  g_clear_pointer (&group->label, g_free);
}

static void
group_free (BelGoalGroup *group)
{
  group_clear (group);
  g_free (group);
}

void
bel_goal_summary_free (BelGoalSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->as_of);
  group_clear (&summary->total);
  g_clear_pointer (&summary->by_grade, g_ptr_array_unref);
  g_clear_pointer (&summary->by_advisory, g_ptr_array_unref);
  g_clear_pointer (&summary->by_subgroup, g_ptr_array_unref);
  g_free (summary);
}

static void
count_in (BelGoalGroup *group,
          StudentTrack  track)
{
  group->students++;
  if (track == STUDENT_ON)
    group->on_track++;
  else if (track == STUDENT_OFF)
    group->off_track++;
  else
    group->not_enough_data++;
}

/* The group of @key in @groups (an array kept in first-seen order), added if new. */
static BelGoalGroup *
group_for (GPtrArray  *groups,
           const char *key,
           const char *label)
{
  BelGoalGroup *group;

  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (((BelGoalGroup *) g_ptr_array_index (groups, i))->key, key))
      return g_ptr_array_index (groups, i);
  group = g_new0 (BelGoalGroup, 1);
  group->key = g_strdup (key);
  group->label = g_strdup (label);
  g_ptr_array_add (groups, group);
  return group;
}

/* Student id -> StudentTrack over their active goals. */
static GHashTable *
student_tracks (GPtrArray *goals)
{
  GHashTable *tracks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < goals->len; i++)
    {
      BelGoal *goal = g_ptr_array_index (goals, i);
      gint64 student_id = bel_resource_get_int (goal, "student-id");
      const char *track = bel_resource_get_string (goal, "track");
      gpointer old = NULL;
      StudentTrack t = g_strcmp0 (track, "off_track") == 0 ? STUDENT_OFF
                       : g_strcmp0 (track, "on_track") == 0 ? STUDENT_ON : STUDENT_NOT_ENOUGH_DATA;

      if (g_hash_table_lookup_extended (tracks, &student_id, NULL, &old))
        t = MAX (t, (StudentTrack) GPOINTER_TO_INT (old));
      g_hash_table_insert (tracks, g_memdup2 (&student_id, sizeof student_id), GINT_TO_POINTER (t));
    }
  return tracks;
}

static char *
grade_label (gint64 grade)
{
  if (grade == -1)
    return g_strdup ("Pre-kindergarten");
  if (grade == 0)
    return g_strdup ("Kindergarten");
  return g_strdup_printf ("Grade %" G_GINT64_FORMAT, grade);
}

static gboolean
in_fixed (BelStmt *stmt,
          guint         index)
{
  const char *el = bel_column_text (stmt, 4);

  switch (index)
    {
    case 0: return g_strcmp0 (el, "current") == 0;
    case 1: return g_strcmp0 (el, "former") == 0;
    default: return bel_column_int (stmt, 3 + index) != 0; /* columns 5..8 */
    }
}

static void
count_attributes (BelStmt *stmt,
                  GPtrArray    *attributes,
                  StudentTrack  track)
{
  g_autoptr(JsonNode) node = json_from_string (bel_column_text (stmt, 9), NULL);
  g_autoptr(GList) members = NULL;
  JsonObject *obj;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  obj = json_node_get_object (node);
  members = g_list_sort (json_object_get_members (obj), (GCompareFunc) strcmp);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = json_object_get_string_member_with_default (obj, l->data, NULL);
      g_autofree char *key = NULL, *label = NULL;

      if (value == NULL)
        continue;
      key = g_strdup_printf ("attr:%s=%s", (const char *) l->data, value);
      label = g_strdup_printf ("%s: %s", (const char *) l->data, value);
      count_in (group_for (attributes, key, label), track);
    }
}

static int
compare_key (gconstpointer a,
             gconstpointer b)
{
  return strcmp ((*(BelGoalGroup * const *) a)->key, (*(BelGoalGroup * const *) b)->key);
}

/* By name, "No advisory" last. */
static int
compare_advisory (gconstpointer a,
                  gconstpointer b)
{
  const BelGoalGroup *ga = *(BelGoalGroup * const *) a;
  const BelGoalGroup *gb = *(BelGoalGroup * const *) b;
  gboolean none_a = g_str_equal (ga->key, "none");
  gboolean none_b = g_str_equal (gb->key, "none");

  if (none_a != none_b)
    return none_a - none_b;
  return g_utf8_collate (ga->label ? ga->label : "", gb->label ? gb->label : "");
}

static gboolean
count_students (BelEngine       *engine,
                gint64           school_id,
                GHashTable      *tracks,
                BelGoalSummary  *summary,
                GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT st.id, st.grade, st.advisory_id, adv.name, st.el_status, st.iep, st.section_504, "
      "st.language_plan, st.behavior_plan, st.attributes FROM student st "
      "LEFT JOIN advisory adv ON adv.id = st.advisory_id WHERE st.school_id = ? AND st.active = 1 "
      "ORDER BY st.grade, adv.name IS NULL, adv.name, st.id", error);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fixed_subgroups); i++)
    group_for (summary->by_subgroup, fixed_subgroups[i].key, fixed_subgroups[i].label);
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 student_id = bel_column_int64 (stmt, 0);
      gpointer value = NULL;
      StudentTrack track;
      g_autofree char *grade_key = NULL, *label = NULL, *advisory_key = NULL;

      if (!g_hash_table_lookup_extended (tracks, &student_id, NULL, &value))
        continue;
      track = (StudentTrack) GPOINTER_TO_INT (value);
      count_in (&summary->total, track);
      grade_key = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) bel_column_int64 (stmt, 1));
      label = grade_label (bel_column_int64 (stmt, 1));
      count_in (group_for (summary->by_grade, grade_key, label), track);
      advisory_key = bel_column_is_null (stmt, 2)
                     ? g_strdup ("none") : g_strdup_printf ("%" G_GINT64_FORMAT,
                                                            (gint64) bel_column_int64 (stmt, 2));
      count_in (group_for (summary->by_advisory, advisory_key,
                           bel_column_is_null (stmt, 2) ? "No advisory"
                                                                        : bel_column_text (stmt, 3)),
                track);
      for (guint i = 0; i < G_N_ELEMENTS (fixed_subgroups); i++)
        if (in_fixed (stmt, i))
          count_in (g_ptr_array_index (summary->by_subgroup, i), track);
      count_attributes (stmt, attributes, track);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_sort (attributes, compare_key);
  g_ptr_array_sort (summary->by_advisory, compare_advisory);
  g_ptr_array_extend_and_steal (summary->by_subgroup, g_steal_pointer (&attributes));
  return TRUE;
}

BelGoalSummary *
bel_goals_summarize (BelEngine           *engine,
                     BelAccount          *actor,
                     gint64               school_id,
                     const BelGoalQuery  *query,
                     GError             **error)
{
  BelGoalQuery active = *query;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GHashTable) tracks = NULL;
  g_autoptr(BelGoalSummary) summary = NULL;
  gint64 day = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  active.status = "active";
  active.track = NULL;
  if (!bel_goals_parse_as_of (query->as_of, &day, error))
    return NULL;
  goals = bel_goals_list (engine, actor, school_id, &active, error);
  if (goals == NULL)
    return NULL;
  tracks = student_tracks (goals);
  summary = g_new0 (BelGoalSummary, 1);
  summary->as_of = bel_goal_format_date (day);
  summary->total.key = g_strdup ("all");
  summary->total.label = g_strdup ("All students with goals");
  summary->by_grade = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  summary->by_advisory = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  summary->by_subgroup = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  if (!count_students (engine, school_id, tracks, summary, error))
    return NULL;
  return g_steal_pointer (&summary);
}

static void
add_group (JsonBuilder        *builder,
           const BelGoalGroup *group)
{
  gint64 judged = group->on_track + group->off_track;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, group->key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, group->label);
  json_builder_set_member_name (builder, "students");
  json_builder_add_int_value (builder, group->students);
  json_builder_set_member_name (builder, "on_track");
  json_builder_add_int_value (builder, group->on_track);
  json_builder_set_member_name (builder, "off_track");
  json_builder_add_int_value (builder, group->off_track);
  json_builder_set_member_name (builder, "not_enough_data");
  json_builder_add_int_value (builder, group->not_enough_data);
  json_builder_set_member_name (builder, "share_on_track");
  if (judged > 0)
    json_builder_add_double_value (builder, (gdouble) group->on_track / (gdouble) judged);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_groups (JsonBuilder *builder,
            const char  *name,
            GPtrArray   *groups)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < groups->len; i++)
    add_group (builder, g_ptr_array_index (groups, i));
  json_builder_end_array (builder);
}

JsonNode *
bel_goal_summary_to_json (BelGoalSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, summary->as_of);
  json_builder_set_member_name (builder, "total");
  add_group (builder, &summary->total);
  add_groups (builder, "by_grade", summary->by_grade);
  add_groups (builder, "by_advisory", summary->by_advisory);
  add_groups (builder, "by_subgroup", summary->by_subgroup);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
