/* bel-surveys-page.h - the Surveys page: surveys and windows, results by group, slips
 *
 * For counselors, leaders and admins, and for teachers who advise an
 * advisory (they see their own advisory's results; the daemon decides what
 * each may see).  Left: every survey window, newest survey first.  Right,
 * for the selected window: a heat table of items × the groups of a chosen
 * breakdown (share agreeing, coloured; suppressed groups say "fewer than N"
 * with a tooltip saying why; the gap between the highest and lowest group is
 * highlighted), a bar chart per item, the trend of every window of the
 * survey, CSV export of the table as shown, and code slips per advisory
 * (new codes: the page warns before issuing them again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"
#include "bel-school.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEYS_PAGE (bel_surveys_page_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveysPage, bel_surveys_page, BEL, SURVEYS_PAGE, GtkWidget)

void        bel_surveys_page_set_client      (BelSurveysPage *self,
                                              BelClient      *client);
void        bel_surveys_page_set_school      (BelSurveysPage *self,
                                              BelSchool      *school);
void        bel_surveys_page_reload          (BelSurveysPage *self);
/* Whether this person has survey results to see (property "available"). */
gboolean    bel_surveys_page_get_available   (BelSurveysPage *self);
gboolean    bel_surveys_page_get_loading     (BelSurveysPage *self);
/* The window whose results are shown (0: none). */
gint64      bel_surveys_page_get_window      (BelSurveysPage *self);
void        bel_surveys_page_select_window   (BelSurveysPage *self,
                                              gint64          window_id);
/* grade, advisory, el_status, iep_504, attr:NAME, class. */
void        bel_surveys_page_set_breakdown   (BelSurveysPage *self,
                                              const char     *key);
GtkWidget  *bel_surveys_page_get_heat_table  (BelSurveysPage *self);
/* The CSV of the table as shown. */
char       *bel_surveys_page_get_csv         (BelSurveysPage *self);
/* Issues new codes for the advisory and prints its slips, to a PDF at
 * @export_path without dialogs when given.  Emits "slips-printed" (count,
 * or -1 on an error). */
void        bel_surveys_page_print_slips     (BelSurveysPage *self,
                                              gint64          advisory_id,
                                              const char     *export_path);

G_END_DECLS
