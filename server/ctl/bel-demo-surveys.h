/* bel-demo-surveys.h - the demo school's belonging surveys
 *
 * On a stored demo school (with its relationship map): the confidential
 * "Belonging survey" with the four default items, given twice this school
 * year — "Quarter 1" (2026-09-21 to 2026-10-02) and "Quarter 2" (2026-11-09
 * to 2026-11-20), both closed — where about 85% of the students of every
 * advisory answered with real differences between groups: current English
 * learners and students no adult marked on the map round of the time report
 * lower belonging, and belonging rises a little from one quarter to the next
 * for students who have an adult.  Small groups (some roster attributes,
 * some advisories' students per item) come out suppressed.  A second survey,
 * "Advisory check-in", targets one advisory and has an OPEN window with
 * unused codes, so the demo can print its slips (which issues new codes) and
 * a student can answer it in a browser.  Dates are fixed days, never the
 * clock, and every choice comes from one GRand, so the same seed gives the
 * same answers.  Everything goes through the engine, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

#define BEL_DEMO_SURVEY_TITLE      "Belonging survey"
#define BEL_DEMO_SURVEY_OPEN_TITLE "Advisory check-in"

typedef struct {
  guint  students;          /* students with an advisory, asked both quarters */
  guint  q1_responses;
  guint  q2_responses;
  gint64 survey_id;
  gint64 open_window_id;
  gint64 open_advisory_id;
  char  *open_advisory;     /* its name */
  char  *open_advisor;      /* the advisor's username, NULL when none */
  guint  open_codes;        /* unused codes issued for it */
} BelDemoSurveysSummary;

void     bel_demo_surveys_summary_clear (BelDemoSurveysSummary  *summary);

gboolean bel_demo_surveys_write         (BelEngine              *engine,
                                         gint64                  school_id,
                                         guint32                 seed,
                                         BelDemoSurveysSummary  *summary,
                                         GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BelDemoSurveysSummary, bel_demo_surveys_summary_clear)

G_END_DECLS
