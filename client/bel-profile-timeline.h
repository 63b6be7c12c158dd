/* bel-profile-timeline.h - a student's profile, section by section, as a timeline
 *
 * Sections come in the asset-based order of the daemon (strengths first);
 * each shows its entries newest first, grouped by school year.  A sensitive
 * section the reader may not read shows a respectful locked state instead
 * (its entries were never fetched).  Buttons activate "student.add-entry"
 * (with the section name), "student.edit-entry" and "student.correct-entry".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-account.h"

G_BEGIN_DECLS

#define BEL_TYPE_PROFILE_TIMELINE (bel_profile_timeline_get_type ())
G_DECLARE_FINAL_TYPE (BelProfileTimeline, bel_profile_timeline, BEL, PROFILE_TIMELINE, GtkWidget)

GtkWidget *bel_profile_timeline_new             (void);
/* @sections: BelProfileSectionEntries in display order; @reader decides the Edit buttons. */
void       bel_profile_timeline_set_profile     (BelProfileTimeline *self,
                                                 GPtrArray          *sections,
                                                 BelAccount         *reader);
void       bel_profile_timeline_clear           (BelProfileTimeline *self);
/* The row showing entry @entry_id, or NULL. */
GtkWidget *bel_profile_timeline_find_entry_row  (BelProfileTimeline *self,
                                                 gint64              entry_id);
/* Whether @section is shown as locked (not readable). */
gboolean   bel_profile_timeline_section_locked  (BelProfileTimeline *self,
                                                 const char         *section);
/* The section names, as shown from top to bottom (NULL-terminated). */
GStrv      bel_profile_timeline_dup_order       (BelProfileTimeline *self);

G_END_DECLS
