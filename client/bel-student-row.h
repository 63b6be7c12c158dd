/* bel-student-row.h - one student in the students list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT_ROW (bel_student_row_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentRow, bel_student_row, BEL, STUDENT_ROW, GtkWidget)

GtkWidget  *bel_student_row_new          (void);
void        bel_student_row_set_student  (BelStudentRow *self,
                                          BelStudent    *student);
BelStudent *bel_student_row_get_student  (BelStudentRow *self);

G_END_DECLS
