/* bel-handlers-surveys.h - route handlers of student surveys and the students' page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

/* bel-handlers-surveys.c */
void bel_handle_survey_settings_get   (BelRequest *request);
void bel_handle_survey_settings_patch (BelRequest *request);
void bel_handle_surveys_list          (BelRequest *request);
void bel_handle_surveys_create        (BelRequest *request);
void bel_handle_surveys_get           (BelRequest *request);
void bel_handle_surveys_patch         (BelRequest *request);
void bel_handle_survey_trend          (BelRequest *request);
void bel_handle_survey_windows_list   (BelRequest *request);
void bel_handle_survey_windows_create (BelRequest *request);
void bel_handle_survey_windows_get    (BelRequest *request);
void bel_handle_survey_windows_patch  (BelRequest *request);
void bel_handle_survey_codes_issue    (BelRequest *request);
void bel_handle_survey_rates          (BelRequest *request);
void bel_handle_survey_results        (BelRequest *request);
void bel_handle_survey_adult_map      (BelRequest *request);

/* bel-survey-page.c: the page students answer on (HTML, no JavaScript) */
void bel_handle_survey_page           (BelRequest *request);
void bel_handle_survey_start          (BelRequest *request);
void bel_handle_survey_answers        (BelRequest *request);
void bel_handle_survey_style          (BelRequest *request);
/* The security headers of every response under /survey, as name, value, ...,
 * NULL; the server sets them on its own answers there too (404, 405, 413). */
const char *const *bel_survey_page_headers     (void);
void               bel_survey_page_set_headers (SoupMessageHeaders *headers);
gboolean           bel_survey_page_path        (const char         *path);

G_END_DECLS
