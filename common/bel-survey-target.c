/* bel-survey-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-target.h"

const char * const bel_survey_target_kinds[] = { "grade", "advisory", NULL };

struct _BelSurveyTarget { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurveyTarget, bel_survey_target, BEL_TYPE_RESOURCE)

static void
bel_survey_target_class_init (BelSurveyTargetClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("kind", BEL_FIELD_REQUIRED, 10, bel_survey_target_kinds),
    bel_field_int ("value", BEL_FIELD_REQUIRED, -1, G_MAXINT64),
    bel_field_string ("label", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_target_init (BelSurveyTarget *self) { }

BelSurveyTarget *
bel_survey_target_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_TARGET, NULL);
}
