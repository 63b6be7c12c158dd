/* bel-survey-rate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-rate.h"

struct _BelSurveyRate { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurveyRate, bel_survey_rate, BEL_TYPE_RESOURCE)

static void
bel_survey_rate_class_init (BelSurveyRateClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("advisory-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY, 80, NULL),
    bel_field_string ("advisor-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_int ("students", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("codes-issued", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("responded", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_double ("response-rate", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0.0, 1.0),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_rate_init (BelSurveyRate *self) { }

BelSurveyRate *
bel_survey_rate_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_RATE, NULL);
}
