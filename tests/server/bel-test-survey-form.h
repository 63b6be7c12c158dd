/* bel-test-survey-form.h - answer a survey as a student does in a browser
 *
 * For tests of the daemon and of the app: GET /survey (its cookie and form
 * token), POST /survey with the code, then POST /survey/answers with the
 * same agreement value on every agreement item of the page — plain HTTP
 * with libsoup, the same requests a browser sends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The HTTP status of the last step (200 when the answers were taken), or
 * the status of the step that failed.  @value: 1 strongly disagree .. 5. */
guint bel_test_survey_answer (const char *base_url,
                              const char *code,
                              guint       value);

G_END_DECLS
