/* bel-advocate.h - a staff member assigned to build a relationship with a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_ADVOCATE (bel_advocate_get_type ())
G_DECLARE_FINAL_TYPE (BelAdvocate, bel_advocate, BEL, ADVOCATE, BelResource)

BelAdvocate *bel_advocate_new (void);

/* assigned, reached_out, connected, needs_help, ended */
extern const char * const bel_advocate_statuses[];

G_END_DECLS
