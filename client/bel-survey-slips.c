/* bel-survey-slips.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-slips.h"

#include <glib/gi18n.h>

#include "bel-resource.h"

#define COLUMNS        2
#define ROWS           4
#define SLIPS_PER_PAGE (COLUMNS * ROWS)
#define PAD            14.0

typedef struct {
  GPtrArray *slips;      /* with codes only */
  char      *title;
  char      *url;
} Slips;

guint
bel_survey_slips_count (GPtrArray *slips)
{
  guint n = 0;

  for (guint i = 0; slips != NULL && i < slips->len; i++)
    n += bel_resource_get_string (g_ptr_array_index (slips, i), "code") != NULL;
  return n;
}

/* Draws @text (Pango markup when @markup) at @x, @y, wrapped to @width;
 * returns its height. */
static double
show (cairo_t     *cr,
      PangoLayout *layout,
      const char  *font,
      const char  *text,
      gboolean     markup,
      double       x,
      double       y,
      double       width)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_attributes (layout, NULL);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* "Friday 22 January", the day a student can still answer. */
static char *
last_day (const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) then = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  then = g_date_time_new_local (year, month, day, 12, 0, 0);
  /* TRANSLATORS: the last day to answer on a code slip, e.g. "Friday 22 January" (strftime) */
  return then ? g_date_time_format (then, _("%A %-d %B")) : NULL;
}

/* Dashed lines around and between the @n slips of a page (each line once,
 * so it prints as one clean dash pattern), scissors at each row. */
static void
draw_cut_lines (cairo_t     *cr,
                PangoLayout *layout,
                double       slip_w,
                double       slip_h,
                guint        n)
{
  static const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint k = 0; k < n; k++)
    {
      double x = (k % COLUMNS) * slip_w, y = (k / COLUMNS) * slip_h;

      cairo_move_to (cr, x, y + slip_h);
      cairo_line_to (cr, x, y);
      cairo_line_to (cr, x + slip_w, y);
      if (k % COLUMNS == COLUMNS - 1 || k == n - 1)
        {
          cairo_move_to (cr, x + slip_w, y);
          cairo_line_to (cr, x + slip_w, y + slip_h);
        }
      if (k + COLUMNS >= n)
        {
          cairo_move_to (cr, x, y + slip_h);
          cairo_line_to (cr, x + slip_w, y + slip_h);
        }
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint k = COLUMNS; k < n; k += COLUMNS)
    show (cr, layout, "Sans 10", "✂", FALSE, 2, (k / COLUMNS) * slip_h - 7, 20);
  cairo_restore (cr);
}

static void
draw_slip (cairo_t     *cr,
           PangoLayout *layout,
           Slips       *s,
           gpointer     slip,
           double       x,
           double       y,
           double       slip_w,
           double       slip_h)
{
  const char *advisory = bel_resource_get_string (slip, "advisory-name");
  g_autofree char *about = g_strdup_printf ("%s · %s", advisory ? advisory : "", s->title);
  g_autofree char *url = g_markup_escape_text (s->url, -1);
  g_autofree char *steps = NULL;
  g_autofree char *day = last_day (bel_resource_get_string (slip, "closes-on"));
  g_autofree char *until = NULL;
  double w = slip_w - 2 * PAD;

  x += PAD;
  y += PAD - 2;
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += show (cr, layout, "Sans Bold 15", bel_resource_get_string (slip, "student-name"), FALSE, x, y, w) + 1;
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  y += show (cr, layout, "Sans 7.5", about, FALSE, x, y, w) + 6;

  /* the code, in a light box, large enough to copy without mistakes */
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_rectangle (cr, x, y, w, 40);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show (cr, layout, "Monospace Bold 24", bel_resource_get_string (slip, "code"), FALSE, x + 10, y + 4, w - 20);
  y += 40 + 8;

  steps = g_strdup_printf (_("<b>1.</b> On a school computer, open this page:\n      <b><tt>%s</tt></b>\n"
                             "<b>2.</b> Type the code in the grey box. Small or capital letters both work.\n"
                             "<b>3.</b> Answer the questions. There are no right or wrong answers."), url);
  y += show (cr, layout, "Sans 8.5", steps, TRUE, x, y, w) + 5;
  until = day ? g_strdup_printf (_("Your code works only once. Answer by %s. "
                                   "Teachers see results for groups of students, never your own answers."), day)
              : g_strdup (_("Your code works only once. "
                            "Teachers see results for groups of students, never your own answers."));
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show (cr, layout, "Sans Italic 7.5", until, FALSE, x, y, w);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           Slips             *s)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double slip_w = gtk_print_context_get_width (context) / COLUMNS;
  double slip_h = gtk_print_context_get_height (context) / ROWS;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  guint first = page_nr * SLIPS_PER_PAGE;
  guint n = MIN (SLIPS_PER_PAGE, s->slips->len - first);

  draw_cut_lines (cr, layout, slip_w, slip_h, n);
  for (guint k = 0; k < n; k++)
    draw_slip (cr, layout, s, g_ptr_array_index (s->slips, first + k),
               (k % COLUMNS) * slip_w, (k / COLUMNS) * slip_h, slip_w, slip_h);
}

static void
slips_free (Slips *s)
{
  g_ptr_array_unref (s->slips);
  g_free (s->title);
  g_free (s->url);
  g_free (s);
}

gboolean
bel_survey_slips_print (GtkWindow   *parent,
                        GPtrArray   *slips,
                        const char  *title,
                        const char  *answer_url,
                        const char  *export_path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  Slips *s = g_new0 (Slips, 1);
  GtkPrintOperationResult result;

  s->slips = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < slips->len; i++)
    if (bel_resource_get_string (g_ptr_array_index (slips, i), "code") != NULL)
      g_ptr_array_add (s->slips, g_object_ref (g_ptr_array_index (slips, i)));
  s->title = g_strdup (title);
  s->url = g_strdup (answer_url);
  g_object_set_data_full (G_OBJECT (operation), "slips", s, (GDestroyNotify) slips_free);
  gtk_print_operation_set_n_pages (operation, MAX (1, (s->slips->len + SLIPS_PER_PAGE - 1) / SLIPS_PER_PAGE));
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), s);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
