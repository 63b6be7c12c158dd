/* bel-student-goals.h - the "Growth goals" section of the student page
 *
 * The student's goals as cards with charts, active first; "Set a goal",
 * "Record a score" and "Revise" open their dialogs.  Reloads on goal events
 * about the student (BelCelebration) and after its own changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"
#include "bel-goal-card.h"
#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT_GOALS (bel_student_goals_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentGoals, bel_student_goals, BEL, STUDENT_GOALS, GtkWidget)

void         bel_student_goals_set_client  (BelStudentGoals *self,
                                            BelClient       *client);
void         bel_student_goals_set_student (BelStudentGoals *self,
                                            BelStudent      *student);
void         bel_student_goals_reload      (BelStudentGoals *self);
gboolean     bel_student_goals_get_loading (BelStudentGoals *self);
guint        bel_student_goals_get_n_cards (BelStudentGoals *self);
BelGoalCard *bel_student_goals_get_card    (BelStudentGoals *self,
                                            guint            index);
/* The open measurement dialog or goal wizard, or NULL. */
GtkWindow   *bel_student_goals_get_dialog  (BelStudentGoals *self);

G_END_DECLS
