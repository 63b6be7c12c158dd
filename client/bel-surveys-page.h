/* bel-surveys-page.h - the Surveys page: surveys and windows, who has answered, results by group
 *
 * For counselors, leaders and admins, for teachers who advise an advisory
 * (they see their own advisory's results and response rate) and for
 * teachers whose classes have results in the latest window; the daemon
 * decides what each may see.  Left: every survey with its windows,
 * newest first (a survey with no window yet says so).  Right, for the
 * selected window:
 *
 * - its status, and for leaders "Open Now" (a scheduled window) and "Close
 *   Window…" (asks first: a closed window never reopens);
 * - who has answered, per advisory, live while the window is open, with the
 *   code slips of each advisory to print (new codes: the page asks first);
 * - a heat table of items × the groups of a chosen breakdown (share
 *   agreeing, coloured; suppressed groups say "fewer than N" with a tooltip
 *   saying why; the gap between the highest and lowest group is
 *   highlighted) and CSV export of the table as shown;
 * - a bar chart per item;
 * - the trend across the survey's windows: every item for everyone, or, with
 *   a breakdown, one item by group (hidden points marked, never drawn);
 * - for counselors and leaders, the adults students would go to next to
 *   the relationship map, loaded on request (it is audited).
 *
 * Actions (group "surveys"): new (Ctrl+N), schedule-window, open-window,
 * close-window, export-csv, settings; enabled for who may use them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-account.h"
#include "bel-client.h"
#include "bel-school.h"
#include "bel-survey-adult-map-view.h"
#include "bel-survey-rates-view.h"
#include "bel-survey-trend.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEYS_PAGE (bel_surveys_page_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveysPage, bel_surveys_page, BEL, SURVEYS_PAGE, GtkWidget)

void        bel_surveys_page_set_client      (BelSurveysPage *self,
                                              BelClient      *client);
void        bel_surveys_page_set_school      (BelSurveysPage *self,
                                              BelSchool      *school);
void        bel_surveys_page_reload          (BelSurveysPage *self);
/* Whether @me has survey results to see in the school: counselors, leaders
 * and admins, teachers of classes, and teachers who advise one of
 * @advisories (BelAdvisory). */
gboolean    bel_surveys_page_may_see         (BelAccount     *me,
                                              gint64          school_id,
                                              GPtrArray      *advisories);
gboolean    bel_surveys_page_get_loading     (BelSurveysPage *self);
/* The window whose results are shown (0: none). */
gint64      bel_surveys_page_get_window      (BelSurveysPage *self);
/* The survey of the selected row. */
gint64      bel_surveys_page_get_survey      (BelSurveysPage *self);
/* The selected window's status as last loaded (scheduled, open, closed), or NULL. */
const char *bel_surveys_page_get_window_status (BelSurveysPage *self);
void        bel_surveys_page_select_window   (BelSurveysPage *self,
                                              gint64          window_id);
/* Selects a row: a window of @survey_id, or its "no window yet" row (@window_id 0). */
void        bel_surveys_page_select          (BelSurveysPage *self,
                                              gint64          survey_id,
                                              gint64          window_id);
/* grade, advisory, el_status, iep_504, attr:NAME, class; "" for everyone only. */
void        bel_surveys_page_set_breakdown   (BelSurveysPage *self,
                                              const char     *key);
/* The item whose trend is drawn by group. */
void        bel_surveys_page_set_trend_item  (BelSurveysPage *self,
                                              gint64          item_id);
GtkWidget  *bel_surveys_page_get_heat_table  (BelSurveysPage *self);
BelSurveyTrend        *bel_surveys_page_get_trend     (BelSurveysPage *self);
BelSurveyRatesView    *bel_surveys_page_get_rates     (BelSurveysPage *self);
BelSurveyAdultMapView *bel_surveys_page_get_adult_map (BelSurveysPage *self);
/* The CSV of the table as shown. */
char       *bel_surveys_page_get_csv         (BelSurveysPage *self);
/* Issues new codes for the advisory and prints its slips, to a PDF at
 * @export_path without dialogs when given.  Emits "slips-printed" (count,
 * or -1 on an error).  "window-changed" (window id) is emitted when this
 * page opened, closed or scheduled a window. */
void        bel_surveys_page_print_slips     (BelSurveysPage *self,
                                              gint64          advisory_id,
                                              const char     *export_path);

G_END_DECLS
