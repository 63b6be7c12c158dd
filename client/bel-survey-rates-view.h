/* bel-survey-rates-view.h - who has answered a survey window, per advisory, live
 *
 * A boxed list with a row per advisory the person may see ("Okafor advisory",
 * the advisor and how many codes were printed; a level bar and "14 of 22
 * answered"), under a line with the total.  While the window is open and the
 * view is on screen it listens to the school's live events and reloads the
 * counts when a student answers ("responded" is emitted then, so the page
 * can reload the results); without a connection it asks again every
 * half-minute.  Only counts: never who answered.
 *
 * Rows of advisories whose slips this person may print have a print button
 * ("print-slips" with the advisory id) while the window is not closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"
#include "bel-survey-rate.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_RATES_VIEW (bel_survey_rates_view_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyRatesView, bel_survey_rates_view, BEL, SURVEY_RATES_VIEW, GtkWidget)

GtkWidget     *bel_survey_rates_view_new          (void);
void           bel_survey_rates_view_set_client   (BelSurveyRatesView *self,
                                                   BelClient          *client);
/* Shows the rates of @window_id (0: none) of @school_id; @status scheduled,
 * open or closed; @printable: advisory ids whose slips may be printed
 * (NULL: every advisory). */
void           bel_survey_rates_view_set_window   (BelSurveyRatesView *self,
                                                   gint64              school_id,
                                                   gint64              window_id,
                                                   const char         *status,
                                                   GArray             *printable);
/* Asks the daemon again now. */
void           bel_survey_rates_view_reload       (BelSurveyRatesView *self);
gboolean       bel_survey_rates_view_get_loading  (BelSurveyRatesView *self);
/* Whether live events are coming in. */
gboolean       bel_survey_rates_view_get_live     (BelSurveyRatesView *self);
/* The rate of @advisory_id shown (0: "No advisory"), or NULL. */
BelSurveyRate *bel_survey_rates_view_get_rate     (BelSurveyRatesView *self,
                                                   gint64              advisory_id);
/* The row of @advisory_id (its accessible label says the same as its text), or NULL. */
GtkWidget     *bel_survey_rates_view_get_row      (BelSurveyRatesView *self,
                                                   gint64              advisory_id);

G_END_DECLS
