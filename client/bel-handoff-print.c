/* bel-handoff-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-handoff-print.h"

#include <glib/gi18n.h>

#include "bel-error.h"
#include "bel-format.h"
#include "bel-profile-format.h"

#define FONT "Cantarell, Sans 10"

static void
append_adults (GString    *markup,
               BelHandoff *handoff)
{
  guint n = bel_handoff_get_n_adults (handoff);

  g_string_append_printf (markup, "\n<span size='large' weight='bold'>%s</span>\n",
                          _("Adults who know them well"));
  if (n == 0)
    g_string_append_printf (markup, "<i>%s</i>\n", _("No adult has said so yet — please be the first."));
  for (guint i = 0; i < n; i++)
    {
      const BelHandoffAdult *adult = bel_handoff_get_adult (handoff, i);
      g_autofree char *name = g_markup_escape_text (adult->display_name ? adult->display_name : "", -1);
      g_autofree char *title = adult->title ? g_markup_escape_text (adult->title, -1) : NULL;

      g_string_append_printf (markup, "• <b>%s</b> (%s)%s%s\n", name, bel_profile_adult_role (adult),
                              title ? " — " : "", title ? title : "");
    }
}

static void
append_sections (GString    *markup,
                 BelHandoff *handoff)
{
  g_autoptr(GString) empty = g_string_new (NULL);

  for (guint i = 0; i < bel_handoff_get_n_sections (handoff); i++)
    {
      const BelHandoffSection *section = bel_handoff_get_section (handoff, i);
      const char *title = bel_profile_section_title (section->section);
      g_autofree char *body = NULL;
      g_autofree char *date = NULL;
      g_autofree char *author = NULL;
      g_autofree char *details = NULL;

      if (section->entry == NULL)
        {
          g_string_append_printf (empty, "%s%s", empty->len ? ", " : "", title);
          continue;
        }
      body = g_markup_escape_text (bel_resource_get_string (section->entry, "body"), -1);
      date = bel_profile_format_date (bel_resource_get_string (section->entry, "created-at"));
      author = g_markup_escape_text (bel_resource_get_string (section->entry, "author-name") ?: "", -1);
      details = bel_profile_format_details (section->entry);
      g_string_append_printf (markup, "\n<span size='large' weight='bold'>%s</span>\n%s\n", title, body);
      if (details != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (details, -1);
          g_string_append_printf (markup, "<span size='small'>%s</span>\n", escaped);
        }
      g_string_append_printf (markup, "<span size='small' foreground='#5e5c64'>%s · %s</span>\n", author, date);
    }
  if (empty->len > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (empty->str, -1);
      g_string_append_printf (markup, "\n<span size='small' foreground='#5e5c64'>%s %s</span>\n",
                              _("Nothing written yet:"), escaped);
    }
}

char *
bel_handoff_print_markup (BelHandoff *handoff)
{
  BelStudent *student = bel_handoff_get_student (handoff);
  g_autofree char *name = bel_student_dup_full_name (student);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  g_autofree char *year = bel_profile_format_school_year (bel_handoff_get_school_year (handoff));
  g_autofree char *date = bel_profile_format_date (bel_handoff_get_generated_at (handoff));
  const char *pronouns = bel_resource_get_string (student, "pronouns");
  g_autofree char *pron = pronouns ? g_markup_escape_text (pronouns, -1) : NULL;
  GString *markup = g_string_new (NULL);
  const char * const *hidden = bel_handoff_get_hidden_sections (handoff);

  g_string_append_printf (markup, "<span size='xx-large' weight='bold'>%s</span>%s%s%s\n", escaped,
                          pron ? "  <span foreground='#5e5c64'>(" : "", pron ? pron : "", pron ? ")</span>" : "");
  /* Translators: under the name on a printed handoff */
  g_string_append_printf (markup, "<span foreground='#5e5c64'>%s</span>\n",
                          _("A handoff for next year's teachers — strengths first"));
  g_string_append_printf (markup, "<span size='small'>%s · %s · %s %s</span>\n", grade, year,
                          _("prepared"), date);
  append_adults (markup, handoff);
  append_sections (markup, handoff);
  if (hidden != NULL && hidden[0] != NULL)
    g_string_append_printf (markup, "\n<span size='small' style='italic'>%s</span>\n",
                            _("Some private sections are left out: only counselors, leaders and the student's advisor or advocate can read them."));
  g_string_append_printf (markup, "\n<span size='x-small' foreground='#77767b'>%s</span>",
                          _("Confidential: about a student, for school staff only. Belonging"));
  return g_string_free (markup, FALSE);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           gpointer           user_data)
{
  BelHandoff *handoff = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
  g_autofree char *markup = bel_handoff_print_markup (handoff);
  double scale = 1.0;
  int layout_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  pango_layout_set_markup (layout, markup, -1);
  /* One page: a long handoff is laid out wider and drawn smaller. */
  for (int i = 0; i < 8; i++)
    {
      pango_layout_set_width (layout, (int) (width / scale * PANGO_SCALE));
      pango_layout_get_pixel_size (layout, NULL, &layout_height);
      if (layout_height * scale <= height)
        break;
      scale = MAX (0.3, height / layout_height * 0.98);
    }
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

GtkPrintOperation *
bel_handoff_print_operation (BelHandoff *handoff)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *name = bel_student_dup_full_name (bel_handoff_get_student (handoff));
  /* Translators: the print job's name */
  g_autofree char *job = g_strdup_printf (_("Handoff — %s"), name);

  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print), handoff, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page), handoff, 0);
  return operation;
}

gboolean
bel_handoff_export_pdf (BelHandoff  *handoff,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (BEL_IS_HANDOFF (handoff), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = bel_handoff_print_operation (handoff);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, _("The PDF was not written."));
      return FALSE;
    }
  return TRUE;
}
