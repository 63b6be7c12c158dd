/* bel-survey-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-settings.h"

struct _BelSurveySettings { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurveySettings, bel_survey_settings, BEL_TYPE_RESOURCE)

static void
bel_survey_settings_class_init (BelSurveySettingsClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("min-respondents", BEL_FIELD_NONE, 3, 100),
    bel_field_bool ("leaders-see-teacher-results", BEL_FIELD_NONE, FALSE),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_settings_init (BelSurveySettings *self) { }

BelSurveySettings *
bel_survey_settings_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_SETTINGS, NULL);
}
