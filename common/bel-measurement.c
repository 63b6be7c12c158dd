/* bel-measurement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-measurement.h"

#include "bel-benchmark.h"
#include "bel-growth-metric.h"

struct _BelMeasurement { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelMeasurement, bel_measurement, BEL_TYPE_RESOURCE)

static void
bel_measurement_class_init (BelMeasurementClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("metric-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("goal-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("measured-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_double ("value", BEL_FIELD_REQUIRED, -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX),
    bel_field_string ("source", BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_int ("author-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("author-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    /* In the answer to a recording: the benchmarks this measurement met. */
    bel_field_list ("benchmarks-met", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, BEL_TYPE_BENCHMARK),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_measurement_init (BelMeasurement *self) { }

BelMeasurement *
bel_measurement_new (void)
{
  return g_object_new (BEL_TYPE_MEASUREMENT, NULL);
}
