/* bel-benchmark.h - a dated step towards a goal, met when a measurement reaches it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_BENCHMARK (bel_benchmark_get_type ())
G_DECLARE_FINAL_TYPE (BelBenchmark, bel_benchmark, BEL, BENCHMARK, BelResource)

BelBenchmark *bel_benchmark_new (void);

G_END_DECLS
