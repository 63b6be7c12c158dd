/* bel-handlers-surveys.c - surveys, windows, codes, rates, results, trend, adult map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-surveys.h"

#include "bel-error.h"
#include "bel-handlers-checkins.h"
#include "bel-survey-results.h"
#include "bel-surveys.h"

/* ---- settings ---- */

void
bel_handle_survey_settings_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveySettings) settings =
    bel_surveys_get_settings (request->engine, request->actor, bel_request_get_id (request, "school_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, settings, error);
}

void
bel_handle_survey_settings_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveySettings) changes = NULL;
  g_autoptr(BelSurveySettings) settings = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_SURVEY_SETTINGS, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    settings = bel_surveys_update_settings (request->engine, request->actor,
                                            bel_request_get_id (request, "school_id"), version, changes,
                                            (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, settings, error);
}

/* ---- surveys ---- */

void
bel_handle_surveys_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items =
    bel_surveys_list (request->engine, request->actor, bel_request_get_id (request, "school_id"), &error);

  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_surveys_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurvey) survey = bel_request_decode (request, BEL_TYPE_SURVEY, BEL_MODEL_CREATE, &error);
  g_autoptr(BelSurvey) created = NULL;

  if (survey != NULL)
    created = bel_surveys_create (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                                  survey, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_surveys_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurvey) survey =
    bel_surveys_get (request->engine, request->actor, bel_request_get_id (request, "survey_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, survey, error);
}

void
bel_handle_surveys_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurvey) changes = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_SURVEY, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    survey = bel_surveys_update (request->engine, request->actor, bel_request_get_id (request, "survey_id"),
                                 version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, survey, error);
}

void
bel_handle_survey_trend (BelRequest *request)
{
  static const char * const breakdowns[] = { "grade", "advisory", "el_status", "iep_504", "class", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *breakdown = bel_request_get_query (request, "breakdown");

  if (breakdown != NULL && !g_strv_contains (breakdowns, breakdown) && !g_str_has_prefix (breakdown, "attr:"))
    g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                         "breakdown: must be grade, advisory, el_status, iep_504, class or attr:NAME");
  else
    node = bel_survey_trend_get (request->engine, request->actor, bel_request_get_id (request, "survey_id"),
                                 breakdown, &error);
  bel_request_reply_json_result (request, node, error);
}

/* ---- windows ---- */

void
bel_handle_survey_windows_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items =
    bel_survey_windows_list (request->engine, request->actor, bel_request_get_id (request, "survey_id"), &error);

  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_survey_windows_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveyWindow) window = bel_request_decode (request, BEL_TYPE_SURVEY_WINDOW, BEL_MODEL_CREATE,
                                                          &error);
  g_autoptr(BelSurveyWindow) created = NULL;

  if (window != NULL)
    created = bel_survey_windows_create (request->engine, request->actor,
                                         bel_request_get_id (request, "survey_id"), window, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_survey_windows_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveyWindow) window =
    bel_survey_windows_get (request->engine, request->actor, bel_request_get_id (request, "window_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, window, error);
}

void
bel_handle_survey_windows_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurveyWindow) changes = NULL;
  g_autoptr(BelSurveyWindow) window = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_SURVEY_WINDOW, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    window = bel_survey_windows_update (request->engine, request->actor, bel_request_get_id (request, "window_id"),
                                        version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, window, error);
}

void
bel_handle_survey_codes_issue (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slips =
    bel_survey_codes_issue (request->engine, request->actor, bel_request_get_id (request, "window_id"),
                            bel_request_get_id (request, "advisory_id"), &error);

  bel_request_reply_list_result (request, slips, error);
}

void
bel_handle_survey_rates (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates =
    bel_survey_rates (request->engine, request->actor, bel_request_get_id (request, "window_id"), &error);

  bel_request_reply_list_result (request, rates, error);
}

void
bel_handle_survey_results (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node =
    bel_survey_results_get (request->engine, request->actor, bel_request_get_id (request, "window_id"), &error);

  bel_request_reply_json_result (request, node, error);
}

void
bel_handle_survey_adult_map (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 round_id = 0;

  if (bel_request_query_id (request, "round", &round_id, &error))
    node = bel_survey_adult_map_get (request->engine, request->actor, bel_request_get_id (request, "window_id"),
                                     round_id, &error);
  bel_request_reply_json_result (request, node, error);
}
