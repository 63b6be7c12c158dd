/* bel-care.c - helpers shared by the check-in and support engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-care-private.h"

#include "bel-events.h"

gboolean
bel_care_student (BelEngine       *engine,
                  BelAccount      *actor,
                  gint64           student_id,
                  BelRoleMask      roles,
                  BelCareStudent  *out,
                  GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT st.school_id, adv.advisor_id, st.grade, st.active FROM student st "
      "LEFT JOIN advisory adv ON adv.id = st.advisory_id WHERE st.id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, student_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No student with id %" G_GINT64_FORMAT,
                     student_id);
      return FALSE;
    }
  out->id = student_id;
  out->school_id = bel_column_int64 (stmt, 0);
  out->advisor_id = bel_column_int64 (stmt, 1);
  out->grade = bel_column_int64 (stmt, 2);
  out->active = bel_column_int (stmt, 3) != 0;
  return bel_engine_require_school_role (engine, actor, out->school_id, roles, error);
}

gboolean
bel_care_require_staff (BelAccount  *actor,
                        gint64       school_id,
                        const char  *what,
                        GError     **error)
{
  if (bel_account_role_in (actor, school_id) != NULL)
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_FORBIDDEN, "%s are written by staff of the student's school", what);
  return FALSE;
}

gboolean
bel_care_is_privileged (BelAccount *actor,
                        gint64      school_id)
{
  const char *role;

  if (bel_account_is_admin (actor))
    return TRUE;
  role = bel_account_role_in (actor, school_id);
  return g_strcmp0 (role, "counselor") == 0 || g_strcmp0 (role, "leader") == 0;
}

gboolean
bel_care_sees_details (BelAccount *actor,
                       gint64      school_id,
                       gint64      advisor_id,
                       gint64      author_id)
{
  gint64 me = bel_engine_actor_id (actor);

  return bel_care_is_privileged (actor, school_id) ||
         (me != 0 && (me == advisor_id || me == author_id));
}

gboolean
bel_care_check_staff (BelEngine      *engine,
                      gint64          school_id,
                      gint64          account_id,
                      const char     *field,
                      BelValidation  *v,
                      GError        **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT 1 FROM membership m JOIN account a ON a.id = m.account_id "
      "WHERE m.account_id = ? AND m.school_id = ? AND a.active = 1", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, account_id);
  bel_bind_int64 (stmt, 2, school_id);
  if (bel_store_step_row (store, stmt, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  bel_validation_add (v, field, "is not a staff member of this school");
  return TRUE;
}

char *
bel_care_student_name (const char *given,
                       const char *preferred,
                       const char *family)
{
  return g_strdup_printf ("%s %s", preferred && *preferred ? preferred : (given ?: ""), family ?: "");
}

gboolean
bel_care_is_date (const char *text)
{
  return bel_date_parse (text) != 0;
}

gboolean
bel_care_query_date (const char  *name,
                     const char  *text,
                     GError     **error)
{
  if (text == NULL || bel_care_is_date (text))
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "%s: must be a date, YYYY-MM-DD", name);
  return FALSE;
}

GPtrArray *
bel_care_collect (BelStore        *store,
                  BelStmt    *stmt,
                  BelCareRowFunc   from_row,
                  GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
bel_care_list_items (gpointer    resource,
                     const char *field)
{
  GListModel *list = bel_resource_get_object (resource, field);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = list ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_list_model_get_item (list, i));
  return out;
}

gboolean
bel_care_record (BelEngine   *engine,
                 gint64       school_id,
                 const char  *type,
                 guint        roles,
                 gint64       account_id,
                 GError     **error,
                 ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;
  const char *name;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, error);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_int_value (builder, va_arg (args, gint64));
    }
  va_end (args);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  if (roles == BEL_EVENT_EVERYONE)
    return bel_events_record (engine, school_id, type, 0, data, error);
  return bel_events_record_restricted (engine, school_id, type, 0, data, roles, account_id, error);
}

GHashTable *
bel_care_map_from_text (const char *text)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *obj;

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

char *
bel_care_map_to_text (GHashTable *map)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;

  json_builder_begin_object (builder);
  if (map != NULL)
    {
      keys = g_list_sort (g_hash_table_get_keys (map), (GCompareFunc) g_strcmp0);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (map, l->data));
        }
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
bel_care_check_past_date (const char    *field,
                          const char    *text,
                          BelValidation *v)
{
  guint32 day = bel_date_parse (text);

  if (day == 0)
    bel_validation_add (v, field, "must be a date, YYYY-MM-DD");
  else if (day > bel_date_today () + 1)
    bel_validation_add (v, field, "must not be in the future");
  return day != 0;
}
