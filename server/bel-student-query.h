/* bel-student-query.h - filters of a student list and one page of its result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BEL_STUDENT_QUERY_LIMIT_DEFAULT 100
#define BEL_STUDENT_QUERY_LIMIT_MAX     1000

typedef struct {
  const char *q;           /* words, each prefix of a name or the SIS id; NULL = all */
  gboolean    has_grade;
  gint64      grade;
  gint64      advisory_id; /* 0 = any */
  gboolean    active;      /* TRUE: active students (default), FALSE: inactive ones */
  guint       limit;       /* 1..BEL_STUDENT_QUERY_LIMIT_MAX */
  const char *cursor;      /* next_cursor of the previous page, or NULL */
} BelStudentQuery;

void bel_student_query_init (BelStudentQuery *query);

typedef struct {
  GPtrArray *items;       /* BelStudent, ordered by family name, given name, id */
  gint64     total;       /* matches over all pages */
  char      *next_cursor; /* NULL on the last page */
} BelStudentPage;

void bel_student_page_free (BelStudentPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelStudentPage, bel_student_page_free)

G_END_DECLS
