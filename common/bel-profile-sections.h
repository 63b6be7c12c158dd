/* bel-profile-sections.h - the sections of a student profile, strengths first
 *
 * A profile is a timeline of dated, signed entries in these sections.  The
 * order is the asset-based display order every client uses.  Sensitive
 * sections (well-being, family, plans) are readable only by counselors,
 * leaders, the student's advisor and their active advocates, and every read
 * of one is audited (server/bel-profiles.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BEL_PROFILE_KIND_TEXT,      /* body only */
  BEL_PROFILE_KIND_ACADEMICS, /* grades, assessments, attendance_summary, attendance_rate */
  BEL_PROFILE_KIND_LANGUAGE,  /* home_language, english_proficiency, biliteracy, linguistic_assets */
  BEL_PROFILE_KIND_PLAN,      /* plan_type, starts_on, ends_on, summary */
} BelProfileKind;

typedef struct {
  const char     *name;      /* e.g. "strengths" */
  const char     *title;     /* English; mark with N_() where shown */
  gboolean        sensitive;
  BelProfileKind  kind;
} BelProfileSection;

/* In display order (strengths first), bel_profile_n_sections of them. */
extern const BelProfileSection bel_profile_sections[];
extern const guint             bel_profile_n_sections;
/* The section names in display order, NULL-terminated (the codec's choices). */
extern const char * const      bel_profile_section_names[];

/* English proficiency levels (WIDA), and the plan types of the plans section. */
extern const char * const      bel_profile_proficiency_levels[];
extern const char * const      bel_profile_plan_types[];

/* NULL when @name is not a section. */
const BelProfileSection *bel_profile_section_find  (const char *name);
/* The position of @name in the display order, or -1. */
int                      bel_profile_section_index (const char *name);
/* The JSON fields an entry of @kind may carry besides the common ones, NULL-terminated. */
const char * const      *bel_profile_kind_fields   (BelProfileKind kind);

G_END_DECLS
