/* bel-membership.h - an account's role in one school (also a staff list row)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEMBERSHIP (bel_membership_get_type ())
G_DECLARE_FINAL_TYPE (BelMembership, bel_membership, BEL, MEMBERSHIP, BelResource)

BelMembership *bel_membership_new (void);

/* teacher, counselor, leader */
extern const char * const bel_school_roles[];

G_END_DECLS
