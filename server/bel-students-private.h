/* bel-students-private.h - student rows, shared by the student and advisory engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine-private.h"
#include "bel-students.h"

G_BEGIN_DECLS

#define BEL_STUDENT_SELECT \
  "SELECT st.id, st.school_id, st.sis_id, st.given_name, st.family_name, st.preferred_name, " \
  "st.pronouns, st.grade, st.advisory_id, adv.name, st.home_language, st.el_status, st.iep, " \
  "st.section_504, st.language_plan, st.behavior_plan, st.attributes, st.active, st.version, " \
  "st.updated_at FROM student st LEFT JOIN advisory adv ON adv.id = st.advisory_id "

BelStudent *bel_student_from_row      (BelStmt  *stmt);
/* Whether @text is a next_cursor of a student list (400 otherwise); for fuzz-routes. */
gboolean    bel_student_cursor_check  (const char    *text,
                                       GError       **error);

G_END_DECLS
