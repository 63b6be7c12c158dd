/* bel-meeting-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-meeting-print.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-format.h"
#include "bel-resource.h"

#define HEADER_H 56.0
#define FOOTER_H 24.0
#define GAP      4.0

/* One paragraph of the notes */
typedef struct {
  char    *text;
  char    *font;
  double   indent;
  double   space_before;
  gboolean rule;        /* a line above it (a new student) */
  double   height;      /* measured in begin-print */
  int      page;
} Block;

typedef struct {
  GPtrArray *blocks;
  char      *title;
  char      *subtitle;
} PrintJob;

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->font);
  g_free (block);
}

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job);
}

static Block *
add (PrintJob *job, const char *font, double indent, double space_before, char *text)
{
  Block *block = g_new0 (Block, 1);

  block->text = text;
  block->font = g_strdup (font);
  block->indent = indent;
  block->space_before = space_before;
  g_ptr_array_add (job->blocks, block);
  return block;
}

static PangoLayout *
layout_for (GtkPrintContext *context, Block *block, double width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (block->font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, block->text, -1);
  pango_layout_set_width (layout, (int) ((width - block->indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double room = gtk_print_context_get_height (context) - HEADER_H - FOOTER_H;
  double y = 0;
  int page = 0;

  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = job->blocks->pdata[i];
      g_autoptr(PangoLayout) layout = layout_for (context, block, width);
      int h;
      double need;

      pango_layout_get_size (layout, NULL, &h);
      block->height = (double) h / PANGO_SCALE;
      need = block->space_before + block->height + GAP;
      /* a student's name never ends a page */
      if (block->rule && i + 1 < job->blocks->len)
        need += 40;
      if (y > 0 && y + need > room)
        {
          page++;
          y = 0;
        }
      block->page = page;
      y += block->space_before + block->height + GAP;
    }
  gtk_print_operation_set_n_pages (operation, page + 1);
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
  Block header = { job->title, (char *) "Sans Bold 15", 0, 0, FALSE, 0, 0 };
  Block sub = { job->subtitle, (char *) "Sans 9", 0, 0, FALSE, 0, 0 };
  g_autoptr(PangoLayout) title = layout_for (context, &header, width);
  g_autoptr(PangoLayout) subtitle = layout_for (context, &sub, width);
  g_autofree char *footer = NULL;
  Block foot = { NULL, (char *) "Sans 8", 0, 0, FALSE, 0, 0 };
  g_autoptr(PangoLayout) footer_layout = NULL;
  double y = HEADER_H;
  int n_pages;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, 0, 24);
  pango_cairo_show_layout (cr, subtitle);
  cairo_rectangle (cr, 0, HEADER_H - 10, width, 0.8);
  cairo_fill (cr);

  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = job->blocks->pdata[i];
      g_autoptr(PangoLayout) layout = NULL;

      if (block->page != page_nr)
        continue;
      if (y > HEADER_H || !block->rule)
        y += block->space_before;
      if (block->rule && y > HEADER_H)
        {
          cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
          cairo_rectangle (cr, 0, y - block->space_before / 2, width, 0.5);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      layout = layout_for (context, block, width);
      cairo_move_to (cr, block->indent, y);
      pango_cairo_show_layout (cr, layout);
      y += block->height + GAP;
    }

  g_object_get (operation, "n-pages", &n_pages, NULL);
  footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1, n_pages);
  foot.text = footer;
  footer_layout = layout_for (context, &foot, width);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, height - FOOTER_H + 8);
  pango_cairo_show_layout (cr, footer_layout);
}

static void
add_student (PrintJob *job, gpointer student)
{
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  const char *advisory = bel_resource_get_string (student, "advisory-name");
  GListModel *list;
  g_autoptr(GString) adults = g_string_new (NULL);
  Block *block;

  block = add (job, "Sans Bold 11", 0, 10,
               g_strdup_printf ("%" G_GINT64_FORMAT ". %s — %s%s%s", bel_resource_get_int (student, "rank"),
                                bel_resource_get_string (student, "student-name"), grade,
                                advisory != NULL ? ", " : "", advisory != NULL ? advisory : ""));
  block->rule = TRUE;
  list = bel_resource_get_object (student, "reasons");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) reason = g_list_model_get_item (list, i);
      const char *evidence = bel_resource_get_string (reason, "evidence");

      add (job, "Sans 9", 14, 0, g_strdup_printf ("• %s%s%s", bel_resource_get_string (reason, "label"),
                                                  evidence != NULL ? ": " : "", evidence != NULL ? evidence : ""));
    }
  list = bel_resource_get_object (student, "adults");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) adult = g_list_model_get_item (list, i);
      const char *why = bel_resource_get_string (adult, "why");

      if (adults->len > 0)
        g_string_append (adults, "; ");
      g_string_append (adults, bel_resource_get_string (adult, "display-name") ?: "");
      if (why != NULL)
        g_string_append_printf (adults, " (%s)", why);
    }
  add (job, "Sans Italic 9", 14, 2,
       adults->len > 0 ? g_strdup_printf (_("Knows them best: %s"), adults->str)
                       : g_strdup (_("No adult knows this student well yet.")));
  add (job, "Sans 9", 14, 2,
       g_strdup (bel_resource_get_int (student, "open-plan-id") > 0 ? _("Support plan: open")
                                                                    : _("Support plan: none yet")));
  add (job, "Sans 9", 14, 2,
       g_strdup (_("Follow-up and who: ______________________________________________  by: __________")));
}

gboolean
bel_meeting_print_run (GtkWindow  *parent,
                       GPtrArray  *students,
                       GPtrArray  *plans,
                       const char *title,
                       const char *subtitle,
                       const char *pdf_path,
                       GError    **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;
  Block *block;

  job->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  job->title = g_strdup (title);
  job->subtitle = g_strdup (subtitle);
  for (guint i = 0; students != NULL && i < students->len; i++)
    add_student (job, students->pdata[i]);
  if (students == NULL || students->len == 0)
    add (job, "Sans 10", 0, 0, g_strdup (_("Nobody stands out this week.")));
  block = add (job, "Sans Bold 12", 0, 18, g_strdup (_("Open support plans")));
  block->rule = TRUE;
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      gpointer plan = plans->pdata[i];
      g_autofree char *review = bel_care_format_date (bel_resource_get_string (plan, "review-on"), "");

      add (job, "Sans 9", 14, 2,
           g_strdup_printf (_("• %s — tier %" G_GINT64_FORMAT ", %s; owner %s; review %s"),
                            bel_resource_get_string (plan, "student-name"), bel_resource_get_int (plan, "tier"),
                            bel_resource_get_string (plan, "concern"),
                            bel_resource_get_string (plan, "owner-name") ?: "", review));
    }
  if (plans == NULL || plans->len == 0)
    add (job, "Sans 9", 14, 2, g_strdup (_("None")));
  g_object_set_data_full (G_OBJECT (operation), "bel-print-job", job, (GDestroyNotify) print_job_free);

  gtk_print_operation_set_job_name (operation, title);
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
