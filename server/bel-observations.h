/* bel-observations.h - what staff notice: strengths, needs and concerns
 *
 * Any staff member of the school notes an observation about a student; the
 * student's observations are listed together, so what several adults saw is
 * read side by side.  Strengths and needs are read by all staff of the
 * school; a concern's text only by counselors, leaders, admins, the advisor
 * and its author (`redacted` for others).  A concern created with
 * raise-flag raises a concern flag (bel-flags.h) in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-observation.h"

G_BEGIN_DECLS

typedef struct {
  gint64      student_id; /* 0 = any */
  const char *kind;       /* strength, need, concern, or NULL */
  const char *since;
  guint       limit;      /* 0: 500 */
} BelObservationQuery;

/* Newest first. */
GPtrArray      *bel_observations_list   (BelEngine                  *engine,
                                         BelAccount                 *actor,
                                         gint64                      school_id,
                                         const BelObservationQuery  *query,
                                         GError                    **error);
/* The student's observations by every adult, newest first. */
GPtrArray      *bel_observations_of     (BelEngine                  *engine,
                                         BelAccount                 *actor,
                                         gint64                      student_id,
                                         const char                 *kind,
                                         GError                    **error);
BelObservation *bel_observations_create (BelEngine                  *engine,
                                         BelAccount                 *actor,
                                         gint64                      student_id,
                                         BelObservation             *observation,
                                         GError                    **error);

G_END_DECLS
