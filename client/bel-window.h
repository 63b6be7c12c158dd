/* bel-window.h - the main window: sign-in, then the school's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-application.h"

G_BEGIN_DECLS

#define BEL_TYPE_WINDOW (bel_window_get_type ())
G_DECLARE_FINAL_TYPE (BelWindow, bel_window, BEL, WINDOW, AdwApplicationWindow)

BelWindow  *bel_window_new            (BelApplication *application);
void        bel_window_add_toast      (BelWindow      *self,
                                       const char     *message);
const char *bel_window_get_page_name  (BelWindow      *self);
gboolean    bel_window_get_offline    (BelWindow      *self);
GtkWidget  *bel_window_get_page       (BelWindow      *self,
                                       const char     *name);

G_END_DECLS
