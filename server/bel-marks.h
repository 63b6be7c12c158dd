/* bel-marks.h - placing and removing marks on the board
 *
 * Marks are a set: putting a mark that exists and removing one that does not
 * both succeed and change nothing.  Teachers place and remove their own marks
 * only (BEL_ERROR_FORBIDDEN otherwise); counselors, leaders and admins may do
 * it for any staff member of the school, and the mark records who placed it.
 * The student must be of the round's school (BEL_ERROR_NOT_FOUND), the
 * account a staff member of it (BEL_ERROR_INVALID), and the round open
 * (BEL_ERROR_CONFLICT for a planned or closed round).
 *
 * Each change records a live event (mark.added, mark.removed) whose data is
 * the Mark JSON plus the student's new adult_count; concern marks are seen
 * only by counselors, leaders, admins and the staff member marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-mark.h"

G_BEGIN_DECLS

/* @created (may be NULL) tells whether the mark is new. */
BelMark  *bel_marks_put    (BelEngine   *engine,
                            BelAccount  *actor,
                            gint64       round_id,
                            gint64       student_id,
                            gint64       account_id,
                            const char  *kind,
                            gboolean    *created,
                            GError     **error);
/* @removed (may be NULL) tells whether there was a mark to remove. */
gboolean  bel_marks_delete (BelEngine   *engine,
                            BelAccount  *actor,
                            gint64       round_id,
                            gint64       student_id,
                            gint64       account_id,
                            const char  *kind,
                            gboolean    *removed,
                            GError     **error);

G_END_DECLS
