/* bel-survey.h - a student belonging survey: items, target and mode (docs/surveys.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"
#include "bel-survey-item.h"
#include "bel-survey-target.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY (bel_survey_get_type ())
G_DECLARE_FINAL_TYPE (BelSurvey, bel_survey, BEL, SURVEY, BelResource)

BelSurvey *bel_survey_new (void);

extern const char * const bel_survey_modes[]; /* anonymous, confidential */

G_END_DECLS
