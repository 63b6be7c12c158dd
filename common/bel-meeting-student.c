/* bel-meeting-student.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-meeting-student.h"

#include "bel-meeting-adult.h"
#include "bel-meeting-reason.h"

struct _BelMeetingStudent { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelMeetingStudent, bel_meeting_student, BEL_TYPE_RESOURCE)

static void
bel_meeting_student_class_init (BelMeetingStudentClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("grade", BEL_FIELD_READONLY, -1, 13),
    bel_field_int ("advisory-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("advisory-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_int ("rank", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("score", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_list ("reasons", BEL_FIELD_READONLY, BEL_TYPE_MEETING_REASON),
    bel_field_list ("adults", BEL_FIELD_READONLY, BEL_TYPE_MEETING_ADULT),
    bel_field_int ("open-plan-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_meeting_student_init (BelMeetingStudent *self) { }

BelMeetingStudent *
bel_meeting_student_new (void)
{
  return g_object_new (BEL_TYPE_MEETING_STUDENT, NULL);
}
