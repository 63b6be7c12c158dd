/* bel-roster-import.h - applies a checked OneRoster set to the database, all or nothing
 *
 * Students are matched on their roster sourcedId (sis_id) within their
 * school, staff accounts on their sourcedId (else their username, which is
 * then linked), schools on the org's sourcedId.  Staff become members as
 * teacher, counselor or leader (administrators).  What left the roster (or is
 * tobedeleted/inactive in it) becomes inactive; nothing is deleted.  New
 * staff accounts have no password until "belongingctl account
 * reset-password" gives them one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-oneroster.h"

G_BEGIN_DECLS

typedef struct {
  guint created;
  guint updated;
  guint deactivated;
  guint unchanged;
} BelRosterCounts;

typedef struct {
  BelRosterCounts schools;
  BelRosterCounts students;
  BelRosterCounts staff;
  BelRosterCounts classes;
  BelRosterCounts enrollments;
} BelRosterImportStats;

typedef void (*BelRosterProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* Imports @roster (which must have no problems) into the school @school_id
 * (0: every school of the set, created when new).  With @dry_run everything
 * is done and counted, then rolled back.  Errors name the file and line. */
gboolean bel_roster_import (BelEngine             *engine,
                            BelOneRoster          *roster,
                            gint64                 school_id,
                            gboolean               dry_run,
                            BelRosterImportStats  *stats,
                            BelRosterProgress      progress,
                            gpointer               user_data,
                            GError               **error);

G_END_DECLS
