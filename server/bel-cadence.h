/* bel-cadence.h - check-in settings and the due, overdue and missed lists
 *
 * A school's settings hold its check-in checklist, its cadence rules, its
 * quarters and its non-school days (bel-calendar.h).  Without saved settings
 * a school has the defaults: the checklist academics, goals, concerns, life
 * outside school; a weekly check-in of any kind for targeted students and a
 * monthly non-academic check-in for everyone; calendar quarters; no holidays.
 * Staff of the school read them; counselors, leaders and admins change them.
 *
 * Duties (see docs/checkins.md): for each active student and each rule that
 * applies to them, a check-in of the rule's kind by any staff member is
 * needed in every period (ISO week or calendar month) that has a school day.
 * "Targeted" students are those with an active support plan of tier 2 or 3,
 * from the plan's starts-on; the plan's owner is responsible for their
 * weekly check-ins, the advisor for everyone's.  As of a day:
 *   ok       the current period's check-in is done, or none is due yet;
 *   due      the first period still owed is the current one and its last
 *            school day is today or later;
 *   overdue  the last school day of the first period still owed has passed;
 * and `missed` lists the ended periods since @since with no check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-checkin-duty.h"
#include "bel-checkin-settings.h"
#include "bel-engine.h"

G_BEGIN_DECLS

BelCheckinSettings *bel_cadence_get_settings    (BelEngine           *engine,
                                                 BelAccount          *actor,
                                                 gint64               school_id,
                                                 GError             **error);
/* Copies @fields (checklist, rules, quarters, non-school-days) of @changes. */
BelCheckinSettings *bel_cadence_update_settings (BelEngine           *engine,
                                                 BelAccount          *actor,
                                                 gint64               school_id,
                                                 gint64               expected_version,
                                                 BelCheckinSettings  *changes,
                                                 const char * const  *fields,
                                                 GError             **error);

typedef struct {
  const char *as_of;       /* default today */
  const char *since;       /* default 56 days before as_of */
  const char *state;       /* attention (default: due, overdue or missed), due, overdue, missed, all */
  gint64      account_id;  /* responsible staff member, 0 = any */
  gint64      advisory_id; /* 0 = any */
  gint64      student_id;  /* 0 = any */
  gboolean    has_grade;
  gint64      grade;
} BelDutyQuery;

/* Any staff member of the school.  GPtrArray of BelCheckinDuty: overdue
 * first, then due, then ok; more missed periods first; then by name. */
GPtrArray          *bel_cadence_duties          (BelEngine           *engine,
                                                 BelAccount          *actor,
                                                 gint64               school_id,
                                                 const BelDutyQuery  *query,
                                                 GError             **error);

G_END_DECLS
