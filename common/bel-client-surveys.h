/* bel-client-surveys.h - the student survey calls of BelClient (docs/surveys.md)
 *
 * Lists finish with bel_client_surveys_list_finish (a GPtrArray of models),
 * single objects with bel_client_survey_object_finish, and the results and
 * trend (plain JSON: SurveyResults, SurveyTrend of schemas/openapi.yaml)
 * with bel_client_survey_json_finish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-client.h"
#include "bel-survey.h"
#include "bel-survey-rate.h"
#include "bel-survey-settings.h"
#include "bel-survey-slip.h"
#include "bel-survey-window.h"

G_BEGIN_DECLS

/* GPtrArray of BelSurvey, newest first. */
void        bel_client_list_surveys_async        (BelClient          *client,
                                                  gint64              school_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* GPtrArray of BelSurveyWindow, by opening date. */
void        bel_client_list_survey_windows_async (BelClient          *client,
                                                  gint64              survey_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* GPtrArray of BelSurveyRate, per advisory. */
void        bel_client_get_survey_rates_async    (BelClient          *client,
                                                  gint64              window_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* GPtrArray of BelSurveySlip: NEW codes for the advisory's students who have
 * not answered (earlier unused codes stop working); the plain codes are in
 * this answer only. */
void        bel_client_issue_survey_codes_async  (BelClient          *client,
                                                  gint64              window_id,
                                                  gint64              advisory_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
GPtrArray  *bel_client_surveys_list_finish       (BelClient          *client,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* Sends title, mode, ask_adults, targets (kind, value) and items (key, text;
 * none: the four default items) of @survey.  Answers the BelSurvey. */
void        bel_client_create_survey_async       (BelClient          *client,
                                                  gint64              school_id,
                                                  BelSurvey          *survey,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* Sends name, opens_on, closes_on and status of @window.  Answers the BelSurveyWindow. */
void        bel_client_create_survey_window_async (BelClient         *client,
                                                  gint64              survey_id,
                                                  BelSurveyWindow    *window,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* Sends the non-NULL name, opens_on, closes_on and status of @changes with
 * If-Match: @version (scheduled -> open -> closed; a closed window never
 * reopens).  Answers the BelSurveyWindow. */
void        bel_client_update_survey_window_async (BelClient         *client,
                                                  gint64              window_id,
                                                  gint64              version,
                                                  BelSurveyWindow    *changes,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* The school's BelSurveySettings. */
void        bel_client_get_survey_settings_async (BelClient          *client,
                                                  gint64              school_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* Sends min_respondents and leaders_see_teacher_results of @settings, with
 * If-Match its version.  Answers the BelSurveySettings. */
void        bel_client_update_survey_settings_async (BelClient       *client,
                                                  gint64              school_id,
                                                  BelSurveySettings  *settings,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gpointer    bel_client_survey_object_finish      (BelClient          *client,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* SurveyResults as JSON (suppressed cells have no counts). */
void        bel_client_get_survey_results_async  (BelClient          *client,
                                                  gint64              window_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* SurveyTrend as JSON; @breakdown nullable (grade, el_status, attr:gender…). */
void        bel_client_get_survey_trend_async    (BelClient          *client,
                                                  gint64              survey_id,
                                                  const char         *breakdown,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* SurveyAdultMap as JSON (counselors, leaders, admins; the daemon records
 * each read in the audit log, so ask only when a person asks to see it). */
void        bel_client_get_survey_adult_map_async (BelClient         *client,
                                                  gint64              window_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
JsonNode   *bel_client_survey_json_finish        (BelClient          *client,
                                                  GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
