/* bel-profiles.h - student profiles that build year to year
 *
 * A profile is a timeline of entries in the sections of
 * bel-profile-sections.h, strengths first.  Entries are append-only, dated,
 * signed by their author and tagged with the school year (and the grade the
 * student was in), so a year rollover keeps their history.  A correction is
 * a new entry that supersedes an old one (both are kept; the old one carries
 * superseded_by).  Its author may edit an entry for 24 hours after writing
 * it (with the entry's version); after that only a correction changes it.
 *
 * Access.  Every staff member of the student's school (and server admins)
 * reads the non-sensitive sections.  The sensitive sections (wellbeing,
 * family, plans) are read and written only by the school's counselors and
 * leaders, the student's advisor and staff who are the student's current
 * (not ended) advocate.  There is no class enrollment yet, so "a teacher of
 * the student" is not a basis of access.  Server admins who are not staff of
 * the school read no sensitive section and write no entry.  Every read of a
 * sensitive section (profile, entry, handoff, export) is written to the
 * audit log as action "profile.read" with detail "section=NAME; via=WHERE";
 * reads of the other sections are not.  No entry text is ever logged.
 *
 * Live events: profile.entry_added and profile.entry_updated with
 * {student_id, entry_id, section, version}; for sensitive sections only
 * counselors, leaders and the author receive them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-engine.h"
#include "bel-profile-entry.h"
#include "bel-profile-sections.h"
#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_PROFILE_EDIT_WINDOW (24 * 60 * 60) /* seconds */

typedef struct {
  const BelProfileSection *section;
  gboolean                 readable;
  GPtrArray               *entries;  /* BelProfileEntry, oldest first; empty when not readable */
} BelProfileSectionView;

typedef struct {
  BelStudent *student;
  GPtrArray  *sections; /* BelProfileSectionView, in display order */
} BelProfile;

void        bel_profile_free       (BelProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelProfile, bel_profile_free)

/* {student_id, sections: [{section, title, sensitive, readable, entries}]} */
JsonNode   *bel_profile_to_json    (BelProfile *profile);

/* The student's profile, every section or only @section (NULL: all).  An
 * unreadable sensitive section is listed with readable false, or is 403 when
 * it is the one asked for.  Audits each sensitive section read. */
BelProfile      *bel_profiles_get    (BelEngine          *engine,
                                      BelAccount         *actor,
                                      gint64              student_id,
                                      const char         *section,
                                      GError            **error);
BelProfileEntry *bel_profiles_get_entry (BelEngine       *engine,
                                         BelAccount      *actor,
                                         gint64           entry_id,
                                         GError         **error);
/* Uses section, body, school-year (default: the school's), observed-on
 * (default: today), supersedes-id and the fields of the section's kind. */
BelProfileEntry *bel_profiles_add    (BelEngine          *engine,
                                      BelAccount         *actor,
                                      gint64              student_id,
                                      BelProfileEntry    *entry,
                                      GError            **error);
/* Copies @fields (body, observed-on and the fields of the section's kind)
 * of @changes.  Only the author, within BEL_PROFILE_EDIT_WINDOW of writing
 * it, and only while it is not superseded (else BEL_ERROR_CONFLICT);
 * @expected_version 0 means "any version". */
BelProfileEntry *bel_profiles_edit   (BelEngine          *engine,
                                      BelAccount         *actor,
                                      gint64              entry_id,
                                      gint64              expected_version,
                                      BelProfileEntry    *changes,
                                      const char * const *fields,
                                      GError            **error);
/* For belongingctl (the system actor only): stores @entry as written by
 * @author_id at @created (school-year, observed-on and grade as given). */
BelProfileEntry *bel_profiles_import (BelEngine          *engine,
                                      BelAccount         *actor,
                                      gint64              student_id,
                                      BelProfileEntry    *entry,
                                      gint64              author_id,
                                      GDateTime          *created,
                                      GError            **error);

/* bel-profile-handoff.c: {student, school_year, generated_at, sections:
 * [{section, title, sensitive, entry}], hidden_sections, adults} — the
 * latest entry of each section the actor reads, strengths first, and the
 * adults who know the student well. */
JsonNode   *bel_profiles_handoff (BelEngine   *engine,
                                  BelAccount  *actor,
                                  gint64       student_id,
                                  GError     **error);

/* bel-profile-search.c: {items: [{entry_id, student_id, student_name,
 * section, school_year, author_name, created_at, snippet}], next_cursor}
 * over the current (not superseded) non-sensitive entries of the school;
 * matched words are wrapped in ** in the snippet. */
#define BEL_PROFILE_SEARCH_LIMIT_DEFAULT 20
#define BEL_PROFILE_SEARCH_LIMIT_MAX     100
JsonNode   *bel_profiles_search  (BelEngine   *engine,
                                  BelAccount  *actor,
                                  gint64       school_id,
                                  const char  *q,
                                  guint        limit,
                                  const char  *cursor,
                                  GError     **error);

/* bel-profile-export.c: the student's record as the actor may read it:
 * every readable section with every entry, superseded ones included.
 * Audited as "profile.export" (and "profile.read" per sensitive section). */
BelProfile *bel_profiles_export  (BelEngine   *engine,
                                  BelAccount  *actor,
                                  gint64       student_id,
                                  const char  *format,
                                  GError     **error);
/* {exported_at, exported_by, student, sections, hidden_sections} */
JsonNode   *bel_profile_export_to_json (BelProfile  *profile,
                                        BelAccount  *actor);
/* bel-profile-pdf.c: the same record as a PDF document. */
GBytes     *bel_profile_export_to_pdf  (BelProfile  *profile,
                                        BelAccount  *actor,
                                        GError     **error);

G_END_DECLS
