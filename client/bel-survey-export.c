/* bel-survey-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-export.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bel-resource.h"

#define SLIPS_PER_PAGE 8

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

static void
show (cairo_t    *cr,
      PangoLayout *layout,
      const char *font,
      const char *text,
      double      x,
      double      y,
      double      width)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           Slips             *s)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double slip_w = width / 2, slip_h = height / 4;
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  static const double dash[] = { 3, 3 };

  for (guint k = 0; k < SLIPS_PER_PAGE; k++)
    {
      guint index = page_nr * SLIPS_PER_PAGE + k;
      gpointer slip;
      double x = (k % 2) * slip_w, y = (k / 2) * slip_h;
      const char *advisory, *closes;
      g_autofree char *where = NULL;
      g_autofree char *until = NULL;

      if (index >= s->slips->len)
        break;
      slip = g_ptr_array_index (s->slips, index);
      advisory = bel_resource_get_string (slip, "advisory-name");
      closes = bel_resource_get_string (slip, "closes-on");
      /* cut lines */
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_rectangle (cr, x + 2, y + 2, slip_w - 4, slip_h - 4);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_source_rgb (cr, 0, 0, 0);
      show (cr, layout, "Sans Bold 11", bel_resource_get_string (slip, "student-name"), x + 14, y + 12, slip_w - 28);
      show (cr, layout, "Sans 8", advisory ? advisory : "", x + 14, y + 30, slip_w - 28);
      show (cr, layout, "Sans 8", s->title, x + 14, y + 44, slip_w - 28);
      show (cr, layout, "Monospace Bold 20", bel_resource_get_string (slip, "code"), x + 14, y + 62, slip_w - 28);
      where = g_strdup_printf (_("Open %s and type your code. It works once."), s->url);
      show (cr, layout, "Sans 8", where, x + 14, y + slip_h - 44, slip_w - 28);
      until = closes ? g_strdup_printf (_("Answer by %s. Your answers are private."), closes)
                     : g_strdup (_("Your answers are private."));
      show (cr, layout, "Sans 8", until, x + 14, y + slip_h - 28, slip_w - 28);
    }
  g_object_unref (layout);
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

/* ---- CSV ---- */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

JsonObject *
bel_survey_results_breakdown (JsonObject *results,
                              const char *key)
{
  JsonArray *breakdowns;

  if (key == NULL || !json_object_has_member (results, "breakdowns"))
    return NULL;
  breakdowns = json_object_get_array_member (results, "breakdowns");
  for (guint i = 0; i < json_array_get_length (breakdowns); i++)
    {
      JsonObject *b = json_array_get_object_element (breakdowns, i);

      if (g_strcmp0 (json_object_get_string_member (b, "key"), key) == 0)
        return b;
    }
  return NULL;
}

static JsonObject *
item_stats (JsonObject *cell,
            gint64      item_id)
{
  JsonArray *items;

  if (cell == NULL || json_object_get_boolean_member_with_default (cell, "suppressed", FALSE) ||
      !json_object_has_member (cell, "items"))
    return NULL;
  items = json_object_get_array_member (cell, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *stats = json_array_get_object_element (items, i);

      if (json_object_get_int_member (stats, "item_id") == item_id)
        return json_object_get_boolean_member_with_default (stats, "suppressed", FALSE) ? NULL : stats;
    }
  return NULL;
}

double
bel_survey_cell_share (JsonObject *cell,
                       gint64      item_id)
{
  JsonObject *stats = item_stats (cell, item_id);
  JsonNode *share;

  if (stats == NULL)
    return -1;
  share = json_object_get_member (stats, "agree_share");
  if (share == NULL || JSON_NODE_HOLDS_NULL (share))
    return -1;
  return json_node_get_double (share);
}

static void
csv_row (GString    *out,
         JsonObject *cell,
         JsonArray  *items,
         gint64      min_n,
         const char *label)
{
  gboolean suppressed = json_object_get_boolean_member_with_default (cell, "suppressed", FALSE);
  g_autofree char *fewer = g_strdup_printf (_("fewer than %" G_GINT64_FORMAT), min_n);
  guint n = json_array_get_length (items);

  csv_field (out, label ? label : json_object_get_string_member_with_default (cell, "label", ""), FALSE);
  if (suppressed)
    csv_field (out, fewer, n == 0);
  else
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                json_object_get_int_member_with_default (cell, "respondents", 0));
      csv_field (out, count, n == 0);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *stats = item_stats (cell, json_object_get_int_member (json_array_get_object_element (items, i),
                                                                         "id"));
      g_autofree char *share = NULL;
      g_autofree char *mean = NULL;

      if (stats != NULL)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          share = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3f",
                                             json_object_get_double_member_with_default (stats, "agree_share", 0)));
          mean = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f",
                                            json_object_get_double_member_with_default (stats, "mean", 0)));
        }
      csv_field (out, stats ? share : (suppressed ? "" : fewer), FALSE);
      csv_field (out, stats ? mean : "", i == n - 1);
    }
}

char *
bel_survey_results_csv (JsonObject *results,
                        const char *breakdown_key)
{
  GString *out = g_string_new (NULL);
  JsonArray *items = json_object_get_array_member (results, "items");
  gint64 min_n = json_object_get_int_member_with_default (results, "min_respondents", 10);
  JsonObject *b = bel_survey_results_breakdown (results, breakdown_key);
  guint n = json_array_get_length (items);

  csv_field (out, _("Group"), FALSE);
  csv_field (out, _("Respondents"), n == 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *share = g_strdup_printf (_("%s: share agreeing"), json_object_get_string_member (item, "text"));
      g_autofree char *mean = g_strdup_printf (_("%s: mean (1-5)"), json_object_get_string_member (item, "text"));

      csv_field (out, share, FALSE);
      csv_field (out, mean, i == n - 1);
    }
  csv_row (out, json_object_get_object_member (results, "overall"), items, min_n, _("Everyone"));
  if (b != NULL)
    {
      JsonArray *cells = json_object_get_array_member (b, "cells");
      JsonNode *pool = json_object_get_member (b, "small_groups");

      for (guint i = 0; i < json_array_get_length (cells); i++)
        csv_row (out, json_array_get_object_element (cells, i), items, min_n, NULL);
      if (pool != NULL && JSON_NODE_HOLDS_OBJECT (pool))
        csv_row (out, json_node_get_object (pool), items, min_n, _("Small groups (pooled)"));
    }
  return g_string_free (out, FALSE);
}
