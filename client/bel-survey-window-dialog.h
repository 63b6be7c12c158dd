/* bel-survey-window-dialog.h - schedule a new window of an existing survey
 *
 * A modal window: the window's name and its first and last days.  A window
 * whose first day is today (or earlier) opens at once; a later one is
 * scheduled and waits until a leader opens it.  "done" is emitted with the
 * new window's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_WINDOW_DIALOG (bel_survey_window_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyWindowDialog, bel_survey_window_dialog, BEL, SURVEY_WINDOW_DIALOG, AdwWindow)

BelSurveyWindowDialog *bel_survey_window_dialog_new      (GtkWindow             *parent,
                                                          BelClient             *client,
                                                          gint64                 survey_id,
                                                          const char            *survey_title);
/* For tests and keyboard users alike: fills the form and schedules. */
void                   bel_survey_window_dialog_schedule (BelSurveyWindowDialog *self,
                                                          const char            *name,
                                                          const char            *opens_on,
                                                          const char            *closes_on);
/* The status a window with this first day gets: open from today, else scheduled. */
const char            *bel_survey_window_status_for      (const char            *opens_on);

G_END_DECLS
