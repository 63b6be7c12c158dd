/* bel-observations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-observations.h"

#include "bel-care-private.h"
#include "bel-events.h"
#include "bel-flags.h"

#define OBSERVATION_SELECT \
  "SELECT o.id, o.school_id, o.student_id, st.given_name, st.preferred_name, st.family_name, " \
  "o.account_id, acc.display_name, o.kind, o.body, o.observed_on, o.created_at, " \
  "(SELECT MIN(f.id) FROM concern_flag f WHERE f.observation_id = o.id), adv.advisor_id " \
  "FROM observation o JOIN student st ON st.id = o.student_id " \
  "LEFT JOIN advisory adv ON adv.id = st.advisory_id LEFT JOIN account acc ON acc.id = o.account_id "

static BelObservation *
observation_from_row (BelStmt *stmt)
{
  g_autofree char *name = bel_care_student_name (bel_column_text (stmt, 3), bel_column_text (stmt, 4),
                                                 bel_column_text (stmt, 5));

  return g_object_new (BEL_TYPE_OBSERVATION,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", name,
                       "account-id", (gint64) bel_column_int64 (stmt, 6),
                       "account-name", bel_column_text (stmt, 7),
                       "kind", bel_column_text (stmt, 8),
                       "body", bel_column_text (stmt, 9),
                       "observed-on", bel_column_text (stmt, 10),
                       "created-at", bel_column_text (stmt, 11),
                       "flag-id", (gint64) bel_column_int64 (stmt, 12),
                       "version", (gint64) 1,
                       NULL);
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
      BelObservation *observation = observation_from_row (stmt);

      if (g_strcmp0 (bel_resource_get_string (observation, "kind"), "concern") == 0 &&
          !bel_care_sees_details (actor, bel_resource_get_int (observation, "school-id"),
                                  bel_column_int64 (stmt, 13),
                                  bel_resource_get_int (observation, "account-id")))
        g_object_set (observation, "body", NULL, "redacted", TRUE, NULL);
      g_ptr_array_add (out, observation);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
check_kind (const char  *kind,
            GError     **error)
{
  if (kind == NULL || g_strv_contains (bel_observation_kinds, kind))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "kind: must be strength, need or concern");
  return FALSE;
}

GPtrArray *
bel_observations_list (BelEngine                  *engine,
                       BelAccount                 *actor,
                       gint64                      school_id,
                       const BelObservationQuery  *query,
                       GError                    **error)
{
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !check_kind (query->kind, error) || !bel_care_query_date ("since", query->since, error))
    return NULL;
  stmt = bel_store_prepare (bel_engine_get_store (engine), OBSERVATION_SELECT
                            "WHERE o.school_id = ?1 AND (?2 = 0 OR o.student_id = ?2) "
                            "AND (?3 IS NULL OR o.kind = ?3) AND (?4 IS NULL OR o.observed_on >= ?4) "
                            "ORDER BY o.observed_on DESC, o.id DESC LIMIT ?5", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->student_id);
  bel_bind_text (stmt, 3, query->kind);
  bel_bind_text (stmt, 4, query->since);
  bel_bind_int64 (stmt, 5, query->limit ? (int) MIN (query->limit, 1000) : 500);
  return collect (engine, actor, stmt, error);
}

GPtrArray *
bel_observations_of (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       student_id,
                     const char  *kind,
                     GError     **error)
{
  BelCareStudent student;
  BelObservationQuery query = { .student_id = student_id, .kind = kind, .limit = 1000 };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error))
    return NULL;
  return bel_observations_list (engine, actor, student.school_id, &query, error);
}

static BelObservation *
load_observation (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       observation_id,
                  GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (bel_engine_get_store (engine),
                                                    OBSERVATION_SELECT "WHERE o.id = ?", error);
  g_autoptr(GPtrArray) items = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, observation_id);
  items = collect (engine, actor, stmt, error);
  return bel_engine_first_row (items, "observation", observation_id, error);
}

static gboolean
validate_observation (BelObservation  *observation,
                      GError         **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  const char *observed_on = bel_resource_get_string (observation, "observed-on");

  if (bel_engine_is_blank (bel_resource_get_string (observation, "body")))
    bel_validation_add (v, "body", "must not be empty");
  if (observed_on != NULL)
    bel_care_check_past_date ("observed_on", observed_on, v);
  if (bel_engine_get_bool (observation, "raise-flag") &&
      g_strcmp0 (bel_resource_get_string (observation, "kind"), "concern") != 0)
    bel_validation_add (v, "raise_flag", "only a concern raises a flag");
  return bel_validation_finish (v, error);
}

static gboolean
raise_flag (BelEngine       *engine,
            BelAccount      *actor,
            gint64           student_id,
            gint64           observation_id,
            BelObservation  *observation,
            GError         **error)
{
  g_autoptr(BelFlag) flag = g_object_new (BEL_TYPE_FLAG,
                                          "reason", bel_resource_get_string (observation, "body"),
                                          "observation-id", observation_id, NULL);
  g_autoptr(BelFlag) created = bel_flags_create (engine, actor, student_id, flag, error);

  return created != NULL;
}

BelObservation *
bel_observations_create (BelEngine       *engine,
                         BelAccount      *actor,
                         gint64           student_id,
                         BelObservation  *observation,
                         GError         **error)
{
  BelStore *store;
  BelCareStudent student;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelObservation) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *today = bel_date_format (bel_date_today ());
  const char *kind = bel_resource_get_string (observation, "kind");
  gboolean concern = g_strcmp0 (kind, "concern") == 0;
  gint64 id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_OBSERVATION (observation), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error) ||
      !bel_care_require_staff (actor, student.school_id, "Observations", error) ||
      !validate_observation (observation, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO observation (school_id, student_id, account_id, kind, body, "
                            "observed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student.school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_id (stmt, 3, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 4, kind);
  bel_bind_text (stmt, 5, bel_resource_get_string (observation, "body"));
  bel_bind_text (stmt, 6, bel_resource_get_string (observation, "observed-on") ?: today);
  bel_bind_text (stmt, 7, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  id = bel_store_last_insert_id (store);
  if (bel_engine_get_bool (observation, "raise-flag") &&
      !raise_flag (engine, actor, student_id, id, observation, error))
    return NULL;
  created = load_observation (engine, actor, id, error);
  if (created == NULL ||
      !bel_care_record (engine, student.school_id, "observation.created",
                        concern ? BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER : BEL_EVENT_EVERYONE,
                        concern ? student.advisor_id : 0, error,
                        "observation_id", id, "student_id", student_id, NULL) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}
