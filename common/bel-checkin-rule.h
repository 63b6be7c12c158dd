/* bel-checkin-rule.h - how often which students must be checked in with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_CHECKIN_RULE (bel_checkin_rule_get_type ())
G_DECLARE_FINAL_TYPE (BelCheckinRule, bel_checkin_rule, BEL, CHECKIN_RULE, BelResource)

BelCheckinRule *bel_checkin_rule_new (void);

/* targeted, everyone */
extern const char * const bel_checkin_audiences[];

/* any, academic, non_academic */
extern const char * const bel_checkin_rule_kinds[];

/* week, month */
extern const char * const bel_checkin_periods[];

G_END_DECLS
