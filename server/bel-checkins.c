/* bel-checkins.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-checkins.h"

#include "bel-care-private.h"
#include "bel-checklist-item.h"
#include "bel-events.h"

#define CHECKIN_SELECT \
  "SELECT c.id, c.school_id, c.student_id, st.given_name, st.preferred_name, st.family_name, " \
  "c.account_id, acc.display_name, c.checked_on, c.kind, c.answers, c.note, c.follow_up_needed, " \
  "c.created_at, adv.advisor_id FROM checkin c JOIN student st ON st.id = c.student_id " \
  "LEFT JOIN advisory adv ON adv.id = st.advisory_id LEFT JOIN account acc ON acc.id = c.account_id "

static gpointer
checkin_from_row (BelStmt *stmt)
{
  g_autofree char *name = bel_care_student_name (bel_column_text (stmt, 3), bel_column_text (stmt, 4),
                                                 bel_column_text (stmt, 5));
  g_autoptr(GHashTable) answers = bel_care_map_from_text (bel_column_text (stmt, 10));

  return g_object_new (BEL_TYPE_CHECKIN,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", name,
                       "account-id", (gint64) bel_column_int64 (stmt, 6),
                       "account-name", bel_column_text (stmt, 7),
                       "checked-on", bel_column_text (stmt, 8),
                       "kind", bel_column_text (stmt, 9),
                       "answers", answers,
                       "note", bel_column_text (stmt, 11),
                       "follow-up-needed", bel_column_int (stmt, 12) != 0,
                       "created-at", bel_column_text (stmt, 13),
                       "version", (gint64) 1,
                       NULL);
}

/* Removes what the actor may not read; the advisor is in column 14. */
static void
redact (BelAccount *actor,
        BelCheckin *checkin,
        gint64      advisor_id)
{
  g_autoptr(GHashTable) none = NULL;

  if (bel_care_sees_details (actor, bel_resource_get_int (checkin, "school-id"), advisor_id,
                             bel_resource_get_int (checkin, "account-id")))
    return;
  none = g_hash_table_new (g_str_hash, g_str_equal);
  g_object_set (checkin, "answers", none, "note", NULL, "redacted", TRUE, NULL);
}

static GPtrArray *
collect (BelEngine     *engine,
         BelAccount    *actor,
         BelStmt  *stmt,
         GError       **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelCheckin *checkin = checkin_from_row (stmt);

      redact (actor, checkin, bel_column_int64 (stmt, 14));
      g_ptr_array_add (out, checkin);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
bel_checkins_list (BelEngine              *engine,
                   BelAccount             *actor,
                   gint64                  school_id,
                   const BelCheckinQuery  *query,
                   GError                **error)
{
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !bel_care_query_date ("since", query->since, error) ||
      !bel_care_query_date ("until", query->until, error))
    return NULL;
  if (query->kind != NULL && !g_strv_contains (bel_checkin_kinds, query->kind))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "kind: must be academic or non_academic");
      return NULL;
    }
  stmt = bel_store_prepare (bel_engine_get_store (engine), CHECKIN_SELECT
                            "WHERE c.school_id = ?1 AND (?2 = 0 OR c.student_id = ?2) "
                            "AND (?3 = 0 OR c.account_id = ?3) AND (?4 IS NULL OR c.checked_on >= ?4) "
                            "AND (?5 IS NULL OR c.checked_on <= ?5) AND (?6 IS NULL OR c.kind = ?6) "
                            "AND (?7 = 0 OR c.follow_up_needed = 1) "
                            "ORDER BY c.checked_on DESC, c.id DESC LIMIT ?8", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->student_id);
  bel_bind_int64 (stmt, 3, query->account_id);
  bel_bind_text (stmt, 4, query->since);
  bel_bind_text (stmt, 5, query->until);
  bel_bind_text (stmt, 6, query->kind);
  bel_bind_int64 (stmt, 7, query->follow_up_only);
  bel_bind_int64 (stmt, 8, query->limit ? (int) MIN (query->limit, 1000) : 500);
  return collect (engine, actor, stmt, error);
}

static BelCheckin *
load_checkin (BelEngine   *engine,
              BelAccount  *actor,
              gint64       checkin_id,
              GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (bel_engine_get_store (engine),
                                                    CHECKIN_SELECT "WHERE c.id = ?", error);
  g_autoptr(GPtrArray) items = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, checkin_id);
  items = collect (engine, actor, stmt, error);
  return bel_engine_first_row (items, "check-in", checkin_id, error);
}

BelCheckin *
bel_checkins_get (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       checkin_id,
                  GError     **error)
{
  g_autoptr(BelCheckin) checkin = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  checkin = load_checkin (engine, actor, checkin_id, error);
  if (checkin == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (checkin, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&checkin);
}

static gboolean
validate_checkin (BelEngine   *engine,
                  gint64       school_id,
                  BelCheckin  *checkin,
                  GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(BelCheckinSettings) settings = bel_cadence_load_settings (engine, school_id, error);
  g_autoptr(GPtrArray) checklist = NULL;
  GHashTable *answers = bel_resource_get_boxed (checkin, "answers");
  GHashTableIter iter;
  gpointer key;

  if (settings == NULL)
    return FALSE;
  checklist = bel_care_list_items (settings, "checklist");
  bel_care_check_past_date ("checked_on", bel_resource_get_string (checkin, "checked-on"), v);
  if (answers != NULL)
    {
      g_hash_table_iter_init (&iter, answers);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gboolean known = FALSE;

          for (guint i = 0; i < checklist->len && !known; i++)
            known = g_strcmp0 (bel_resource_get_string (g_ptr_array_index (checklist, i), "key"), key) == 0;
          if (!known)
            {
              g_autofree char *shown = bel_error_excerpt (key, 64);
              bel_validation_add (v, "answers", "\"%s\" is not an item of the school's checklist", shown);
            }
        }
    }
  return bel_validation_finish (v, error);
}

BelCheckin *
bel_checkins_create (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       student_id,
                     BelCheckin  *checkin,
                     GError     **error)
{
  BelStore *store;
  BelCareStudent student;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelCheckin) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *answers = NULL;
  gint64 id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_CHECKIN (checkin), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error) ||
      !bel_care_require_staff (actor, student.school_id, "Check-ins", error) ||
      !validate_checkin (engine, student.school_id, checkin, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  answers = bel_care_map_to_text (bel_resource_get_boxed (checkin, "answers"));
  stmt = bel_store_prepare (store,
                            "INSERT INTO checkin (school_id, student_id, account_id, checked_on, kind, "
                            "answers, note, follow_up_needed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student.school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_id (stmt, 3, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 4, bel_resource_get_string (checkin, "checked-on"));
  bel_bind_text (stmt, 5, bel_resource_get_string (checkin, "kind"));
  bel_bind_text (stmt, 6, answers);
  bel_bind_text (stmt, 7, bel_resource_get_string (checkin, "note"));
  bel_bind_int64 (stmt, 8, bel_engine_get_bool (checkin, "follow-up-needed"));
  bel_bind_text (stmt, 9, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  id = bel_store_last_insert_id (store);
  created = load_checkin (engine, actor, id, error);
  if (created == NULL ||
      !bel_care_record (engine, student.school_id, "checkin.created", BEL_EVENT_EVERYONE, 0, error,
                        "checkin_id", id, "student_id", student_id,
                        "account_id", bel_engine_actor_id (actor), NULL) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}
