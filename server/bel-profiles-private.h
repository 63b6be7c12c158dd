/* bel-profiles-private.h - what the profile files share: rows, access, audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine-private.h"
#include "bel-profiles.h"

G_BEGIN_DECLS

#define BEL_PROFILE_ENTRY_SELECT \
  "SELECT e.id, e.school_id, e.student_id, e.section, e.sensitive, e.body, e.school_year, e.grade, " \
  "e.observed_on, e.author_id, e.author_name, e.supersedes_id, e.superseded_by, e.grades, " \
  "e.assessments, e.attendance_summary, e.attendance_rate, e.home_language, e.english_proficiency, " \
  "e.biliteracy, e.linguistic_assets, e.plan_type, e.starts_on, e.ends_on, e.summary, " \
  "e.created_unix, e.created_at, e.updated_at, e.version FROM profile_entry e "

BelProfileEntry *bel_profile_entry_from_row (BelStmt *stmt);

/* What the actor may do with one student's profile. */
typedef struct {
  gint64   school_id;
  gboolean member;    /* staff of the school: may write non-sensitive entries */
  gboolean sensitive; /* may read and write the sensitive sections */
} BelProfileAccess;

/* Loads the student (404) and checks the actor is staff of their school or
 * an admin (403); fills @access. */
BelStudent *bel_profiles_student_access (BelEngine        *engine,
                                         BelAccount       *actor,
                                         gint64            student_id,
                                         BelProfileAccess *access,
                                         GError          **error);
gboolean    bel_profiles_may_read       (const BelProfileAccess  *access,
                                         const BelProfileSection *section);
/* Records a read of a sensitive section ("profile.read"); fails when the
 * audit row cannot be written, so no sensitive read goes unrecorded. */
gboolean    bel_profiles_audit_read     (BelEngine   *engine,
                                         BelAccount  *actor,
                                         gint64       student_id,
                                         const char  *section,
                                         const char  *via,
                                         GError     **error);
/* The student's entries of @section (NULL: all), oldest first; only the
 * current (not superseded) ones when @current_only. */
GPtrArray  *bel_profiles_load_entries   (BelEngine   *engine,
                                         gint64       student_id,
                                         const char  *section,
                                         gboolean     current_only,
                                         GError     **error);
/* Every section (or only @only_section) with its entries when readable
 * (only the current ones when @current_only), auditing each sensitive
 * section read "via" @via.  Call it inside a transaction. */
BelProfile *bel_profiles_collect        (BelEngine              *engine,
                                         BelAccount             *actor,
                                         BelStudent             *student,
                                         const BelProfileAccess *access,
                                         const char             *only_section,
                                         gboolean                current_only,
                                         const char             *via,
                                         GError                **error);

void        bel_json_set_string_or_null (JsonObject  *obj,
                                         const char  *member,
                                         const char  *value);

G_END_DECLS
