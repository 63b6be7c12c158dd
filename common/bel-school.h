/* bel-school.h - a school served by the daemon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_SCHOOL (bel_school_get_type ())
G_DECLARE_FINAL_TYPE (BelSchool, bel_school, BEL, SCHOOL, BelResource)

BelSchool *bel_school_new (void);

G_END_DECLS
