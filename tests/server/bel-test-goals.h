/* bel-test-goals.h - a school with growth metrics for the goal tests
 *
 * On top of bel_test_daemon_seed(): a second teacher "teacher2" (Theo, no
 * advisory, no advocacy), Amara (grade 10, Herons, iep) and Bao (grade 9,
 * Falcons, el), and two metrics written through the engine before the daemon
 * starts:
 *
 *   reading  "Reading readiness, scaled score"  100..300  higher is better
 *   errors   "Oral reading errors per minute"     0..50   lower is better
 *
 * José (the seed's student, Falcons: advisor "teacher") is SIS id S-1001.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-test-daemon.h"

G_BEGIN_DECLS

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  gint64         teacher2_id;
  gint64         amara_id;
  gint64         bao_id;
  gint64         reading_id;
  gint64         errors_id;
  char          *leader;     /* tokens, after bel_test_goals_start() */
  char          *counselor;
  char          *teacher;
  char          *teacher2;
  char          *outsider;
} BelTestGoals;

void             bel_test_goals_setup    (BelTestGoals  *g);
/* Starts the daemon and signs everyone in. */
void             bel_test_goals_start    (BelTestGoals  *g);
void             bel_test_goals_teardown (BelTestGoals  *g);

/* A request with a JSON body made from @format. */
BelTestResponse *bel_test_goals_request  (BelTestGoals  *g,
                                          const char    *method,
                                          const char    *token,
                                          const char    *path,
                                          const char    *format,
                                          ...) G_GNUC_PRINTF (5, 6);
/* GET @path (printf-style), asserting 200; returns the JSON object (owned by *@r). */
JsonObject      *bel_test_goals_get      (BelTestGoals     *g,
                                          const char       *token,
                                          BelTestResponse **r,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* Sets a goal for @student_id over HTTP with @body_json, asserting 201; its id. */
gint64           bel_test_goals_create   (BelTestGoals  *g,
                                          const char    *token,
                                          gint64         student_id,
                                          const char    *body_json);
/* Records one measurement, asserting @status; the number of benchmarks it met. */
guint            bel_test_goals_measure  (BelTestGoals  *g,
                                          const char    *token,
                                          gint64         goal_id,
                                          const char    *date,
                                          gdouble        value,
                                          guint          status);
/* Asserts that the 422 problem @r has an error for @field. */
void             bel_test_goals_assert_field (BelTestResponse *r,
                                              const char      *field);
/* Sets the known goals A-D described in test-goals-math.c; their ids in @ids[4]. */
void             bel_test_goals_create_known (BelTestGoals *g,
                                              gint64       *ids);
gdouble          bel_test_goals_number   (JsonObject    *obj,
                                          const char    *member);

G_END_DECLS
