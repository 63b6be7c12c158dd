/* bel-advocates.h - staff members assigned to build a relationship with a student
 *
 * Any member of the school reads the school's advocates.  Counselors, leaders
 * and admins assign a staff member of the student's school, with a follow-up
 * date and a note; the assignment is written to the audit log with who made
 * it.  The advocate themself, counselors, leaders and admins change the
 * status (assigned -> reached_out -> connected, or needs_help; ended), the
 * note and the follow-up date.  A staff member is a student's current (not
 * ended) advocate at most once; an ended advocacy no longer changes.
 * Changes record the live events advocate.assigned and advocate.updated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-advocate.h"
#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  gint64      account_id; /* 0 = anyone */
  const char *status;     /* one of bel_advocate_statuses, "current" (not ended; NULL) or "all" */
  const char *due_before; /* YYYY-MM-DD: follow-up on or before this day; NULL = any */
} BelAdvocateQuery;

/* GPtrArray of BelAdvocate, by follow-up date then student. */
GPtrArray   *bel_advocates_list     (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  school_id,
                                     const BelAdvocateQuery *query,
                                     GError                **error);
BelAdvocate *bel_advocates_get      (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  advocate_id,
                                     GError                **error);
/* Uses account-id, follow-up-on, note, status (default assigned) and
 * round-id (a round of the school; 0: the open round, if any) of @advocate. */
BelAdvocate *bel_advocates_create   (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  student_id,
                                     BelAdvocate            *advocate,
                                     GError                **error);
/* Copies @fields (status, note, follow-up-on) of @changes; @expected_version
 * 0 means "any version". */
BelAdvocate *bel_advocates_update   (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  advocate_id,
                                     gint64                  expected_version,
                                     BelAdvocate            *changes,
                                     const char * const     *fields,
                                     GError                **error);
/* The actor's current advocacies in every school, by follow-up date. */
GPtrArray   *bel_advocates_list_mine (BelEngine             *engine,
                                      BelAccount            *actor,
                                      GError               **error);

G_END_DECLS
