/* bel-survey-target.h - who a survey is for: a grade or an advisory (none: the whole school)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_TARGET (bel_survey_target_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyTarget, bel_survey_target, BEL, SURVEY_TARGET, BelResource)

BelSurveyTarget *bel_survey_target_new (void);

extern const char * const bel_survey_target_kinds[]; /* grade, advisory */

G_END_DECLS
