/* bel-survey-slip.h - one student's code slip for a survey window (the code only when just issued)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_SLIP (bel_survey_slip_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveySlip, bel_survey_slip, BEL, SURVEY_SLIP, BelResource)

BelSurveySlip *bel_survey_slip_new (void);

G_END_DECLS
