/* bel-contacts.h - contacts with caregivers, and the families not yet reached
 *
 * Any staff member of the school logs a contact (call, message, conference,
 * student-led conference, home visit in person or virtual) with a student's
 * caregiver, in the language used, with or without an interpreter, as good
 * news or about a concern.  Staff read contacts; a contact's concern and
 * outcome are read only by the author, the advisor, counselors, leaders and
 * admins (`redacted` for others).
 *
 * The rule: every family gets a good-news contact each quarter (quarters from
 * the school's settings, bel-cadence.h).  A "family" is the caregivers of one
 * student.  bel_contacts_family_reach() lists, per active student, whether
 * the family was reached this quarter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-contact.h"
#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  gint64      student_id;
  gint64      account_id;
  const char *since;
  const char *until;
  const char *good_news; /* "true", "false" or NULL */
  guint       limit;     /* 0: 500 */
} BelContactQuery;

GPtrArray *bel_contacts_list          (BelEngine              *engine,
                                       BelAccount             *actor,
                                       gint64                  school_id,
                                       const BelContactQuery  *query,
                                       GError                **error);
BelContact *bel_contacts_get          (BelEngine              *engine,
                                       BelAccount             *actor,
                                       gint64                  contact_id,
                                       GError                **error);
BelContact *bel_contacts_create       (BelEngine              *engine,
                                       BelAccount             *actor,
                                       gint64                  student_id,
                                       BelContact             *contact,
                                       GError                **error);

typedef struct {
  const char *as_of;       /* default today: its quarter is the one counted */
  const char *state;       /* unreached (default), reached, all */
  gint64      advisory_id;
  gint64      advisor_id;  /* students of this advisor's advisories */
  gboolean    has_grade;
  gint64      grade;
} BelReachQuery;

/* GPtrArray of BelFamilyReach, unreached first, then by name; 422 when the
 * school's quarters do not cover as_of. */
GPtrArray *bel_contacts_family_reach  (BelEngine              *engine,
                                       BelAccount             *actor,
                                       gint64                  school_id,
                                       const BelReachQuery    *query,
                                       GError                **error);

G_END_DECLS
