/* bel-flags.h - concern flags on students
 *
 * Any staff member raises a flag (directly, or with a concern observation,
 * bel-observations.h).  Staff of the school list flags; the reason and the
 * resolution are read only by counselors, leaders, admins, the student's
 * advisor and whoever raised it (`redacted` for others).  Those same people
 * close (status closed, with a resolution) or reopen a flag, under If-Match.
 * Open flags rank students in the meeting (bel-meeting.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-flag.h"

G_BEGIN_DECLS

/* @status: open (default), closed, all; @student_id 0 = any. */
GPtrArray *bel_flags_list   (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               school_id,
                             const char          *status,
                             gint64               student_id,
                             GError             **error);
BelFlag   *bel_flags_get    (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               flag_id,
                             GError             **error);
/* Uses reason and observation-id (an observation of the same student). */
BelFlag   *bel_flags_create (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               student_id,
                             BelFlag             *flag,
                             GError             **error);
/* Copies status, resolution and reason. */
BelFlag   *bel_flags_update (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               flag_id,
                             gint64               expected_version,
                             BelFlag             *changes,
                             const char * const  *fields,
                             GError             **error);

G_END_DECLS
