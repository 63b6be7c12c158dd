/* bel-survey-results.h - survey results by group, with small groups suppressed
 *
 * Per agreement item: respondents, share agreeing (agree + strongly agree),
 * mean (1 strongly disagree .. 5 strongly agree) and the distribution; for
 * everyone, and broken down by grade and advisory (every survey), by English
 * learner status, IEP/504 and each roster attribute such as gender, and by
 * class (confidential surveys: these need the student).  Cells too small to
 * show are suppressed and pooled as "small groups" following
 * bel-survey-suppress.h; nothing here is ever about one student.
 *
 * Who sees what: counselors, leaders and admins see everyone, grades and
 * subgroups; the advisory and class breakdowns are a teacher's own results:
 * each teacher sees the cells of the advisories they advise and the classes
 * they teach, and others see them only when the school's setting
 * leaders_see_teacher_results is on.  A teacher sees everyone and their own
 * cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-engine.h"
#include "bel-survey.h"
#include "bel-survey-window.h"

G_BEGIN_DECLS

typedef struct {
  char      *key;
  char      *label;
  GArray    *owners;          /* gint64 account ids whose own results these are */
  gint64     respondents;     /* answered at least one agreement item */
  gint64    *item_n;          /* per agreement item */
  gint64    *dist;            /* per agreement item, 5 counts */
  gboolean   suppressed;
  gboolean  *item_suppressed;
} BelSurveyCell;

typedef struct {
  char          *key;         /* grade, advisory, el_status, iep_504, attr:NAME, class */
  char          *label;
  gboolean       partition;   /* every respondent in exactly one cell */
  gboolean       teacher_own; /* advisory and class: teachers' own results */
  GPtrArray     *cells;       /* BelSurveyCell */
  BelSurveyCell *small_groups; /* the suppressed cells pooled; NULL when none */
} BelSurveyBreakdown;

typedef struct {
  BelSurvey          *survey;
  BelSurveyWindow    *window;
  gint64              min_respondents;
  gboolean            leaders_see_teacher_results;
  GPtrArray          *items;   /* the agreement items (BelSurveyItem) */
  BelSurveyCell      *overall;
  GPtrArray          *breakdowns;
} BelSurveyResults;

void              bel_survey_results_free    (BelSurveyResults   *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelSurveyResults, bel_survey_results_free)

/* Computes and suppresses; no permission check (see bel_survey_results_get). */
BelSurveyResults *bel_survey_results_compute (BelEngine          *engine,
                                              gint64              window_id,
                                              GError            **error);

/* Any staff of the school; the JSON holds what the actor may see. */
JsonNode         *bel_survey_results_get     (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              window_id,
                                              GError            **error);
/* Every window of the survey that has opened, oldest first: everyone, and the
 * breakdown named @breakdown (NULL: none) as the actor may see it. */
JsonNode         *bel_survey_trend_get       (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              survey_id,
                                              const char         *breakdown,
                                              GError            **error);

/* Students the board's round saw with no adult, respondents who named no
 * adult, and adults named whom the map missed (counselors, leaders, admins;
 * names of students only for confidential surveys).  @round_id 0: the open
 * round, or else the latest. */
JsonNode         *bel_survey_adult_map_get   (BelEngine          *engine,
                                              BelAccount         *actor,
                                              gint64              window_id,
                                              gint64              round_id,
                                              GError            **error);

G_END_DECLS
