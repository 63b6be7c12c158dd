/* bel-survey-adult-map-view.h - the adults students would go to, next to the relationship map
 *
 * For counselors and leaders, on a survey that asks "Which adults at school
 * could you go to if you need help?".  The comparison names students (in
 * confidential surveys) and every look at it is recorded in the audit log,
 * so it is loaded only when the person presses "Compare With the Map".
 * Then: respondents who named no adult, students no adult marked on the
 * round, adults named whom the map missed, and how many named each adult —
 * each an expander row listing them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_SURVEY_ADULT_MAP_VIEW (bel_survey_adult_map_view_get_type ())
G_DECLARE_FINAL_TYPE (BelSurveyAdultMapView, bel_survey_adult_map_view, BEL, SURVEY_ADULT_MAP_VIEW, GtkWidget)

GtkWidget  *bel_survey_adult_map_view_new        (void);
void        bel_survey_adult_map_view_set_client (BelSurveyAdultMapView *self,
                                                  BelClient             *client);
/* Forgets what was shown; the button loads @window_id's comparison. */
void        bel_survey_adult_map_view_set_window (BelSurveyAdultMapView *self,
                                                  gint64                 window_id);
/* What the button does. */
void        bel_survey_adult_map_view_load       (BelSurveyAdultMapView *self);
gboolean    bel_survey_adult_map_view_get_loading (BelSurveyAdultMapView *self);
/* The SurveyAdultMap shown, or NULL. */
JsonObject *bel_survey_adult_map_view_get_map    (BelSurveyAdultMapView *self);
/* The expander rows: 0 named nobody, 1 unmarked, 2 missed, 3 adults. */
GtkWidget  *bel_survey_adult_map_view_get_row    (BelSurveyAdultMapView *self,
                                                  guint                  index);

G_END_DECLS
