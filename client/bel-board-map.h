/* bel-board-map.h - the map itself: staff rail, filters and the grid of student cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-filter.h"
#include "bel-board-model.h"
#include "bel-client.h"
#include "bel-student-card.h"

G_BEGIN_DECLS

#define BEL_TYPE_BOARD_MAP (bel_board_map_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardMap, bel_board_map, BEL, BOARD_MAP, GtkWidget)

void            bel_board_map_set_board      (BelBoardMap     *self,
                                              BelClient       *client,
                                              BelBoardModel   *board,
                                              gboolean         manager);
/* Shows the board once it is loaded; @fresh (a new round) sorts it again,
 * a refresh of the same round leaves the cards where they are. */
void            bel_board_map_board_loaded   (BelBoardMap     *self,
                                              gboolean         fresh);
void            bel_board_map_set_loading    (BelBoardMap     *self);
void            bel_board_map_flash          (BelBoardMap     *self,
                                              BelBoardStudent *student);
/* The students shown, in order (GListModel of BelBoardStudent). */
GListModel     *bel_board_map_get_shown      (BelBoardMap     *self);
/* Words for what is shown, e.g. "No adult yet · Grade 9" ("Everyone" without filters). */
char           *bel_board_map_describe_view  (BelBoardMap     *self);
const char     *bel_board_map_get_headline   (BelBoardMap     *self);
BelBoardFilter *bel_board_map_get_filter     (BelBoardMap     *self);
void            bel_board_map_set_connection (BelBoardMap     *self,
                                              BelConnection    connection);
void            bel_board_map_focus_search   (BelBoardMap     *self);
/* The card showing @student now, or NULL when it is scrolled away. */
BelStudentCard *bel_board_map_get_card       (BelBoardMap     *self,
                                              BelBoardStudent *student);
/* Scrolls to @student and gives its card the focus. */
void            bel_board_map_focus_student  (BelBoardMap     *self,
                                              BelBoardStudent *student);

G_END_DECLS
