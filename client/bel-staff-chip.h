/* bel-staff-chip.h - a staff member in the board's rail: drag them onto a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-staff.h"

G_BEGIN_DECLS

#define BEL_TYPE_STAFF_CHIP (bel_staff_chip_get_type ())
G_DECLARE_FINAL_TYPE (BelStaffChip, bel_staff_chip, BEL, STAFF_CHIP, GtkWidget)

GtkWidget     *bel_staff_chip_new       (void);
void           bel_staff_chip_bind      (BelStaffChip  *self,
                                         BelBoardStaff *staff,
                                         gboolean       draggable);
void           bel_staff_chip_unbind    (BelStaffChip  *self);
BelBoardStaff *bel_staff_chip_get_staff (BelStaffChip  *self);

G_END_DECLS
