/* bel-meeting-page.h - "Who needs us most this week?" for a grade team's meeting
 *
 * Students ranked by the daemon's documented reasons, each reason a chip
 * with its evidence, and the adults who know each student best; a grade
 * team filter; the open support plans by review date.  A plan is made,
 * reviewed or closed from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-care-dialog.h"
#include "bel-client.h"
#include "bel-school.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEETING_PAGE (bel_meeting_page_get_type ())
G_DECLARE_FINAL_TYPE (BelMeetingPage, bel_meeting_page, BEL, MEETING_PAGE, GtkWidget)

void           bel_meeting_page_set_client  (BelMeetingPage *self,
                                             BelClient      *client);
void           bel_meeting_page_set_school  (BelMeetingPage *self,
                                             BelSchool      *school);
void           bel_meeting_page_reload      (BelMeetingPage *self);
gboolean       bel_meeting_page_get_loading (BelMeetingPage *self);
/* G_MININT: every grade */
void           bel_meeting_page_set_grade   (BelMeetingPage *self,
                                             int             grade);

/* Writes the meeting notes as a PDF to @path (NULL: the print dialog). */
gboolean       bel_meeting_page_export_pdf  (BelMeetingPage *self,
                                             const char     *path,
                                             GError        **error);

/* For tests: the ranked cards (each carries "student-id", "student-name",
 * "reasons" (a GtkFlowBox), "plan-button"), the plans list (rows carry
 * "plan-id"), and the dialog opened last. */
GtkWidget     *bel_meeting_page_get_ranking (BelMeetingPage *self);
GtkListBox    *bel_meeting_page_get_plans   (BelMeetingPage *self);
BelCareDialog *bel_meeting_page_get_dialog  (BelMeetingPage *self);

G_END_DECLS
