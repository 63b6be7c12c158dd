/* bel-students.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-students-private.h"

#include <json-glib/json-glib.h>

#include "bel-error.h"
#include "bel-events.h"
#include "bel-text.h"

static GHashTable *
attributes_from_json (const char *text)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;
  JsonObject *obj;
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return table;
  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (obj, l->data);
      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        g_hash_table_insert (table, g_strdup (l->data), g_strdup (json_node_get_string (member)));
    }
  return table;
}

static char *
attributes_to_json (GHashTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;

  json_builder_begin_object (builder);
  if (table != NULL)
    {
      keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (table, l->data));
        }
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

BelStudent *
bel_student_from_row (BelStmt *stmt)
{
  g_autoptr(GHashTable) attributes = attributes_from_json (bel_column_text (stmt, 16));

  return g_object_new (BEL_TYPE_STUDENT,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "sis-id", bel_column_text (stmt, 2),
                       "given-name", bel_column_text (stmt, 3),
                       "family-name", bel_column_text (stmt, 4),
                       "preferred-name", bel_column_text (stmt, 5),
                       "pronouns", bel_column_text (stmt, 6),
                       "grade", (gint64) bel_column_int64 (stmt, 7),
                       "advisory-id", (gint64) bel_column_int64 (stmt, 8),
                       "advisory-name", bel_column_text (stmt, 9),
                       "home-language", bel_column_text (stmt, 10),
                       "el-status", bel_column_text (stmt, 11),
                       "iep", bel_column_int (stmt, 12) != 0,
                       "section-504", bel_column_int (stmt, 13) != 0,
                       "language-plan", bel_column_int (stmt, 14) != 0,
                       "behavior-plan", bel_column_int (stmt, 15) != 0,
                       "attributes", attributes,
                       "active", bel_column_int (stmt, 17) != 0,
                       "version", (gint64) bel_column_int64 (stmt, 18),
                       "updated-at", bel_column_text (stmt, 19),
                       NULL);
}

static BelStudent *
load_student (BelEngine  *engine,
              gint64      student_id,
              GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, BEL_STUDENT_SELECT "WHERE st.id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student_id);
  if (bel_store_step_row (store, stmt, error))
    return bel_student_from_row (stmt);
  if (error == NULL || *error == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No student with id %" G_GINT64_FORMAT,
                 student_id);
  return NULL;
}

/* Every name word and the SIS id, folded, each preceded by a space so that
 * "LIKE '% word%'" matches the start of any word. */
static char *
search_text (BelStudent *student)
{
  const char *fields[] = { "given-name", "family-name", "preferred-name", "sis-id" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GStrv) words = bel_text_words (bel_resource_get_string (student, fields[i]));
      for (guint j = 0; words[j] != NULL; j++)
        g_string_append_printf (out, " %s", words[j]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
validate_student (BelEngine   *engine,
                  gint64       school_id,
                  BelStudent  *student,
                  GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  gint64 advisory_id = bel_resource_get_int (student, "advisory-id");
  const char *blank_checked[] = { "sis-id", "given-name", "family-name" };

  for (guint i = 0; i < G_N_ELEMENTS (blank_checked); i++)
    if (bel_engine_is_blank (bel_resource_get_string (student, blank_checked[i])))
      {
        g_autofree char *field = g_strdelimit (g_strdup (blank_checked[i]), "-", '_');
        bel_validation_add (v, field, "must not be empty");
      }
  if (advisory_id != 0)
    {
      BelStore *store = bel_engine_get_store (engine);
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "SELECT 1 FROM advisory WHERE id = ? AND school_id = ?", error);
      g_autoptr(GError) local_error = NULL;

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, advisory_id);
      bel_bind_int64 (stmt, 2, school_id);
      if (!bel_store_step_row (store, stmt, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          bel_validation_add (v, "advisory_id", "is not an advisory of this school");
        }
    }
  return bel_validation_finish (v, error);
}

/* Closes the student's open advisory membership and opens the new one. */
static gboolean
record_advisory_change (BelEngine  *engine,
                        gint64      school_id,
                        gint64      student_id,
                        gint64      advisory_id,
                        GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(BelStmt) close_stmt = NULL;
  g_autoptr(BelStmt) open_stmt = NULL;

  close_stmt = bel_store_prepare (store,
                                  "UPDATE advisory_member SET to_date = ? "
                                  "WHERE student_id = ? AND to_date IS NULL", error);
  if (close_stmt == NULL)
    return FALSE;
  bel_bind_text (close_stmt, 1, today);
  bel_bind_int64 (close_stmt, 2, student_id);
  if (!bel_store_step_done (store, close_stmt, error))
    return FALSE;
  if (advisory_id == 0)
    return TRUE;
  open_stmt = bel_store_prepare (store,
                                 "INSERT INTO advisory_member (student_id, advisory_id, school_year, from_date) "
                                 "VALUES (?, ?, (SELECT school_year FROM school WHERE id = ?), ?)", error);
  if (open_stmt == NULL)
    return FALSE;
  bel_bind_int64 (open_stmt, 1, student_id);
  bel_bind_int64 (open_stmt, 2, advisory_id);
  bel_bind_int64 (open_stmt, 3, school_id);
  bel_bind_text (open_stmt, 4, today);
  return bel_store_step_done (store, open_stmt, error);
}

/* Binds the writable columns as ?1..?19 (see the INSERT and UPDATE below). */
static void
bind_student (BelStmt *stmt,
              BelStudent   *student)
{
  g_autofree char *attributes = attributes_to_json (bel_resource_get_boxed (student, "attributes"));
  g_autofree char *search = search_text (student);
  g_autofree char *family_key = bel_text_fold (bel_resource_get_string (student, "family-name"));
  g_autofree char *given_key = bel_text_fold (bel_resource_get_string (student, "given-name"));
  g_autofree char *now = bel_store_now_iso ();

  bel_bind_text (stmt, 1, bel_resource_get_string (student, "sis-id"));
  bel_bind_text (stmt, 2, bel_resource_get_string (student, "given-name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (student, "family-name"));
  bel_bind_text (stmt, 4, bel_resource_get_string (student, "preferred-name"));
  bel_bind_text (stmt, 5, bel_resource_get_string (student, "pronouns"));
  bel_bind_int64 (stmt, 6, bel_resource_get_int (student, "grade"));
  bel_bind_id (stmt, 7, bel_resource_get_int (student, "advisory-id"));
  bel_bind_text (stmt, 8, bel_resource_get_string (student, "home-language"));
  bel_bind_text (stmt, 9, bel_resource_get_string (student, "el-status") ?: "none");
  bel_bind_int64 (stmt, 10, bel_engine_get_bool (student, "iep"));
  bel_bind_int64 (stmt, 11, bel_engine_get_bool (student, "section-504"));
  bel_bind_int64 (stmt, 12, bel_engine_get_bool (student, "language-plan"));
  bel_bind_int64 (stmt, 13, bel_engine_get_bool (student, "behavior-plan"));
  bel_bind_text (stmt, 14, attributes);
  bel_bind_int64 (stmt, 15, bel_engine_get_bool (student, "active"));
  bel_bind_text (stmt, 16, search);
  bel_bind_text (stmt, 17, family_key);
  bel_bind_text (stmt, 18, given_key);
  bel_bind_text (stmt, 19, now);
}

BelStudent *
bel_students_get (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       student_id,
                  GError     **error)
{
  g_autoptr(BelStudent) student = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  student = load_student (engine, student_id, error);
  if (student == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (student, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&student);
}

BelStudent *
bel_students_create (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       school_id,
                     BelStudent  *student,
                     GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelStudent) created = NULL;
  gint64 id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_STUDENT (student), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_LEADER, error) ||
      !validate_student (engine, school_id, student, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO student (sis_id, given_name, family_name, preferred_name, pronouns, "
                            "grade, advisory_id, home_language, el_status, iep, section_504, language_plan, "
                            "behavior_plan, attributes, active, search_text, family_key, given_key, "
                            "created_at, updated_at, school_id) VALUES "
                            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                            "?18, ?19, ?19, ?20)", error);
  if (stmt == NULL)
    return NULL;
  bind_student (stmt, student);
  bel_bind_int64 (stmt, 20, school_id);
  if (!bel_engine_step_unique (store, stmt, "A student with this SIS id exists in this school", error))
    return NULL;
  id = bel_store_last_insert_id (store);
  if (!record_advisory_change (engine, school_id, id, bel_resource_get_int (student, "advisory-id"), error))
    return NULL;
  created = load_student (engine, id, error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "student.create", id, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static char *
describe_fields (const char * const *fields)
{
  g_autofree char *joined = g_strjoinv (",", (char **) fields);

  return g_strdup_printf ("fields: %s", joined);
}

/* Live event: only the id and version; members who show the student fetch it. */
static gboolean
record_updated_event (BelEngine   *engine,
                      gint64       school_id,
                      BelStudent  *student,
                      GError     **error)
{
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (data, "id", bel_resource_get_id (student));
  json_object_set_int_member (data, "version", bel_resource_get_version (student));
  json_node_set_object (node, data);
  return bel_events_record (engine, school_id, "student.updated", 0, node, error);
}

BelStudent *
bel_students_update (BelEngine          *engine,
                     BelAccount         *actor,
                     gint64              student_id,
                     gint64              expected_version,
                     BelStudent         *changes,
                     const char * const *fields,
                     GError            **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *detail = NULL;
  gint64 school_id, old_advisory;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_STUDENT (changes), NULL);

  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  student = load_student (engine, student_id, error);
  if (student == NULL)
    return NULL;
  school_id = bel_resource_get_int (student, "school-id");
  old_advisory = bel_resource_get_int (student, "advisory-id");
  if (!bel_engine_require_school_role (engine, actor, school_id,
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (student), error) ||
      !bel_engine_copy_fields (student, changes, fields, error) ||
      !validate_student (engine, school_id, student, error))
    return NULL;
  stmt = bel_store_prepare (store,
                            "UPDATE student SET sis_id = ?1, given_name = ?2, family_name = ?3, "
                            "preferred_name = ?4, pronouns = ?5, grade = ?6, advisory_id = ?7, "
                            "home_language = ?8, el_status = ?9, iep = ?10, section_504 = ?11, "
                            "language_plan = ?12, behavior_plan = ?13, attributes = ?14, active = ?15, "
                            "search_text = ?16, family_key = ?17, given_key = ?18, updated_at = ?19, "
                            "version = version + 1 WHERE id = ?20 AND version = ?21", error);
  if (stmt == NULL)
    return NULL;
  bind_student (stmt, student);
  bel_bind_int64 (stmt, 20, student_id);
  bel_bind_int64 (stmt, 21, bel_resource_get_version (student));
  if (!bel_engine_step_unique (store, stmt, "A student with this SIS id exists in this school", error))
    return NULL;
  if (bel_store_changes (store) != 1)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_PRECONDITION_FAILED, "It was changed meanwhile");
      return NULL;
    }
  if (bel_resource_get_int (student, "advisory-id") != old_advisory &&
      !record_advisory_change (engine, school_id, student_id,
                               bel_resource_get_int (student, "advisory-id"), error))
    return NULL;
  g_clear_object (&student);
  student = load_student (engine, student_id, error);
  if (student == NULL)
    return NULL;
  detail = describe_fields (fields);
  bel_engine_audit (engine, actor, "student.update", student_id, detail);
  if (!record_updated_event (engine, school_id, student, error) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&student);
}
