/* bel-survey-settings.h - a school's survey settings: the smallest group shown, who sees class results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_SETTINGS (bel_survey_settings_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveySettings, bel_survey_settings, BEL, SURVEY_SETTINGS, BelResource)

BelSurveySettings *bel_survey_settings_new (void);

G_END_DECLS
