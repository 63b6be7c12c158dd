/* bel-benchmark.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-benchmark.h"

#include "bel-growth-metric.h"

struct _BelBenchmark { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelBenchmark, bel_benchmark, BEL_TYPE_RESOURCE)

static void
bel_benchmark_class_init (BelBenchmarkClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("goal-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("due-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_double ("target-value", BEL_FIELD_REQUIRED, -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX),
    bel_field_string ("met-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("met-on", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_double ("met-value", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE,
                      -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX),
    bel_field_int ("measurement-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_benchmark_init (BelBenchmark *self) { }

BelBenchmark *
bel_benchmark_new (void)
{
  return g_object_new (BEL_TYPE_BENCHMARK, NULL);
}
