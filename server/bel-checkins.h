/* bel-checkins.h - check-ins: short one-to-one conversations with students
 *
 * Any staff member of the school logs a check-in with a student (as
 * themselves); the answers follow the school's checklist (bel-cadence.h).
 * Staff of the school list check-ins; the answers and the note are read only
 * by the author, the student's advisor, counselors, leaders and admins
 * (others see `redacted` true).  Check-ins are records: they are not changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-checkin.h"
#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  gint64      student_id; /* 0 = any */
  gint64      account_id; /* the staff member who checked in, 0 = any */
  const char *since;      /* checked on or after */
  const char *until;      /* checked on or before */
  const char *kind;       /* academic, non_academic */
  gboolean    follow_up_only;
  guint       limit;      /* 0: 500 */
} BelCheckinQuery;

/* Newest first. */
GPtrArray  *bel_checkins_list   (BelEngine              *engine,
                                 BelAccount             *actor,
                                 gint64                  school_id,
                                 const BelCheckinQuery  *query,
                                 GError                **error);
BelCheckin *bel_checkins_get    (BelEngine              *engine,
                                 BelAccount             *actor,
                                 gint64                  checkin_id,
                                 GError                **error);
/* Uses checked-on, kind, answers (keys from the checklist), note, follow-up-needed. */
BelCheckin *bel_checkins_create (BelEngine              *engine,
                                 BelAccount             *actor,
                                 gint64                  student_id,
                                 BelCheckin             *checkin,
                                 GError                **error);

G_END_DECLS
