/* bel-advocates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-advocates.h"

#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-events.h"

#define ADVOCATE_SELECT \
  "SELECT a.id, a.school_id, a.student_id, st.given_name, st.family_name, st.preferred_name, " \
  "a.account_id, ac.display_name, a.round_id, a.assigned_by, ab.display_name, a.follow_up_on, " \
  "a.note, a.status, a.created_at, a.updated_at, a.version FROM advocate a " \
  "JOIN student st ON st.id = a.student_id JOIN account ac ON ac.id = a.account_id " \
  "LEFT JOIN account ab ON ab.id = a.assigned_by "

#define ADVOCATE_ORDER "ORDER BY a.follow_up_on IS NULL, a.follow_up_on, st.family_key, st.given_key, a.id"

static gpointer
advocate_from_row (BelStmt *stmt)
{
  const char *given = bel_column_text (stmt, 3);
  const char *preferred = bel_column_text (stmt, 5);
  g_autofree char *student_name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred : given,
                                                   bel_column_text (stmt, 4));

  return g_object_new (BEL_TYPE_ADVOCATE,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", student_name,
                       "account-id", (gint64) bel_column_int64 (stmt, 6),
                       "display-name", bel_column_text (stmt, 7),
                       "round-id", (gint64) bel_column_int64 (stmt, 8),
                       "assigned-by", (gint64) bel_column_int64 (stmt, 9),
                       "assigned-by-name", bel_column_text (stmt, 10),
                       "follow-up-on", bel_column_text (stmt, 11),
                       "note", bel_column_text (stmt, 12),
                       "status", bel_column_text (stmt, 13),
                       "created-at", bel_column_text (stmt, 14),
                       "updated-at", bel_column_text (stmt, 15),
                       "version", (gint64) bel_column_int64 (stmt, 16),
                       NULL);
}

static GPtrArray *
collect (BelStore      *store,
         BelStmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, advocate_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static BelAdvocate *
load_advocate (BelEngine  *engine,
               gint64      advocate_id,
               GError    **error)
{
  return bel_engine_load_row (engine, ADVOCATE_SELECT "WHERE a.id = ?",
                              advocate_id, advocate_from_row, "advocate", error);
}

static gboolean
is_date (const char *text)
{
  gint64 y, m, d;

  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  y = g_ascii_strtoll (text, NULL, 10);
  m = g_ascii_strtoll (text + 5, NULL, 10);
  d = g_ascii_strtoll (text + 8, NULL, 10);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

GPtrArray *
bel_advocates_list (BelEngine              *engine,
                    BelAccount             *actor,
                    gint64                  school_id,
                    const BelAdvocateQuery *query,
                    GError                **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  const char *status;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  status = query->status ?: "current";
  if (!g_str_equal (status, "current") && !g_str_equal (status, "all") &&
      !g_strv_contains ((const char * const *) bel_advocate_statuses, status))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "status is current, all, assigned, reached_out, connected, needs_help or ended");
      return NULL;
    }
  if (query->due_before != NULL && !is_date (query->due_before))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "due_before is a date, YYYY-MM-DD");
      return NULL;
    }
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, ADVOCATE_SELECT
                            "WHERE a.school_id = ?1 AND (?2 = 0 OR a.account_id = ?2) "
                            "AND (?3 = 'all' OR (?3 = 'current' AND a.status <> 'ended') OR a.status = ?3) "
                            "AND (?4 IS NULL OR a.follow_up_on <= ?4) " ADVOCATE_ORDER, error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->account_id);
  bel_bind_text (stmt, 3, status);
  bel_bind_text (stmt, 4, query->due_before);
  return collect (store, stmt, error);
}

BelAdvocate *
bel_advocates_get (BelEngine   *engine,
                   BelAccount  *actor,
                   gint64       advocate_id,
                   GError     **error)
{
  g_autoptr(BelAdvocate) advocate = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  advocate = load_advocate (engine, advocate_id, error);
  if (advocate == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (advocate, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&advocate);
}

GPtrArray *
bel_advocates_list_mine (BelEngine   *engine,
                         BelAccount  *actor,
                         GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, ADVOCATE_SELECT
                            "WHERE a.account_id = ? AND a.status <> 'ended' AND st.active = 1 "
                            ADVOCATE_ORDER, error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, bel_engine_actor_id (actor));
  return collect (store, stmt, error);
}

/* ---- changes ---- */

static gint64
student_school (BelEngine  *engine,
                gint64      student_id,
                GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT school_id FROM student WHERE id = ?", error);

  if (stmt == NULL)
    return 0;
  bel_bind_int64 (stmt, 1, student_id);
  if (bel_store_step_row (store, stmt, error))
    return bel_column_int64 (stmt, 0);
  if (error == NULL || *error == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No student with id %" G_GINT64_FORMAT,
                 student_id);
  return 0;
}

static gboolean
row_exists (BelEngine   *engine,
            const char  *sql,
            gint64       a,
            gint64       b,
            GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, a);
  bel_bind_int64 (stmt, 2, b);
  return bel_store_step_row (store, stmt, error);
}

/* The open round of the school, 0 if none. */
static gint64
open_round (BelEngine  *engine,
            gint64      school_id)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT id FROM map_round WHERE school_id = ? AND status = 'open'", NULL);

  if (stmt == NULL)
    return 0;
  bel_bind_int64 (stmt, 1, school_id);
  return bel_store_step_row (store, stmt, NULL) ? bel_column_int64 (stmt, 0) : 0;
}

static gboolean
validate_new (BelEngine    *engine,
              gint64        school_id,
              BelAdvocate  *advocate,
              GError      **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 round_id = bel_resource_get_int (advocate, "round-id");

  if (!row_exists (engine, "SELECT 1 FROM membership m JOIN account a ON a.id = m.account_id "
                   "WHERE m.account_id = ?1 AND m.school_id = ?2 AND a.active = 1",
                   bel_resource_get_int (advocate, "account-id"), school_id, &local_error))
    bel_validation_add (v, "account_id", "is not a staff member of this school");
  if (!is_date (bel_resource_get_string (advocate, "follow-up-on")))
    bel_validation_add (v, "follow_up_on", "must be a date, YYYY-MM-DD");
  if (g_strcmp0 (bel_resource_get_string (advocate, "status"), "ended") == 0)
    bel_validation_add (v, "status", "a new advocate is not ended");
  if (round_id != 0 &&
      !row_exists (engine, "SELECT 1 FROM map_round WHERE id = ?1 AND school_id = ?2",
                   round_id, school_id, &local_error))
    bel_validation_add (v, "round_id", "is not a round of this school");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return bel_validation_finish (v, error);
}

static gboolean
record_advocate_event (BelEngine    *engine,
                       const char   *type,
                       BelAdvocate  *advocate,
                       GError      **error)
{
  g_autoptr(JsonNode) data = bel_model_to_json (advocate);

  return bel_events_record (engine, bel_resource_get_int (advocate, "school-id"), type,
                            bel_resource_get_int (advocate, "round-id"), data, error);
}

static void
audit_advocate (BelEngine   *engine,
                BelAccount  *actor,
                const char  *action,
                BelAdvocate *advocate)
{
  g_autofree char *detail = g_strdup_printf ("advocate %" G_GINT64_FORMAT ": account %" G_GINT64_FORMAT
                                             ", status %s",
                                             bel_resource_get_id (advocate),
                                             bel_resource_get_int (advocate, "account-id"),
                                             bel_resource_get_string (advocate, "status"));

  bel_engine_audit (engine, actor, action, bel_resource_get_int (advocate, "student-id"), detail);
}

BelAdvocate *
bel_advocates_create (BelEngine   *engine,
                      BelAccount  *actor,
                      gint64       student_id,
                      BelAdvocate *advocate,
                      GError     **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelAdvocate) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  gint64 school_id;
  gint64 round_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ADVOCATE (advocate), NULL);

  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL || (school_id = student_school (engine, student_id, error)) == 0 ||
      !bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER,
                                       error) ||
      !validate_new (engine, school_id, advocate, error))
    return NULL;
  round_id = bel_resource_get_int (advocate, "round-id") ?: open_round (engine, school_id);
  stmt = bel_store_prepare (store,
                            "INSERT INTO advocate (school_id, student_id, account_id, round_id, "
                            "assigned_by, follow_up_on, note, status, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?9, ?9)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_int64 (stmt, 3, bel_resource_get_int (advocate, "account-id"));
  bel_bind_id (stmt, 4, round_id);
  bel_bind_id (stmt, 5, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 6, bel_resource_get_string (advocate, "follow-up-on"));
  bel_bind_text (stmt, 7, bel_resource_get_string (advocate, "note"));
  bel_bind_text (stmt, 8, bel_resource_get_string (advocate, "status") ?: "assigned");
  bel_bind_text (stmt, 9, now);
  if (!bel_engine_step_unique (store, stmt, "This staff member is already the student's advocate",
                               error) ||
      (created = load_advocate (engine, bel_store_last_insert_id (store), error)) == NULL ||
      !record_advocate_event (engine, "advocate.assigned", created, error))
    return NULL;
  audit_advocate (engine, actor, "advocate.assign", created);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static gboolean
check_update (BelEngine           *engine,
              BelAccount          *actor,
              BelAdvocate         *advocate,
              gint64               expected_version,
              const char * const  *fields,
              GError             **error)
{
  gint64 school_id = bel_resource_get_int (advocate, "school-id");

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return FALSE;
  if (bel_resource_get_int (advocate, "account-id") != bel_engine_actor_id (actor) &&
      !bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER,
                                       NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Only the advocate, counselors and leaders change an advocacy");
      return FALSE;
    }
  if (!bel_engine_check_version (expected_version, bel_resource_get_version (advocate), error))
    return FALSE;
  if (g_str_equal (bel_resource_get_string (advocate, "status"), "ended"))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "An ended advocacy no longer changes");
      return FALSE;
    }
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i]), "-", '_');

      if (!g_str_equal (name, "status") && !g_str_equal (name, "note") &&
          !g_str_equal (name, "follow_up_on"))
        {
          bel_set_invalid_field (error, name, "cannot be changed; assign a new advocate instead");
          return FALSE;
        }
    }
  return TRUE;
}

BelAdvocate *
bel_advocates_update (BelEngine          *engine,
                      BelAccount         *actor,
                      gint64              advocate_id,
                      gint64              expected_version,
                      BelAdvocate        *changes,
                      const char * const *fields,
                      GError            **error)
{
  BelStore *store;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelAdvocate) advocate = NULL;
  g_autoptr(BelAdvocate) updated = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ADVOCATE (changes), NULL);

  store = bel_engine_get_store (engine);
  tx = bel_transaction_begin (store, error);
  if (tx == NULL || (advocate = load_advocate (engine, advocate_id, error)) == NULL ||
      !check_update (engine, actor, advocate, expected_version, fields, error) ||
      !bel_engine_copy_fields (advocate, changes, fields, error))
    return NULL;
  if (!is_date (bel_resource_get_string (advocate, "follow-up-on")))
    {
      bel_set_invalid_field (error, "follow_up_on", "must be a date, YYYY-MM-DD");
      return NULL;
    }
  if (bel_resource_get_string (advocate, "status") == NULL)
    {
      bel_set_invalid_field (error, "status", "must not be null");
      return NULL;
    }
  stmt = bel_store_prepare (store,
                            "UPDATE advocate SET status = ?, note = ?, follow_up_on = ?, updated_at = ?, "
                            "version = version + 1 WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (advocate, "status"));
  bel_bind_text (stmt, 2, bel_resource_get_string (advocate, "note"));
  bel_bind_text (stmt, 3, bel_resource_get_string (advocate, "follow-up-on"));
  bel_bind_text (stmt, 4, now);
  bel_bind_int64 (stmt, 5, advocate_id);
  bel_bind_int64 (stmt, 6, bel_resource_get_version (advocate));
  if (!bel_engine_step_unique (store, stmt, "This staff member is already the student's advocate",
                               error) ||
      (updated = load_advocate (engine, advocate_id, error)) == NULL ||
      !record_advocate_event (engine, "advocate.updated", updated, error))
    return NULL;
  audit_advocate (engine, actor, "advocate.update", updated);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&updated);
}
