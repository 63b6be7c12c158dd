/* bel-handoff-print.h - the handoff as one printed page (or a PDF)
 *
 * Strengths first, the adults who know the student, then the latest entry of
 * every readable section.  Whatever its length, it is scaled to fit one page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-handoff.h"

G_BEGIN_DECLS

/* Pango markup of the whole handoff, as printed. */
char              *bel_handoff_print_markup     (BelHandoff  *handoff);
GtkPrintOperation *bel_handoff_print_operation  (BelHandoff  *handoff);
/* Writes the one-page PDF to @path (no dialog). */
gboolean           bel_handoff_export_pdf       (BelHandoff  *handoff,
                                                 const char  *path,
                                                 GError     **error);

G_END_DECLS
