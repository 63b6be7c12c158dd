/* bel-metrics.h - a school's growth metrics: staff read, leaders and admins write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-growth-metric.h"

G_BEGIN_DECLS

GPtrArray       *bel_metrics_list   (BelEngine           *engine,
                                     BelAccount          *actor,
                                     gint64               school_id,
                                     GError             **error);
BelGrowthMetric *bel_metrics_get    (BelEngine           *engine,
                                     BelAccount          *actor,
                                     gint64               metric_id,
                                     GError             **error);
BelGrowthMetric *bel_metrics_create (BelEngine           *engine,
                                     BelAccount          *actor,
                                     gint64               school_id,
                                     BelGrowthMetric     *metric,
                                     GError             **error);
/* The scale and direction of a metric with goals no longer change (409). */
BelGrowthMetric *bel_metrics_update (BelEngine           *engine,
                                     BelAccount          *actor,
                                     gint64               metric_id,
                                     gint64               expected_version,
                                     BelGrowthMetric     *changes,
                                     const char * const  *fields,
                                     GError             **error);

G_END_DECLS
