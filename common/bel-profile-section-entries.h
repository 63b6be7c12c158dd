/* bel-profile-section-entries.h - one section of a student's profile, with its timeline
 *
 * A ProfileSectionEntries of GET /students/{id}/profile: the section, whether
 * the caller may read it (a sensitive section they may not read comes with
 * readable false and no entries), and its entries, oldest first, corrections
 * and the entries they supersede included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_PROFILE_SECTION_ENTRIES (bel_profile_section_entries_get_type ())
G_DECLARE_FINAL_TYPE (BelProfileSectionEntries, bel_profile_section_entries, BEL, PROFILE_SECTION_ENTRIES, BelResource)

/* The entries (BelProfileEntry), oldest first; never NULL. */
GListModel *bel_profile_section_entries_get_entries (BelProfileSectionEntries *self);

G_END_DECLS
