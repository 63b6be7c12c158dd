/* bel-meeting.h - "Who needs us most this week?"
 *
 * Ranks the active students of a school (or of one grade, for a grade team)
 * by documented reasons, each with its weight and its evidence, and names for
 * each student the adults who know them best.  The reasons and weights are
 * in docs/meeting.md and BEL_MEETING_* below; a student with no reason is not
 * listed.  Order: score, then number of reasons (both highest first), then
 * family and given name.
 *
 * Any staff member of the school may read it.  Evidence never quotes a
 * concern: it says that a flag is open, when and by whom it was raised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-meeting-student.h"

G_BEGIN_DECLS

#define BEL_MEETING_FLAG_FIRST        40 /* an open concern flag */
#define BEL_MEETING_FLAG_MORE         10 /* each further open flag, up to... */
#define BEL_MEETING_FLAG_MAX          60
#define BEL_MEETING_NO_ADULT          30 /* no relationship mark on the current round */
#define BEL_MEETING_ATTENDANCE        25 /* latest rate < 90 %, or down 5 points or more */
#define BEL_MEETING_GOAL_OFF_TRACK    20 /* per goal off track, up to... */
#define BEL_MEETING_GOAL_MAX          40
#define BEL_MEETING_NO_FAMILY_CONTACT 15 /* no caregiver contact this quarter (from its 15th day) */
#define BEL_MEETING_MISSED_CHECKIN    10 /* per missed check-in period in the last 8 weeks, up to... */
#define BEL_MEETING_MISSED_MAX        30

#define BEL_MEETING_ATTENDANCE_FLOOR  90.0
#define BEL_MEETING_ATTENDANCE_DROP   5.0
#define BEL_MEETING_ATTENDANCE_FRESH_DAYS 120 /* an older latest rate says nothing about this week */
#define BEL_MEETING_QUARTER_GRACE     14

typedef struct {
  gboolean    has_grade;
  gint64      grade;
  const char *as_of;   /* default today */
  guint       limit;   /* 0: 50; at most 500 */
} BelMeetingQuery;

/* GPtrArray of BelMeetingStudent, ranked. */
GPtrArray *bel_meeting_list (BelEngine              *engine,
                             BelAccount             *actor,
                             gint64                  school_id,
                             const BelMeetingQuery  *query,
                             GError                **error);

G_END_DECLS
