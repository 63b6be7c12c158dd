/* bel-mark.h - one staff member's mark on a student in a round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_MARK (bel_mark_get_type ())
G_DECLARE_FINAL_TYPE (BelMark, bel_mark, BEL, MARK, BelResource)

BelMark *bel_mark_new (void);

/* relationship, personal, concern */
extern const char * const bel_mark_kinds[];

G_END_DECLS
