/* bel-student-page.h - a student: header card and the profile that builds year to year
 *
 * The header card shows name, pronouns, grade, advisory, languages, plan
 * badges and the adults who know the student well (from the handoff); below
 * it the profile timeline, strengths first.  Adding, editing and correcting
 * entries, the handoff and the record export start here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"
#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT_PAGE (bel_student_page_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentPage, bel_student_page, BEL, STUDENT_PAGE, GtkWidget)

void        bel_student_page_set_client   (BelStudentPage *self,
                                           BelClient      *client);
/* Shows @student (NULL: nothing) and loads their profile and handoff. */
void        bel_student_page_set_student  (BelStudentPage *self,
                                           BelStudent     *student);
BelStudent *bel_student_page_get_student  (BelStudentPage *self);
void        bel_student_page_reload       (BelStudentPage *self);
/* TRUE while the profile is being fetched. */
gboolean    bel_student_page_get_loading  (BelStudentPage *self);
/* The open entry editor or handoff window, or NULL. */
GtkWindow  *bel_student_page_get_editor   (BelStudentPage *self);
GtkWindow  *bel_student_page_get_handoff  (BelStudentPage *self);
/* Saves the daemon's record export ("pdf" or "json") to @file. */
void        bel_student_page_export_to    (BelStudentPage *self,
                                           const char     *format,
                                           GFile          *file);
void        bel_student_page_add_toast    (BelStudentPage *self,
                                           const char     *message);

G_END_DECLS
