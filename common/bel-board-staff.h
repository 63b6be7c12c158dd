/* bel-board-staff.h - a staff member on a round's board, with how many they marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BEL_TYPE_BOARD_STAFF (bel_board_staff_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardStaff, bel_board_staff, BEL, BOARD_STAFF, GObject)

BelBoardStaff *bel_board_staff_new_from_json     (JsonObject    *object);
void           bel_board_staff_update_from_json  (BelBoardStaff *self,
                                                  JsonObject    *object);
gint64         bel_board_staff_get_account_id    (BelBoardStaff *self);
const char    *bel_board_staff_get_display_name  (BelBoardStaff *self);
const char    *bel_board_staff_get_role          (BelBoardStaff *self);
const char    *bel_board_staff_get_title         (BelBoardStaff *self);
guint          bel_board_staff_get_mark_count    (BelBoardStaff *self);
void           bel_board_staff_set_mark_count    (BelBoardStaff *self,
                                                  guint          count);
/* Lower-cased name and title without accents, for the staff search. */
const char    *bel_board_staff_get_search_key    (BelBoardStaff *self);

G_END_DECLS
