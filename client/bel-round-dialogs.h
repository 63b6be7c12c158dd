/* bel-round-dialogs.h - the confirmations of starting and closing a mapping round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-round.h"

G_BEGIN_DECLS

/* Asks for the new round's name; @done gets it (not NULL, not empty) when confirmed. */
typedef void (*BelRoundNameFunc) (const char *name,
                                  gpointer    user_data);
typedef void (*BelRoundConfirmFunc) (gpointer user_data);

void bel_round_dialogs_new_round   (GtkWindow          *parent,
                                    BelRoundNameFunc    done,
                                    gpointer            user_data);
void bel_round_dialogs_close_round (GtkWindow          *parent,
                                    const char         *round_name,
                                    BelRoundConfirmFunc done,
                                    gpointer            user_data);

/* "Winter map (open)", "Fall map (closed, read-only)" */
char *bel_round_dialogs_label      (BelRound           *round);

G_END_DECLS
