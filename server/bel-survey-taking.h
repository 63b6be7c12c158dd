/* bel-survey-taking.h - a student answers a survey with a one-time code
 *
 * Students have no accounts: the code is the only thing they bring.  These
 * functions take no actor; the page (bel-survey-page.c) calls them.  A code
 * works while its window is open and not past its closing day, and only
 * once: bel_survey_submit() marks it used in the same transaction that
 * stores the answers, and nothing ever changes stored answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-survey.h"

G_BEGIN_DECLS

typedef struct {
  gint64     window_id;
  gint64     school_id;
  char      *language;  /* the student's home language, NULL when not recorded */
  char      *closes_on;
  BelSurvey *survey;    /* with its items */
} BelSurveyTicket;

typedef struct {
  gint64  id;
  char   *name;
} BelSurveyAdult;

void             bel_survey_ticket_free    (BelSurveyTicket  *ticket);
void             bel_survey_adult_free     (BelSurveyAdult   *adult);

/* The ticket for a code as the student typed it: BEL_ERROR_NOT_FOUND for an
 * unknown code, BEL_ERROR_CONFLICT when it was used or its window is closed. */
BelSurveyTicket *bel_survey_ticket_find    (BelEngine        *engine,
                                            const char       *code,
                                            GError          **error);
/* The active staff of the school by name, for the adults item. */
GPtrArray       *bel_survey_adult_choices  (BelEngine        *engine,
                                            gint64            school_id,
                                            GError          **error);
/* Stores one response and uses up the code.  @values: item id (gint64 *) ->
 * GINT_TO_POINTER (1..5) for the agreement items answered (skipped ones are
 * absent); @adults: account ids (gint64) named on the adults item.  @on_date
 * is the day recorded (NULL: today; the demo passes its own days).  400 for an
 * item or adult that is not of this survey or school. */
gboolean         bel_survey_submit         (BelEngine        *engine,
                                            const char       *code,
                                            GHashTable       *values,
                                            GArray           *adults,
                                            const char       *on_date,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelSurveyTicket, bel_survey_ticket_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelSurveyAdult, bel_survey_adult_free)

G_END_DECLS
