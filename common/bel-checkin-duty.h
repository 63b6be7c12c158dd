/* bel-checkin-duty.h - whether a student is due, overdue or missed for one cadence rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_CHECKIN_DUTY (bel_checkin_duty_get_type ())
G_DECLARE_FINAL_TYPE (BelCheckinDuty, bel_checkin_duty, BEL, CHECKIN_DUTY, BelResource)

BelCheckinDuty *bel_checkin_duty_new (void);

/* ok, due, overdue */
extern const char * const bel_checkin_duty_states[];

G_END_DECLS
