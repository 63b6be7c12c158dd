/* bel-surveys.c - surveys, their items and targets, and the school's survey settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-surveys.h"

#include <string.h>

#include "bel-events.h"
#include "bel-surveys-private.h"

#define DEFAULT_MIN_RESPONDENTS 10

/* The four items of docs/surveys.md and the optional adults item, with Spanish. */
static const struct { const char *key; const char *kind; const char *text; const char *spanish; } default_items[] = {
  { "supported", "likert", "I feel supported by my school", "Me siento apoyado o apoyada por mi escuela" },
  { "cared_for", "likert", "People at my school care about me", "La gente de mi escuela se preocupa por mí" },
  { "keep_trying", "likert", "When I feel like giving up, my teacher asks me to keep trying",
    "Cuando tengo ganas de rendirme, mi maestro o maestra me pide que siga intentándolo" },
  { "belong", "likert", "My teachers make me feel like I belong",
    "Mis maestros me hacen sentir que pertenezco a esta escuela" },
};
static const char adults_text[] = "Which adults at school could you go to if you need help?";
static const char adults_spanish[] = "¿A qué adultos de la escuela podrías acudir si necesitas ayuda?";

/* ---- helpers shared by the survey files ---- */

gboolean
bel_survey_is_privileged (BelAccount *actor,
                          gint64      school_id)
{
  const char *role;

  if (bel_account_is_admin (actor))
    return TRUE;
  role = bel_account_role_in (actor, school_id);
  return g_strcmp0 (role, "counselor") == 0 || g_strcmp0 (role, "leader") == 0;
}

GPtrArray *
bel_survey_items_of_kind (BelSurvey  *survey,
                          const char *kind)
{
  GListModel *items = bel_resource_get_object (survey, "items");
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);
      if (g_strcmp0 (bel_resource_get_string (item, "kind"), kind) == 0)
        g_ptr_array_add (out, g_steal_pointer (&item));
    }
  return out;
}

gboolean
bel_survey_targets (BelSurvey *survey,
                    gint64     grade,
                    gint64     advisory_id)
{
  GListModel *targets = bel_resource_get_object (survey, "targets");
  guint n = targets ? g_list_model_get_n_items (targets) : 0;

  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelSurveyTarget) t = g_list_model_get_item (targets, i);
      const char *kind = bel_resource_get_string (t, "kind");
      gint64 value = bel_resource_get_int (t, "value");

      if ((g_strcmp0 (kind, "grade") == 0 && value == grade) ||
          (g_strcmp0 (kind, "advisory") == 0 && advisory_id != 0 && value == advisory_id))
        return TRUE;
    }
  return FALSE;
}

/* ---- JSON text of the stored columns ---- */

static GHashTable *
map_from_text (const char *text)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *obj;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return map;
  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = json_object_get_string_member_with_default (obj, l->data, NULL);
      if (value != NULL)
        g_hash_table_insert (map, g_strdup (l->data), g_strdup (value));
    }
  return map;
}

static char *
map_to_text (GHashTable *map)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = map ? g_list_sort (g_hash_table_get_keys (map), (GCompareFunc) strcmp) : NULL;

  json_builder_begin_object (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (map, l->data));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
targets_to_text (BelSurvey *survey)
{
  GListModel *targets = bel_resource_get_object (survey, "targets");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; targets != NULL && i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(BelSurveyTarget) t = g_list_model_get_item (targets, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, bel_resource_get_string (t, "kind"));
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, bel_resource_get_int (t, "value"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
target_label (BelEngine  *engine,
              const char *kind,
              gint64      value)
{
  g_autoptr(BelStmt) stmt = NULL;

  if (g_strcmp0 (kind, "grade") == 0)
    return value <= 0 ? g_strdup (value == 0 ? "Kindergarten" : "Pre-kindergarten")
                      : g_strdup_printf ("Grade %" G_GINT64_FORMAT, value);
  stmt = bel_store_prepare (bel_engine_get_store (engine), "SELECT name FROM advisory WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, value);
  if (bel_store_step_row (bel_engine_get_store (engine), stmt, NULL))
    return g_strdup (bel_column_text (stmt, 0));
  return NULL;
}

static GListStore *
targets_from_text (BelEngine  *engine,
                   const char *text)
{
  GListStore *store = g_list_store_new (BEL_TYPE_SURVEY_TARGET);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return store;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member_with_default (obj, "kind", "grade");
      gint64 value = json_object_get_int_member_with_default (obj, "value", 0);
      g_autofree char *label = target_label (engine, kind, value);
      g_autoptr(BelSurveyTarget) t = g_object_new (BEL_TYPE_SURVEY_TARGET, "kind", kind, "value", value,
                                                   "label", label, NULL);
      g_list_store_append (store, t);
    }
  return store;
}

/* ---- loading ---- */

static gboolean
load_items (BelEngine  *engine,
            BelSurvey  *survey,
            GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GListStore) items = g_list_store_new (BEL_TYPE_SURVEY_ITEM);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT id, key, kind, text, translations FROM survey_item WHERE survey_id = ? ORDER BY position", error);
  gboolean ask_adults = FALSE;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (survey));
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(GHashTable) translations = map_from_text (bel_column_text (stmt, 4));
      g_autoptr(BelSurveyItem) item = g_object_new (BEL_TYPE_SURVEY_ITEM,
                                                    "id", (gint64) bel_column_int64 (stmt, 0),
                                                    "key", bel_column_text (stmt, 1),
                                                    "kind", bel_column_text (stmt, 2),
                                                    "text", bel_column_text (stmt, 3),
                                                    "translations", translations, NULL);
      ask_adults |= g_strcmp0 (bel_column_text (stmt, 2), "adults") == 0;
      g_list_store_append (items, item);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_object_set (survey, "items", items, "ask-adults", ask_adults, NULL);
  return TRUE;
}

BelSurvey *
bel_survey_load (BelEngine  *engine,
                 gint64      survey_id,
                 GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(GListStore) targets = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT s.id, s.school_id, s.title, s.mode, s.targets, s.created_by, acc.display_name, s.created_at, "
      "s.updated_at, s.version, (SELECT count(*) FROM survey_window w WHERE w.survey_id = s.id), "
      "(SELECT count(*) FROM survey_response r JOIN survey_window w ON w.id = r.window_id "
      " WHERE w.survey_id = s.id) FROM survey s LEFT JOIN account acc ON acc.id = s.created_by "
      "WHERE s.id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, survey_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No survey with id %" G_GINT64_FORMAT, survey_id);
      return NULL;
    }
  targets = targets_from_text (engine, bel_column_text (stmt, 4));
  survey = g_object_new (BEL_TYPE_SURVEY,
                         "id", (gint64) bel_column_int64 (stmt, 0),
                         "school-id", (gint64) bel_column_int64 (stmt, 1),
                         "title", bel_column_text (stmt, 2),
                         "mode", bel_column_text (stmt, 3),
                         "targets", targets,
                         "created-by", (gint64) bel_column_int64 (stmt, 5),
                         "created-by-name", bel_column_text (stmt, 6),
                         "created-at", bel_column_text (stmt, 7),
                         "updated-at", bel_column_text (stmt, 8),
                         "version", (gint64) bel_column_int64 (stmt, 9),
                         "window-count", (gint64) bel_column_int64 (stmt, 10),
                         "response-count", (gint64) bel_column_int64 (stmt, 11), NULL);
  if (!load_items (engine, survey, error))
    return NULL;
  return g_steal_pointer (&survey);
}

BelSurveySettings *
bel_survey_settings_load (BelEngine  *engine,
                          gint64      school_id,
                          GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelSurveySettings) settings = g_object_new (BEL_TYPE_SURVEY_SETTINGS,
                                                        "school-id", school_id,
                                                        "min-respondents", (gint64) DEFAULT_MIN_RESPONDENTS,
                                                        "version", (gint64) 1, NULL);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT min_respondents, leaders_see_teacher_results, version, updated_at "
      "FROM survey_settings WHERE school_id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  if (bel_store_step_row (store, stmt, &local_error))
    g_object_set (settings, "min-respondents", (gint64) bel_column_int64 (stmt, 0),
                  "leaders-see-teacher-results", bel_column_int (stmt, 1) != 0,
                  "version", (gint64) bel_column_int64 (stmt, 2),
                  "updated-at", bel_column_text (stmt, 3), NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&settings);
}

/* ---- settings ---- */

BelSurveySettings *
bel_surveys_get_settings (BelEngine   *engine,
                          BelAccount  *actor,
                          gint64       school_id,
                          GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  return bel_survey_settings_load (engine, school_id, error);
}

BelSurveySettings *
bel_surveys_update_settings (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               school_id,
                             gint64               expected_version,
                             BelSurveySettings   *changes,
                             const char * const  *fields,
                             GError             **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSurveySettings) settings = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  BelStore *store = bel_engine_get_store (engine);

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_LEADER, error))
    return NULL;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  settings = bel_survey_settings_load (engine, school_id, error);
  if (settings == NULL ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (settings), error) ||
      !bel_engine_copy_fields (settings, changes, fields, error))
    return NULL;
  stmt = bel_store_prepare (store,
      "INSERT INTO survey_settings (school_id, min_respondents, leaders_see_teacher_results, version, "
      "updated_at) VALUES (?1, ?2, ?3, 2, ?4) ON CONFLICT (school_id) DO UPDATE SET min_respondents = ?2, "
      "leaders_see_teacher_results = ?3, version = survey_settings.version + 1, updated_at = ?4", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, bel_resource_get_int (settings, "min-respondents"));
  bel_bind_int64 (stmt, 3, bel_engine_get_bool (settings, "leaders-see-teacher-results"));
  bel_bind_text (stmt, 4, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  g_clear_object (&settings);
  settings = bel_survey_settings_load (engine, school_id, error);
  if (settings == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "survey_settings.update", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&settings);
}

/* ---- surveys ---- */

GPtrArray *
bel_surveys_list (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       school_id,
                  GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  stmt = bel_store_prepare (store, "SELECT id FROM survey WHERE school_id = ? ORDER BY created_at DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelSurvey *survey = bel_survey_load (engine, bel_column_int64 (stmt, 0), error);
      if (survey == NULL)
        return NULL;
      g_ptr_array_add (out, survey);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelSurvey *
bel_surveys_get (BelEngine   *engine,
                 BelAccount  *actor,
                 gint64       survey_id,
                 GError     **error)
{
  g_autoptr(BelSurvey) survey = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  survey = bel_survey_load (engine, survey_id, error);
  if (survey == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (survey, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&survey);
}

static void
add_default_items (BelSurvey *survey)
{
  g_autoptr(GListStore) items = g_list_store_new (BEL_TYPE_SURVEY_ITEM);

  for (guint i = 0; i < G_N_ELEMENTS (default_items); i++)
    {
      g_autoptr(GHashTable) translations = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(BelSurveyItem) item = NULL;

      g_hash_table_insert (translations, (gpointer) "Spanish", (gpointer) default_items[i].spanish);
      item = g_object_new (BEL_TYPE_SURVEY_ITEM, "key", default_items[i].key, "kind", default_items[i].kind,
                           "text", default_items[i].text, "translations", translations, NULL);
      g_list_store_append (items, item);
    }
  g_object_set (survey, "items", items, NULL);
}

/* A default item sent as it is (its key and English text) keeps its
 * translations, so a survey that adds questions to the four stays readable
 * in Spanish. */
static void
translate_default_items (BelSurvey *survey)
{
  GListModel *items = bel_resource_get_object (survey, "items");

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);
      GHashTable *translations = bel_resource_get_boxed (item, "translations");

      if (translations != NULL && g_hash_table_size (translations) > 0)
        continue;
      for (guint d = 0; d < G_N_ELEMENTS (default_items); d++)
        if (g_strcmp0 (bel_resource_get_string (item, "key"), default_items[d].key) == 0 &&
            g_strcmp0 (bel_resource_get_string (item, "text"), default_items[d].text) == 0)
          {
            g_autoptr(GHashTable) spanish = g_hash_table_new (g_str_hash, g_str_equal);

            g_hash_table_insert (spanish, (gpointer) "Spanish", (gpointer) default_items[d].spanish);
            g_object_set (item, "translations", spanish, NULL);
          }
    }
}

static gboolean
validate_survey (BelEngine   *engine,
                 gint64       school_id,
                 BelSurvey   *survey,
                 GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  GListModel *items = bel_resource_get_object (survey, "items");
  GListModel *targets = bel_resource_get_object (survey, "targets");
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_likert = 0;

  if (bel_engine_is_blank (bel_resource_get_string (survey, "title")))
    bel_validation_add (v, "title", "must not be blank");
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);
      const char *key = bel_resource_get_string (item, "key");

      /* The adults item comes and goes with ask_adults; a copy sent back is ignored. */
      if (g_strcmp0 (bel_resource_get_string (item, "kind"), "adults") == 0)
        continue;
      n_likert++;
      if (bel_engine_is_blank (bel_resource_get_string (item, "text")))
        bel_validation_add (v, "items", "item %u: text must not be blank", i);
      if (key != NULL && !g_hash_table_add (keys, g_strdup (key)))
        bel_validation_add (v, "items", "item %u: key \"%s\" is used twice", i, key);
    }
  if (n_likert == 0 || n_likert > 30)
    bel_validation_add (v, "items", "must have from 1 to 30 agreement items");
  for (guint i = 0; targets != NULL && i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(BelSurveyTarget) t = g_list_model_get_item (targets, i);
      gint64 value = bel_resource_get_int (t, "value");

      if (g_strcmp0 (bel_resource_get_string (t, "kind"), "grade") == 0)
        {
          if (value < -1 || value > 13)
            bel_validation_add (v, "targets", "target %u: a grade is from -1 to 13", i);
        }
      else
        {
          g_autoptr(BelStmt) stmt = bel_store_prepare (bel_engine_get_store (engine),
              "SELECT 1 FROM advisory WHERE id = ? AND school_id = ?", error);
          if (stmt == NULL)
            return FALSE;
          bel_bind_int64 (stmt, 1, value);
          bel_bind_int64 (stmt, 2, school_id);
          if (!bel_store_step_row (bel_engine_get_store (engine), stmt, NULL))
            bel_validation_add (v, "targets", "target %u: no advisory %" G_GINT64_FORMAT " in this school",
                                i, value);
        }
    }
  return bel_validation_finish (v, error);
}

static gboolean
insert_item (BelStore       *store,
             gint64          survey_id,
             guint           position,
             const char     *key,
             const char     *kind,
             const char     *text,
             GHashTable     *translations,
             GError        **error)
{
  g_autofree char *translations_text = map_to_text (translations);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO survey_item (survey_id, position, key, kind, text, translations) VALUES (?, ?, ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, survey_id);
  bel_bind_int64 (stmt, 2, (int) position);
  bel_bind_text (stmt, 3, key);
  bel_bind_text (stmt, 4, kind);
  bel_bind_text (stmt, 5, text);
  bel_bind_text (stmt, 6, translations_text);
  return bel_engine_step_unique (store, stmt, "Two items have the same key", error);
}

/* Replaces the stored items with @survey's (and the adults item when asked). */
static gboolean
save_items (BelStore   *store,
            gint64      survey_id,
            BelSurvey  *survey,
            GError    **error)
{
  GListModel *items = bel_resource_get_object (survey, "items");
  g_autoptr(BelStmt) del = bel_store_prepare (store, "DELETE FROM survey_item WHERE survey_id = ?", error);
  guint n = items ? g_list_model_get_n_items (items) : 0;

  if (del == NULL)
    return FALSE;
  bel_bind_int64 (del, 1, survey_id);
  if (!bel_store_step_done (store, del, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);
      const char *key = bel_resource_get_string (item, "key");
      g_autofree char *fallback = g_strdup_printf ("item_%u", i + 1);

      if (g_strcmp0 (bel_resource_get_string (item, "kind"), "adults") == 0)
        continue;
      if (!insert_item (store, survey_id, i, key ? key : fallback, "likert",
                        bel_resource_get_string (item, "text"),
                        bel_resource_get_boxed (item, "translations"), error))
        return FALSE;
    }
  if (bel_engine_get_bool (survey, "ask-adults"))
    {
      g_autoptr(GHashTable) translations = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (translations, (gpointer) "Spanish", (gpointer) adults_spanish);
      if (!insert_item (store, survey_id, n, "adults", "adults", adults_text, translations, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bel_survey_record_event (BelEngine   *engine,
                         gint64       school_id,
                         const char  *type,
                         gint64       survey_id,
                         gint64       window_id,
                         const char  *status,
                         GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  if (survey_id != 0)
    {
      json_builder_set_member_name (builder, "survey_id");
      json_builder_add_int_value (builder, survey_id);
    }
  if (window_id != 0)
    {
      json_builder_set_member_name (builder, "window_id");
      json_builder_add_int_value (builder, window_id);
    }
  if (status != NULL)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status);
    }
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  return bel_events_record (engine, school_id, type, 0, data, error);
}

static gboolean
record_changed (BelEngine  *engine,
                BelSurvey  *survey,
                const char *type,
                GError    **error)
{
  return bel_survey_record_event (engine, bel_resource_get_int (survey, "school-id"), type,
                                  bel_resource_get_id (survey), 0, NULL, error);
}

BelSurvey *
bel_surveys_create (BelEngine   *engine,
                    BelAccount  *actor,
                    gint64       school_id,
                    BelSurvey   *survey,
                    GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelSurvey) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *targets = NULL;
  GListModel *items;
  gint64 survey_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_SURVEY (survey), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_LEADER, error))
    return NULL;
  items = bel_resource_get_object (survey, "items");
  if (items == NULL || g_list_model_get_n_items (items) == 0)
    add_default_items (survey);
  translate_default_items (survey);
  if (bel_resource_get_string (survey, "mode") == NULL)
    g_object_set (survey, "mode", "confidential", NULL);
  if (!validate_survey (engine, school_id, survey, error))
    return NULL;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  targets = targets_to_text (survey);
  stmt = bel_store_prepare (store,
      "INSERT INTO survey (school_id, title, mode, targets, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, bel_resource_get_string (survey, "title"));
  bel_bind_text (stmt, 3, bel_resource_get_string (survey, "mode"));
  bel_bind_text (stmt, 4, targets);
  bel_bind_id (stmt, 5, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 6, now);
  bel_bind_text (stmt, 7, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  survey_id = bel_store_last_insert_id (store);
  if (!save_items (store, survey_id, survey, error))
    return NULL;
  created = bel_survey_load (engine, survey_id, error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "survey.create", 0, bel_resource_get_string (created, "title"));
  if (!record_changed (engine, created, "survey.created", error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static gboolean
save_survey (BelStore   *store,
             BelSurvey  *survey,
             GError    **error)
{
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *targets = targets_to_text (survey);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE survey SET title = ?, mode = ?, targets = ?, version = version + 1, updated_at = ? WHERE id = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, bel_resource_get_string (survey, "title"));
  bel_bind_text (stmt, 2, bel_resource_get_string (survey, "mode"));
  bel_bind_text (stmt, 3, targets);
  bel_bind_text (stmt, 4, now);
  bel_bind_int64 (stmt, 5, bel_resource_get_id (survey));
  return bel_store_step_done (store, stmt, error);
}

BelSurvey *
bel_surveys_update (BelEngine           *engine,
                    BelAccount          *actor,
                    gint64               survey_id,
                    gint64               expected_version,
                    BelSurvey           *changes,
                    const char * const  *fields,
                    GError             **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  gboolean shape = bel_engine_fields_contain (fields, "items") || bel_engine_fields_contain (fields, "targets") ||
                   bel_engine_fields_contain (fields, "mode") || bel_engine_fields_contain (fields, "ask-adults");

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  survey = bel_survey_load (engine, survey_id, error);
  if (survey == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (survey, "school-id"),
                                       BEL_ROLE_LEADER, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (survey), error))
    return NULL;
  if (shape && bel_resource_get_int (survey, "response-count") > 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                           "Students have answered this survey: its items, target and mode stay as they were "
                           "(make a new survey instead)");
      return NULL;
    }
  if (bel_engine_fields_contain (fields, "items"))
    {
      GListModel *items = bel_resource_get_object (changes, "items");
      if (items == NULL || g_list_model_get_n_items (items) == 0)
        add_default_items (changes);
      translate_default_items (changes);
    }
  if (!bel_engine_copy_fields (survey, changes, fields, error) ||
      !validate_survey (engine, bel_resource_get_int (survey, "school-id"), survey, error) ||
      !save_survey (store, survey, error) ||
      (shape && !save_items (store, survey_id, survey, error)))
    return NULL;
  g_clear_object (&survey);
  survey = bel_survey_load (engine, survey_id, error);
  if (survey == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "survey.update", 0, bel_resource_get_string (survey, "title"));
  if (!record_changed (engine, survey, "survey.updated", error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&survey);
}
