/* bel-board-export.h - the students shown on the map as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-board-model.h"

G_BEGIN_DECLS

/* RFC 4180 CSV (CRLF) of @shown (BelBoardStudent): one header row, then one row per student. */
char *bel_board_export_csv (BelBoardModel *board,
                            GListModel    *shown);

G_END_DECLS
