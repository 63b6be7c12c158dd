/* bel-survey-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-window.h"

const char * const bel_survey_window_statuses[] = { "scheduled", "open", "closed", NULL };

struct _BelSurveyWindow { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurveyWindow, bel_survey_window, BEL_TYPE_RESOURCE)

static void
bel_survey_window_class_init (BelSurveyWindowClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("survey-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("survey-title", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("name", BEL_FIELD_REQUIRED, 80, NULL),
    bel_field_string ("opens-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_string ("closes-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_string ("status", BEL_FIELD_NONE, 10, bel_survey_window_statuses),
    bel_field_int ("codes-issued", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("response-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_window_init (BelSurveyWindow *self) { }

BelSurveyWindow *
bel_survey_window_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_WINDOW, NULL);
}
