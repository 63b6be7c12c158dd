/* bel-flag.h - a concern flag on a student, open until someone closes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_FLAG (bel_flag_get_type ())
G_DECLARE_FINAL_TYPE (BelFlag, bel_flag, BEL, FLAG, BelResource)

BelFlag *bel_flag_new (void);

/* open, closed */
extern const char * const bel_flag_statuses[];

G_END_DECLS
