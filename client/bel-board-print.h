/* bel-board-print.h - the map on paper for a meeting (GtkPrintOperation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-model.h"

G_BEGIN_DECLS

/* Prints @shown (BelBoardStudent) as a table titled @title / @subtitle.  With
 * @pdf_path set it exports to that PDF file without a dialog; otherwise it shows
 * the print dialog (asynchronously). */
gboolean bel_board_print_run (GtkWindow     *parent,
                              BelBoardModel *board,
                              GListModel    *shown,
                              const char    *title,
                              const char    *subtitle,
                              const char    *pdf_path,
                              GError       **error);

G_END_DECLS
