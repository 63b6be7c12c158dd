/* bel-family-reach.h - whether a student's family had its good-news contact this quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_FAMILY_REACH (bel_family_reach_get_type ())
G_DECLARE_FINAL_TYPE (BelFamilyReach, bel_family_reach, BEL, FAMILY_REACH, BelResource)

BelFamilyReach *bel_family_reach_new (void);

G_END_DECLS
