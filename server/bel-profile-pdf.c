/* bel-profile-pdf.c - a student's exported record as a PDF (cairo + pango)
 *
 * Plain text only (pango_layout_set_text, never markup), laid out line by
 * line so that long entries flow onto the next page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profiles-private.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "bel-error.h"

#define PAGE_WIDTH  612.0 /* US Letter, points */
#define PAGE_HEIGHT 792.0
#define MARGIN      54.0
#define TEXT_WIDTH  (PAGE_WIDTH - 2 * MARGIN)
#define BOTTOM      (PAGE_HEIGHT - MARGIN - 18.0)

typedef struct {
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
  int          page;
  char        *footer;
} Pdf;

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_footer (Pdf *pdf)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autofree char *text = g_strdup_printf ("%s — page %d", pdf->footer, pdf->page);
  /* Its own layout: a page ends in the middle of a paragraph whose lines are
   * still being drawn from pdf->layout (changing that one would end the
   * paragraph there, its rest lost). */
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pdf->cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (pdf->cr, MARGIN, PAGE_HEIGHT - MARGIN);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
new_page (Pdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
}

/* Lays out @text in @font_name and draws it line by line, breaking pages. */
static void
paragraph (Pdf        *pdf,
           const char *font_name,
           const char *text,
           double      space_after)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);
  PangoLayoutIter *iter;

  pango_layout_set_font_description (pdf->layout, font);
  pango_layout_set_text (pdf->layout, text, -1);
  iter = pango_layout_get_iter (pdf->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (pdf->y + height > BOTTOM)
        new_page (pdf);
      cairo_move_to (pdf->cr, MARGIN, pdf->y + baseline);
      pango_cairo_show_layout_line (pdf->cr, line);
      pdf->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pdf->y += space_after;
}

static char *
entry_meta (BelProfileEntry *entry)
{
  GString *meta = g_string_new (NULL);

  g_string_append_printf (meta, "%s · %s · %s · grade %" G_GINT64_FORMAT,
                          bel_resource_get_string (entry, "observed-on"),
                          bel_resource_get_string (entry, "author-name") ?: "former staff member",
                          bel_resource_get_string (entry, "school-year"),
                          bel_resource_get_int (entry, "grade"));
  if (bel_resource_get_int (entry, "supersedes-id") != 0)
    g_string_append_printf (meta, " · corrects entry %" G_GINT64_FORMAT,
                            bel_resource_get_int (entry, "supersedes-id"));
  if (bel_resource_get_int (entry, "superseded-by") != 0)
    g_string_append_printf (meta, " · superseded by entry %" G_GINT64_FORMAT,
                            bel_resource_get_int (entry, "superseded-by"));
  g_string_append_printf (meta, " · entry %" G_GINT64_FORMAT, bel_resource_get_id (entry));
  return g_string_free (meta, FALSE);
}

/* "Label: value" lines of the kind-specific fields that are set. */
static char *
entry_details (BelProfileEntry *entry)
{
  static const struct { const char *prop; const char *label; } fields[] = {
    { "grades", "Grades" }, { "assessments", "Assessments" },
    { "attendance-summary", "Attendance" }, { "home-language", "Home language" },
    { "english-proficiency", "English proficiency" }, { "biliteracy", "Biliteracy" },
    { "linguistic-assets", "Linguistic assets" }, { "plan-type", "Plan" },
    { "starts-on", "Starts" }, { "ends-on", "Ends" }, { "summary", "Summary" },
  };
  GString *out = g_string_new (NULL);
  gdouble rate = bel_resource_get_double (entry, "attendance-rate");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = bel_resource_get_string (entry, fields[i].prop);
      if (value != NULL)
        g_string_append_printf (out, "%s%s: %s", out->len ? "\n" : "", fields[i].label, value);
    }
  if (rate >= 0.0)
    g_string_append_printf (out, "%sAttendance rate: %.1f%%", out->len ? "\n" : "", rate);
  return g_string_free (out, out->len == 0);
}

static void
draw_header (Pdf        *pdf,
             BelProfile *profile,
             BelAccount *actor)
{
  BelStudent *student = profile->student;
  g_autofree char *name = bel_student_dup_full_name (student);
  g_autofree char *title = g_strdup_printf ("Student record: %s", name);
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *facts = g_strdup_printf ("Grade %" G_GINT64_FORMAT " · advisory %s · student id %s",
                                            bel_resource_get_int (student, "grade"),
                                            bel_resource_get_string (student, "advisory-name") ?: "none",
                                            bel_resource_get_string (student, "sis-id"));
  g_autofree char *about = g_strdup_printf ("Exported %s by %s. This record holds every profile entry the "
                                            "person exporting it may read, corrections included.",
                                            now, bel_resource_get_string (actor, "display-name") ?: "belongingctl");

  paragraph (pdf, "Sans Bold 18", title, 4);
  paragraph (pdf, "Sans 10", facts, 2);
  paragraph (pdf, "Sans Italic 9", about, 14);
}

static void
draw_section (Pdf                   *pdf,
              BelProfileSectionView *view)
{
  paragraph (pdf, "Sans Bold 13", view->section->title, 6);
  if (view->entries->len == 0)
    paragraph (pdf, "Sans Italic 10", "No entries.", 10);
  for (guint i = 0; i < view->entries->len; i++)
    {
      BelProfileEntry *entry = view->entries->pdata[i];
      g_autofree char *meta = entry_meta (entry);
      g_autofree char *details = entry_details (entry);

      paragraph (pdf, "Sans Italic 8.5", meta, 2);
      paragraph (pdf, "Sans 10.5", bel_resource_get_string (entry, "body"), details ? 3 : 9);
      if (details != NULL)
        paragraph (pdf, "Sans 9.5", details, 9);
    }
  pdf->y += 6;
}

GBytes *
bel_profile_export_to_pdf (BelProfile  *profile,
                           BelAccount  *actor,
                           GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GString) hidden = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf pdf = { NULL, NULL, MARGIN, 1, NULL };

  surface = cairo_pdf_surface_create_for_stream (write_bytes, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Student record");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "belongingd");
  pdf.cr = cairo_create (surface);
  pdf.layout = pango_cairo_create_layout (pdf.cr);
  pdf.footer = g_strdup ("Confidential student record");
  pango_layout_set_width (pdf.layout, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (pdf.layout, PANGO_WRAP_WORD_CHAR);

  draw_header (&pdf, profile, actor);
  for (guint i = 0; i < profile->sections->len; i++)
    {
      BelProfileSectionView *view = profile->sections->pdata[i];

      if (view->readable)
        draw_section (&pdf, view);
      else
        g_string_append_printf (hidden, "%s%s", hidden->len ? ", " : "", view->section->title);
    }
  if (hidden->len > 0)
    {
      g_autofree char *note = g_strdup_printf ("Not included (the person exporting may not read them): %s.",
                                               hidden->str);
      paragraph (&pdf, "Sans Italic 9", note, 0);
    }
  draw_footer (&pdf);
  cairo_show_page (pdf.cr);
  g_object_unref (pdf.layout);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (pdf.footer);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED, "Could not write the PDF: %s",
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
