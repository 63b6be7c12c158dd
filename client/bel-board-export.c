/* bel-board-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-board-export.h"

#include <glib/gi18n.h>
#include <string.h>

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  const char *v = value ? value : "";

  /* Quote when needed; a leading =, +, - or @ would be a formula in a spreadsheet. */
  if (strpbrk (v, ",\"\r\n") != NULL || (v[0] != '\0' && strchr ("=+-@", v[0]) != NULL))
    {
      g_string_append_c (out, '"');
      if (v[0] != '\0' && strchr ("=+-@", v[0]) != NULL)
        g_string_append_c (out, '\'');
      for (const char *p = v; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, v);
  g_string_append (out, last ? "\r\n" : ",");
}

static char *
names_of (BelBoardModel *board,
          const GArray  *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      BelBoardStaff *staff = bel_board_model_lookup_staff (board, g_array_index (ids, gint64, i));
      if (staff != NULL)
        g_strv_builder_add (builder, bel_board_staff_get_display_name (staff));
    }
  names = g_strv_builder_end (builder);
  return g_strjoinv ("; ", names);
}

char *
bel_board_export_csv (BelBoardModel *board,
                      GListModel    *shown)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (shown);

  append_field (out, _("Student"), FALSE);
  append_field (out, _("Grade"), FALSE);
  append_field (out, _("Advisory"), FALSE);
  append_field (out, _("Adults"), FALSE);
  append_field (out, _("Adults who know them"), FALSE);
  append_field (out, _("Concern"), FALSE);
  append_field (out, _("Advocate"), FALSE);
  append_field (out, _("Advocate status"), FALSE);
  append_field (out, _("Follow up by"), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelBoardStudent) s = g_list_model_get_item (shown, i);
      g_autofree char *grade = g_strdup_printf ("%d", bel_board_student_get_grade (s));
      g_autofree char *adults = g_strdup_printf ("%u", bel_board_student_get_adult_count (s));
      g_autofree char *who = names_of (board, bel_board_student_get_marks (s, BEL_MARK_RELATIONSHIP));

      append_field (out, bel_board_student_get_display_name (s), FALSE);
      append_field (out, grade, FALSE);
      append_field (out, bel_board_student_get_advisory_name (s), FALSE);
      append_field (out, adults, FALSE);
      append_field (out, who, FALSE);
      append_field (out, bel_board_student_get_marks (s, BEL_MARK_CONCERN)->len > 0 ? _("yes") : "", FALSE);
      append_field (out, bel_board_student_get_advocate_name (s), FALSE);
      append_field (out, bel_board_student_get_advocate_status (s), FALSE);
      append_field (out, bel_board_student_get_follow_up_on (s), TRUE);
    }
  return g_string_free (out, FALSE);
}
