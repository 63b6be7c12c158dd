/* bel-survey-page-private.h - the HTML of the students' survey page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bel-survey-taking.h"

G_BEGIN_DECLS

/* The page's own words in one language. */
typedef struct {
  const char *lang;          /* BCP 47 tag of these words */
  const char *title;
  const char *intro;
  const char *code_label;
  const char *code_help;
  const char *start;
  const char *not_found;
  const char *used;
  const char *closed;
  const char *too_many;
  const char *reload;
  const char *failed;
  const char *confidential;
  const char *anonymous;
  const char *skip_hint;
  const char *scale[5];      /* strongly disagree .. strongly agree */
  const char *adults_hint;
  const char *adults_shared;
  const char *adults_counted;
  const char *send;
  const char *thanks_title;
  const char *thanks;
} BelPageText;

/* The words for a home language ("Spanish"); English for NULL or one we lack. */
const BelPageText *bel_survey_page_text      (const char        *language);
const char        *bel_survey_page_css       (void);

GString           *bel_survey_page_code_form (const BelPageText *text,
                                              const char        *token,
                                              const char        *message);
/* @language: the home language to show (NULL: English); @adults: BelSurveyAdult. */
GString           *bel_survey_page_questions (BelSurveyTicket   *ticket,
                                              GPtrArray         *adults,
                                              const char        *language,
                                              const char        *code,
                                              const char        *answers_token,
                                              const char        *start_token);
GString           *bel_survey_page_thanks    (const BelPageText *text);

G_END_DECLS
