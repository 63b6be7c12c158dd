/* bel-board-page.h - the relationship map: rounds, the live board, advocacy, comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-map.h"
#include "bel-board-model.h"
#include "bel-client.h"
#include "bel-school.h"

G_BEGIN_DECLS

#define BEL_TYPE_BOARD_PAGE (bel_board_page_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardPage, bel_board_page, BEL, BOARD_PAGE, GtkWidget)

void           bel_board_page_set_client    (BelBoardPage *self,
                                             BelClient    *client);
/* NULL (signed out) stops the live events and forgets the board. */
void           bel_board_page_set_school    (BelBoardPage *self,
                                             BelSchool    *school);
void           bel_board_page_reload        (BelBoardPage *self);
BelBoardModel *bel_board_page_get_board     (BelBoardPage *self);
BelBoardMap   *bel_board_page_get_map       (BelBoardPage *self);
/* Whether the live events are connected (the header's indicator). */
gboolean       bel_board_page_get_live      (BelBoardPage *self);
/* Counselors, leaders and admins: may mark for others, manage rounds, assign advocates. */
gboolean       bel_board_page_get_manager   (BelBoardPage *self);
/* Selects the round with @round_id (rounds are listed newest first). */
gboolean       bel_board_page_select_round  (BelBoardPage *self,
                                             gint64        round_id);
/* The print and export paths, without dialogs (tests, scripts). */
gboolean       bel_board_page_export_pdf    (BelBoardPage *self,
                                             const char   *path,
                                             GError      **error);
gboolean       bel_board_page_export_csv    (BelBoardPage *self,
                                             const char   *path,
                                             GError      **error);

G_END_DECLS
