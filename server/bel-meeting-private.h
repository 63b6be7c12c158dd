/* bel-meeting-private.h - the meeting's working set, shared by its reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-private.h"
#include "bel-meeting.h"

G_BEGIN_DECLS

typedef enum {
  BEL_KNOWS_ADVISOR      = 1 << 0,
  BEL_KNOWS_RELATIONSHIP = 1 << 1,
  BEL_KNOWS_PERSONAL     = 1 << 2,
  BEL_KNOWS_ADVOCATE     = 1 << 3,
} BelKnows;

typedef struct {
  gint64      id;
  char       *name;
  gint64      grade;
  gint64      advisory_id;
  char       *advisory_name;
  gint64      open_plan_id;
  guint       order;    /* by name */
  gint64      score;
  GPtrArray  *reasons;  /* BelMeetingReason */
  GHashTable *adults;   /* account id -> BelMeetingAdultRow */
} BelMeetingRow;

typedef struct {
  gint64    account_id;
  char     *display_name;
  BelKnows  knows;
  char     *advocate_status;
} BelMeetingAdultRow;

typedef struct {
  BelEngine   *engine;
  BelAccount  *actor;
  gint64       school_id;
  guint32      as_of;
  GHashTable  *rows;    /* student id -> BelMeetingRow */
  gint64       round_id; /* the current round, 0 if none */
  char        *round_name;
} BelMeeting;

BelMeetingRow *bel_meeting_row      (BelMeeting    *meeting,
                                     gint64         student_id);
void           bel_meeting_add      (BelMeetingRow *row,
                                     const char    *code,
                                     gint64         weight,
                                     const char    *label,
                                     const char    *evidence);
void           bel_meeting_knows    (BelMeetingRow *row,
                                     gint64         account_id,
                                     const char    *display_name,
                                     BelKnows       how,
                                     const char    *advocate_status);

/* "2026-11-05" or an RFC 3339 time -> "5 Nov 2026", as the evidence shows dates. */
char          *bel_meeting_day      (const char    *iso);

/* bel-meeting-reasons.c: each adds its reason to the rows it applies to. */
gboolean bel_meeting_flags       (BelMeeting *meeting, GError **error);
gboolean bel_meeting_board       (BelMeeting *meeting, GError **error);
gboolean bel_meeting_attendance  (BelMeeting *meeting, GError **error);
gboolean bel_meeting_goals       (BelMeeting *meeting, GError **error);
gboolean bel_meeting_contacts    (BelMeeting *meeting, GError **error);
gboolean bel_meeting_checkins    (BelMeeting *meeting, GError **error);
/* The advisor and current advocates of every row. */
gboolean bel_meeting_known_by    (BelMeeting *meeting, GError **error);

G_END_DECLS
