/* bel-surveys-page-private.h - what the Surveys page's files share
 *
 * bel-surveys-page.c        state, loading, who may do what, the results
 * bel-surveys-page-view.c   the widgets of the results side
 * bel-surveys-page-list.c   the survey windows on the left
 * bel-surveys-page-windows.c opening, closing and scheduling windows
 * bel-surveys-page-actions.c code slips, CSV, a new survey, the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bel-survey.h"
#include "bel-survey-adult-map-view.h"
#include "bel-survey-rates-view.h"
#include "bel-survey-trend.h"
#include "bel-survey-window.h"
#include "bel-surveys-page.h"

G_BEGIN_DECLS

struct _BelSurveysPage {
  GtkWidget           parent_instance;
  GtkWidget          *box;
  BelClient          *client;
  BelSchool          *school;
  GCancellable       *cancellable;
  guint               results_serial; /* of the latest results asked for */
  guint               trend_serial;
  gboolean            leader;         /* may make surveys and move windows: leaders and admins */
  gboolean            privileged;     /* sees subgroups and the adult map: counselors too */
  GArray             *printable;      /* advisory ids whose slips I may print; NULL: all */
  guint               pending;        /* requests on the way */
  gboolean            list_stale;     /* surveys or windows came: fill the list when nothing is pending */
  GPtrArray          *surveys;        /* BelSurvey, newest first */
  GHashTable         *windows;        /* survey id -> GPtrArray of BelSurveyWindow */
  GPtrArray          *advisories;     /* BelAdvisory */
  JsonNode           *results;
  JsonNode           *trend;
  gint64              survey_id;      /* of the selected row */
  gint64              window_id;      /* 0: a survey without a window is selected */
  char               *breakdown;
  GArray             *item_ids;       /* agreement item ids, for the trend's question */
  /* widgets (bel-surveys-page-view.c) */
  GtkListBox         *list;
  GtkStack           *content;
  GtkWidget          *results_box;
  GtkWidget          *findings;       /* table, bars, trend: hidden until somebody answers */
  GtkWidget          *waiting;
  GtkLabel           *heading;
  GtkLabel           *subheading;
  GtkLabel           *status_tag;
  GtkLabel           *hint;
  GtkWidget          *open_button;
  GtkWidget          *close_button;
  GtkWidget          *schedule_button;
  AdwStatusPage      *no_window;
  GtkDropDown        *breakdown_choice;
  GtkStringList      *breakdown_labels;
  GPtrArray          *breakdown_keys;
  GtkWidget          *table_frame;
  GtkWidget          *table;
  GtkFlowBox         *bars;
  GtkLabel           *trend_title;
  GtkDropDown        *trend_item;
  GtkStringList      *trend_item_labels;
  BelSurveyTrend     *trend_chart;
  BelSurveyRatesView *rates;
  GtkWidget          *rates_section;
  BelSurveyAdultMapView *adult_map;
  GtkWidget          *new_button;
  GtkWidget          *menu_button;
};

enum { SLIPS_PRINTED, WINDOW_CHANGED, N_SIGNALS };
extern guint bel_surveys_page_signals[N_SIGNALS];

void             bel_surveys_page_toast          (BelSurveysPage *self,
                                                  const char     *message);
/* Requests on the way: +1 when one leaves, -1 when it is back. */
void             bel_surveys_page_busy           (BelSurveysPage *self,
                                                  int             delta);
/* A failed request: nothing for a cancelled one, else a toast; one request less. */
void             bel_surveys_page_report         (BelSurveysPage *self,
                                                  GError         *error);
BelSurvey       *bel_surveys_page_find_survey    (BelSurveysPage *self,
                                                  gint64          survey_id);
BelSurveyWindow *bel_surveys_page_find_window    (BelSurveysPage *self,
                                                  gint64          window_id);
/* "Open", "Scheduled", "Closed". */
const char      *bel_surveys_page_status_label   (const char     *status);
/* Enables the actions for who I am and what is selected. */
void             bel_surveys_page_update_actions (BelSurveysPage *self);

/* bel-surveys-page-view.c */
/* The header bar, the windows on the left and the results on the right. */
void             bel_surveys_page_build          (BelSurveysPage *self);
/* Shows the results (heading, table, bars, trend, rates, adult map). */
void             bel_surveys_page_render         (BelSurveysPage *self);
void             bel_surveys_page_render_trend   (BelSurveysPage *self);
/* The questions the trend can show by group. */
void             bel_surveys_page_fill_items     (BelSurveysPage *self,
                                                  JsonObject     *results);
/* Places the response rates first while a window takes answers, last after. */
void             bel_surveys_page_place_rates    (BelSurveysPage *self,
                                                  gboolean        first);

/* bel-surveys-page-list.c */
void             bel_surveys_page_fill_list      (BelSurveysPage *self);

/* bel-surveys-page-windows.c and bel-surveys-page-actions.c: the page's actions */
void             bel_surveys_page_install_window_actions (GtkWidgetClass *widget_class);
void             bel_surveys_page_install_actions        (GtkWidgetClass *widget_class);
/* Asks before issuing new codes for @advisory_id, then prints them. */
void             bel_surveys_page_confirm_slips          (BelSurveysPage *self,
                                                          gint64          advisory_id);

G_END_DECLS
