/* bel-client-surveys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-surveys.h"

#include "bel-error.h"
#include "bel-model.h"

typedef gpointer (*Decoder) (JsonNode *node, GError **error);

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Decoder decode = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_request_finish (BEL_CLIENT (source), result, &error);
  gpointer value = NULL;

  if (node == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_FAILED, "The server answered nothing");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (decode == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
      return;
    }
  value = decode (node, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (G_IS_OBJECT (value))
    g_task_return_pointer (task, value, g_object_unref);
  else
    g_task_return_pointer (task, value, (GDestroyNotify) g_ptr_array_unref);
}

static void
call (BelClient          *client,
      const char         *method,
      const char         *path,
      GHashTable         *query,
      JsonNode           *body,
      Decoder             decode,
      gpointer            source_tag,
      GCancellable       *cancellable,
      GAsyncReadyCallback callback,
      gpointer            user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_task_data (task, decode, NULL);
  g_task_set_source_tag (task, source_tag);
  bel_client_request_async (client, method, path, query, body, cancellable, decoded_cb, task);
}

static JsonNode *
items (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), "items");
}

static gpointer
decode_surveys (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_SURVEY, items (node), error);
}

static gpointer
decode_windows (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_SURVEY_WINDOW, items (node), error);
}

static gpointer
decode_rates (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_SURVEY_RATE, items (node), error);
}

static gpointer
decode_slips (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_SURVEY_SLIP, items (node), error);
}

static gpointer
decode_survey (JsonNode *node, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_SURVEY, node, BEL_MODEL_TRUST, error);
}

static gpointer
decode_window (JsonNode *node, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_SURVEY_WINDOW, node, BEL_MODEL_TRUST, error);
}

void
bel_client_list_surveys_async (BelClient          *client,
                               gint64              school_id,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/surveys", school_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, decode_surveys, bel_client_surveys_list_finish,
        cancellable, callback, user_data);
}

void
bel_client_list_survey_windows_async (BelClient          *client,
                                      gint64              survey_id,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/windows", survey_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, decode_windows, bel_client_surveys_list_finish,
        cancellable, callback, user_data);
}

void
bel_client_get_survey_rates_async (BelClient          *client,
                                   gint64              window_id,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/response-rates",
                                           window_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, decode_rates, bel_client_surveys_list_finish,
        cancellable, callback, user_data);
}

void
bel_client_issue_survey_codes_async (BelClient          *client,
                                     gint64              window_id,
                                     gint64              advisory_id,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%"
                                           G_GINT64_FORMAT "/codes", window_id, advisory_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "POST", path, NULL, NULL, decode_slips, bel_client_surveys_list_finish,
        cancellable, callback, user_data);
}

GPtrArray *
bel_client_surveys_list_finish (BelClient     *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
survey_request (BelSurvey *survey)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *targets = bel_resource_get_object (survey, "targets");
  GListModel *list = bel_resource_get_object (survey, "items");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, bel_resource_get_string (survey, "title"));
  if (bel_resource_get_string (survey, "mode") != NULL)
    {
      json_builder_set_member_name (builder, "mode");
      json_builder_add_string_value (builder, bel_resource_get_string (survey, "mode"));
    }
  json_builder_set_member_name (builder, "ask_adults");
  json_builder_add_boolean_value (builder, bel_resource_get_bool (survey, "ask-adults"));
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; targets != NULL && i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(BelSurveyTarget) target = g_list_model_get_item (targets, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, bel_resource_get_string (target, "kind"));
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, bel_resource_get_int (target, "value"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (list != NULL && g_list_model_get_n_items (list) > 0)
    {
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BelSurveyItem) item = g_list_model_get_item (list, i);

          json_builder_begin_object (builder);
          if (bel_resource_get_string (item, "key") != NULL)
            {
              json_builder_set_member_name (builder, "key");
              json_builder_add_string_value (builder, bel_resource_get_string (item, "key"));
            }
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, bel_resource_get_string (item, "text"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
bel_client_create_survey_async (BelClient          *client,
                                gint64              school_id,
                                BelSurvey          *survey,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/surveys", school_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SURVEY (survey));
  body = survey_request (survey);
  call (client, "POST", path, NULL, body, decode_survey, bel_client_survey_object_finish,
        cancellable, callback, user_data);
}

void
bel_client_create_survey_window_async (BelClient          *client,
                                       gint64              survey_id,
                                       BelSurveyWindow    *window,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/windows", survey_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  static const char * const fields[] = { "name", "opens_on", "closes_on", "status" };
  static const char * const props[] = { "name", "opens-on", "closes-on", "status" };

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SURVEY_WINDOW (window));
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (bel_resource_get_string (window, props[i]) != NULL)
      {
        json_builder_set_member_name (builder, fields[i]);
        json_builder_add_string_value (builder, bel_resource_get_string (window, props[i]));
      }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  call (client, "POST", path, NULL, body, decode_window, bel_client_survey_object_finish,
        cancellable, callback, user_data);
}

gpointer
bel_client_survey_object_finish (BelClient     *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
bel_client_get_survey_results_async (BelClient          *client,
                                     gint64              window_id,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/results", window_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call (client, "GET", path, NULL, NULL, NULL, bel_client_survey_json_finish, cancellable, callback, user_data);
}

void
bel_client_get_survey_trend_async (BelClient          *client,
                                   gint64              survey_id,
                                   const char         *breakdown,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/trend", survey_id);
  g_autoptr(GHashTable) query = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (breakdown != NULL)
    {
      query = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (query, "breakdown", (gpointer) breakdown);
    }
  call (client, "GET", path, query, NULL, NULL, bel_client_survey_json_finish, cancellable, callback, user_data);
}

JsonNode *
bel_client_survey_json_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
