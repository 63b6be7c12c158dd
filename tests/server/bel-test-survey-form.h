/* bel-test-survey-form.h - the students' survey page as a browser uses it
 *
 * For tests of the daemon and of the app, with libsoup only (no test
 * daemon type, so the UI tests can use it too): the requests a browser
 * sends to GET /survey, POST /survey (the code) and POST /survey/answers,
 * the cookie it keeps and the form tokens it posts back, and
 * bel_test_survey_answer() doing all three in a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A request to @base_url @path; @form (NULL: none) is sent as a form body,
 * @cookie (NULL: none) as the Cookie header. */
SoupMessage *bel_test_survey_message    (const char         *base_url,
                                         const char         *method,
                                         const char         *path,
                                         const char         *cookie,
                                         const char         *form);
/* The cookie ("bel_survey=...") that @headers set, or NULL. */
char        *bel_test_survey_cookie     (SoupMessageHeaders *headers);
/* The value of the hidden token field of the form posting to @action in
 * @html, as it is (not escaped); asserts that there is one. */
char        *bel_test_form_token        (const char         *html,
                                         const char         *action);
/* "code=CODE&token=TOKEN", escaped. */
char        *bel_test_survey_start_form (const char         *code,
                                         const char         *token);

/* Answers the survey of @code with the same agreement value on every
 * agreement item of the page (@value: 1 strongly disagree .. 5).  The HTTP
 * status of the last step (200 when the answers were taken), or the status
 * of the step that failed. */
guint        bel_test_survey_answer     (const char         *base_url,
                                         const char         *code,
                                         guint               value);

G_END_DECLS
