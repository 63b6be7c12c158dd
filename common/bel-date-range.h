/* bel-date-range.h - a named span of days: a quarter, a holiday, a missed period
 *
 * ends-on null means the span is the single day starts-on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_DATE_RANGE (bel_date_range_get_type ())
G_DECLARE_FINAL_TYPE (BelDateRange, bel_date_range, BEL, DATE_RANGE, BelResource)

BelDateRange *bel_date_range_new (void);

G_END_DECLS
