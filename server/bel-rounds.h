/* bel-rounds.h - relationship-mapping rounds of a school
 *
 * Any member of the school reads its rounds, of every school year; counselors,
 * leaders and admins create, open and close them.  A school has at most one
 * open round; a round goes planned -> open -> closed and a closed round is
 * read-only (BEL_ERROR_CONFLICT on any change).  Closing a round keeps the
 * roster it saw (grade and advisory as they were then).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-round.h"

G_BEGIN_DECLS

/* GPtrArray of BelRound, newest first. */
GPtrArray *bel_rounds_list   (BelEngine           *engine,
                              BelAccount          *actor,
                              gint64               school_id,
                              GError             **error);
BelRound  *bel_rounds_get    (BelEngine           *engine,
                              BelAccount          *actor,
                              gint64               round_id,
                              GError             **error);
/* Uses name and status (planned or open; NULL means open) of @round; the
 * round belongs to the school's current school year. */
BelRound  *bel_rounds_create (BelEngine           *engine,
                              BelAccount          *actor,
                              gint64               school_id,
                              BelRound            *round,
                              GError             **error);
/* Copies @fields (name, status) of @changes; @expected_version 0 means "any
 * version". */
BelRound  *bel_rounds_update (BelEngine           *engine,
                              BelAccount          *actor,
                              gint64               round_id,
                              gint64               expected_version,
                              BelRound            *changes,
                              const char * const  *fields,
                              GError             **error);

G_END_DECLS
