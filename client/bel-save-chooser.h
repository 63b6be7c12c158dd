/* bel-save-chooser.h - "Save as…" for what a page exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The file the person chose; @owner is alive (the chooser holds it). */
typedef void (*BelSaveChosen) (GtkWidget *owner,
                               GFile     *file,
                               gpointer   data);

/* Asks where to save, offering @file_name, in a dialog over @owner's window
 * (a portal's, or GTK's own); calls @chosen only if the person accepted.
 * @destroy frees @data either way. */
void bel_save_chooser_show (GtkWidget      *owner,
                            const char     *title,
                            const char     *accept_label,
                            const char     *file_name,
                            BelSaveChosen   chosen,
                            gpointer        data,
                            GDestroyNotify  destroy);

G_END_DECLS
