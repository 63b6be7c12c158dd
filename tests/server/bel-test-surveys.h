/* bel-test-surveys.h - a school with a survey and known answers, for the survey tests
 *
 * On top of bel_test_daemon_seed() (written through the engine before the
 * daemon starts): 29 more students and an advisory "Owls" (advisor: the
 * counselor), a confidential survey (the four default items and the adults
 * item) with an open window "Spring" where every fixture student answered:
 *
 *   advisory (advisor)   grade  students  gender                 EL
 *   Falcons (teacher)      9      14      7 girl, 7 boy          4 current
 *   Herons  (none)         9       3      3 nonbinary            -
 *   Owls    (counselor)   10      12      6 girl, 6 boy          -
 *
 * The seed's José (Falcons, EL) has a code but has not answered: his code is
 * `jose_code`.  Every respondent strongly agrees with item 1 except the Herons,
 * who strongly disagree.  With the default minimum of 10: Herons (3) is
 * suppressed and so is Owls (12, the next smallest); nonbinary (3) and boy
 * (13, the first of the two smallest); EL (4) and everyone else (25).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-test-daemon.h"
#include "bel-test-survey-form.h"

G_BEGIN_DECLS

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  gint64         owls_id;
  gint64         survey_id;
  gint64         window_id;
  gint64         item_ids[5];   /* the four agreement items, then the adults item */
  gint64         herons_first;  /* a Herons student (answered) */
  char          *jose_code;
  char          *leader;
  char          *counselor;
  char          *teacher;
  char          *outsider;
} BelTestSurveys;

void             bel_test_surveys_setup    (BelTestSurveys *s);
void             bel_test_surveys_teardown (BelTestSurveys *s);

/* A request with a printf-style path. */
BelTestResponse *bel_test_surveys_call     (BelTestSurveys *s,
                                            const char     *method,
                                            const char     *token,
                                            const char     *body,
                                            const char     *if_match,
                                            const char     *path_format,
                                            ...) G_GNUC_PRINTF (6, 7);
/* Adds a class (as a roster import would) taught by @teacher_id with every
 * student of the advisories in @advisory_ids (0-terminated); the daemon may
 * be running. */
void             bel_test_surveys_add_class (BelTestSurveys *s,
                                             const char     *title,
                                             gint64          teacher_id,
                                             const gint64   *advisory_ids);
/* The breakdown @key of a results or trend object (NULL when absent). */
JsonObject      *bel_test_surveys_breakdown (JsonObject    *results,
                                             const char    *key);
/* Whether a results cell is suppressed; its respondents (asserting it is not). */
gboolean         bel_test_cell_suppressed   (JsonObject    *cell);
gint64           bel_test_cell_respondents  (JsonObject    *cell);
/* A suppressed cell carries no counts and no statistics. */
void             bel_test_assert_hidden     (JsonObject    *cell);
/* The cell @key of a breakdown (NULL when absent). */
JsonObject      *bel_test_surveys_cell      (JsonObject    *breakdown,
                                             const char    *key);

char            *bel_test_body_text         (BelTestResponse *r);
/* The students' page as a browser: GET /survey keeps its cookie in *@cookie
 * and returns the code form's token; forms are posted with the cookie. */
char            *bel_test_survey_open       (BelTestDaemon  *d,
                                             char          **cookie);
BelTestResponse *bel_test_survey_post       (BelTestDaemon  *d,
                                             const char     *cookie,
                                             const char     *path,
                                             const char     *form);

G_END_DECLS
