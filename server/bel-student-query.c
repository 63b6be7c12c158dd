/* bel-student-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-student-query.h"

void
bel_student_query_init (BelStudentQuery *query)
{
  g_return_if_fail (query != NULL);

  *query = (BelStudentQuery) {
    .active = TRUE,
    .limit = BEL_STUDENT_QUERY_LIMIT_DEFAULT,
  };
}

void
bel_student_page_free (BelStudentPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}
