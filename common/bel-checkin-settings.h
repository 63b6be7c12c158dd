/* bel-checkin-settings.h - a school's check-in checklist, cadence rules and calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_CHECKIN_SETTINGS (bel_checkin_settings_get_type ())
G_DECLARE_FINAL_TYPE (BelCheckinSettings, bel_checkin_settings, BEL, CHECKIN_SETTINGS, BelResource)

BelCheckinSettings *bel_checkin_settings_new (void);

G_END_DECLS
