/* bel-round.h - one relationship-mapping round of a school
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_ROUND (bel_round_get_type ())
G_DECLARE_FINAL_TYPE (BelRound, bel_round, BEL, ROUND, BelResource)

BelRound *bel_round_new (void);

/* planned, open, closed */
extern const char * const bel_round_statuses[];

G_END_DECLS
