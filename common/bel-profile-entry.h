/* bel-profile-entry.h - one dated, signed entry of a student's profile
 *
 * Entries are append-only: a correction is a new entry whose supersedes_id
 * names the old one, which then carries superseded_by.  Kind-specific fields
 * (academics, language, plans; see bel-profile-sections.h) are null on the
 * entries of other sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_PROFILE_ENTRY (bel_profile_entry_get_type ())
G_DECLARE_FINAL_TYPE (BelProfileEntry, bel_profile_entry, BEL, PROFILE_ENTRY, BelResource)

#define BEL_PROFILE_BODY_MAX 8000
/* attendance_rate is a percentage of enrolled days attended, 0 to 100. */
#define BEL_PROFILE_NO_RATE  (-1.0)

BelProfileEntry *bel_profile_entry_new (void);

G_END_DECLS
