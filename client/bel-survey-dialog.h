/* bel-survey-dialog.h - make a survey and schedule its first window
 *
 * A modal window, in plain words:
 * - the title;
 * - who answers: the whole school, some grades (each with its number of
 *   students) or some advisories (each with its advisor and size);
 * - the questions: the four default items prefilled (kept as they are, they
 *   keep their Spanish translations and compare with earlier surveys), each
 *   can be changed or removed, and more can be added (up to 30);
 * - confidential or anonymous, each explained;
 * - whether to ask "Which adults at school could you go to?";
 * - the first window's name and days (opens at once when its first day is
 *   today or earlier).
 * "Schedule" makes the survey, then its window; the daemon's own words are
 * shown when it refuses.  "done" is emitted with the new survey's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_DIALOG (bel_survey_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyDialog, bel_survey_dialog, BEL, SURVEY_DIALOG, AdwWindow)

/* @advisories: the school's BelAdvisory list (not kept). */
BelSurveyDialog *bel_survey_dialog_new            (GtkWindow       *parent,
                                                   BelClient       *client,
                                                   gint64           school_id,
                                                   GPtrArray       *advisories);
/* What a person does with the form, for keyboard-free tests: */
void             bel_survey_dialog_set_title      (BelSurveyDialog *self,
                                                   const char      *title);
/* Chooses "Some advisories" and ticks @advisory_id's row. */
void             bel_survey_dialog_target_advisory (BelSurveyDialog *self,
                                                   gint64           advisory_id);
/* Chooses "Some grades" and ticks @grade's row (FALSE when the school has no such grade). */
gboolean         bel_survey_dialog_target_grade   (BelSurveyDialog *self,
                                                   int              grade);
/* Adds a question row with @text. */
void             bel_survey_dialog_add_question   (BelSurveyDialog *self,
                                                   const char      *text);
/* "confidential" or "anonymous". */
void             bel_survey_dialog_set_mode       (BelSurveyDialog *self,
                                                   const char      *mode);
void             bel_survey_dialog_set_ask_adults (BelSurveyDialog *self,
                                                   gboolean         ask);
void             bel_survey_dialog_set_window     (BelSurveyDialog *self,
                                                   const char      *name,
                                                   const char      *opens_on,
                                                   const char      *closes_on);
/* Presses "Schedule". */
void             bel_survey_dialog_schedule       (BelSurveyDialog *self);
/* Whether the grades of the school are known (the grade rows are there). */
gboolean         bel_survey_dialog_get_ready      (BelSurveyDialog *self);
/* The error shown, or NULL. */
const char      *bel_survey_dialog_get_error      (BelSurveyDialog *self);

G_END_DECLS
