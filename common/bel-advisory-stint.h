/* bel-advisory-stint.h - a student's time in one advisory, for the history across years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_ADVISORY_STINT (bel_advisory_stint_get_type ())
G_DECLARE_FINAL_TYPE (BelAdvisoryStint, bel_advisory_stint, BEL, ADVISORY_STINT, BelResource)

BelAdvisoryStint *bel_advisory_stint_new (void);

G_END_DECLS
