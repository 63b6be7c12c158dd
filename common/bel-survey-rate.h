/* bel-survey-rate.h - how many students of an advisory answered a survey window (counts only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_RATE (bel_survey_rate_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyRate, bel_survey_rate, BEL, SURVEY_RATE, BelResource)

BelSurveyRate *bel_survey_rate_new (void);

G_END_DECLS
