/* bel-support-plans.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-support-plans.h"

#include "bel-events.h"
#include "bel-support-plans-private.h"

#define PLAN_SELECT \
  "SELECT p.id, p.school_id, p.student_id, st.given_name, st.preferred_name, st.family_name, " \
  "p.flag_id, p.concern, p.tier, p.owner_id, ow.display_name, p.starts_on, p.review_on, p.status, " \
  "p.outcome, p.created_by, cb.display_name, p.created_at, p.updated_at, p.version " \
  "FROM support_plan p JOIN student st ON st.id = p.student_id " \
  "LEFT JOIN account ow ON ow.id = p.owner_id LEFT JOIN account cb ON cb.id = p.created_by "

static gpointer
plan_from_row (BelStmt *stmt)
{
  g_autofree char *name = bel_care_student_name (bel_column_text (stmt, 3), bel_column_text (stmt, 4),
                                                 bel_column_text (stmt, 5));

  return g_object_new (BEL_TYPE_SUPPORT_PLAN,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", name,
                       "flag-id", (gint64) bel_column_int64 (stmt, 6),
                       "concern", bel_column_text (stmt, 7),
                       "tier", (gint64) bel_column_int64 (stmt, 8),
                       "owner-id", (gint64) bel_column_int64 (stmt, 9),
                       "owner-name", bel_column_text (stmt, 10),
                       "starts-on", bel_column_text (stmt, 11),
                       "review-on", bel_column_text (stmt, 12),
                       "status", bel_column_text (stmt, 13),
                       "outcome", bel_column_text (stmt, 14),
                       "created-by", (gint64) bel_column_int64 (stmt, 15),
                       "created-by-name", bel_column_text (stmt, 16),
                       "created-at", bel_column_text (stmt, 17),
                       "updated-at", bel_column_text (stmt, 18),
                       "version", (gint64) bel_column_int64 (stmt, 19),
                       NULL);
}

static BelSupportPlan *
load_plan (BelEngine   *engine,
           gint64       plan_id,
           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, PLAN_SELECT "WHERE p.id = ?", error);
  g_autoptr(BelSupportPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, plan_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No support plan with id %" G_GINT64_FORMAT,
                     plan_id);
      return NULL;
    }
  plan = plan_from_row (stmt);
  if (!bel_plan_parts_load (engine, plan, error))
    return NULL;
  return g_steal_pointer (&plan);
}

static gboolean
may_access (BelAccount     *actor,
            BelSupportPlan *plan)
{
  gint64 me = bel_engine_actor_id (actor);

  return bel_care_is_privileged (actor, bel_resource_get_int (plan, "school-id")) ||
         (me != 0 && (me == bel_resource_get_int (plan, "owner-id") ||
                      me == bel_resource_get_int (plan, "created-by") ||
                      bel_plan_parts_is_contributor (plan, me)));
}

/* 404/403 as for the school, then 403 unless the actor may read the plan. */
static BelSupportPlan *
load_for (BelEngine   *engine,
          BelAccount  *actor,
          gint64       plan_id,
          GError     **error)
{
  g_autoptr(BelSupportPlan) plan = load_plan (engine, plan_id, error);

  if (plan == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (plan, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  if (!may_access (actor, plan))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Only counselors, leaders, the plan's owner and contributors see a support plan");
      return NULL;
    }
  return g_steal_pointer (&plan);
}

GPtrArray *
bel_support_plans_list (BelEngine           *engine,
                        BelAccount          *actor,
                        gint64               school_id,
                        const BelPlanQuery  *query,
                        GError             **error)
{
  static const char * const statuses[] = { "active", "completed", "discontinued", "all", NULL };
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  const char *status = query->status ?: "active";

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !bel_care_query_date ("review_before", query->review_before, error))
    return NULL;
  if (!g_strv_contains (statuses, status))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "status: must be active, completed, discontinued or all");
      return NULL;
    }
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, PLAN_SELECT
                            "WHERE p.school_id = ?1 AND (?2 = 'all' OR p.status = ?2) "
                            "AND (?3 = 0 OR p.owner_id = ?3) AND (?4 = 0 OR p.student_id = ?4) "
                            "AND (?5 IS NULL OR p.review_on <= ?5) "
                            "ORDER BY p.review_on, st.family_key, st.given_key, p.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, status);
  bel_bind_int64 (stmt, 3, query->owner_id);
  bel_bind_int64 (stmt, 4, query->student_id);
  bel_bind_text (stmt, 5, query->review_before);
  rows = bel_care_collect (store, stmt, plan_from_row, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      BelSupportPlan *plan = g_ptr_array_index (rows, i);

      if (!bel_plan_parts_load (engine, plan, error))
        return NULL;
      if (may_access (actor, plan))
        g_ptr_array_add (out, g_object_ref (plan));
    }
  return g_steal_pointer (&out);
}

BelSupportPlan *
bel_support_plans_get (BelEngine   *engine,
                       BelAccount  *actor,
                       gint64       plan_id,
                       GError     **error)
{
  g_autoptr(BelSupportPlan) plan = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  plan = load_for (engine, actor, plan_id, error);
  if (plan != NULL)
    bel_engine_audit (engine, actor, "support_plan.read", bel_resource_get_int (plan, "student-id"), NULL);
  return g_steal_pointer (&plan);
}

static gboolean
check_flag (BelEngine      *engine,
            gint64          student_id,
            gint64          flag_id,
            BelValidation  *v,
            GError        **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  if (flag_id == 0)
    return TRUE;
  stmt = bel_store_prepare (store, "SELECT 1 FROM concern_flag WHERE id = ? AND student_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, flag_id);
  bel_bind_int64 (stmt, 2, student_id);
  if (bel_store_step_row (store, stmt, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  bel_validation_add (v, "flag_id", "is not a flag of this student");
  return TRUE;
}

static gboolean
validate_plan (BelEngine       *engine,
               gint64           school_id,
               gint64           student_id,
               BelSupportPlan  *plan,
               GError         **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  const char *status = bel_resource_get_string (plan, "status");
  const char *starts = bel_resource_get_string (plan, "starts-on");
  const char *review = bel_resource_get_string (plan, "review-on");

  if (bel_engine_is_blank (bel_resource_get_string (plan, "concern")))
    bel_validation_add (v, "concern", "must not be empty");
  if (!bel_care_is_date (review))
    bel_validation_add (v, "review_on", "must be a date, YYYY-MM-DD");
  if (!bel_care_is_date (starts))
    bel_validation_add (v, "starts_on", "must be a date, YYYY-MM-DD");
  else if (bel_care_is_date (review) && g_strcmp0 (review, starts) < 0)
    bel_validation_add (v, "review_on", "must not be before starts_on");
  if (g_strcmp0 (status, "active") != 0 && bel_engine_is_blank (bel_resource_get_string (plan, "outcome")))
    bel_validation_add (v, "outcome", "is required to complete or discontinue a plan");
  if (!bel_care_check_staff (engine, school_id, bel_resource_get_int (plan, "owner-id"), "owner_id", v, error) ||
      !bel_plan_parts_validate (engine, school_id, plan, v, error) ||
      !check_flag (engine, student_id, bel_resource_get_int (plan, "flag-id"), v, error))
    return FALSE;
  return bel_validation_finish (v, error);
}

static gboolean
record (BelEngine       *engine,
        const char      *type,
        BelSupportPlan  *plan,
        GError         **error)
{
  return bel_care_record (engine, bel_resource_get_int (plan, "school-id"), type,
                          BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, bel_resource_get_int (plan, "owner-id"),
                          error, "plan_id", bel_resource_get_id (plan),
                          "student_id", bel_resource_get_int (plan, "student-id"), NULL);
}

BelSupportPlan *
bel_support_plans_create (BelEngine       *engine,
                          BelAccount      *actor,
                          gint64           student_id,
                          BelSupportPlan  *plan,
                          GError         **error)
{
  BelStore *store;
  BelCareStudent student;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelSupportPlan) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *today = bel_date_format (bel_date_today ());
  gint64 plan_id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_SUPPORT_PLAN (plan), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error))
    return NULL;
  if (!bel_care_is_privileged (actor, student.school_id) &&
      (student.advisor_id == 0 || student.advisor_id != bel_engine_actor_id (actor)))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Only counselors, leaders and the student's advisor create a support plan");
      return NULL;
    }
  if (bel_resource_get_string (plan, "status") == NULL)
    g_object_set (plan, "status", "active", NULL);
  if (bel_resource_get_string (plan, "starts-on") == NULL)
    g_object_set (plan, "starts-on", today, NULL);
  if (!validate_plan (engine, student.school_id, student_id, plan, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO support_plan (school_id, student_id, flag_id, concern, tier, owner_id, "
                            "starts_on, review_on, status, outcome, created_by, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?12, ?12)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student.school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_id (stmt, 3, bel_resource_get_int (plan, "flag-id"));
  bel_bind_text (stmt, 4, bel_resource_get_string (plan, "concern"));
  bel_bind_int64 (stmt, 5, bel_resource_get_int (plan, "tier"));
  bel_bind_int64 (stmt, 6, bel_resource_get_int (plan, "owner-id"));
  bel_bind_text (stmt, 7, bel_resource_get_string (plan, "starts-on"));
  bel_bind_text (stmt, 8, bel_resource_get_string (plan, "review-on"));
  bel_bind_text (stmt, 9, bel_resource_get_string (plan, "status"));
  bel_bind_text (stmt, 10, bel_resource_get_string (plan, "outcome"));
  bel_bind_id (stmt, 11, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 12, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  plan_id = bel_store_last_insert_id (store);
  if (!bel_plan_parts_save (engine, plan_id, plan, TRUE, TRUE, error))
    return NULL;
  created = load_plan (engine, plan_id, error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "support_plan.create", student_id, NULL);
  if (!record (engine, "support_plan.created", created, error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static gboolean
store_plan (BelEngine       *engine,
            BelSupportPlan  *plan,
            GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE support_plan SET flag_id = ?, concern = ?, tier = ?, owner_id = ?, starts_on = ?, "
      "review_on = ?, status = ?, outcome = ?, updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_id (stmt, 1, bel_resource_get_int (plan, "flag-id"));
  bel_bind_text (stmt, 2, bel_resource_get_string (plan, "concern"));
  bel_bind_int64 (stmt, 3, bel_resource_get_int (plan, "tier"));
  bel_bind_int64 (stmt, 4, bel_resource_get_int (plan, "owner-id"));
  bel_bind_text (stmt, 5, bel_resource_get_string (plan, "starts-on"));
  bel_bind_text (stmt, 6, bel_resource_get_string (plan, "review-on"));
  bel_bind_text (stmt, 7, bel_resource_get_string (plan, "status"));
  bel_bind_text (stmt, 8, bel_resource_get_string (plan, "outcome"));
  bel_bind_text (stmt, 9, now);
  bel_bind_int64 (stmt, 10, bel_resource_get_id (plan));
  bel_bind_int64 (stmt, 11, bel_resource_get_version (plan));
  return bel_store_step_done (store, stmt, error);
}

BelSupportPlan *
bel_support_plans_update (BelEngine          *engine,
                          BelAccount         *actor,
                          gint64              plan_id,
                          gint64              expected_version,
                          BelSupportPlan     *changes,
                          const char * const *fields,
                          GError            **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSupportPlan) plan = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_SUPPORT_PLAN (changes), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  plan = load_for (engine, actor, plan_id, error);
  if (plan == NULL ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (plan), error) ||
      !bel_engine_copy_fields (plan, changes, fields, error) ||
      !validate_plan (engine, bel_resource_get_int (plan, "school-id"),
                      bel_resource_get_int (plan, "student-id"), plan, error) ||
      !store_plan (engine, plan, error) ||
      !bel_plan_parts_save (engine, plan_id, plan, bel_engine_fields_contain (fields, "contributors"),
                            bel_engine_fields_contain (fields, "actions"), error))
    return NULL;
  g_clear_object (&plan);
  plan = load_plan (engine, plan_id, error);
  if (plan == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "support_plan.update", bel_resource_get_int (plan, "student-id"), NULL);
  if (!record (engine, "support_plan.updated", plan, error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&plan);
}

static gboolean
insert_review (BelEngine      *engine,
               BelAccount     *actor,
               gint64          plan_id,
               BelPlanReview  *review,
               GError        **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *today = bel_date_format (bel_date_today ());
  const char *next = bel_resource_get_string (review, "next-review-on");
  g_autoptr(BelStmt) insert = bel_store_prepare (store,
      "INSERT INTO support_plan_review (plan_id, reviewed_on, note, next_review_on, author_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(BelStmt) bump = NULL;

  if (insert == NULL)
    return FALSE;
  bel_bind_int64 (insert, 1, plan_id);
  bel_bind_text (insert, 2, bel_resource_get_string (review, "reviewed-on") ?: today);
  bel_bind_text (insert, 3, bel_resource_get_string (review, "note"));
  bel_bind_text (insert, 4, next);
  bel_bind_id (insert, 5, bel_engine_actor_id (actor));
  bel_bind_text (insert, 6, now);
  if (!bel_store_step_done (store, insert, error))
    return FALSE;
  /* A review changes the plan as read (its reviews, maybe its review date): new version. */
  bump = bel_store_prepare (store, "UPDATE support_plan SET review_on = COALESCE (?, review_on), "
                            "updated_at = ?, version = version + 1 WHERE id = ?", error);
  if (bump == NULL)
    return FALSE;
  bel_bind_text (bump, 1, next);
  bel_bind_text (bump, 2, now);
  bel_bind_int64 (bump, 3, plan_id);
  return bel_store_step_done (store, bump, error);
}

BelSupportPlan *
bel_support_plans_review (BelEngine      *engine,
                          BelAccount     *actor,
                          gint64          plan_id,
                          BelPlanReview  *review,
                          GError        **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSupportPlan) plan = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  const char *reviewed = bel_resource_get_string (review, "reviewed-on");
  const char *next = bel_resource_get_string (review, "next-review-on");

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_PLAN_REVIEW (review), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  plan = load_for (engine, actor, plan_id, error);
  if (plan == NULL)
    return NULL;
  if (bel_engine_is_blank (bel_resource_get_string (review, "note")))
    bel_validation_add (v, "note", "must not be empty");
  if (reviewed != NULL)
    bel_care_check_past_date ("reviewed_on", reviewed, v);
  if (next != NULL && !bel_care_is_date (next))
    bel_validation_add (v, "next_review_on", "must be a date, YYYY-MM-DD");
  if (!bel_validation_finish (v, error) || !insert_review (engine, actor, plan_id, review, error))
    return NULL;
  g_clear_object (&plan);
  plan = load_plan (engine, plan_id, error);
  if (plan == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "support_plan.review", bel_resource_get_int (plan, "student-id"), NULL);
  if (!record (engine, "support_plan.reviewed", plan, error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&plan);
}
