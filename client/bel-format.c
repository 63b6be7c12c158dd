/* bel-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-format.h"

#include <glib/gi18n.h>

char *
bel_format_grade (gint64 grade)
{
  if (grade <= -1)
    return g_strdup (_("Pre-kindergarten"));
  if (grade == 0)
    return g_strdup (_("Kindergarten"));
  if (grade >= 13)
    return g_strdup (_("Transition"));
  /* Translators: a school grade, e.g. "Grade 9" */
  return g_strdup_printf (_("Grade %d"), (int) grade);
}

char *
bel_format_el_status (const char *el_status)
{
  if (g_strcmp0 (el_status, "current") == 0)
    return g_strdup (_("Learning English"));
  if (g_strcmp0 (el_status, "former") == 0)
    return g_strdup (_("Reclassified, fluent in English"));
  return g_strdup (_("Not an English learner"));
}

char *
bel_format_student_count (guint    shown,
                          guint    total,
                          gboolean filtered)
{
  if (!filtered || shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student", "%u students", total),
                            total);
  /* Translators: "12 of 400 students" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u student", "%u of %u students", total),
                          shown, total);
}

/* "Grade 10 · Advisory 10B", for a list row. */
char *
bel_format_student_summary (BelStudent *student)
{
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  const char *advisory = bel_resource_get_string (student, "advisory-name");

  if (advisory == NULL || *advisory == '\0')
    return g_steal_pointer (&grade);
  return g_strdup_printf ("%s · %s", grade, advisory);
}
