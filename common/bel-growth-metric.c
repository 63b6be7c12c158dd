/* bel-growth-metric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-growth-metric.h"

const char * const bel_growth_directions[] = { "higher", "lower", NULL };

struct _BelGrowthMetric { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelGrowthMetric, bel_growth_metric, BEL_TYPE_RESOURCE)

static void
bel_growth_metric_class_init (BelGrowthMetricClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("name", BEL_FIELD_REQUIRED, 120, NULL),
    bel_field_string ("unit", BEL_FIELD_REQUIRED, 40, NULL),
    bel_field_double ("scale-min", BEL_FIELD_REQUIRED, -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX),
    bel_field_double ("scale-max", BEL_FIELD_REQUIRED, -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX),
    bel_field_string ("direction", BEL_FIELD_REQUIRED, 10, bel_growth_directions),
    bel_field_string ("description", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("language", BEL_FIELD_NULLABLE, 60, NULL),
    bel_field_bool ("active", BEL_FIELD_NONE, TRUE),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_growth_metric_init (BelGrowthMetric *self) { }

BelGrowthMetric *
bel_growth_metric_new (void)
{
  return g_object_new (BEL_TYPE_GROWTH_METRIC, NULL);
}
