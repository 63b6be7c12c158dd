/* bel-board-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-board-print.h"

#include <glib/gi18n.h>

#include "bel-format.h"

#define ROW_H      18.0
#define HEADER_H   64.0
#define FOOTER_H   24.0

typedef struct {
  BelBoardModel *board;
  GPtrArray     *students;
  char          *title;
  char          *subtitle;
  guint          rows_per_page;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->board);
  g_clear_pointer (&job->students, g_ptr_array_unref);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintJob          *job)
{
  double height = gtk_print_context_get_height (context);
  guint pages;

  job->rows_per_page = MAX (1, (guint) ((height - HEADER_H - FOOTER_H) / ROW_H) - 1);
  pages = MAX (1, (job->students->len + job->rows_per_page - 1) / job->rows_per_page);
  gtk_print_operation_set_n_pages (operation, pages);
}

static void
show_text (GtkPrintContext *context,
           cairo_t         *cr,
           const char      *text,
           const char      *font,
           double           x,
           double           y,
           double           width)
{
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double cols[] = { 0, 0.36, 0.46, 0.76, 0.84 };
  const char *heads[] = { N_("Student"), N_("Grade"), N_("Advisory"), N_("Adults"), N_("Advocate") };
  guint first = page_nr * job->rows_per_page;
  g_autofree char *footer = NULL;
  double y;
  int n_pages;

  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (context, cr, job->title, "Sans Bold 15", 0, 0, width);
  show_text (context, cr, job->subtitle, "Sans 9", 0, 24, width);

  y = HEADER_H - ROW_H;
  for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
    show_text (context, cr, _(heads[c]), "Sans Bold 8.5", cols[c] * width, y,
               ((c + 1 < G_N_ELEMENTS (cols) ? cols[c + 1] : 1.0) - cols[c]) * width - 6);
  cairo_rectangle (cr, 0, HEADER_H - 2, width, 0.8);
  cairo_fill (cr);

  y = HEADER_H + 2;
  for (guint i = first; i < job->students->len && i < first + job->rows_per_page; i++, y += ROW_H)
    {
      BelBoardStudent *s = job->students->pdata[i];
      guint adults = bel_board_student_get_adult_count (s);
      g_autofree char *grade = bel_format_grade (bel_board_student_get_grade (s));
      g_autofree char *count = g_strdup_printf ("%u", adults);
      const char *values[] = { bel_board_student_get_display_name (s), grade,
                               bel_board_student_get_advisory_name (s), count,
                               bel_board_student_get_advocate_name (s) };

      if (adults == 0)
        {
          /* The unconnected stand out on paper too, in a light warm band. */
          cairo_set_source_rgb (cr, 1.0, 0.93, 0.82);
          cairo_rectangle (cr, 0, y - 1, width, ROW_H);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
        show_text (context, cr, values[c], adults == 0 && c == 3 ? "Sans Bold 8.5" : "Sans 8.5",
                   cols[c] * width, y,
                   ((c + 1 < G_N_ELEMENTS (cols) ? cols[c + 1] : 1.0) - cols[c]) * width - 6);
    }

  g_object_get (operation, "n-pages", &n_pages, NULL);
  footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1, n_pages);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text (context, cr, footer, "Sans 8", 0, height - FOOTER_H + 8, width);
}

gboolean
bel_board_print_run (GtkWindow     *parent,
                     BelBoardModel *board,
                     GListModel    *shown,
                     const char    *title,
                     const char    *subtitle,
                     const char    *pdf_path,
                     GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;
  guint n = g_list_model_get_n_items (shown);

  job->board = g_object_ref (board);
  job->students = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (job->students, g_list_model_get_item (shown, i));
  job->title = g_strdup_printf (_("Relationship map — %s"), title);
  job->subtitle = g_strdup (subtitle);
  g_object_set_data_full (G_OBJECT (operation), "bel-print-job", job, (GDestroyNotify) print_job_free);

  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), job);
  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
    }
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
