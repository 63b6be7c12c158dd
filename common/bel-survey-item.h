/* bel-survey-item.h - one question of a survey: a 5-point agreement item or the adults item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_ITEM (bel_survey_item_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyItem, bel_survey_item, BEL, SURVEY_ITEM, BelResource)

BelSurveyItem *bel_survey_item_new (void);

extern const char * const bel_survey_item_kinds[]; /* likert, adults */

G_END_DECLS
