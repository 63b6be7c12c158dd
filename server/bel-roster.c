/* bel-roster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-roster.h"

#include "bel-engine-private.h"
#include "bel-error.h"

static gint64
lookup_id (BelEngine   *engine,
           const char  *sql,
           gint64       scope,
           const char  *sis_id,
           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return -1;
  if (scope > 0)
    {
      bel_bind_int64 (stmt, 1, scope);
      bel_bind_text (stmt, 2, sis_id);
    }
  else
    bel_bind_text (stmt, 1, sis_id);
  if (bel_store_step_row (store, stmt, &local_error))
    return bel_column_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  return 0;
}

gint64
bel_roster_school_by_sis (BelEngine   *engine,
                          const char  *sis_id,
                          GError     **error)
{
  return lookup_id (engine, "SELECT id FROM school WHERE sis_id = ?", 0, sis_id, error);
}

char *
bel_roster_school_sis (BelEngine   *engine,
                       gint64       school_id,
                       GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT sis_id FROM school WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  if (!bel_store_step_row (store, stmt, error))
    return NULL;
  return g_strdup (bel_column_text (stmt, 0));
}

gint64
bel_roster_account_by_sis (BelEngine   *engine,
                           const char  *sis_id,
                           GError     **error)
{
  return lookup_id (engine, "SELECT id FROM account WHERE sis_id = ?", 0, sis_id, error);
}

gint64
bel_roster_student_by_sis (BelEngine   *engine,
                           gint64       school_id,
                           const char  *sis_id,
                           GError     **error)
{
  return lookup_id (engine, "SELECT id FROM student WHERE school_id = ? AND sis_id = ?", school_id, sis_id,
                    error);
}

static gboolean
set_sis_id (BelEngine   *engine,
      BelAccount  *actor,
      const char  *sql,
      gint64       id,
      const char  *sis_id,
      GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = NULL;

  if (!bel_engine_require_admin (actor, error))
    return FALSE;
  stmt = bel_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, sis_id);
  bel_bind_int64 (stmt, 2, id);
  return bel_engine_step_unique (store, stmt, "Another record already has this roster id", error);
}

gboolean
bel_roster_link_school (BelEngine   *engine,
                        BelAccount  *actor,
                        gint64       school_id,
                        const char  *sis_id,
                        GError     **error)
{
  return set_sis_id (engine, actor, "UPDATE school SET sis_id = ? WHERE id = ?", school_id, sis_id, error);
}

gboolean
bel_roster_link_account (BelEngine   *engine,
                         BelAccount  *actor,
                         gint64       account_id,
                         const char  *sis_id,
                         GError     **error)
{
  return set_sis_id (engine, actor, "UPDATE account SET sis_id = ? WHERE id = ?", account_id, sis_id, error);
}

static GHashTable *
collect_ids (BelEngine   *engine,
             const char  *sql,
             gint64       school_id,
             GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_hash_table_insert (ids, g_strdup (bel_column_text (stmt, 0)),
                         g_memdup2 (&(gint64) { bel_column_int64 (stmt, 1) }, sizeof (gint64)));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GHashTable *
bel_roster_active_students (BelEngine   *engine,
                            gint64       school_id,
                            GError     **error)
{
  return collect_ids (engine, "SELECT sis_id, id FROM student WHERE school_id = ? AND active = 1",
                      school_id, error);
}

GHashTable *
bel_roster_active_staff (BelEngine   *engine,
                         gint64       school_id,
                         GError     **error)
{
  return collect_ids (engine,
                      "SELECT a.sis_id, a.id FROM account a JOIN membership m ON m.account_id = a.id "
                      "WHERE m.school_id = ? AND a.sis_id IS NOT NULL AND a.active = 1 "
                      "AND a.server_role <> 'admin'", school_id, error);
}

/* Whether @existing finds the row, and whether it already has the values. */
static BelRosterChange
classify (BelStore      *store,
          BelStmt  *existing,
          GError       **error)
{
  GError *local_error = NULL;

  if (bel_store_step_row (store, existing, &local_error))
    return bel_column_int (existing, 1) ? BEL_ROSTER_UNCHANGED : BEL_ROSTER_UPDATED;
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return BEL_ROSTER_CREATED;
}

gint64
bel_roster_put_class (BelEngine            *engine,
                      BelAccount           *actor,
                      gint64                school_id,
                      const BelRosterClass *klass,
                      BelRosterChange      *change,
                      GError              **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) existing = NULL;
  g_autoptr(BelStmt) put = NULL;
  GError *local_error = NULL;

  if (!bel_engine_require_admin (actor, error))
    return -1;
  existing = bel_store_prepare (store,
      "SELECT id, title IS NOT DISTINCT FROM ?3 AND class_code IS NOT DISTINCT FROM ?4 "
      "AND course_title IS NOT DISTINCT FROM ?5 AND periods IS NOT DISTINCT FROM ?6 "
      "AND school_year IS NOT DISTINCT FROM ?7 AND active = ?8 FROM class WHERE school_id = ?1 AND sis_id = ?2",
      error);
  put = bel_store_prepare (store,
      "INSERT INTO class (school_id, sis_id, title, class_code, course_title, periods, school_year, active, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) "
      "ON CONFLICT (school_id, sis_id) DO UPDATE SET title = ?3, class_code = ?4, course_title = ?5, "
      "periods = ?6, school_year = ?7, active = ?8, updated_at = ?9 RETURNING id", error);
  if (existing == NULL || put == NULL)
    return -1;
  for (BelStmt *stmt = existing; stmt != NULL; stmt = stmt == existing ? put : NULL)
    {
      bel_bind_int64 (stmt, 1, school_id);
      bel_bind_text (stmt, 2, klass->sis_id);
      bel_bind_text (stmt, 3, klass->title);
      bel_bind_text (stmt, 4, klass->class_code);
      bel_bind_text (stmt, 5, klass->course_title);
      bel_bind_text (stmt, 6, klass->periods);
      bel_bind_text (stmt, 7, klass->school_year);
      bel_bind_int64 (stmt, 8, klass->active);
    }
  *change = classify (store, existing, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  if (*change == BEL_ROSTER_UNCHANGED)
    return bel_column_int64 (existing, 0);
  bel_bind_text (put, 9, now);
  if (!bel_store_step_row (store, put, &local_error))
    {
      if (local_error == NULL)
        bel_store_set_error (store, &local_error, "Could not store a class");
      g_propagate_error (error, local_error);
      return -1;
    }
  return bel_column_int64 (put, 0);
}

gint64
bel_roster_put_enrollment (BelEngine                 *engine,
                           BelAccount                *actor,
                           gint64                     class_id,
                           const BelRosterEnrollment *e,
                           BelRosterChange           *change,
                           GError                   **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) existing = NULL;
  g_autoptr(BelStmt) put = NULL;
  GError *local_error = NULL;

  if (!bel_engine_require_admin (actor, error))
    return -1;
  existing = bel_store_prepare (store,
      "SELECT id, student_id IS NOT DISTINCT FROM ?3 AND account_id IS NOT DISTINCT FROM ?4 "
      "AND role IS NOT DISTINCT FROM ?5 AND is_primary = ?6 "
      "AND begin_date IS NOT DISTINCT FROM ?7 AND end_date IS NOT DISTINCT FROM ?8 AND active = ?9 "
      "FROM enrollment WHERE class_id = ?1 AND sis_id = ?2", error);
  put = bel_store_prepare (store,
      "INSERT INTO enrollment (class_id, sis_id, student_id, account_id, role, is_primary, begin_date, "
      "end_date, active, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) "
      "ON CONFLICT (class_id, sis_id) DO UPDATE SET student_id = ?3, account_id = ?4, role = ?5, "
      "is_primary = ?6, begin_date = ?7, end_date = ?8, active = ?9, updated_at = ?10 RETURNING id", error);
  if (existing == NULL || put == NULL)
    return -1;
  for (BelStmt *stmt = existing; stmt != NULL; stmt = stmt == existing ? put : NULL)
    {
      bel_bind_int64 (stmt, 1, class_id);
      bel_bind_text (stmt, 2, e->sis_id);
      bel_bind_id (stmt, 3, e->student_id);
      bel_bind_id (stmt, 4, e->account_id);
      bel_bind_text (stmt, 5, e->role);
      bel_bind_int64 (stmt, 6, e->primary);
      bel_bind_text (stmt, 7, e->begin_date);
      bel_bind_text (stmt, 8, e->end_date);
      bel_bind_int64 (stmt, 9, e->active);
    }
  *change = classify (store, existing, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  if (*change == BEL_ROSTER_UNCHANGED)
    return bel_column_int64 (existing, 0);
  bel_bind_text (put, 10, now);
  if (!bel_store_step_row (store, put, &local_error))
    {
      if (local_error == NULL)
        bel_store_set_error (store, &local_error, "Could not store an enrollment");
      g_propagate_error (error, local_error);
      return -1;
    }
  return bel_column_int64 (put, 0);
}

/* Makes the rows @select lists (sis_id, id) inactive with @update (bound: id,
 * now) unless their roster id is in @keep. */
static int
deactivate_missing (BelEngine   *engine,
                    BelAccount  *actor,
                    const char  *select,
                    const char  *update,
                    gint64       school_id,
                    GHashTable  *keep,
                    GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) list = NULL;
  g_autoptr(BelStmt) set = NULL;
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local_error = NULL;

  if (!bel_engine_require_admin (actor, error))
    return -1;
  list = bel_store_prepare (store, select, error);
  set = bel_store_prepare (store, update, error);
  if (list == NULL || set == NULL)
    return -1;
  bel_bind_int64 (list, 1, school_id);
  while (bel_store_step_row (store, list, &local_error))
    if (!g_hash_table_contains (keep, bel_column_text (list, 0)))
      g_array_append_val (gone, (gint64) { bel_column_int64 (list, 1) });
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  for (guint i = 0; i < gone->len; i++)
    {
      bel_stmt_reset (set);
      bel_bind_int64 (set, 1, g_array_index (gone, gint64, i));
      bel_bind_text (set, 2, now);
      if (!bel_store_step_done (store, set, error))
        return -1;
    }
  return (int) gone->len;
}

int
bel_roster_deactivate_classes (BelEngine   *engine,
                               BelAccount  *actor,
                               gint64       school_id,
                               GHashTable  *keep,
                               GError     **error)
{
  return deactivate_missing (engine, actor,
                             "SELECT sis_id, id FROM class WHERE school_id = ? AND active = 1",
                             "UPDATE class SET active = 0, updated_at = ?2 WHERE id = ?1",
                             school_id, keep, error);
}

int
bel_roster_deactivate_enrollments (BelEngine   *engine,
                                   BelAccount  *actor,
                                   gint64       school_id,
                                   GHashTable  *keep,
                                   GError     **error)
{
  return deactivate_missing (engine, actor,
                             "SELECT e.sis_id, e.id FROM enrollment e JOIN class c ON c.id = e.class_id "
                             "WHERE c.school_id = ? AND e.active = 1",
                             "UPDATE enrollment SET active = 0, updated_at = ?2 WHERE id = ?1",
                             school_id, keep, error);
}

gboolean
bel_roster_count (BelEngine   *engine,
                  gint64       school_id,
                  gint64      *n_classes,
                  gint64      *n_enrollments,
                  GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT (SELECT COUNT(*) FROM class WHERE school_id = ?1 AND active = 1), "
      "(SELECT COUNT(*) FROM enrollment e JOIN class c ON c.id = e.class_id "
      " WHERE c.school_id = ?1 AND e.active = 1)", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  if (!bel_store_step_row (store, stmt, error))
    return FALSE;
  *n_classes = bel_column_int64 (stmt, 0);
  *n_enrollments = bel_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
bel_roster_teaches (BelEngine   *engine,
                    gint64       account_id,
                    gint64       student_id,
                    GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT 1 FROM enrollment t JOIN enrollment s ON s.class_id = t.class_id "
      "JOIN class c ON c.id = t.class_id "
      "WHERE t.account_id = ? AND t.active = 1 AND t.role IN ('teacher', 'aide') "
      "AND s.student_id = ? AND s.active = 1 AND c.active = 1 LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, account_id);
  bel_bind_int64 (stmt, 2, student_id);
  return bel_store_step_row (store, stmt, error);
}
