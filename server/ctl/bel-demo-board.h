/* bel-demo-board.h - the demo school's relationship map: two rounds and advocates
 *
 * On a stored demo school: a closed "Fall map" made eight weeks before the
 * demo's "today" and an open "Winter map" made today, where "today" is
 * derived from the school year (the third Monday of January of its second
 * year), never from the clock.  About 10% of students have no adult, about a
 * quarter one, the rest two or more; teachers mostly mark the students of
 * their advisory and of the grades they teach; a few personal and concern
 * marks; advocates for most of the fall round's unconnected students, some of
 * them connected by now.  Marks are placed by the staff themselves and
 * advocates assigned by a counselor, through the engine, so the audit log and
 * the live events are as real use would leave them.  The same seed gives the
 * same map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  gint64 fall_round_id;
  gint64 winter_round_id;
  guint  fall_marks;
  guint  winter_marks;
  guint  advocates;
  guint  winter_unconnected; /* students with no adult in the winter round */
  guint  students;
} BelDemoBoardSummary;

gboolean bel_demo_board_write (BelEngine            *engine,
                               gint64                school_id,
                               guint32               seed,
                               BelDemoBoardSummary  *summary,
                               GError              **error);

G_END_DECLS
