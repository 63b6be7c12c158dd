/* bel-survey-bars.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-bars.h"

#include <glib/gi18n.h>

#define ROW_HEIGHT   22
#define TITLE_HEIGHT 24
#define LABEL_WIDTH  170
#define GAP_MARK     0.10

struct _BelSurveyBars {
  GtkWidget  parent_instance;
  char      *title;
  GStrv      labels;
  GArray    *shares;   /* double */
  gint64     min_n;
};

G_DEFINE_FINAL_TYPE (BelSurveyBars, bel_survey_bars, GTK_TYPE_WIDGET)

static void
extremes (BelSurveyBars *self,
          guint         *low,
          guint         *high,
          guint         *shown)
{
  *shown = 0;
  *low = *high = G_MAXUINT;
  for (guint i = 0; i < self->shares->len; i++)
    {
      double v = g_array_index (self->shares, double, i);

      if (v < 0)
        continue;
      (*shown)++;
      if (*low == G_MAXUINT || v < g_array_index (self->shares, double, *low))
        *low = i;
      if (*high == G_MAXUINT || v > g_array_index (self->shares, double, *high))
        *high = i;
    }
}

double
bel_survey_bars_get_gap (BelSurveyBars *self)
{
  guint low, high, shown;

  g_return_val_if_fail (BEL_IS_SURVEY_BARS (self), 0);
  extremes (self, &low, &high, &shown);
  if (shown < 2)
    return 0;
  return g_array_index (self->shares, double, high) - g_array_index (self->shares, double, low);
}

static void
text_at (GtkWidget  *widget,
         cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      width,
         gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  int h;

  if (bold)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);
      pango_layout_set_markup (layout, markup, -1);
    }
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &h);
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
bel_survey_bars_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BelSurveyBars *self = BEL_SURVEY_BARS (widget);
  int width = gtk_widget_get_width (widget);
  double bar_width = MAX (40, width - LABEL_WIDTH - 60);
  cairo_t *cr;
  GdkRGBA fg;
  guint low, high, shown;
  gboolean mark_gap;

  if (self->labels == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  extremes (self, &low, &high, &shown);
  mark_gap = shown >= 2 && bel_survey_bars_get_gap (self) >= GAP_MARK;

  gdk_cairo_set_source_rgba (cr, &fg);
  text_at (widget, cr, self->title ? self->title : "", 0, TITLE_HEIGHT / 2.0, width, TRUE);
  for (guint i = 0; i < self->shares->len; i++)
    {
      double v = g_array_index (self->shares, double, i);
      double y = TITLE_HEIGHT + i * ROW_HEIGHT;
      g_autofree char *value = NULL;

      gdk_cairo_set_source_rgba (cr, &fg);
      text_at (widget, cr, self->labels[i], 0, y + ROW_HEIGHT / 2.0, LABEL_WIDTH - 8, FALSE);
      /* the track */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
      cairo_rectangle (cr, LABEL_WIDTH, y + 4, bar_width, ROW_HEIGHT - 8);
      cairo_fill (cr);
      if (v < 0)
        {
          static const double dash[] = { 4, 3 };

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.45);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, LABEL_WIDTH + 0.5, y + 4.5, bar_width - 1, ROW_HEIGHT - 9);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          value = g_strdup_printf (_("fewer than %" G_GINT64_FORMAT), self->min_n);
          gdk_cairo_set_source_rgba (cr, &fg);
          text_at (widget, cr, value, LABEL_WIDTH + 6, y + ROW_HEIGHT / 2.0, bar_width, FALSE);
          continue;
        }
      if (mark_gap && i == low)
        cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);   /* the low end of a gap */
      else
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, LABEL_WIDTH, y + 4, bar_width * CLAMP (v, 0, 1), ROW_HEIGHT - 8);
      cairo_fill (cr);
      value = g_strdup_printf ("%.0f%%", v * 100);
      gdk_cairo_set_source_rgba (cr, &fg);
      text_at (widget, cr, value, LABEL_WIDTH + bar_width + 6, y + ROW_HEIGHT / 2.0, 54, FALSE);
    }
  cairo_destroy (cr);
}

static void
bel_survey_bars_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  BelSurveyBars *self = BEL_SURVEY_BARS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + 120;
      *natural = LABEL_WIDTH + 300;
    }
  else
    *minimum = *natural = TITLE_HEIGHT + (int) self->shares->len * ROW_HEIGHT + 6;
}

static void
bel_survey_bars_finalize (GObject *object)
{
  BelSurveyBars *self = BEL_SURVEY_BARS (object);

  g_free (self->title);
  g_strfreev (self->labels);
  g_array_unref (self->shares);
  G_OBJECT_CLASS (bel_survey_bars_parent_class)->finalize (object);
}

static void
bel_survey_bars_class_init (BelSurveyBarsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bel_survey_bars_finalize;
  widget_class->snapshot = bel_survey_bars_snapshot;
  widget_class->measure = bel_survey_bars_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bel_survey_bars_init (BelSurveyBars *self)
{
  self->shares = g_array_new (FALSE, FALSE, sizeof (double));
}

GtkWidget *
bel_survey_bars_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_BARS, NULL);
}

void
bel_survey_bars_set (BelSurveyBars      *self,
                     const char         *title,
                     const char * const *labels,
                     const double       *shares,
                     guint               n,
                     gint64              min_n)
{
  g_autoptr(GString) description = g_string_new (title);

  g_return_if_fail (BEL_IS_SURVEY_BARS (self));
  g_free (self->title);
  self->title = g_strdup (title);
  g_strfreev (self->labels);
  self->labels = g_strdupv ((char **) labels);
  g_array_set_size (self->shares, 0);
  g_array_append_vals (self->shares, shares, n);
  self->min_n = min_n;
  for (guint i = 0; i < n; i++)
    {
      if (shares[i] < 0)
        g_string_append_printf (description, _("; %s: fewer than %" G_GINT64_FORMAT), labels[i], min_n);
      else
        g_string_append_printf (description, _("; %s: %.0f%% agree"), labels[i], shares[i] * 100);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description->str, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
