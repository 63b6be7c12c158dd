/* bel-measurement.h - one assessment result of a student on a growth metric
 *
 * In a request for one goal only measured_on, value and source are needed;
 * a row of a bulk entry names its goal (goal_id) or its student and metric
 * (student_id and metric_id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEASUREMENT (bel_measurement_get_type ())
G_DECLARE_FINAL_TYPE (BelMeasurement, bel_measurement, BEL, MEASUREMENT, BelResource)

BelMeasurement *bel_measurement_new (void);

G_END_DECLS
