/* bel-marks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-marks.h"

#include "bel-error.h"
#include "bel-events.h"
#include "bel-rounds-private.h"

static gboolean
is_kind (const char *kind)
{
  return kind != NULL && g_strv_contains ((const char * const *) bel_mark_kinds, kind);
}

static gboolean
check_student (BelEngine  *engine,
               gint64      school_id,
               gint64      student_id,
               GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT active FROM student WHERE id = ? AND school_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, student_id);
  bel_bind_int64 (stmt, 2, school_id);
  if (!bel_store_step_row (store, stmt, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND,
                     "No student with id %" G_GINT64_FORMAT " in this school", student_id);
      return FALSE;
    }
  if (bel_column_int (stmt, 0) == 0)
    {
      bel_set_invalid_field (error, "student_id", "is not an active student");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_staff (BelEngine  *engine,
             gint64      school_id,
             gint64      account_id,
             GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT 1 FROM membership m JOIN account a ON a.id = m.account_id "
      "WHERE m.account_id = ? AND m.school_id = ? AND a.active = 1", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, account_id);
  bel_bind_int64 (stmt, 2, school_id);
  if (bel_store_step_row (store, stmt, error))
    return TRUE;
  if (error == NULL || *error == NULL)
    bel_set_invalid_field (error, "account_id", "is not a staff member of this school");
  return FALSE;
}

/* Everything a put or delete must pass, in the order a caller learns most
 * from: no such round, not a member, bad kind, no such student, on behalf of
 * someone else as a teacher, not staff, round not open. */
static BelRound *
check_mark_change (BelEngine   *engine,
                   BelAccount  *actor,
                   gint64       round_id,
                   gint64       student_id,
                   gint64       account_id,
                   const char  *kind,
                   GError     **error)
{
  g_autoptr(BelRound) round = bel_rounds_load_brief (engine, round_id, error);
  gint64 school_id;

  if (round == NULL)
    return NULL;
  school_id = bel_resource_get_int (round, "school-id");
  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  if (!is_kind (kind))
    {
      bel_set_invalid_field (error, "kind", "must be relationship, personal or concern");
      return NULL;
    }
  if (!check_student (engine, school_id, student_id, error))
    return NULL;
  if (account_id != bel_engine_actor_id (actor) &&
      !bel_engine_require_school_role (engine, actor, school_id,
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Teachers place and remove their own marks only");
      return NULL;
    }
  if (!check_staff (engine, school_id, account_id, error))
    return NULL;
  if (!g_str_equal (bel_resource_get_string (round, "status"), "open"))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT, "The round is %s; marks change only in an open round",
                   bel_resource_get_string (round, "status"));
      return NULL;
    }
  return g_steal_pointer (&round);
}

static BelMark *
load_mark (BelEngine   *engine,
           gint64       round_id,
           gint64       student_id,
           gint64       account_id,
           const char  *kind,
           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT m.placed_by, p.display_name, m.created_at FROM mark m "
      "LEFT JOIN account p ON p.id = m.placed_by "
      "WHERE m.round_id = ? AND m.student_id = ? AND m.account_id = ? AND m.kind = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, round_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_int64 (stmt, 3, account_id);
  bel_bind_text (stmt, 4, kind);
  if (!bel_store_step_row (store, stmt, error))
    return NULL;
  return g_object_new (BEL_TYPE_MARK,
                       "round-id", round_id,
                       "student-id", student_id,
                       "account-id", account_id,
                       "kind", kind,
                       "placed-by", (gint64) bel_column_int64 (stmt, 0),
                       "placed-by-name", bel_column_text (stmt, 1),
                       "created-at", bel_column_text (stmt, 2),
                       NULL);
}

static gint64
adult_count (BelEngine  *engine,
             gint64      round_id,
             gint64      student_id,
             GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT COUNT(*) FROM mark WHERE round_id = ? AND student_id = ? AND kind = 'relationship'",
      error);

  if (stmt == NULL)
    return -1;
  bel_bind_int64 (stmt, 1, round_id);
  bel_bind_int64 (stmt, 2, student_id);
  if (!bel_store_step_row (store, stmt, error))
    return -1;
  return bel_column_int64 (stmt, 0);
}

/* The event's data is the Mark JSON plus the student's adult_count after the change. */
static gboolean
record_mark_event (BelEngine   *engine,
                   gint64       school_id,
                   const char  *type,
                   BelMark     *mark,
                   GError     **error)
{
  gint64 round_id = bel_resource_get_int (mark, "round-id");
  gint64 count = adult_count (engine, round_id, bel_resource_get_int (mark, "student-id"), error);
  g_autoptr(JsonNode) data = NULL;

  if (count < 0)
    return FALSE;
  data = bel_model_to_json (mark);
  json_object_set_int_member (json_node_get_object (data), "adult_count", count);
  if (g_str_equal (bel_resource_get_string (mark, "kind"), "concern"))
    return bel_events_record_restricted (engine, school_id, type, round_id, data,
                                         BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER,
                                         bel_resource_get_int (mark, "account-id"), error);
  return bel_events_record (engine, school_id, type, round_id, data, error);
}

BelMark *
bel_marks_put (BelEngine   *engine,
               BelAccount  *actor,
               gint64       round_id,
               gint64       student_id,
               gint64       account_id,
               const char  *kind,
               gboolean    *created,
               GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelRound) round = NULL;
  g_autoptr(BelMark) mark = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  gboolean is_new;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL ||
      (round = check_mark_change (engine, actor, round_id, student_id, account_id, kind, error)) == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO mark (round_id, student_id, account_id, kind, "
                            "placed_by, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, round_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_int64 (stmt, 3, account_id);
  bel_bind_text (stmt, 4, kind);
  bel_bind_id (stmt, 5, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 6, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  is_new = bel_store_changes (store) > 0;
  mark = load_mark (engine, round_id, student_id, account_id, kind, error);
  if (mark == NULL)
    return NULL;
  if (is_new &&
      !record_mark_event (engine, bel_resource_get_int (round, "school-id"), "mark.added", mark, error))
    return NULL;
  if (!bel_transaction_commit (tx, error))
    return NULL;
  if (created != NULL)
    *created = is_new;
  return g_steal_pointer (&mark);
}

gboolean
bel_marks_delete (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       round_id,
                  gint64       student_id,
                  gint64       account_id,
                  const char  *kind,
                  gboolean    *removed,
                  GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelRound) round = NULL;
  g_autoptr(BelMark) mark = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), FALSE);

  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL ||
      (round = check_mark_change (engine, actor, round_id, student_id, account_id, kind, error)) == NULL)
    return FALSE;
  mark = load_mark (engine, round_id, student_id, account_id, kind, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (mark != NULL)
    {
      stmt = bel_store_prepare (store,
                                "DELETE FROM mark WHERE round_id = ? AND student_id = ? "
                                "AND account_id = ? AND kind = ?", error);
      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, round_id);
      bel_bind_int64 (stmt, 2, student_id);
      bel_bind_int64 (stmt, 3, account_id);
      bel_bind_text (stmt, 4, kind);
      if (!bel_store_step_done (store, stmt, error) ||
          !record_mark_event (engine, bel_resource_get_int (round, "school-id"), "mark.removed",
                              mark, error))
        return FALSE;
    }
  if (!bel_transaction_commit (tx, error))
    return FALSE;
  if (removed != NULL)
    *removed = mark != NULL;
  return TRUE;
}
