/* bel-survey.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey.h"

const char * const bel_survey_modes[] = { "anonymous", "confidential", NULL };

struct _BelSurvey { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurvey, bel_survey, BEL_TYPE_RESOURCE)

static void
bel_survey_class_init (BelSurveyClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("title", BEL_FIELD_REQUIRED, 120, NULL),
    bel_field_string ("mode", BEL_FIELD_NONE, 14, bel_survey_modes),
    bel_field_list ("targets", BEL_FIELD_NULLABLE, BEL_TYPE_SURVEY_TARGET),
    bel_field_list ("items", BEL_FIELD_NULLABLE, BEL_TYPE_SURVEY_ITEM),
    bel_field_bool ("ask-adults", BEL_FIELD_NONE, FALSE),
    bel_field_int ("window-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("response-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("created-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("created-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_init (BelSurvey *self) { }

BelSurvey *
bel_survey_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY, NULL);
}
