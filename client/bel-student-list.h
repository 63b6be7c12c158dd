/* bel-student-list.h - the students of a school, loaded from the daemon page by page
 *
 * A GListModel of BelStudent.  Each load() replaces the contents with the first
 * page as soon as it arrives, then appends the following pages, so a long list
 * shows at once and fills in while the user reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_STUDENT_LIST (bel_student_list_get_type ())
G_DECLARE_FINAL_TYPE (BelStudentList, bel_student_list, BEL, STUDENT_LIST, GObject)

BelStudentList *bel_student_list_new        (BelClient      *client);
void            bel_student_list_load       (BelStudentList *self,
                                             gint64          school_id,
                                             const char     *q,
                                             int             grade,
                                             gint64          advisory_id);
void            bel_student_list_clear      (BelStudentList *self);
gboolean        bel_student_list_get_loading (BelStudentList *self);
gint64          bel_student_list_get_total  (BelStudentList *self);
const GError   *bel_student_list_get_error  (BelStudentList *self);

G_END_DECLS
