/* bel-student-detail.h - a student's record, in the detail pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT_DETAIL (bel_student_detail_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentDetail, bel_student_detail, BEL, STUDENT_DETAIL, GtkWidget)

void        bel_student_detail_set_student (BelStudentDetail *self,
                                            BelStudent       *student,
                                            const char       *advisor_name);
BelStudent *bel_student_detail_get_student (BelStudentDetail *self);

G_END_DECLS
