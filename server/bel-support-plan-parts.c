/* bel-support-plan-parts.c - contributors, actions and reviews of support plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-support-plans-private.h"

#include "bel-plan-action.h"
#include "bel-plan-person.h"

static gboolean
load_list (BelEngine       *engine,
           BelSupportPlan  *plan,
           const char      *field,
           GType            type,
           const char      *sql,
           gpointer       (*from_row) (BelStmt *stmt),
           GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (plan));
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(GObject) item = from_row (stmt);
      g_list_store_append (list, item);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_object_set (plan, field, list, NULL);
  return TRUE;
}

static gpointer
person_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_PLAN_PERSON,
                       "account-id", (gint64) bel_column_int64 (stmt, 0),
                       "display-name", bel_column_text (stmt, 1), NULL);
}

static gpointer
action_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_PLAN_ACTION,
                       "description", bel_column_text (stmt, 0),
                       "owner-id", (gint64) bel_column_int64 (stmt, 1),
                       "owner-name", bel_column_text (stmt, 2),
                       "due-on", bel_column_text (stmt, 3),
                       "done", bel_column_int (stmt, 4) != 0, NULL);
}

static gpointer
review_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_PLAN_REVIEW,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "reviewed-on", bel_column_text (stmt, 1),
                       "note", bel_column_text (stmt, 2),
                       "next-review-on", bel_column_text (stmt, 3),
                       "author-id", (gint64) bel_column_int64 (stmt, 4),
                       "author-name", bel_column_text (stmt, 5),
                       "created-at", bel_column_text (stmt, 6), NULL);
}

gboolean
bel_plan_parts_load (BelEngine       *engine,
                     BelSupportPlan  *plan,
                     GError         **error)
{
  return load_list (engine, plan, "contributors", BEL_TYPE_PLAN_PERSON,
                    "SELECT c.account_id, a.display_name FROM support_plan_contributor c "
                    "JOIN account a ON a.id = c.account_id WHERE c.plan_id = ? "
                    "ORDER BY a.display_name, a.id", person_from_row, error) &&
         load_list (engine, plan, "actions", BEL_TYPE_PLAN_ACTION,
                    "SELECT x.description, x.owner_id, a.display_name, x.due_on, x.done "
                    "FROM support_plan_action x LEFT JOIN account a ON a.id = x.owner_id "
                    "WHERE x.plan_id = ? ORDER BY x.position, x.id", action_from_row, error) &&
         load_list (engine, plan, "reviews", BEL_TYPE_PLAN_REVIEW,
                    "SELECT r.id, r.reviewed_on, r.note, r.next_review_on, r.author_id, a.display_name, "
                    "r.created_at FROM support_plan_review r LEFT JOIN account a ON a.id = r.author_id "
                    "WHERE r.plan_id = ? ORDER BY r.reviewed_on, r.id", review_from_row, error);
}

static gboolean
delete_parts (BelStore    *store,
              const char  *sql,
              gint64       plan_id,
              GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, plan_id);
  return bel_store_step_done (store, stmt, error);
}

static gboolean
save_contributors (BelStore        *store,
                   gint64           plan_id,
                   BelSupportPlan  *plan,
                   GError         **error)
{
  g_autoptr(GPtrArray) people = bel_care_list_items (plan, "contributors");

  if (!delete_parts (store, "DELETE FROM support_plan_contributor WHERE plan_id = ?", plan_id, error))
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "INSERT INTO support_plan_contributor (plan_id, account_id) VALUES (?, ?) "
          "ON CONFLICT DO NOTHING", error);

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, plan_id);
      bel_bind_int64 (stmt, 2, bel_resource_get_int (g_ptr_array_index (people, i), "account-id"));
      if (!bel_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_actions (BelStore        *store,
              gint64           plan_id,
              BelSupportPlan  *plan,
              GError         **error)
{
  g_autoptr(GPtrArray) actions = bel_care_list_items (plan, "actions");

  if (!delete_parts (store, "DELETE FROM support_plan_action WHERE plan_id = ?", plan_id, error))
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      BelPlanAction *action = g_ptr_array_index (actions, i);
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "INSERT INTO support_plan_action (plan_id, position, description, owner_id, due_on, done) "
          "VALUES (?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, plan_id);
      bel_bind_int64 (stmt, 2, (int) i);
      bel_bind_text (stmt, 3, bel_resource_get_string (action, "description"));
      bel_bind_id (stmt, 4, bel_resource_get_int (action, "owner-id"));
      bel_bind_text (stmt, 5, bel_resource_get_string (action, "due-on"));
      bel_bind_int64 (stmt, 6, bel_engine_get_bool (action, "done"));
      if (!bel_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bel_plan_parts_save (BelEngine       *engine,
                     gint64           plan_id,
                     BelSupportPlan  *plan,
                     gboolean         contributors,
                     gboolean         actions,
                     GError         **error)
{
  BelStore *store = bel_engine_get_store (engine);

  return (!contributors || save_contributors (store, plan_id, plan, error)) &&
         (!actions || save_actions (store, plan_id, plan, error));
}

gboolean
bel_plan_parts_validate (BelEngine       *engine,
                         gint64           school_id,
                         BelSupportPlan  *plan,
                         BelValidation   *v,
                         GError         **error)
{
  g_autoptr(GPtrArray) people = bel_care_list_items (plan, "contributors");
  g_autoptr(GPtrArray) actions = bel_care_list_items (plan, "actions");

  if (people->len > 30 || actions->len > 50)
    bel_validation_add (v, "actions", "a plan has at most 30 contributors and 50 actions");
  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *field = g_strdup_printf ("contributors[%u].account_id", i);

      if (!bel_care_check_staff (engine, school_id,
                                 bel_resource_get_int (g_ptr_array_index (people, i), "account-id"),
                                 field, v, error))
        return FALSE;
    }
  for (guint i = 0; i < actions->len; i++)
    {
      BelPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *field = g_strdup_printf ("actions[%u].owner_id", i);
      gint64 owner = bel_resource_get_int (action, "owner-id");

      if (bel_engine_is_blank (bel_resource_get_string (action, "description")))
        bel_validation_add (v, "actions", "item %u: description must not be empty", i);
      if (!bel_care_is_date (bel_resource_get_string (action, "due-on")))
        bel_validation_add (v, "actions", "item %u: due_on must be a date, YYYY-MM-DD", i);
      if (owner != 0 && !bel_care_check_staff (engine, school_id, owner, field, v, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bel_plan_parts_is_contributor (BelSupportPlan *plan,
                               gint64          account_id)
{
  g_autoptr(GPtrArray) people = bel_care_list_items (plan, "contributors");

  for (guint i = 0; i < people->len; i++)
    if (bel_resource_get_int (g_ptr_array_index (people, i), "account-id") == account_id)
      return TRUE;
  return FALSE;
}
