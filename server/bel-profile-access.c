/* bel-profile-access.c - who reads which profile sections, rows, and their audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profiles-private.h"

#include "bel-error.h"
#include "bel-students.h"

void
bel_json_set_string_or_null (JsonObject *obj,
                             const char *member,
                             const char *value)
{
  if (value != NULL)
    json_object_set_string_member (obj, member, value);
  else
    json_object_set_null_member (obj, member);
}

static char *
iso_from_unix (gint64 seconds)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (seconds);

  return t ? g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

BelProfileEntry *
bel_profile_entry_from_row (BelStmt *stmt)
{
  gboolean superseded = !bel_column_is_null (stmt, 12);
  g_autofree char *editable_until = superseded ? NULL
                                               : iso_from_unix (bel_column_int64 (stmt, 25) +
                                                                BEL_PROFILE_EDIT_WINDOW);
  gdouble rate = bel_column_is_null (stmt, 16) ? BEL_PROFILE_NO_RATE
                                                               : bel_column_double (stmt, 16);

  return g_object_new (BEL_TYPE_PROFILE_ENTRY,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "section", bel_column_text (stmt, 3),
                       "sensitive", bel_column_int (stmt, 4) != 0,
                       "body", bel_column_text (stmt, 5),
                       "school-year", bel_column_text (stmt, 6),
                       "grade", (gint64) bel_column_int64 (stmt, 7),
                       "observed-on", bel_column_text (stmt, 8),
                       "author-id", (gint64) bel_column_int64 (stmt, 9),
                       "author-name", bel_column_text (stmt, 10),
                       "supersedes-id", (gint64) bel_column_int64 (stmt, 11),
                       "superseded-by", (gint64) bel_column_int64 (stmt, 12),
                       "grades", bel_column_text (stmt, 13),
                       "assessments", bel_column_text (stmt, 14),
                       "attendance-summary", bel_column_text (stmt, 15),
                       "attendance-rate", rate,
                       "home-language", bel_column_text (stmt, 17),
                       "english-proficiency", bel_column_text (stmt, 18),
                       "biliteracy", bel_column_text (stmt, 19),
                       "linguistic-assets", bel_column_text (stmt, 20),
                       "plan-type", bel_column_text (stmt, 21),
                       "starts-on", bel_column_text (stmt, 22),
                       "ends-on", bel_column_text (stmt, 23),
                       "summary", bel_column_text (stmt, 24),
                       "editable-until", editable_until,
                       "created-at", bel_column_text (stmt, 26),
                       "updated-at", bel_column_text (stmt, 27),
                       "version", (gint64) bel_column_int64 (stmt, 28),
                       NULL);
}

static gboolean
exists (BelStore    *store,
        const char  *sql,
        gint64       a,
        gint64       b,
        gboolean    *found,
        GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, a);
  bel_bind_int64 (stmt, 2, b);
  *found = bel_store_step_row (store, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The advisor of the student's advisory, or a current advocate of the student. */
static gboolean
knows_student (BelEngine   *engine,
               gint64       account_id,
               BelStudent  *student,
               gboolean    *knows,
               GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  gint64 advisory_id = bel_resource_get_int (student, "advisory-id");

  *knows = FALSE;
  if (advisory_id != 0 &&
      !exists (store, "SELECT 1 FROM advisory WHERE id = ? AND advisor_id = ?",
               advisory_id, account_id, knows, error))
    return FALSE;
  if (*knows)
    return TRUE;
  return exists (store, "SELECT 1 FROM advocate WHERE student_id = ? AND account_id = ? "
                 "AND status <> 'ended'", bel_resource_get_id (student), account_id, knows, error);
}

BelStudent *
bel_profiles_student_access (BelEngine        *engine,
                             BelAccount       *actor,
                             gint64            student_id,
                             BelProfileAccess *access,
                             GError          **error)
{
  g_autoptr(BelStudent) student = NULL;
  const char *role;

  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  /* bel_students_get checks the actor is staff of the student's school or an admin. */
  student = bel_students_get (engine, actor, student_id, error);
  if (student == NULL)
    return NULL;
  access->school_id = bel_resource_get_int (student, "school-id");
  role = bel_account_role_in (actor, access->school_id);
  access->member = role != NULL;
  access->sensitive = g_strcmp0 (role, "counselor") == 0 || g_strcmp0 (role, "leader") == 0;
  if (!access->sensitive && access->member &&
      !knows_student (engine, bel_resource_get_id (actor), student, &access->sensitive, error))
    return NULL;
  return g_steal_pointer (&student);
}

gboolean
bel_profiles_may_read (const BelProfileAccess  *access,
                       const BelProfileSection *section)
{
  return !section->sensitive || access->sensitive;
}

gboolean
bel_profiles_audit_read (BelEngine   *engine,
                         BelAccount  *actor,
                         gint64       student_id,
                         const char  *section,
                         const char  *via,
                         GError     **error)
{
  g_autofree char *detail = g_strdup_printf ("section=%s; via=%s", section, via);

  if (bel_engine_audit (engine, actor, "profile.read", student_id, detail))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE,
                       "The read could not be recorded in the audit log; try again");
  return FALSE;
}

GPtrArray *
bel_profiles_load_entries (BelEngine   *engine,
                           gint64       student_id,
                           const char  *section,
                           gboolean     current_only,
                           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = bel_store_prepare (store, BEL_PROFILE_ENTRY_SELECT
                            "WHERE e.student_id = ?1 AND (?2 IS NULL OR e.section = ?2) "
                            "AND (?3 = 0 OR e.superseded_by IS NULL) "
                            "ORDER BY e.created_unix, e.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student_id);
  bel_bind_text (stmt, 2, section);
  bel_bind_int64 (stmt, 3, current_only);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, bel_profile_entry_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static void
section_view_free (gpointer data)
{
  BelProfileSectionView *view = data;

  g_ptr_array_unref (view->entries);
  g_free (view);
}

void
bel_profile_free (BelProfile *profile)
{
  if (profile == NULL)
    return;
  g_clear_object (&profile->student);
  g_clear_pointer (&profile->sections, g_ptr_array_unref);
  g_free (profile);
}

BelProfile *
bel_profiles_collect (BelEngine              *engine,
                      BelAccount             *actor,
                      BelStudent             *student,
                      const BelProfileAccess *access,
                      const char             *only_section,
                      gboolean                current_only,
                      const char             *via,
                      GError                **error)
{
  g_autoptr(BelProfile) profile = g_new0 (BelProfile, 1);
  g_autoptr(GPtrArray) entries = NULL;
  gint64 student_id = bel_resource_get_id (student);

  profile->student = g_object_ref (student);
  profile->sections = g_ptr_array_new_with_free_func (section_view_free);
  entries = bel_profiles_load_entries (engine, student_id, only_section, current_only, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < bel_profile_n_sections; i++)
    {
      const BelProfileSection *section = &bel_profile_sections[i];
      BelProfileSectionView *view;

      if (only_section != NULL && !g_str_equal (only_section, section->name))
        continue;
      view = g_new0 (BelProfileSectionView, 1);
      view->section = section;
      view->readable = bel_profiles_may_read (access, section);
      view->entries = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (profile->sections, view);
      if (!view->readable)
        continue;
      for (guint j = 0; j < entries->len; j++)
        if (g_str_equal (bel_resource_get_string (entries->pdata[j], "section"), section->name))
          g_ptr_array_add (view->entries, g_object_ref (entries->pdata[j]));
      if (section->sensitive &&
          !bel_profiles_audit_read (engine, actor, student_id, section->name, via, error))
        return NULL;
    }
  return g_steal_pointer (&profile);
}

static JsonArray *
entries_json (GPtrArray *entries)
{
  JsonArray *array = json_array_sized_new (entries->len);

  for (guint i = 0; i < entries->len; i++)
    json_array_add_element (array, bel_model_to_json (entries->pdata[i]));
  return array;
}

JsonNode *
bel_profile_to_json (BelProfile *profile)
{
  JsonObject *obj = json_object_new ();
  JsonArray *sections = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "student_id", bel_resource_get_id (profile->student));
  for (guint i = 0; i < profile->sections->len; i++)
    {
      BelProfileSectionView *view = profile->sections->pdata[i];
      JsonObject *s = json_object_new ();

      json_object_set_string_member (s, "section", view->section->name);
      json_object_set_string_member (s, "title", view->section->title);
      json_object_set_boolean_member (s, "sensitive", view->section->sensitive);
      json_object_set_boolean_member (s, "readable", view->readable);
      json_object_set_array_member (s, "entries", entries_json (view->entries));
      json_array_add_object_element (sections, s);
    }
  json_object_set_array_member (obj, "sections", sections);
  json_node_take_object (node, obj);
  return node;
}
