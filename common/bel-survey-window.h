/* bel-survey-window.h - one time a survey is given: its dates, status and codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_WINDOW (bel_survey_window_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyWindow, bel_survey_window, BEL, SURVEY_WINDOW, BelResource)

BelSurveyWindow *bel_survey_window_new (void);

extern const char * const bel_survey_window_statuses[]; /* scheduled, open, closed */

G_END_DECLS
