/* bel-meeting-print.h - the team meeting's notes on paper or as a PDF
 *
 * Each student as ranked, with every reason and its evidence, the adults who
 * know them best, whether a plan is open, and room for the follow-ups agreed
 * in the meeting; then the open support plans by review date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @students: BelMeetingStudent items, @plans: BelSupportPlan items.  With
 * @pdf_path the notes are written there; otherwise the print dialog opens. */
gboolean bel_meeting_print_run (GtkWindow  *parent,
                                GPtrArray  *students,
                                GPtrArray  *plans,
                                const char *title,
                                const char *subtitle,
                                const char *pdf_path,
                                GError    **error);

G_END_DECLS
