/* bel-student.h - a student as the roster gives them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT (bel_student_get_type ())
G_DECLARE_FINAL_TYPE (BelStudent, bel_student, BEL, STUDENT, BelResource)

BelStudent *bel_student_new          (void);
char       *bel_student_dup_display_name (BelStudent *self);
char       *bel_student_dup_full_name    (BelStudent *self);
char       *bel_student_dup_initials     (BelStudent *self);

extern const char * const bel_el_statuses[];

#define BEL_GRADE_MIN -1 /* pre-kindergarten */
#define BEL_GRADE_MAX 13 /* post-secondary transition */

G_END_DECLS
