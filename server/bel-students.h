/* bel-students.h - students as the roster gives them
 *
 * Any member of a student's school reads; leaders and admins create;
 * counselors, leaders and admins change roster fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-student.h"
#include "bel-student-query.h"

G_BEGIN_DECLS

BelStudentPage *bel_students_list   (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  school_id,
                                     const BelStudentQuery  *query,
                                     GError                **error);
BelStudent     *bel_students_get    (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  student_id,
                                     GError                **error);
/* Uses the writable fields of @student; its advisory must be of the same school. */
BelStudent     *bel_students_create (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  school_id,
                                     BelStudent             *student,
                                     GError                **error);
/* Copies @fields (JSON or property names) of @changes; @expected_version 0
 * means "any version", otherwise a stale version fails with
 * BEL_ERROR_PRECONDITION_FAILED. */
BelStudent     *bel_students_update (BelEngine              *engine,
                                     BelAccount             *actor,
                                     gint64                  student_id,
                                     gint64                  expected_version,
                                     BelStudent             *changes,
                                     const char * const     *fields,
                                     GError                **error);

G_END_DECLS
