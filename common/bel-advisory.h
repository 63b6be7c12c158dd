/* bel-advisory.h - a small group of students with one adult, kept over years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_ADVISORY (bel_advisory_get_type ())
G_DECLARE_FINAL_TYPE (BelAdvisory, bel_advisory, BEL, ADVISORY, BelResource)

BelAdvisory *bel_advisory_new (void);

G_END_DECLS
