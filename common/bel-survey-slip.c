/* bel-survey-slip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-slip.h"

struct _BelSurveySlip { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurveySlip, bel_survey_slip, BEL_TYPE_RESOURCE)

static void
bel_survey_slip_class_init (BelSurveySlipClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY, 200, NULL),
    bel_field_int ("grade", BEL_FIELD_READONLY, -1, 13),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_string ("language", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 60, NULL),
    bel_field_string ("code", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 20, NULL),
    bel_field_bool ("answered", BEL_FIELD_READONLY, FALSE),
    bel_field_string ("closes-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_slip_init (BelSurveySlip *self) { }

BelSurveySlip *
bel_survey_slip_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_SLIP, NULL);
}
