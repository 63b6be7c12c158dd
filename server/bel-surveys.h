/* bel-surveys.h - student belonging surveys: surveys, windows, codes, rates
 *
 * A survey (leaders create and change it) has items (5-point agreement items,
 * by default the four of docs/surveys.md with Spanish translations, plus an
 * optional "adults" item), a target (grades and/or advisories; none = the
 * whole school) and a mode: "anonymous" responses keep only the student's
 * grade and advisory, "confidential" ones also the student, for subgroup
 * results only.  No function here or in bel-survey-results.h returns one
 * student's answers.
 *
 * A window is one time the survey is given: scheduled -> open -> closed
 * (leaders move it; a closed window never reopens) with the planned dates;
 * answers are taken while it is open and not after its closing day.  Each
 * targeted student gets a one-time code per window (bel_survey_codes_issue):
 * only a keyed hash of it is stored, so the plain code exists only in the
 * answer to the call that made it.  A code works once (bel-survey-taking.h).
 *
 * Staff of the school read surveys and windows; leaders (and admins) change
 * them and the settings; leaders and an advisory's advisor issue its codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-survey.h"
#include "bel-survey-rate.h"
#include "bel-survey-settings.h"
#include "bel-survey-slip.h"
#include "bel-survey-window.h"

G_BEGIN_DECLS

/* Any staff of the school; the defaults when never changed. */
BelSurveySettings *bel_surveys_get_settings    (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              school_id,
                                                GError            **error);
/* Leaders and admins; @fields are the fields of @changes to apply. */
BelSurveySettings *bel_surveys_update_settings (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              school_id,
                                                gint64              expected_version,
                                                BelSurveySettings  *changes,
                                                const char * const *fields,
                                                GError            **error);

/* Newest first. */
GPtrArray         *bel_surveys_list            (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              school_id,
                                                GError            **error);
BelSurvey         *bel_surveys_get             (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              survey_id,
                                                GError            **error);
/* Uses title, mode, targets, items (none: the default items), ask-adults. */
BelSurvey         *bel_surveys_create          (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              school_id,
                                                BelSurvey          *survey,
                                                GError            **error);
/* Items, targets, mode and ask-adults change only while nobody has answered (409). */
BelSurvey         *bel_surveys_update          (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              survey_id,
                                                gint64              expected_version,
                                                BelSurvey          *changes,
                                                const char * const *fields,
                                                GError            **error);

/* Oldest first. */
GPtrArray         *bel_survey_windows_list     (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              survey_id,
                                                GError            **error);
BelSurveyWindow   *bel_survey_windows_get      (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              window_id,
                                                GError            **error);
BelSurveyWindow   *bel_survey_windows_create   (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              survey_id,
                                                BelSurveyWindow    *window,
                                                GError            **error);
/* Name, dates and status (scheduled -> open -> closed, or scheduled -> closed). */
BelSurveyWindow   *bel_survey_windows_update   (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              window_id,
                                                gint64              expected_version,
                                                BelSurveyWindow    *changes,
                                                const char * const *fields,
                                                GError            **error);

/* Issues a new code to every targeted student of the advisory who has not
 * answered yet (an earlier unused code stops working) and returns the slips,
 * by name: with the plain code, or answered true and no code.  Leaders,
 * admins and the advisory's advisor; not on a closed window (409). */
GPtrArray         *bel_survey_codes_issue      (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              window_id,
                                                gint64              advisory_id,
                                                GError            **error);

/* Per advisory (by name, "No advisory" last): targeted students, codes
 * issued, codes used.  Counselors, leaders and admins see every advisory,
 * teachers the advisories they advise. */
GPtrArray         *bel_survey_rates            (BelEngine          *engine,
                                                BelAccount         *actor,
                                                gint64              window_id,
                                                GError            **error);

G_END_DECLS
