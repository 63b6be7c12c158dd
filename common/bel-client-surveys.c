/* bel-client-surveys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-surveys.h"
#include "bel-client-private.h"

#include "bel-error.h"
#include "bel-model.h"

void
bel_client_list_surveys_async (BelClient          *client,
                               gint64              school_id,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/surveys", school_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_SURVEY, bel_client_surveys_list_finish,
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
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_SURVEY_WINDOW, bel_client_surveys_list_finish,
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
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_SURVEY_RATE, bel_client_surveys_list_finish,
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
  bel_client_call_list (client, "POST", path, NULL, BEL_TYPE_SURVEY_SLIP, bel_client_surveys_list_finish,
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
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_SURVEY, bel_client_survey_object_finish,
                         cancellable, callback, user_data);
}

/* The non-NULL name, opens_on, closes_on and status of @window. */
static JsonNode *
window_request (BelSurveyWindow *window)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const char * const fields[] = { "name", "opens_on", "closes_on", "status" };
  static const char * const props[] = { "name", "opens-on", "closes-on", "status" };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (bel_resource_get_string (window, props[i]) != NULL)
      {
        json_builder_set_member_name (builder, fields[i]);
        json_builder_add_string_value (builder, bel_resource_get_string (window, props[i]));
      }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
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
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SURVEY_WINDOW (window));
  body = window_request (window);
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_SURVEY_WINDOW, bel_client_survey_object_finish,
                         cancellable, callback, user_data);
}

void
bel_client_update_survey_window_async (BelClient          *client,
                                       gint64              window_id,
                                       gint64              version,
                                       BelSurveyWindow    *changes,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT, window_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SURVEY_WINDOW (changes));
  g_return_if_fail (version > 0);
  body = window_request (changes);
  bel_client_call_model (client, "PATCH", path, body, version, BEL_TYPE_SURVEY_WINDOW,
                         bel_client_survey_object_finish, cancellable, callback, user_data);
}

void
bel_client_get_survey_settings_async (BelClient          *client,
                                      gint64              school_id,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", school_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_model (client, "GET", path, NULL, 0, BEL_TYPE_SURVEY_SETTINGS, bel_client_survey_object_finish,
                         cancellable, callback, user_data);
}

void
bel_client_update_survey_settings_async (BelClient          *client,
                                         gint64              school_id,
                                         BelSurveySettings  *settings,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/survey-settings", school_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_SURVEY_SETTINGS (settings));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "min_respondents");
  json_builder_add_int_value (builder, bel_resource_get_int (settings, "min-respondents"));
  json_builder_set_member_name (builder, "leaders_see_teacher_results");
  json_builder_add_boolean_value (builder, bel_resource_get_bool (settings, "leaders-see-teacher-results"));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  bel_client_call_model (client, "PATCH", path, body, bel_resource_get_version (settings),
                         BEL_TYPE_SURVEY_SETTINGS, bel_client_survey_object_finish, cancellable, callback,
                         user_data);
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
  bel_client_call_full (client, "GET", path, NULL, NULL, 0, NULL, NULL, G_TYPE_INVALID,
                        bel_client_survey_json_finish, cancellable, callback, user_data);
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
  bel_client_call_full (client, "GET", path, query, NULL, 0, NULL, NULL, G_TYPE_INVALID,
                        bel_client_survey_json_finish, cancellable, callback, user_data);
}

void
bel_client_get_survey_adult_map_async (BelClient          *client,
                                       gint64              window_id,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/survey-windows/%" G_GINT64_FORMAT "/adult-map", window_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_full (client, "GET", path, NULL, NULL, 0, NULL, NULL, G_TYPE_INVALID,
                        bel_client_survey_json_finish, cancellable, callback, user_data);
}

JsonNode *
bel_client_survey_json_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
