/* bel-meeting-student.h - a student on the "who needs us most" list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEETING_STUDENT (bel_meeting_student_get_type ())
G_DECLARE_FINAL_TYPE (BelMeetingStudent, bel_meeting_student, BEL, MEETING_STUDENT, BelResource)

BelMeetingStudent *bel_meeting_student_new (void);

G_END_DECLS
