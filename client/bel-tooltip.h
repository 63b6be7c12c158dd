/* bel-tooltip.h - a tooltip given when GTK asks for it
 *
 * gtk_widget_set_tooltip_text() asks the display where the pointer is, every
 * time (on X11 a round trip to the server, even for a widget not on screen
 * yet). A board builds a few hundred cards and chips with a tooltip or
 * more each; these keep the text and hand it over in ::query-tooltip
 * instead. The text is also the widget's accessible description, as with
 * gtk_widget_set_tooltip_text().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* text NULL or "": no tooltip */
void        bel_tooltip_set (GtkWidget  *widget,
                             const char *text);
const char *bel_tooltip_get (GtkWidget  *widget);

G_END_DECLS
