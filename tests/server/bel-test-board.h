/* bel-test-board.h - a known relationship map for the board tests
 *
 * On top of bel_test_daemon_seed(): seven more students of Riverside (one of
 * them inactive, one added after the fall round closed), a closed "Fall map"
 * and an open "Winter map" with the marks below, and a round of the other
 * school.  Written through the engine before the daemon starts.
 *
 *              grade advisory subgroups           fall        winter (relationship)
 *   José         9   Falcons  el                  T           T C
 *   Amara  (A)   9   Falcons  el iep Female       -           T       personal: T
 *   Bao    (B)   9   Herons   former_el           -           -       concern: C
 *   Carlos (C)  10   Falcons  504 Male            T C L       T C L
 *   Dana   (D)  10   -        language_plan       C           -       concern: T
 *   Eve    (E)  11   Herons   behavior_plan Female L T        L
 *   Farid  (F)  11   Falcons  -                   -           C
 *   Hana   (H)  12   -        - (new in winter)   (absent)    -
 *   Gus         9   -        inactive            (absent)    (absent)
 *
 * T = teacher, C = counselor, L = leader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-test-daemon.h"

G_BEGIN_DECLS

enum { BOARD_JOSE, BOARD_AMARA, BOARD_BAO, BOARD_CARLOS, BOARD_DANA, BOARD_EVE, BOARD_FARID,
       BOARD_HANA, BOARD_N_STUDENTS };

typedef struct {
  BelTestSeed seed;
  gint64      students[BOARD_N_STUDENTS];
  gint64      inactive_id;
  gint64      other_student_id; /* a student of the other school */
  gint64      fall_id;          /* closed */
  gint64      winter_id;        /* open */
  gint64      other_round_id;   /* open, of the other school */
} BelTestBoard;

void        bel_test_board_build    (BelTestDaemon *d,
                                     BelTestBoard  *board);

/* Engine helpers for fixtures of other tests */
gint64      bel_test_board_add_student (BelEngine   *engine,
                                        gint64       school_id,
                                        const char  *given,
                                        const char  *family,
                                        gint64       grade,
                                        gint64       advisory_id,
                                        const char  *subgroups);
gint64      bel_test_board_add_round   (BelEngine   *engine,
                                        gint64       school_id,
                                        const char  *name,
                                        const char  *status);

/* The student object of a board response with this id (asserts it is there). */
JsonObject *bel_test_board_student   (JsonObject  *board,
                                      gint64       student_id);
/* The ids of the board's students, in order, as "1,5,3". */
char       *bel_test_board_ids       (JsonObject  *board);
/* A JSON array of integers as "1,5,3". */
char       *bel_test_ids_of          (JsonArray   *array);
/* The account ids of a board student's marks of @kind as "1,5,3"; "" when
 * the member is left out (no such marks). */
char       *bel_test_board_marks     (JsonObject  *student,
                                      const char  *kind);
/* The number of a board student's marks of @kind (0 when left out). */
guint       bel_test_board_n_marks   (JsonObject  *student,
                                      const char  *kind);
gboolean    bel_test_board_has_mark  (JsonObject  *student,
                                      const char  *kind,
                                      gint64       account_id);
/* The staff entry of the board for @account_id (asserts it is there). */
JsonObject *bel_test_board_staff     (JsonObject  *board,
                                      gint64       account_id);
/* The name the board's "advisories" give @advisory_id (asserts it is there). */
const char *bel_test_board_advisory_name (JsonObject *board,
                                          gint64      advisory_id);
/* "students/none/one/many" of a summary object or group, e.g. "3/1/1/1". */
char       *bel_test_counts          (JsonObject  *group);
/* The group with @key in @array (asserts it is there). */
JsonObject *bel_test_group           (JsonArray   *array,
                                      const char  *key);
/* The last_seq of the school's event replay, as @token sees it. */
gint64      bel_test_last_seq        (BelTestDaemon *d,
                                      const char    *token,
                                      gint64         school_id);

G_END_DECLS
