/* bel-staff-picker.h - a popover to choose a staff member by name
 *
 * The keyboard and menu way to do what dragging a staff chip does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-staff.h"

G_BEGIN_DECLS

#define BEL_TYPE_STAFF_PICKER (bel_staff_picker_get_type ())
G_DECLARE_FINAL_TYPE (BelStaffPicker, bel_staff_picker, BEL, STAFF_PICKER, GtkPopover)

/* @staff: GListModel of BelBoardStaff; emits "picked" (BelBoardStaff *) */
GtkWidget *bel_staff_picker_new        (GListModel     *staff,
                                        const char     *title);
void       bel_staff_picker_set_search (BelStaffPicker *self,
                                        const char     *text);
/* Picks the first staff member shown (as Enter in the search does). */
gboolean   bel_staff_picker_pick_first (BelStaffPicker *self);

G_END_DECLS
