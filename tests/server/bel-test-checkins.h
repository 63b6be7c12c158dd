/* bel-test-checkins.h - a small known school for the check-in, contact,
 * observation, plan and meeting tests
 *
 * On top of bel_test_daemon_seed(): four more students and a second teacher,
 * written through the engine; then the daemon is started and every account
 * signed in.  The rest of each fixture goes through HTTP.
 *
 *              grade advisory (advisor)
 *   José         9   Falcons (teacher)
 *   Ana Alba     9   Falcons (teacher)
 *   Ben Brook    9   Herons  (none)
 *   Cleo Cruz   10   Falcons (teacher)
 *   Dev Diaz    10   -
 *
 * "teacher2" (Tia Two) is a teacher of the school with no advisory.
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
  gint64         jose, ana, ben, cleo, dev;
  char          *leader;
  char          *counselor;
  char          *teacher;
  char          *teacher2;
  char          *outsider;
} BelTestCheckins;

void             bel_test_checkins_setup    (BelTestCheckins *c);
void             bel_test_checkins_teardown (BelTestCheckins *c);

/* A request with a printf-style path. */
BelTestResponse *bel_test_checkins_call     (BelTestCheckins *c,
                                             const char      *method,
                                             const char      *token,
                                             const char      *body,
                                             const char      *if_match,
                                             const char      *path_format,
                                             ...) G_GNUC_PRINTF (6, 7);
/* POSTs @body to the path and asserts 201; returns the new object's id. */
gint64           bel_test_checkins_create   (BelTestCheckins *c,
                                             const char      *token,
                                             const char      *body,
                                             const char      *path_format,
                                             ...) G_GNUC_PRINTF (4, 5);
/* The "items" of a 200 list response. */
JsonArray       *bel_test_items             (BelTestResponse *r);
/* The item whose @member is @value and (if @rule is given) whose "rule" is @rule. */
JsonObject      *bel_test_find              (JsonArray       *items,
                                             const char      *member,
                                             gint64           value,
                                             const char      *rule);
/* "a,b,c" of the integer @member of each item. */
char            *bel_test_column            (JsonArray       *items,
                                             const char      *member);

/* The default rules' names (bel-cadence.c). */
#define WEEKLY  "Weekly check-in for targeted students"
#define MONTHLY "Monthly non-academic check-in"

G_END_DECLS
