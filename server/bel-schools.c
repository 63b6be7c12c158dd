/* bel-schools.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-schools.h"

#include "bel-accounts-private.h"
#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-membership.h"

#define SCHOOL_COLUMNS \
  "s.id, s.name, s.short_name, s.school_year, s.version, " \
  "(SELECT COUNT(*) FROM student st WHERE st.school_id = s.id AND st.active = 1) "

static gpointer
school_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_SCHOOL,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "name", bel_column_text (stmt, 1),
                       "short-name", bel_column_text (stmt, 2),
                       "school-year", bel_column_text (stmt, 3),
                       "version", (gint64) bel_column_int64 (stmt, 4),
                       "student-count", (gint64) bel_column_int64 (stmt, 5),
                       NULL);
}

static BelSchool *
load_school (BelEngine  *engine,
             gint64      school_id,
             GError    **error)
{
  return bel_engine_load_row (engine, "SELECT " SCHOOL_COLUMNS "FROM school s WHERE s.id = ?",
                              school_id, school_from_row, "school", error);
}

static gboolean
validate_school (BelSchool  *school,
                 GError    **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  const char *name = bel_resource_get_string (school, "name");
  const char *year = bel_resource_get_string (school, "school-year");

  if (bel_engine_is_blank (name))
    bel_validation_add (v, "name", "must not be empty");
  if (year != NULL && !g_regex_match_simple ("^[0-9]{4}-[0-9]{4}$", year, 0, 0))
    bel_validation_add (v, "school_year", "must look like 2026-2027");
  else if (year != NULL && g_ascii_strtoll (year + 5, NULL, 10) != g_ascii_strtoll (year, NULL, 10) + 1)
    bel_validation_add (v, "school_year", "must be two consecutive years, like 2026-2027");
  return bel_validation_finish (v, error);
}

GPtrArray *
bel_schools_list (BelEngine   *engine,
                  BelAccount  *actor,
                  GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store,
                            "SELECT " SCHOOL_COLUMNS "FROM school s "
                            "WHERE ?1 = 1 OR s.id IN (SELECT school_id FROM membership WHERE account_id = ?2) "
                            "ORDER BY lower(s.name), s.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, bel_account_is_admin (actor));
  bel_bind_int64 (stmt, 2, bel_resource_get_id (actor));
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, school_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelSchool *
bel_schools_get (BelEngine   *engine,
                 BelAccount  *actor,
                 gint64       school_id,
                 GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  return load_school (engine, school_id, error);
}

BelSchool *
bel_schools_create (BelEngine   *engine,
                    BelAccount  *actor,
                    BelSchool   *school,
                    GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelSchool) created = NULL;
  g_autofree char *now = bel_store_now_iso ();

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_SCHOOL (school), NULL);

  if (!bel_engine_require_admin (actor, error) || !validate_school (school, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO school (name, short_name, school_year, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?4)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (school, "name"));
  bel_bind_text (stmt, 2, bel_resource_get_string (school, "short-name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (school, "school-year"));
  bel_bind_text (stmt, 4, now);
  if (!bel_engine_step_unique (store, stmt, "A school with this name exists", error))
    return NULL;
  created = load_school (engine, bel_store_last_insert_id (store), error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "school.create", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

BelSchool *
bel_schools_update (BelEngine          *engine,
                    BelAccount         *actor,
                    gint64              school_id,
                    gint64              expected_version,
                    BelSchool          *changes,
                    const char * const *fields,
                    GError            **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSchool) school = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_SCHOOL (changes), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_LEADER, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL)
    return NULL;
  school = load_school (engine, school_id, error);
  if (school == NULL ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (school), error) ||
      !bel_engine_copy_fields (school, changes, fields, error) ||
      !validate_school (school, error))
    return NULL;
  stmt = bel_store_prepare (store,
                            "UPDATE school SET name = ?, short_name = ?, school_year = ?, "
                            "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (school, "name"));
  bel_bind_text (stmt, 2, bel_resource_get_string (school, "short-name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (school, "school-year"));
  bel_bind_text (stmt, 4, now);
  bel_bind_int64 (stmt, 5, school_id);
  bel_bind_int64 (stmt, 6, bel_resource_get_version (school));
  if (!bel_engine_step_unique (store, stmt, "A school with this name exists", error))
    return NULL;
  g_clear_object (&school);
  school = load_school (engine, school_id, error);
  if (school == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "school.update", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&school);
}

GPtrArray *
bel_schools_list_staff (BelEngine   *engine,
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
  stmt = bel_store_prepare (store,
                            BEL_MEMBERSHIP_SELECT
                            "WHERE m.school_id = ? AND a.active = 1 "
                            "ORDER BY lower(a.display_name), a.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, bel_membership_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}
