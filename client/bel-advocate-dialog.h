/* bel-advocate-dialog.h - assign an advocate to a student: who, follow-up date, note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-board-model.h"
#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_ADVOCATE_DIALOG (bel_advocate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelAdvocateDialog, bel_advocate_dialog, BEL, ADVOCATE_DIALOG, AdwMessageDialog)

/* Emits "assigned" (BelAdvocate *) once the daemon accepted, then closes. */
GtkWidget *bel_advocate_dialog_new          (GtkWindow         *parent,
                                             BelClient         *client,
                                             GListModel        *staff,
                                             BelBoardStudent   *student);
/* Fills the form as a person would (tests): the staff member, the date, the note. */
void       bel_advocate_dialog_fill         (BelAdvocateDialog *self,
                                             gint64             account_id,
                                             const char        *follow_up_on,
                                             const char        *note);
/* The "assign" response. */
void       bel_advocate_dialog_submit       (BelAdvocateDialog *self);

G_END_DECLS
