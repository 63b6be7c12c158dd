/* bel-survey-dialog.h - make and schedule a survey
 *
 * A modal window: the title, the four default items prefilled (each can be
 * changed or cleared; none left = the defaults), who it is for (the whole
 * school or one grade), confidential or anonymous, and the first window's
 * name and dates (opens now when the opening day is today or earlier).
 * "Schedule" makes the survey, then its window; "done" is emitted with the
 * new survey's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_DIALOG (bel_survey_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyDialog, bel_survey_dialog, BEL, SURVEY_DIALOG, AdwWindow)

BelSurveyDialog *bel_survey_dialog_new  (GtkWindow *parent,
                                         BelClient *client,
                                         gint64     school_id);

G_END_DECLS
