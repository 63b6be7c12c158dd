/* bel-observation.h - what one staff member noticed about a student
 *
 * raise-flag is write-only: a concern created with it raises a flag (bel-flag.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_OBSERVATION (bel_observation_get_type ())
G_DECLARE_FINAL_TYPE (BelObservation, bel_observation, BEL, OBSERVATION, BelResource)

BelObservation *bel_observation_new (void);

/* strength, need, concern */
extern const char * const bel_observation_kinds[];

G_END_DECLS
