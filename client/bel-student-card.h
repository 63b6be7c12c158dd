/* bel-student-card.h - one student of the relationship map
 *
 * Shows a BelBoardStudent and follows its changes: name, grade, advisory,
 * initials, the adults who marked them (each can be dragged off), concern
 * and advocate; a student with no adult yet stands out.  A staff chip
 * dropped on the card places that person's check.  Clicking toggles your own
 * check; the context menu (right click, Menu, Shift+F10) has every mark and
 * "Add a check for…".  The card activates the page's "board.*" actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-model.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT_CARD (bel_student_card_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentCard, bel_student_card, BEL, STUDENT_CARD, GtkWidget)

GtkWidget       *bel_student_card_new          (void);
/* @board gives the names of the adults and who "I" am; @manager: may mark for others. */
void             bel_student_card_bind         (BelStudentCard  *self,
                                                BelBoardModel   *board,
                                                BelBoardStudent *student,
                                                gboolean         manager);
void             bel_student_card_unbind       (BelStudentCard  *self);
BelBoardStudent *bel_student_card_get_student  (BelStudentCard  *self);
/* A short highlight after someone else changed the student. */
void             bel_student_card_flash        (BelStudentCard  *self);
void             bel_student_card_popup_menu   (BelStudentCard  *self);
/* Opens "Add a check for…" on the card. */
void             bel_student_card_pick_staff   (BelStudentCard  *self);
/* What a drop of @staff does (the drop target's path). */
gboolean         bel_student_card_drop_staff   (BelStudentCard  *self,
                                                BelBoardStaff   *staff);
const char      *bel_student_card_get_badge    (BelStudentCard  *self);
/* The accessible name, e.g. "Amara Okafor, grade 10, no adult yet" */
char            *bel_student_card_describe     (BelBoardStudent *student);

G_END_DECLS
