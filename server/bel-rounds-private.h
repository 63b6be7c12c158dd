/* bel-rounds-private.h - what the board modules share about rounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine-private.h"
#include "bel-rounds.h"

G_BEGIN_DECLS

/* The round without any access check; BEL_ERROR_NOT_FOUND when missing. */
BelRound *bel_rounds_load        (BelEngine   *engine,
                                  gint64       round_id,
                                  GError     **error);
/* The round without its mark and student counts (left 0): cheaper, for the
 * checks of every mark change.  BEL_ERROR_NOT_FOUND when missing. */
BelRound *bel_rounds_load_brief  (BelEngine   *engine,
                                  gint64       round_id,
                                  GError     **error);
/* The round, if @actor may read it (a member of its school or an admin). */
BelRound *bel_rounds_load_for    (BelEngine   *engine,
                                  BelAccount  *actor,
                                  gint64       round_id,
                                  GError     **error);
gboolean  bel_round_is_closed    (BelRound    *round);

/* A subquery "(student_id, grade, advisory_id)" of the students a round
 * shows: the kept roster of a closed round, the school's active students
 * otherwise.  Its parameters are ?@round_param = the round's id and
 * ?@school_param = its school's id. */
char     *bel_rounds_roster_sql  (BelRound    *round,
                                  guint        round_param,
                                  guint        school_param);

G_END_DECLS
