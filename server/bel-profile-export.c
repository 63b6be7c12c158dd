/* bel-profile-export.c - a student's record for a family's records request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profiles-private.h"

#include "bel-error.h"

BelProfile *
bel_profiles_export (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       student_id,
                     const char  *format,
                     GError     **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelProfile) profile = NULL;
  g_autofree char *detail = NULL;
  BelProfileAccess access;
  guint readable = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, student_id, &access, error);
  if (student == NULL)
    return NULL;
  profile = bel_profiles_collect (engine, actor, student, &access, NULL, FALSE, "export", error);
  if (profile == NULL)
    return NULL;
  for (guint i = 0; i < profile->sections->len; i++)
    readable += ((BelProfileSectionView *) profile->sections->pdata[i])->readable;
  detail = g_strdup_printf ("format=%s; sections=%u", format, readable);
  if (!bel_engine_audit (engine, actor, "profile.export", student_id, detail))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE,
                           "The export could not be recorded in the audit log; try again");
      return NULL;
    }
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&profile);
}

JsonNode *
bel_profile_export_to_json (BelProfile *profile,
                            BelAccount *actor)
{
  JsonObject *obj = json_object_new ();
  JsonObject *by = json_object_new ();
  JsonArray *sections = json_array_new ();
  JsonArray *hidden = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *now = bel_store_now_iso ();

  for (guint i = 0; i < profile->sections->len; i++)
    {
      BelProfileSectionView *view = profile->sections->pdata[i];
      JsonObject *s;
      JsonArray *entries;

      if (!view->readable)
        {
          json_array_add_string_element (hidden, view->section->name);
          continue;
        }
      s = json_object_new ();
      entries = json_array_new ();
      for (guint j = 0; j < view->entries->len; j++)
        json_array_add_element (entries, bel_model_to_json (view->entries->pdata[j]));
      json_object_set_string_member (s, "section", view->section->name);
      json_object_set_string_member (s, "title", view->section->title);
      json_object_set_boolean_member (s, "sensitive", view->section->sensitive);
      json_object_set_array_member (s, "entries", entries);
      json_array_add_object_element (sections, s);
    }
  json_object_set_int_member (by, "account_id", bel_engine_actor_id (actor));
  bel_json_set_string_or_null (by, "display_name", bel_resource_get_string (actor, "display-name"));
  json_object_set_string_member (obj, "exported_at", now);
  json_object_set_object_member (obj, "exported_by", by);
  json_object_set_member (obj, "student", bel_model_to_json (profile->student));
  json_object_set_array_member (obj, "sections", sections);
  json_object_set_array_member (obj, "hidden_sections", hidden);
  json_node_take_object (node, obj);
  return node;
}
