/* bel-survey-adult-map.c - the adults students named, next to the staff's relationship map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-results.h"

#include "bel-surveys-private.h"

typedef struct {
  gint64      id;
  char       *name;
  gint64      grade;
  char       *advisory;
  gboolean    responded;
  GArray     *named;      /* account ids */
  GHashTable *marked_by;  /* account id set */
} Student;

static void
student_free (Student *s)
{
  g_free (s->name);
  g_free (s->advisory);
  g_clear_pointer (&s->named, g_array_unref);
  g_clear_pointer (&s->marked_by, g_hash_table_unref);
  g_free (s);
}

typedef struct {
  BelEngine  *engine;
  gint64      school_id;
  gint64      window_id;
  gint64      round_id;
  gboolean    identified;
  GHashTable *students;  /* id -> Student, the survey's target */
  GPtrArray  *order;     /* Student, by name */
  GHashTable *names;     /* account id -> display name */
  gint64      respondents;
  gint64      answered_item;
  gint64      named_nobody;
} Map;

static void
map_clear (Map *m)
{
  g_clear_pointer (&m->order, g_ptr_array_unref);
  g_clear_pointer (&m->students, g_hash_table_unref);
  g_clear_pointer (&m->names, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Map, map_clear)

static gboolean
pick_round (Map         *m,
            gint64       round_id,
            char       **round_name,
            GError     **error)
{
  BelStore *store = bel_engine_get_store (m->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT id, name FROM map_round WHERE school_id = ?1 AND (?2 = 0 OR id = ?2) AND status <> 'planned' "
      "ORDER BY status = 'open' DESC, created_at DESC, id DESC LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->school_id);
  bel_bind_int64 (stmt, 2, round_id);
  if (bel_store_step_row (store, stmt, &local_error))
    {
      m->round_id = bel_column_int64 (stmt, 0);
      *round_name = g_strdup (bel_column_text (stmt, 1));
      return TRUE;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, BEL_ERROR, round_id ? BEL_ERROR_NOT_FOUND : BEL_ERROR_CONFLICT,
                         round_id ? "No such round of the relationship map in this school"
                                  : "The school has no relationship map round to compare with yet");
  return FALSE;
}

static gboolean
load_students (Map        *m,
               BelSurvey  *survey,
               GError    **error)
{
  BelStore *store = bel_engine_get_store (m->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT st.id, st.given_name, st.preferred_name, st.family_name, st.grade, st.advisory_id, adv.name "
      "FROM student st LEFT JOIN advisory adv ON adv.id = st.advisory_id WHERE st.school_id = ? AND st.active = 1 "
      "ORDER BY st.family_key, st.given_key, st.id", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      const char *preferred = bel_column_text (stmt, 2);
      Student *s;

      if (!bel_survey_targets (survey, bel_column_int64 (stmt, 4), bel_column_int64 (stmt, 5)))
        continue;
      s = g_new0 (Student, 1);
      s->id = bel_column_int64 (stmt, 0);
      s->name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred : bel_column_text (stmt, 1),
                                 bel_column_text (stmt, 3));
      s->grade = bel_column_int64 (stmt, 4);
      s->advisory = g_strdup (bel_column_text (stmt, 6));
      s->named = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->marked_by = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (m->students, &s->id, s);
      g_ptr_array_add (m->order, s);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_marks (Map     *m,
            GError **error)
{
  BelStore *store = bel_engine_get_store (m->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT student_id, account_id FROM mark WHERE round_id = ? AND kind = 'relationship'", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->round_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 student_id = bel_column_int64 (stmt, 0);
      gint64 account_id = bel_column_int64 (stmt, 1);
      Student *s = g_hash_table_lookup (m->students, &student_id);

      if (s != NULL)
        g_hash_table_add (s->marked_by, g_memdup2 (&account_id, sizeof account_id));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Who named whom; per-student only for a confidential survey. */
static gboolean
load_named (Map        *m,
            gint64      item_id,
            GHashTable *named_by,
            GError    **error)
{
  BelStore *store = bel_engine_get_store (m->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT r.id, r.student_id, n.account_id, a.display_name FROM survey_response r "
      "LEFT JOIN survey_named_adult n ON n.response_id = r.id AND n.item_id = ?2 "
      "LEFT JOIN account a ON a.id = n.account_id WHERE r.window_id = ?1 ORDER BY r.id", error);
  gint64 last = 0;
  gboolean named_any = FALSE;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->window_id);
  bel_bind_int64 (stmt, 2, item_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 response_id = bel_column_int64 (stmt, 0);
      gint64 student_id = bel_column_int64 (stmt, 1);
      gint64 account_id = bel_column_int64 (stmt, 2);
      Student *s = m->identified ? g_hash_table_lookup (m->students, &student_id) : NULL;

      if (response_id != last)
        {
          if (last != 0 && !named_any)
            m->named_nobody++;
          m->respondents++;
          last = response_id;
          named_any = FALSE;
          if (s != NULL)
            s->responded = TRUE;
        }
      if (bel_column_is_null (stmt, 2))
        continue;
      named_any = TRUE;
      g_hash_table_insert (m->names, g_memdup2 (&account_id, sizeof account_id),
                           g_strdup (bel_column_text (stmt, 3)));
      g_hash_table_insert (named_by, g_memdup2 (&account_id, sizeof account_id),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (named_by, &account_id)) + 1));
      if (s != NULL)
        g_array_append_val (s->named, account_id);
    }
  if (last != 0 && !named_any)
    m->named_nobody++;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
add_student_head (JsonBuilder *b,
                  Student     *s)
{
  json_builder_set_member_name (b, "student_id");
  json_builder_add_int_value (b, s->id);
  json_builder_set_member_name (b, "student_name");
  json_builder_add_string_value (b, s->name);
  json_builder_set_member_name (b, "grade");
  json_builder_add_int_value (b, s->grade);
  json_builder_set_member_name (b, "advisory_name");
  json_builder_add_string_value (b, s->advisory);
}

static void
add_unmarked (JsonBuilder *b,
              Map         *m)
{
  json_builder_set_member_name (b, "unmarked");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->order->len; i++)
    {
      Student *s = g_ptr_array_index (m->order, i);

      if (g_hash_table_size (s->marked_by) > 0)
        continue;
      json_builder_begin_object (b);
      add_student_head (b, s);
      json_builder_set_member_name (b, "named");
      json_builder_begin_array (b);
      for (guint k = 0; m->identified && k < s->named->len; k++)
        {
          gint64 id = g_array_index (s->named, gint64, k);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "account_id");
          json_builder_add_int_value (b, id);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, g_hash_table_lookup (m->names, &id));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_named_nobody_and_missed (JsonBuilder *b,
                             Map         *m,
                             GHashTable  *missed_of)
{
  json_builder_set_member_name (b, "named_nobody");
  json_builder_begin_array (b);
  for (guint i = 0; m->identified && i < m->order->len; i++)
    {
      Student *s = g_ptr_array_index (m->order, i);
      if (!s->responded || s->named->len > 0)
        continue;
      json_builder_begin_object (b);
      add_student_head (b, s);
      json_builder_set_member_name (b, "marked_by");
      json_builder_add_int_value (b, g_hash_table_size (s->marked_by));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "missed");
  json_builder_begin_array (b);
  for (guint i = 0; m->identified && i < m->order->len; i++)
    {
      Student *s = g_ptr_array_index (m->order, i);
      for (guint k = 0; k < s->named->len; k++)
        {
          gint64 id = g_array_index (s->named, gint64, k);
          if (g_hash_table_contains (s->marked_by, &id))
            continue;
          g_hash_table_insert (missed_of, g_memdup2 (&id, sizeof id),
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (missed_of, &id)) + 1));
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "account_id");
          json_builder_add_int_value (b, id);
          json_builder_set_member_name (b, "account_name");
          json_builder_add_string_value (b, g_hash_table_lookup (m->names, &id));
          add_student_head (b, s);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      names)
{
  return g_utf8_collate (g_hash_table_lookup (names, a), g_hash_table_lookup (names, b));
}

static void
add_adults (JsonBuilder *b,
            Map         *m,
            GHashTable  *named_by,
            GHashTable  *missed_of)
{
  g_autoptr(GList) ids = g_list_sort_with_data (g_hash_table_get_keys (named_by), compare_names, m->names);

  json_builder_set_member_name (b, "adults");
  json_builder_begin_array (b);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "account_id");
      json_builder_add_int_value (b, *(gint64 *) l->data);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, g_hash_table_lookup (m->names, l->data));
      json_builder_set_member_name (b, "named_by");
      json_builder_add_int_value (b, GPOINTER_TO_INT (g_hash_table_lookup (named_by, l->data)));
      json_builder_set_member_name (b, "missed_by_map");
      if (m->identified)
        json_builder_add_int_value (b, GPOINTER_TO_INT (g_hash_table_lookup (missed_of, l->data)));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonNode *
build (Map        *m,
       const char *round_name,
       GHashTable *named_by)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GHashTable) missed_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "window_id");
  json_builder_add_int_value (b, m->window_id);
  json_builder_set_member_name (b, "round_id");
  json_builder_add_int_value (b, m->round_id);
  json_builder_set_member_name (b, "round_name");
  json_builder_add_string_value (b, round_name);
  json_builder_set_member_name (b, "identified");
  json_builder_add_boolean_value (b, m->identified);
  json_builder_set_member_name (b, "students");
  json_builder_add_int_value (b, m->order->len);
  json_builder_set_member_name (b, "respondents");
  json_builder_add_int_value (b, m->respondents);
  json_builder_set_member_name (b, "named_nobody_count");
  json_builder_add_int_value (b, m->named_nobody);
  add_unmarked (b, m);
  add_named_nobody_and_missed (b, m, missed_of);
  add_adults (b, m, named_by, missed_of);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
bel_survey_adult_map_get (BelEngine   *engine,
                          BelAccount  *actor,
                          gint64       window_id,
                          gint64       round_id,
                          GError     **error)
{
  g_auto(Map) m = { 0 };
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(GPtrArray) adults_items = NULL;
  g_autoptr(GHashTable) named_by = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *round_name = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  window = bel_survey_window_load (engine, window_id, error);
  if (window == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (window, "school-id"),
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error))
    return NULL;
  survey = bel_survey_load (engine, bel_resource_get_int (window, "survey-id"), error);
  if (survey == NULL)
    return NULL;
  adults_items = bel_survey_items_of_kind (survey, "adults");
  if (adults_items->len == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "This survey does not ask students about adults");
      return NULL;
    }
  m.engine = engine;
  m.school_id = bel_resource_get_int (window, "school-id");
  m.window_id = window_id;
  m.identified = g_strcmp0 (bel_resource_get_string (survey, "mode"), "confidential") == 0;
  m.students = g_hash_table_new (g_int64_hash, g_int64_equal);
  m.order = g_ptr_array_new_with_free_func ((GDestroyNotify) student_free);
  m.names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!pick_round (&m, round_id, &round_name, error) || !load_students (&m, survey, error) ||
      !load_marks (&m, error) ||
      !load_named (&m, bel_resource_get_id (g_ptr_array_index (adults_items, 0)), named_by, error))
    return NULL;
  detail = g_strdup_printf ("window %" G_GINT64_FORMAT ", round %" G_GINT64_FORMAT, window_id, m.round_id);
  bel_engine_audit (engine, actor, "survey_adult_map.read", 0, detail);
  return build (&m, round_name, named_by);
}
