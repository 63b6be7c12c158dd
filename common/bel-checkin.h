/* bel-checkin.h - a short one-to-one conversation between a staff member and a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_CHECKIN (bel_checkin_get_type ())
G_DECLARE_FINAL_TYPE (BelCheckin, bel_checkin, BEL, CHECKIN, BelResource)

BelCheckin *bel_checkin_new (void);

/* academic, non_academic */
extern const char * const bel_checkin_kinds[];

G_END_DECLS
