/* bel-board-private.h - the parts of the board shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-board.h"

G_BEGIN_DECLS

void  bel_board_student_free (BelBoardStudent *student);
void  bel_board_staff_free   (BelBoardStaff   *staff);
void  bel_board_group_clear  (BelBoardGroup   *group);
void  bel_board_group_free   (BelBoardGroup   *group);
/* The number of adults with a relationship mark. */
guint bel_board_student_adults (const BelBoardStudent *student);

/* Fills the summary of @board from its students, then keeps only the
 * students whose number of adults matches @connection (NULL: all). */
void  bel_board_summarize    (BelBoard        *board,
                              const char      *connection);

G_END_DECLS
