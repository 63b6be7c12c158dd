/* bel-survey-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-item.h"

const char * const bel_survey_item_kinds[] = { "likert", "adults", NULL };

struct _BelSurveyItem { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelSurveyItem, bel_survey_item, BEL_TYPE_RESOURCE)

static void
bel_survey_item_class_init (BelSurveyItemClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("key", BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("kind", BEL_FIELD_NONE, 10, bel_survey_item_kinds),
    bel_field_string ("text", BEL_FIELD_REQUIRED, 200, NULL),
    bel_field_map ("translations", BEL_FIELD_NONE),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_survey_item_init (BelSurveyItem *self) { }

BelSurveyItem *
bel_survey_item_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_ITEM, NULL);
}
