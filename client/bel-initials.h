/* bel-initials.h - a person's initials on a coloured disc, as AdwAvatar draws them
 *
 * AdwAvatar builds four widgets for each avatar, looks up an icon it does not
 * show and lays its text out twice; the board shows hundreds of avatars at
 * once (a card's student and the adults who know them, the staff rail).
 * This is one widget with the same CSS node, `avatar.colorN` with the same
 * colour for the same text, so it looks like AdwAvatar's initials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEL_TYPE_INITIALS (bel_initials_get_type ())
G_DECLARE_FINAL_TYPE (BelInitials, bel_initials, BEL, INITIALS, GtkWidget)

GtkWidget  *bel_initials_new      (int          size,
                                   const char  *text);
/* The name whose initials and colour are shown; also the accessible label. */
void        bel_initials_set_text (BelInitials *self,
                                   const char  *text);
const char *bel_initials_get_text (BelInitials *self);

G_END_DECLS
