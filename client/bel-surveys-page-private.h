/* bel-surveys-page-private.h - what the Surveys page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bel-survey-trend.h"
#include "bel-surveys-page.h"

G_BEGIN_DECLS

struct _BelSurveysPage {
  GtkWidget       parent_instance;
  GtkWidget      *box;
  BelClient      *client;
  BelSchool      *school;
  GCancellable   *cancellable;
  gboolean        available;
  guint           pending;        /* requests on the way */
  GPtrArray      *surveys;        /* BelSurvey, newest first */
  GHashTable     *windows;        /* survey id -> GPtrArray of BelSurveyWindow */
  GPtrArray      *advisories;     /* BelAdvisory */
  JsonNode       *results;
  JsonNode       *trend;
  gint64          window_id;
  char           *breakdown;
  GtkListBox     *list;
  GtkStack       *content;
  GtkLabel       *heading;
  GtkLabel       *subheading;
  GtkDropDown    *breakdown_choice;
  GtkStringList  *breakdown_labels;
  GPtrArray      *breakdown_keys;
  GtkDropDown    *advisory_choice;
  GtkWidget      *table_frame;
  GtkWidget      *table;
  GtkFlowBox     *bars;
  BelSurveyTrend *trend_chart;
  GtkWidget      *new_button;
};

enum { SLIPS_PRINTED, N_SIGNALS };
extern guint bel_surveys_page_signals[N_SIGNALS];

void bel_surveys_page_toast          (BelSurveysPage *self,
                                      const char     *message);
/* Requests on the way: +1 when one leaves, -1 when it is back. */
void bel_surveys_page_busy           (BelSurveysPage *self,
                                      int             delta);
/* Button handlers (bel-surveys-page-actions.c). */
void bel_surveys_page_print_clicked  (BelSurveysPage *self);
void bel_surveys_page_export_clicked (BelSurveysPage *self);
void bel_surveys_page_new_clicked    (BelSurveysPage *self);

G_END_DECLS
