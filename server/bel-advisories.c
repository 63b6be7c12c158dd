/* bel-advisories.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-advisories.h"

#include "bel-error.h"
#include "bel-students-private.h"

#define ADVISORY_SELECT \
  "SELECT a.id, a.school_id, a.name, a.room, a.advisor_id, acc.display_name, a.since_year, " \
  "(SELECT COUNT(*) FROM student st WHERE st.advisory_id = a.id AND st.active = 1), a.version " \
  "FROM advisory a LEFT JOIN account acc ON acc.id = a.advisor_id "

static gpointer
advisory_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_ADVISORY,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "name", bel_column_text (stmt, 2),
                       "room", bel_column_text (stmt, 3),
                       "advisor-id", (gint64) bel_column_int64 (stmt, 4),
                       "advisor-name", bel_column_text (stmt, 5),
                       "since-year", bel_column_text (stmt, 6),
                       "member-count", (gint64) bel_column_int64 (stmt, 7),
                       "version", (gint64) bel_column_int64 (stmt, 8),
                       NULL);
}

static BelAdvisory *
load_advisory (BelEngine  *engine,
               gint64      advisory_id,
               GError    **error)
{
  return bel_engine_load_row (engine, ADVISORY_SELECT "WHERE a.id = ?",
                              advisory_id, advisory_from_row, "advisory", error);
}

static gboolean
load_members (BelEngine    *engine,
              BelAdvisory  *advisory,
              GError      **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GListStore) members = g_list_store_new (BEL_TYPE_STUDENT);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      BEL_STUDENT_SELECT "WHERE st.advisory_id = ? AND st.active = 1 "
      "ORDER BY st.family_key, st.given_key, st.id", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (advisory));
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(BelStudent) student = bel_student_from_row (stmt);
      g_list_store_append (members, student);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_object_set (advisory, "members", members, NULL);
  return TRUE;
}

static gboolean
validate_advisory (BelEngine    *engine,
                   gint64        school_id,
                   BelAdvisory  *advisory,
                   GError      **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  gint64 advisor_id = bel_resource_get_int (advisory, "advisor-id");
  const char *since = bel_resource_get_string (advisory, "since-year");

  if (bel_engine_is_blank (bel_resource_get_string (advisory, "name")))
    bel_validation_add (v, "name", "must not be empty");
  if (since != NULL && !g_regex_match_simple ("^[0-9]{4}-[0-9]{4}$", since, 0, 0))
    bel_validation_add (v, "since_year", "must look like 2026-2027");
  if (advisor_id != 0)
    {
      BelStore *store = bel_engine_get_store (engine);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "SELECT 1 FROM membership WHERE account_id = ? AND school_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, advisor_id);
      bel_bind_int64 (stmt, 2, school_id);
      if (!bel_store_step_row (store, stmt, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          bel_validation_add (v, "advisor_id", "is not a staff member of this school");
        }
    }
  return bel_validation_finish (v, error);
}

GPtrArray *
bel_advisories_list (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       school_id,
                     GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, ADVISORY_SELECT "WHERE a.school_id = ? "
                            "ORDER BY lower(a.name), a.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, advisory_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelAdvisory *
bel_advisories_get (BelEngine   *engine,
                    BelAccount  *actor,
                    gint64       advisory_id,
                    GError     **error)
{
  g_autoptr(BelAdvisory) advisory = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  advisory = load_advisory (engine, advisory_id, error);
  if (advisory == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (advisory, "school-id"),
                                       BEL_ROLE_ANY, error) ||
      !load_members (engine, advisory, error))
    return NULL;
  return g_steal_pointer (&advisory);
}

BelAdvisory *
bel_advisories_create (BelEngine    *engine,
                       BelAccount   *actor,
                       gint64        school_id,
                       BelAdvisory  *advisory,
                       GError      **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelAdvisory) created = NULL;
  g_autofree char *now = bel_store_now_iso ();

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ADVISORY (advisory), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id,
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error) ||
      !validate_advisory (engine, school_id, advisory, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO advisory (school_id, name, room, advisor_id, since_year, "
                            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?6, ?6)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, bel_resource_get_string (advisory, "name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (advisory, "room"));
  bel_bind_id (stmt, 4, bel_resource_get_int (advisory, "advisor-id"));
  bel_bind_text (stmt, 5, bel_resource_get_string (advisory, "since-year"));
  bel_bind_text (stmt, 6, now);
  if (!bel_engine_step_unique (store, stmt, "An advisory with this name exists in this school", error))
    return NULL;
  created = load_advisory (engine, bel_store_last_insert_id (store), error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "advisory.create", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

BelAdvisory *
bel_advisories_update (BelEngine          *engine,
                       BelAccount         *actor,
                       gint64              advisory_id,
                       gint64              expected_version,
                       BelAdvisory        *changes,
                       const char * const *fields,
                       GError            **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelAdvisory) advisory = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  gint64 school_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ADVISORY (changes), NULL);

  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  advisory = load_advisory (engine, advisory_id, error);
  if (advisory == NULL)
    return NULL;
  school_id = bel_resource_get_int (advisory, "school-id");
  if (!bel_engine_require_school_role (engine, actor, school_id,
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (advisory), error) ||
      !bel_engine_copy_fields (advisory, changes, fields, error) ||
      !validate_advisory (engine, school_id, advisory, error))
    return NULL;
  stmt = bel_store_prepare (store,
                            "UPDATE advisory SET name = ?, room = ?, advisor_id = ?, since_year = ?, "
                            "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (advisory, "name"));
  bel_bind_text (stmt, 2, bel_resource_get_string (advisory, "room"));
  bel_bind_id (stmt, 3, bel_resource_get_int (advisory, "advisor-id"));
  bel_bind_text (stmt, 4, bel_resource_get_string (advisory, "since-year"));
  bel_bind_text (stmt, 5, now);
  bel_bind_int64 (stmt, 6, advisory_id);
  bel_bind_int64 (stmt, 7, bel_resource_get_version (advisory));
  if (!bel_engine_step_unique (store, stmt, "An advisory with this name exists in this school", error))
    return NULL;
  g_clear_object (&advisory);
  advisory = load_advisory (engine, advisory_id, error);
  if (advisory == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "advisory.update", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&advisory);
}
