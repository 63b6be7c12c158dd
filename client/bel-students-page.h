/* bel-students-page.h - the students of a school: search, filters, list and record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"
#include "bel-school.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENTS_PAGE (bel_students_page_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentsPage, bel_students_page, BEL, STUDENTS_PAGE, GtkWidget)

void        bel_students_page_set_client (BelStudentsPage *self,
                                          BelClient       *client);
void        bel_students_page_set_school (BelStudentsPage *self,
                                          BelSchool       *school);
BelSchool  *bel_students_page_get_school (BelStudentsPage *self);
void        bel_students_page_reload     (BelStudentsPage *self);
GListModel *bel_students_page_get_students (BelStudentsPage *self);
void        bel_students_page_set_offline  (BelStudentsPage *self,
                                            gboolean         offline);
gboolean    bel_students_page_get_offline  (BelStudentsPage *self);
/* Whether the Surveys button shows (bel_surveys_page_may_see). */
gboolean    bel_students_page_get_surveys_available (BelStudentsPage *self);
void        bel_students_page_open_student (BelStudentsPage *self,
                                            gint64           student_id);

G_END_DECLS
