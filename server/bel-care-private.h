/* bel-care-private.h - what the check-in, contact, observation, flag, plan
 * and meeting engines share: the student a record is about, who may read
 * sensitive details, dates, and the school's cadence settings.
 *
 * Sensitive details (a concern's text, a check-in's answers and note, a
 * flag's reason) are readable by admins, counselors and leaders of the
 * school, the student's advisor, and the staff member who wrote them.  Other
 * staff see that the record exists, with `redacted` true.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-calendar.h"
#include "bel-checkin-settings.h"
#include "bel-engine-private.h"
#include "bel-error.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  gint64  school_id;
  gint64  advisor_id; /* 0: no advisory or no advisor */
  gint64  grade;
  gboolean active;
} BelCareStudent;

/* Loads @student_id (404) and checks the actor is staff of its school in @roles (403). */
gboolean     bel_care_student          (BelEngine        *engine,
                                        BelAccount       *actor,
                                        gint64            student_id,
                                        BelRoleMask       roles,
                                        BelCareStudent   *out,
                                        GError          **error);
/* 403 unless the actor is staff of the school: a check-in, contact,
 * observation or flag is written by the adult who had it, as themselves, so
 * a server admin who is not staff has none to write.  @what: "Check-ins". */
gboolean     bel_care_require_staff    (BelAccount       *actor,
                                        gint64            school_id,
                                        const char       *what,
                                        GError          **error);
/* Admin, or counselor or leader of the school. */
gboolean     bel_care_is_privileged    (BelAccount       *actor,
                                        gint64            school_id);
/* Privileged, the student's advisor, or @author_id. */
gboolean     bel_care_sees_details     (BelAccount       *actor,
                                        gint64            school_id,
                                        gint64            advisor_id,
                                        gint64            author_id);
/* A 422 field error unless @account_id is an active staff member of the school. */
gboolean     bel_care_check_staff      (BelEngine        *engine,
                                        gint64            school_id,
                                        gint64            account_id,
                                        const char       *field,
                                        BelValidation    *v,
                                        GError          **error);
/* "Preferred-or-given Family" */
char        *bel_care_student_name     (const char       *given,
                                        const char       *preferred,
                                        const char       *family);
gboolean     bel_care_is_date          (const char       *text);
/* A query parameter that must be a date: 400 otherwise.  NULL stays NULL. */
gboolean     bel_care_query_date       (const char       *name,
                                        const char       *text,
                                        GError          **error);
/* Runs @stmt and collects @from_row of each row. */
typedef gpointer (*BelCareRowFunc) (BelStmt *stmt);
GPtrArray   *bel_care_collect          (BelStore         *store,
                                        BelStmt     *stmt,
                                        BelCareRowFunc    from_row,
                                        GError          **error);
/* Records a live event whose data is the (name, gint64 value) pairs that
 * follow, NULL-terminated; visible to @roles and @account_id (see bel-events.h). */
gboolean     bel_care_record           (BelEngine        *engine,
                                        gint64            school_id,
                                        const char       *type,
                                        guint             roles,
                                        gint64            account_id,
                                        GError          **error,
                                        ...) G_GNUC_NULL_TERMINATED;

/* A JSON object of strings (a map field) as stored, and back. */
GHashTable  *bel_care_map_from_text    (const char       *text);
char        *bel_care_map_to_text      (GHashTable       *map);
/* Adds a 422 field error when @text is not a date or is after today. */
gboolean     bel_care_check_past_date  (const char       *field,
                                        const char       *text,
                                        BelValidation    *v);

/* The school's settings, its defaults when none were saved (bel-cadence.c). */
BelCheckinSettings *bel_cadence_load_settings (BelEngine  *engine,
                                               gint64      school_id,
                                               GError    **error);
BelCalendar        *bel_cadence_calendar      (BelCheckinSettings *settings);
/* A GPtrArray of the items of a list field of @resource. */
GPtrArray          *bel_care_list_items       (gpointer    resource,
                                               const char *field);

G_END_DECLS
