/* bel-flags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-flags.h"

#include "bel-care-private.h"
#include "bel-events.h"

#define FLAG_SELECT \
  "SELECT f.id, f.school_id, f.student_id, st.given_name, st.preferred_name, st.family_name, " \
  "f.status, f.reason, f.observation_id, f.raised_by, rb.display_name, f.raised_at, f.closed_by, " \
  "cb.display_name, f.closed_at, f.resolution, f.updated_at, f.version, adv.advisor_id " \
  "FROM concern_flag f JOIN student st ON st.id = f.student_id " \
  "LEFT JOIN advisory adv ON adv.id = st.advisory_id " \
  "LEFT JOIN account rb ON rb.id = f.raised_by LEFT JOIN account cb ON cb.id = f.closed_by "

static BelFlag *
flag_from_row (BelStmt *stmt)
{
  g_autofree char *name = bel_care_student_name (bel_column_text (stmt, 3), bel_column_text (stmt, 4),
                                                 bel_column_text (stmt, 5));

  return g_object_new (BEL_TYPE_FLAG,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", name,
                       "status", bel_column_text (stmt, 6),
                       "reason", bel_column_text (stmt, 7),
                       "observation-id", (gint64) bel_column_int64 (stmt, 8),
                       "raised-by", (gint64) bel_column_int64 (stmt, 9),
                       "raised-by-name", bel_column_text (stmt, 10),
                       "raised-at", bel_column_text (stmt, 11),
                       "closed-by", (gint64) bel_column_int64 (stmt, 12),
                       "closed-by-name", bel_column_text (stmt, 13),
                       "closed-at", bel_column_text (stmt, 14),
                       "resolution", bel_column_text (stmt, 15),
                       "updated-at", bel_column_text (stmt, 16),
                       "version", (gint64) bel_column_int64 (stmt, 17),
                       NULL);
}

static GPtrArray *
collect (BelEngine     *engine,
         BelAccount    *actor,
         BelStmt  *stmt,
         GArray        *advisors,
         GError       **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelFlag *flag = flag_from_row (stmt);
      gint64 advisor_id = bel_column_int64 (stmt, 18);

      if (advisors != NULL)
        g_array_append_val (advisors, advisor_id);
      if (actor != NULL &&
          !bel_care_sees_details (actor, bel_resource_get_int (flag, "school-id"), advisor_id,
                                  bel_resource_get_int (flag, "raised-by")))
        g_object_set (flag, "reason", NULL, "resolution", NULL, "redacted", TRUE, NULL);
      g_ptr_array_add (out, flag);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
bel_flags_list (BelEngine   *engine,
                BelAccount  *actor,
                gint64       school_id,
                const char  *status,
                gint64       student_id,
                GError     **error)
{
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  status = status ?: "open";
  if (!g_str_equal (status, "all") && !g_strv_contains (bel_flag_statuses, status))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "status: must be open, closed or all");
      return NULL;
    }
  stmt = bel_store_prepare (bel_engine_get_store (engine), FLAG_SELECT
                            "WHERE f.school_id = ?1 AND (?2 = 'all' OR f.status = ?2) "
                            "AND (?3 = 0 OR f.student_id = ?3) ORDER BY f.raised_at DESC, f.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, status);
  bel_bind_int64 (stmt, 3, student_id);
  return collect (engine, actor, stmt, NULL, error);
}

/* Unredacted, with the student's advisor in @advisor_id. */
static BelFlag *
load_flag (BelEngine   *engine,
           gint64       flag_id,
           gint64      *advisor_id,
           GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (bel_engine_get_store (engine),
                                                    FLAG_SELECT "WHERE f.id = ?", error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) advisors = g_array_new (FALSE, FALSE, sizeof (gint64));
  BelFlag *flag;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, flag_id);
  items = collect (engine, NULL, stmt, advisors, error);
  flag = bel_engine_first_row (items, "flag", flag_id, error);
  if (flag != NULL)
    *advisor_id = g_array_index (advisors, gint64, 0);
  return flag;
}

static BelFlag *
visible (BelAccount *actor,
         BelFlag    *flag,
         gint64      advisor_id)
{
  if (!bel_care_sees_details (actor, bel_resource_get_int (flag, "school-id"), advisor_id,
                              bel_resource_get_int (flag, "raised-by")))
    g_object_set (flag, "reason", NULL, "resolution", NULL, "redacted", TRUE, NULL);
  return flag;
}

BelFlag *
bel_flags_get (BelEngine   *engine,
               BelAccount  *actor,
               gint64       flag_id,
               GError     **error)
{
  g_autoptr(BelFlag) flag = NULL;
  gint64 advisor_id = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  flag = load_flag (engine, flag_id, &advisor_id, error);
  if (flag == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (flag, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return visible (actor, g_steal_pointer (&flag), advisor_id);
}

static gboolean
check_observation (BelEngine      *engine,
                   gint64          student_id,
                   gint64          observation_id,
                   BelValidation  *v,
                   GError        **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  if (observation_id == 0)
    return TRUE;
  stmt = bel_store_prepare (store, "SELECT 1 FROM observation WHERE id = ? AND student_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, observation_id);
  bel_bind_int64 (stmt, 2, student_id);
  if (bel_store_step_row (store, stmt, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  bel_validation_add (v, "observation_id", "is not an observation of this student");
  return TRUE;
}

static gboolean
record (BelEngine   *engine,
        const char  *type,
        BelFlag     *flag,
        gint64       advisor_id,
        GError     **error)
{
  return bel_care_record (engine, bel_resource_get_int (flag, "school-id"), type,
                          BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, advisor_id, error,
                          "flag_id", bel_resource_get_id (flag),
                          "student_id", bel_resource_get_int (flag, "student-id"), NULL);
}

BelFlag *
bel_flags_create (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       student_id,
                  BelFlag     *flag,
                  GError     **error)
{
  BelStore *store;
  BelCareStudent student;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelFlag) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  gint64 advisor_id = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_FLAG (flag), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error) ||
      !bel_care_require_staff (actor, student.school_id, "Flags", error))
    return NULL;
  if (bel_engine_is_blank (bel_resource_get_string (flag, "reason")))
    bel_validation_add (v, "reason", "must not be empty");
  if (g_strcmp0 (bel_resource_get_string (flag, "status"), "closed") == 0)
    bel_validation_add (v, "status", "a new flag is open");
  if (!check_observation (engine, student_id, bel_resource_get_int (flag, "observation-id"), v, error))
    return NULL;
  if (!bel_validation_finish (v, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO concern_flag (school_id, student_id, reason, observation_id, "
                            "raised_by, raised_at, updated_at) VALUES (?, ?, ?, ?, ?, ?6, ?6)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student.school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_text (stmt, 3, bel_resource_get_string (flag, "reason"));
  bel_bind_id (stmt, 4, bel_resource_get_int (flag, "observation-id"));
  bel_bind_id (stmt, 5, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 6, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  created = load_flag (engine, bel_store_last_insert_id (store), &advisor_id, error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "flag.raise", student_id, NULL);
  if (!record (engine, "flag.raised", created, advisor_id, error) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return visible (actor, g_steal_pointer (&created), advisor_id);
}

static gboolean
store_update (BelEngine   *engine,
              BelAccount  *actor,
              BelFlag     *flag,
              gboolean     closing,
              gboolean     reopening,
              GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE concern_flag SET status = ?1, reason = ?2, resolution = ?3, "
      "closed_by = CASE WHEN ?4 = 1 THEN ?5 WHEN ?6 = 1 THEN NULL ELSE closed_by END, "
      "closed_at = CASE WHEN ?4 = 1 THEN ?7 WHEN ?6 = 1 THEN NULL ELSE closed_at END, "
      "updated_at = ?7, version = version + 1 WHERE id = ?8 AND version = ?9", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, bel_resource_get_string (flag, "status"));
  bel_bind_text (stmt, 2, bel_resource_get_string (flag, "reason"));
  bel_bind_text (stmt, 3, bel_resource_get_string (flag, "resolution"));
  bel_bind_int64 (stmt, 4, closing);
  bel_bind_id (stmt, 5, bel_engine_actor_id (actor));
  bel_bind_int64 (stmt, 6, reopening);
  bel_bind_text (stmt, 7, now);
  bel_bind_int64 (stmt, 8, bel_resource_get_id (flag));
  bel_bind_int64 (stmt, 9, bel_resource_get_version (flag));
  return bel_store_step_done (store, stmt, error);
}

BelFlag *
bel_flags_update (BelEngine          *engine,
                  BelAccount         *actor,
                  gint64              flag_id,
                  gint64              expected_version,
                  BelFlag            *changes,
                  const char * const *fields,
                  GError            **error)
{
  static const char * const allowed[] = { "status", "reason", "resolution", NULL };
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelFlag) flag = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autofree char *was = NULL;
  gint64 advisor_id = 0;
  gint64 school_id;
  gboolean closing, reopening;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  flag = load_flag (engine, flag_id, &advisor_id, error);
  if (flag == NULL)
    return NULL;
  school_id = bel_resource_get_int (flag, "school-id");
  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  if (!bel_care_sees_details (actor, school_id, advisor_id, bel_resource_get_int (flag, "raised-by")))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Only counselors, leaders, the advisor and whoever raised it change a flag");
      return NULL;
    }
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (!g_strv_contains (allowed, fields[i]))
      bel_validation_add (v, fields[i], "cannot be changed");
  if (!bel_validation_finish (v, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (flag), error))
    return NULL;
  was = g_strdup (bel_resource_get_string (flag, "status"));
  if (!bel_engine_copy_fields (flag, changes, fields, error))
    return NULL;
  g_clear_pointer (&v, bel_validation_free);
  v = bel_validation_new ();
  if (bel_engine_is_blank (bel_resource_get_string (flag, "reason")))
    bel_validation_add (v, "reason", "must not be empty");
  closing = g_str_equal (was, "open") && g_strcmp0 (bel_resource_get_string (flag, "status"), "closed") == 0;
  reopening = g_str_equal (was, "closed") && g_strcmp0 (bel_resource_get_string (flag, "status"), "open") == 0;
  if (closing && bel_engine_is_blank (bel_resource_get_string (flag, "resolution")))
    bel_validation_add (v, "resolution", "is required to close a flag");
  if (!bel_validation_finish (v, error) ||
      !store_update (engine, actor, flag, closing, reopening, error))
    return NULL;
  g_clear_object (&flag);
  flag = load_flag (engine, flag_id, &advisor_id, error);
  if (flag == NULL)
    return NULL;
  bel_engine_audit (engine, actor, closing ? "flag.close" : reopening ? "flag.reopen" : "flag.update",
                    bel_resource_get_int (flag, "student-id"), NULL);
  if (!record (engine, closing ? "flag.closed" : "flag.updated", flag, advisor_id, error) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return visible (actor, g_steal_pointer (&flag), advisor_id);
}
