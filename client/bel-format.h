/* bel-format.h - words for roster values, shared by the client's widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bel-student.h"

G_BEGIN_DECLS

char *bel_format_grade          (gint64      grade);
char *bel_format_el_status      (const char *el_status);
char *bel_format_student_count  (guint       shown,
                                 guint       total,
                                 gboolean    filtered);
char *bel_format_student_summary (BelStudent *student);

G_END_DECLS
