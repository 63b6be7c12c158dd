/* bel-profile-format.h - words, dates and rights for the profile widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-account.h"
#include "bel-handoff.h"
#include "bel-profile-entry.h"

G_BEGIN_DECLS

/* The translated title of a profile section ("Strengths"). */
const char *bel_profile_section_title   (const char      *section);
/* A symbolic icon name for a section. */
const char *bel_profile_section_icon    (const char      *section);

/* "28 November 2026" from an RFC 3339 time or a YYYY-MM-DD date (local time). */
char       *bel_profile_format_date     (const char      *when);
/* "28 Nov 2026, 14:05" from an RFC 3339 time. */
char       *bel_profile_format_time     (const char      *when);
/* "2025–2026" */
char       *bel_profile_format_school_year (const char   *school_year);
/* Pango markup of a search snippet: "**word**" becomes bold, the rest escaped. */
char       *bel_profile_snippet_markup  (const char      *snippet);
/* The section-specific fields of an entry as readable lines, or NULL. */
char       *bel_profile_format_details  (BelProfileEntry *entry);

/* How an adult knows the student: "Advisor", "Advocate", … */
const char *bel_profile_adult_role      (const BelHandoffAdult *adult);

/* Whether @account wrote @entry and may still edit it (24 hours, not corrected). */
gboolean    bel_profile_entry_editable  (BelProfileEntry *entry,
                                         BelAccount      *account);
/* The account's role in @school_id ("teacher", "counselor", "leader") or NULL. */
const char *bel_profile_account_role    (BelAccount      *account,
                                         gint64           school_id);
/* Leaders of the school and server admins read its audit log. */
gboolean    bel_profile_account_can_audit (BelAccount    *account,
                                           gint64         school_id);

/* Loads the profile widgets' style sheet once per display. */
void        bel_profile_style_ensure    (void);

G_END_DECLS
