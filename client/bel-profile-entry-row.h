/* bel-profile-entry-row.h - one entry of a profile timeline
 *
 * Shows the text, the section's facts, who wrote it and when.  A superseded
 * entry is dimmed and struck through, folded under "Corrected on … by …".
 * Its buttons activate "student.edit-entry" and "student.correct-entry" with
 * the entry's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-profile-entry.h"

G_BEGIN_DECLS

#define BEL_TYPE_PROFILE_ENTRY_ROW (bel_profile_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (BelProfileEntryRow, bel_profile_entry_row, BEL, PROFILE_ENTRY_ROW, GtkWidget)

/* @correction (nullable) is the entry that supersedes @entry, @original
 * (nullable) the one @entry corrects. */
GtkWidget       *bel_profile_entry_row_new        (BelProfileEntry *entry,
                                                   BelProfileEntry *correction,
                                                   BelProfileEntry *original,
                                                   gboolean         can_edit,
                                                   gboolean         can_correct);
BelProfileEntry *bel_profile_entry_row_get_entry  (BelProfileEntryRow *self);
/* "Chinedu Okafor · 28 November 2026", as shown. */
const char      *bel_profile_entry_row_get_byline (BelProfileEntryRow *self);

G_END_DECLS
