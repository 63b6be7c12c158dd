/* bel-rounds.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-rounds-private.h"

#include "bel-error.h"
#include "bel-events.h"

#define ROUND_SELECT \
  "SELECT r.id, r.school_id, r.name, r.school_year, r.status, r.opened_at, r.closed_at, " \
  "r.created_by, a.display_name, " \
  "(SELECT COUNT(*) FROM mark m WHERE m.round_id = r.id AND m.kind = 'relationship'), " \
  "CASE WHEN r.status = 'closed' " \
  "THEN (SELECT COUNT(*) FROM round_student rs WHERE rs.round_id = r.id) " \
  "ELSE (SELECT COUNT(*) FROM student st WHERE st.school_id = r.school_id AND st.active = 1) END, " \
  "r.version FROM map_round r LEFT JOIN account a ON a.id = r.created_by "

#define ROUND_SELECT_BRIEF \
  "SELECT r.id, r.school_id, r.name, r.school_year, r.status, r.opened_at, r.closed_at, " \
  "r.created_by, a.display_name, 0, 0, r.version FROM map_round r LEFT JOIN account a ON a.id = r.created_by "

static gpointer
round_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_ROUND,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "name", bel_column_text (stmt, 2),
                       "school-year", bel_column_text (stmt, 3),
                       "status", bel_column_text (stmt, 4),
                       "opened-at", bel_column_text (stmt, 5),
                       "closed-at", bel_column_text (stmt, 6),
                       "created-by", (gint64) bel_column_int64 (stmt, 7),
                       "created-by-name", bel_column_text (stmt, 8),
                       "mark-count", (gint64) bel_column_int64 (stmt, 9),
                       "student-count", (gint64) bel_column_int64 (stmt, 10),
                       "version", (gint64) bel_column_int64 (stmt, 11),
                       NULL);
}

static BelRound *
load_round (BelEngine   *engine,
            const char  *sql,
            gint64       round_id,
            GError     **error)
{
  return bel_engine_load_row (engine, sql,
                              round_id, round_from_row, "round", error);
}

BelRound *
bel_rounds_load (BelEngine  *engine,
                 gint64      round_id,
                 GError    **error)
{
  return load_round (engine, ROUND_SELECT "WHERE r.id = ?", round_id, error);
}

BelRound *
bel_rounds_load_brief (BelEngine  *engine,
                       gint64      round_id,
                       GError    **error)
{
  return load_round (engine, ROUND_SELECT_BRIEF "WHERE r.id = ?", round_id, error);
}

BelRound *
bel_rounds_load_for (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       round_id,
                     GError     **error)
{
  g_autoptr(BelRound) round = bel_rounds_load (engine, round_id, error);

  if (round == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (round, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&round);
}

gboolean
bel_round_is_closed (BelRound *round)
{
  return g_strcmp0 (bel_resource_get_string (round, "status"), "closed") == 0;
}

char *
bel_rounds_roster_sql (BelRound *round,
                       guint     round_param,
                       guint     school_param)
{
  if (bel_round_is_closed (round))
    return g_strdup_printf ("(SELECT student_id, grade, advisory_id FROM round_student "
                            "WHERE round_id = ?%u AND ?%u > 0)", round_param, school_param);
  return g_strdup_printf ("(SELECT id AS student_id, grade, advisory_id FROM student "
                          "WHERE school_id = ?%u AND active = 1 AND ?%u > 0)", school_param, round_param);
}

GPtrArray *
bel_rounds_list (BelEngine   *engine,
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
  stmt = bel_store_prepare (store, ROUND_SELECT "WHERE r.school_id = ? "
                            "ORDER BY r.created_at DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, round_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelRound *
bel_rounds_get (BelEngine   *engine,
                BelAccount  *actor,
                gint64       round_id,
                GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  return bel_rounds_load_for (engine, actor, round_id, error);
}

static gboolean
validate_name (BelRound  *round,
               GError   **error)
{
  if (!bel_engine_is_blank (bel_resource_get_string (round, "name")))
    return TRUE;
  bel_set_invalid_field (error, "name", "must not be empty");
  return FALSE;
}

static gboolean
record_round_event (BelEngine   *engine,
                    const char  *type,
                    BelRound    *round,
                    GError     **error)
{
  g_autoptr(JsonNode) data = bel_model_to_json (round);

  return bel_events_record (engine, bel_resource_get_int (round, "school-id"), type,
                            bel_resource_get_id (round), data, error);
}

static char *
school_year_of (BelEngine  *engine,
                gint64      school_id,
                GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT school_year FROM school WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  if (!bel_store_step_row (store, stmt, error))
    return NULL;
  return g_strdup (bel_column_text (stmt, 0) ?: "");
}

BelRound *
bel_rounds_create (BelEngine   *engine,
                   BelAccount  *actor,
                   gint64       school_id,
                   BelRound    *round,
                   GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelRound) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *year = NULL;
  const char *status;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ROUND (round), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id,
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error) ||
      !validate_name (round, error))
    return NULL;
  status = bel_resource_get_string (round, "status") ?: "open";
  if (!g_str_equal (status, "open") && !g_str_equal (status, "planned"))
    {
      bel_set_invalid_field (error, "status", "a new round is planned or open");
      return NULL;
    }
  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL || (year = school_year_of (engine, school_id, error)) == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO map_round (school_id, name, school_year, status, opened_at, "
                            "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?7, ?7)",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text_take (stmt, 2, g_strstrip (g_strdup (bel_resource_get_string (round, "name"))));
  bel_bind_text (stmt, 3, *year ? year : NULL);
  bel_bind_text (stmt, 4, status);
  bel_bind_text (stmt, 5, g_str_equal (status, "open") ? now : NULL);
  bel_bind_id (stmt, 6, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 7, now);
  if (!bel_engine_step_unique (store, stmt, "Another round of this school is open; close it first",
                               error))
    return NULL;
  created = bel_rounds_load (engine, bel_store_last_insert_id (store), error);
  if (created == NULL ||
      !record_round_event (engine, "round.created", created, error) ||
      (g_str_equal (status, "open") && !record_round_event (engine, "round.opened", created, error)))
    return NULL;
  bel_engine_audit (engine, actor, "round.create", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

/* planned -> open -> closed; staying put is no change. */
static gboolean
check_transition (const char  *from,
                  const char  *to,
                  GError     **error)
{
  if (g_str_equal (from, to) ||
      (g_str_equal (from, "planned") && g_str_equal (to, "open")) ||
      (g_str_equal (from, "open") && g_str_equal (to, "closed")))
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
               "A round goes from planned to open to closed, not from %s to %s", from, to);
  return FALSE;
}

/* Keeps the roster the round saw, so that it stays readable later. */
static gboolean
keep_roster (BelEngine  *engine,
             BelRound   *round,
             GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO round_student (round_id, student_id, grade, advisory_id) "
      "SELECT ?1, id, grade, advisory_id FROM student WHERE school_id = ?2 AND active = 1 "
      "ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (round));
  bel_bind_int64 (stmt, 2, bel_resource_get_int (round, "school-id"));
  return bel_store_step_done (store, stmt, error);
}

static gboolean
write_round (BelEngine   *engine,
             BelRound    *round,
             const char  *old_status,
             GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  const char *status = bel_resource_get_string (round, "status");
  gboolean opening = !g_str_equal (old_status, "open") && g_str_equal (status, "open");
  gboolean closing = !g_str_equal (old_status, "closed") && g_str_equal (status, "closed");
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE map_round SET name = ?1, status = ?2, "
      "opened_at = CASE WHEN ?3 = 1 THEN ?5 ELSE opened_at END, "
      "closed_at = CASE WHEN ?4 = 1 THEN ?5 ELSE closed_at END, "
      "updated_at = ?5, version = version + 1 WHERE id = ?6 AND version = ?7", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text_take (stmt, 1, g_strstrip (g_strdup (bel_resource_get_string (round, "name"))));
  bel_bind_text (stmt, 2, status);
  bel_bind_int64 (stmt, 3, opening);
  bel_bind_int64 (stmt, 4, closing);
  bel_bind_text (stmt, 5, now);
  bel_bind_int64 (stmt, 6, bel_resource_get_id (round));
  bel_bind_int64 (stmt, 7, bel_resource_get_version (round));
  if (!bel_engine_step_unique (store, stmt, "Another round of this school is open; close it first",
                               error))
    return FALSE;
  return !closing || keep_roster (engine, round, error);
}

BelRound *
bel_rounds_update (BelEngine          *engine,
                   BelAccount         *actor,
                   gint64              round_id,
                   gint64              expected_version,
                   BelRound           *changes,
                   const char * const *fields,
                   GError            **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelRound) round = NULL;
  g_autoptr(BelRound) updated = NULL;
  g_autofree char *old_status = NULL;
  const char *status;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ROUND (changes), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL || (round = bel_rounds_load (engine, round_id, error)) == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (round, "school-id"),
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (round), error))
    return NULL;
  if (bel_round_is_closed (round))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "A closed round cannot change");
      return NULL;
    }
  old_status = g_strdup (bel_resource_get_string (round, "status"));
  if (!bel_engine_copy_fields (round, changes, fields, error) ||
      !validate_name (round, error))
    return NULL;
  status = bel_resource_get_string (round, "status");
  if (status == NULL)
    {
      bel_set_invalid_field (error, "status", "must not be null");
      return NULL;
    }
  if (!check_transition (old_status, status, error) ||
      !write_round (engine, round, old_status, error) ||
      (updated = bel_rounds_load (engine, round_id, error)) == NULL)
    return NULL;
  if (!g_str_equal (old_status, status) &&
      !record_round_event (engine, g_str_equal (status, "open") ? "round.opened" : "round.closed",
                           updated, error))
    return NULL;
  bel_engine_audit (engine, actor, g_str_equal (old_status, status) ? "round.update"
                    : g_str_equal (status, "open") ? "round.open" : "round.close", 0, NULL);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&updated);
}
