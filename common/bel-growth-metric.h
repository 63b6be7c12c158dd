/* bel-growth-metric.h - a school's long-term growth metric (an assessment scale)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_GROWTH_METRIC (bel_growth_metric_get_type ())
G_DECLARE_FINAL_TYPE (BelGrowthMetric, bel_growth_metric, BEL, GROWTH_METRIC, BelResource)

/* The largest magnitude of any value on a metric's scale. */
#define BEL_GROWTH_VALUE_MAX 1e9

BelGrowthMetric *bel_growth_metric_new (void);

/* higher, lower: which values are better */
extern const char * const bel_growth_directions[];

G_END_DECLS
