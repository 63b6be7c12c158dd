/* bel-care-format.h - words, chips and style shared by the check-in, contact,
 * observation, plan and meeting widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Loads care.css once per display. */
void       bel_care_style_ensure        (void);

/* "Tue 4 Nov" for a YYYY-MM-DD date (this year), "4 Nov 2025" otherwise; NULL or bad: a copy of @fallback. */
char      *bel_care_format_date         (const char *date,
                                         const char *fallback);
/* "today", "yesterday", "3 days ago", "in 2 days" … */
char      *bel_care_format_relative     (const char *date);
/* Days from today to @date (negative: past); G_MININT when @date is not a date. */
int        bel_care_days_from_today     (const char *date);

/* A small rounded label with style class @style (e.g. "missed", "strength"). */
GtkWidget *bel_care_chip_new            (const char *label,
                                         const char *style);
/* A heading above a boxed list: title and an optional dim count. */
GtkWidget *bel_care_heading_new         (const char *title,
                                         const char *subtitle);

/* Words for enum values */
const char *bel_care_observation_kind_label (const char *kind);
const char *bel_care_channel_label      (const char *channel);
const char *bel_care_grade_team_label   (int         grade,
                                         char      **owned);

/* TRUE when @language is set and is not English: plan for an interpreter. */
gboolean   bel_care_needs_interpreter   (const char *language);

/* Ends a care page: @content (with side margins) in a clamp of @max_width in a
 * scroller appended to @box, and @box in a new toast overlay, the one child of
 * @page. Returns that overlay (owned by @page). */
AdwToastOverlay *bel_care_page_finish   (GtkWidget  *page,
                                         GtkWidget  *box,
                                         GtkWidget  *content,
                                         int         max_width);

/* Removes every child of a GtkListBox, GtkFlowBox or GtkBox. */
void       bel_care_clear               (GtkWidget  *container);

G_END_DECLS
