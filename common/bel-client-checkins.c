/* bel-client-checkins.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-checkins.h"
#include "bel-client-private.h"

#include <glib/gi18n-lib.h>

#include "bel-error.h"
#include "bel-model.h"

GPtrArray *
bel_client_care_list_finish (BelClient     *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_care_list_finish, error);
}

gpointer
bel_client_care_object_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_care_object_finish, error);
}

/* The JSON of a request: only @names, and only those that are set. */
static JsonNode *
request_body (gpointer            object,
              const char * const *names)
{
  g_autoptr(JsonNode) all = bel_model_to_json (object);
  JsonObject *from = json_node_get_object (all);
  g_autoptr(JsonObject) to = json_object_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (from, names[i]);

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        json_object_set_member (to, names[i], json_node_copy (node));
    }
  return json_node_init_object (json_node_alloc (), to);
}

static GHashTable *
new_query (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
query_int (GHashTable *query, const char *name, gint64 value)
{
  g_hash_table_insert (query, (gpointer) name, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

char *
bel_client_care_date (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* ---- check-ins ---- */

void
bel_client_get_checkin_settings_async (BelClient          *client,
                                       gint64              school_id,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/checkin-settings", school_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_model (client, "GET", path, NULL, 0, BEL_TYPE_CHECKIN_SETTINGS, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

void
bel_client_list_checkin_duties_async (BelClient          *client,
                                      gint64              school_id,
                                      const char         *state,
                                      gint64              account_id,
                                      int                 grade,
                                      gint64              student_id,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/checkin-duties", school_id);
  g_autoptr(GHashTable) query = new_query ();

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (state != NULL)
    g_hash_table_insert (query, "state", g_strdup (state));
  if (account_id > 0)
    query_int (query, "account", account_id);
  if (grade >= -1)
    query_int (query, "grade", grade);
  if (student_id > 0)
    query_int (query, "student", student_id);
  bel_client_call_list (client, "GET", path, query, BEL_TYPE_CHECKIN_DUTY, bel_client_care_list_finish,
                        cancellable, callback, user_data);
}

void
bel_client_create_checkin_async (BelClient          *client,
                                 gint64              student_id,
                                 BelCheckin         *checkin,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  static const char * const names[] = { "checked_on", "kind", "answers", "note", "follow_up_needed", NULL };
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/checkins", student_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_CHECKIN (checkin));
  body = request_body (checkin, names);
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_CHECKIN, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

/* ---- caregiver contacts ---- */

void
bel_client_list_family_reach_async (BelClient          *client,
                                    gint64              school_id,
                                    const char         *state,
                                    gint64              advisor_id,
                                    int                 grade,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/family-reach", school_id);
  g_autoptr(GHashTable) query = new_query ();

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (state != NULL)
    g_hash_table_insert (query, "state", g_strdup (state));
  if (advisor_id > 0)
    query_int (query, "advisor", advisor_id);
  if (grade >= -1)
    query_int (query, "grade", grade);
  bel_client_call_list (client, "GET", path, query, BEL_TYPE_FAMILY_REACH, bel_client_care_list_finish,
                        cancellable, callback, user_data);
}

void
bel_client_create_contact_async (BelClient          *client,
                                 gint64              student_id,
                                 BelContact         *contact,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  static const char * const names[] = {
    "caregiver_name", "relationship", "channel", "language", "interpreter", "interpreter_name",
    "good_news", "concern", "outcome", "contacted_on", NULL
  };
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/contacts", student_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_CONTACT (contact));
  body = request_body (contact, names);
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_CONTACT, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

/* ---- observations ---- */

void
bel_client_list_observations_async (BelClient          *client,
                                    gint64              student_id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/observations", student_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_OBSERVATION, bel_client_care_list_finish,
                        cancellable, callback, user_data);
}

void
bel_client_create_observation_async (BelClient          *client,
                                     gint64              student_id,
                                     BelObservation     *observation,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  static const char * const names[] = { "kind", "body", "observed_on", NULL };
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/observations", student_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_OBSERVATION (observation));
  body = request_body (observation, names);
  /* raise_flag is write-only, so the codec never serializes it */
  if (bel_resource_get_bool (observation, "raise-flag"))
    json_object_set_boolean_member (json_node_get_object (body), "raise_flag", TRUE);
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_OBSERVATION, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

/* ---- the meeting ---- */

void
bel_client_get_meeting_async (BelClient          *client,
                              gint64              school_id,
                              int                 grade,
                              guint               limit,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/meeting", school_id);
  g_autoptr(GHashTable) query = new_query ();

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (grade >= -1)
    query_int (query, "grade", grade);
  if (limit > 0)
    query_int (query, "limit", limit);
  bel_client_call_list (client, "GET", path, query, BEL_TYPE_MEETING_STUDENT, bel_client_care_list_finish,
                        cancellable, callback, user_data);
}

/* ---- support plans ---- */

void
bel_client_list_support_plans_async (BelClient          *client,
                                     gint64              school_id,
                                     const char         *status,
                                     gint64              student_id,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/support-plans", school_id);
  g_autoptr(GHashTable) query = new_query ();

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (status != NULL)
    g_hash_table_insert (query, "status", g_strdup (status));
  if (student_id > 0)
    query_int (query, "student", student_id);
  bel_client_call_list (client, "GET", path, query, BEL_TYPE_SUPPORT_PLAN, bel_client_care_list_finish,
                        cancellable, callback, user_data);
}

void
bel_client_get_support_plan_async (BelClient          *client,
                                   gint64              plan_id,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/support-plans/%" G_GINT64_FORMAT, plan_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_model (client, "GET", path, NULL, 0, BEL_TYPE_SUPPORT_PLAN, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

/* Contributors and actions without the names the server fills in */
static void
strip_list (JsonObject *plan, const char *member, const char * const *keep)
{
  JsonArray *items;

  if (!json_object_has_member (plan, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (plan, member)))
    return;
  items = json_object_get_array_member (plan, member);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autoptr(GList) names = json_object_get_members (item);

      for (GList *l = names; l != NULL; l = l->next)
        if (!g_strv_contains (keep, l->data) ||
            JSON_NODE_HOLDS_NULL (json_object_get_member (item, l->data)))
          json_object_remove_member (item, l->data);
    }
}

static void
strip_plan (JsonObject *plan)
{
  static const char * const person[] = { "account_id", NULL };
  static const char * const action[] = { "description", "owner_id", "due_on", "done", NULL };

  strip_list (plan, "contributors", person);
  strip_list (plan, "actions", action);
}

void
bel_client_create_support_plan_async (BelClient          *client,
                                      gint64              student_id,
                                      BelSupportPlan     *plan,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  static const char * const names[] = {
    "flag_id", "concern", "tier", "owner_id", "contributors", "actions", "starts_on", "review_on", NULL
  };
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/support-plans", student_id);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *obj;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SUPPORT_PLAN (plan));
  body = request_body (plan, names);
  obj = json_node_get_object (body);
  if (json_object_has_member (obj, "flag_id") && json_object_get_int_member (obj, "flag_id") <= 0)
    json_object_remove_member (obj, "flag_id");
  strip_plan (obj);
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_SUPPORT_PLAN, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

void
bel_client_update_support_plan_async (BelClient          *client,
                                      BelSupportPlan     *plan,
                                      JsonObject         *changes,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SUPPORT_PLAN (plan));
  path = g_strdup_printf ("/api/v1/support-plans/%" G_GINT64_FORMAT, bel_resource_get_id (plan));
  body = json_node_init_object (json_node_alloc (), changes);
  strip_plan (changes);
  bel_client_call_model (client, "PATCH", path, body, bel_resource_get_version (plan), BEL_TYPE_SUPPORT_PLAN, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}

void
bel_client_review_support_plan_async (BelClient          *client,
                                      gint64              plan_id,
                                      BelPlanReview      *review,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  static const char * const names[] = { "reviewed_on", "note", "next_review_on", NULL };
  g_autofree char *path = g_strdup_printf ("/api/v1/support-plans/%" G_GINT64_FORMAT "/reviews", plan_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_PLAN_REVIEW (review));
  body = request_body (review, names);
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_SUPPORT_PLAN, bel_client_care_object_finish,
                         cancellable, callback, user_data);
}
