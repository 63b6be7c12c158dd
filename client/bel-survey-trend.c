/* bel-survey-trend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-trend.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-survey-export.h"
#include "bel-survey-table.h"

#define MARGIN_LEFT  48
#define PLOT_PAD     28   /* between the axis and the first and last windows */
#define LEGEND_WIDTH 240
#define MARGIN_TOP   12
#define AXIS_HEIGHT  28
#define HIDDEN_BAND  26
#define LEGEND_ROW   22
#define PLOT_HEIGHT  180

struct _BelSurveyTrend {
  GtkWidget  parent_instance;
  char      *title;
  GStrv      windows;
  GStrv      series;
  GArray    *values;     /* double, a row per series */
  guint      emphasis;
  gboolean   any_hidden;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (BelSurveyTrend, bel_survey_trend, GTK_TYPE_WIDGET)

/* GNOME palette: strong on a light background, and lighter on a dark one. */
static const char * const light_palette[] = { "#1c71d8", "#26a269", "#c64600", "#813d9c", "#c01c28", "#865e3c",
                                              "#1a8a9a", "#9c6b00" };
static const char * const dark_palette[] = { "#62a0ea", "#57e389", "#ffa348", "#dc8add", "#f66151", "#cdab8f",
                                             "#5bc8d8", "#f8e45c" };

static guint
n_windows (BelSurveyTrend *self)
{
  return self->windows ? g_strv_length (self->windows) : 0;
}

static guint
n_series (BelSurveyTrend *self)
{
  return self->series ? g_strv_length (self->series) : 0;
}

static double
value_at (BelSurveyTrend *self,
          guint           s,
          guint           w)
{
  return g_array_index (self->values, double, s * n_windows (self) + w);
}

/* The colour of series @s, and whether it is drawn dashed (the palette came round again). */
static gboolean
series_colour (BelSurveyTrend *self,
               guint           s,
               const GdkRGBA  *fg,
               GdkRGBA        *out)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const char * const *palette = dark ? dark_palette : light_palette;
  guint k = self->emphasis < s ? s - 1 : s;

  if (s == self->emphasis)
    {
      *out = *fg;
      return FALSE;
    }
  gdk_rgba_parse (out, palette[k % G_N_ELEMENTS (light_palette)]);
  return k >= G_N_ELEMENTS (light_palette);
}

static void
show_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align,    /* 0 left, 0.5 centre, 1 right */
           double      width)    /* 0: as wide as it is */
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

typedef struct {
  double plot_w, plot_h;
} Geometry;

static double
x_of (BelSurveyTrend *self,
      const Geometry *g,
      guint           w)
{
  guint n = n_windows (self);

  if (n <= 1)
    return MARGIN_LEFT + g->plot_w / 2;
  return MARGIN_LEFT + PLOT_PAD + (g->plot_w - 2 * PLOT_PAD) * w / (n - 1);
}

static double
y_of (const Geometry *g,
      double          v)
{
  return MARGIN_TOP + g->plot_h * (1 - CLAMP (v, 0, 1));
}

static void
draw_grid (BelSurveyTrend *self,
           cairo_t        *cr,
           const Geometry *g,
           const GdkRGBA  *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double axis_y = MARGIN_TOP + g->plot_h + (self->any_hidden ? HIDDEN_BAND : 0) + AXIS_HEIGHT / 2.0;
  guint n = n_windows (self);

  cairo_set_line_width (cr, 1);
  for (int step = 0; step <= 4; step++)
    {
      double y = y_of (g, step / 4.0);
      g_autofree char *label = g_strdup_printf ("%d%%", step * 25);

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, step == 0 ? 0.3 : 0.12);
      cairo_move_to (cr, MARGIN_LEFT, y + 0.5);
      cairo_line_to (cr, MARGIN_LEFT + g->plot_w, y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      show_text (widget, cr, label, MARGIN_LEFT - 8, y, 1, 0);
    }
  if (self->any_hidden)
    {
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      show_text (widget, cr, _("hidden"), MARGIN_LEFT - 8, MARGIN_TOP + g->plot_h + HIDDEN_BAND / 2.0 + 2, 1, 0);
    }
  gdk_cairo_set_source_rgba (cr, fg);
  for (guint w = 0; w < n; w++)
    show_text (widget, cr, self->windows[w], x_of (self, g, w), axis_y, 0.5,
               n > 1 ? (g->plot_w - 2 * PLOT_PAD) / (n - 1) + PLOT_PAD : g->plot_w);
}

static void
draw_series (BelSurveyTrend *self,
             cairo_t        *cr,
             const Geometry *g,
             const GdkRGBA  *fg,
             guint           s)
{
  static const double dash[] = { 6, 4 };
  guint n = n_windows (self);
  guint count = n_series (self);
  gboolean pen_down = FALSE;
  GdkRGBA colour;
  double spread = MIN (9.0, 72.0 / MAX (count, 1));

  cairo_set_dash (cr, dash, series_colour (self, s, fg, &colour) ? 2 : 0, 0);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_set_line_width (cr, s == self->emphasis ? 3.5 : 2.25);
  for (guint w = 0; w < n; w++)
    {
      double v = value_at (self, s, w);

      if (v < 0)
        {
          if (pen_down)
            cairo_stroke (cr);
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x_of (self, g, w), y_of (g, v));
      else
        cairo_move_to (cr, x_of (self, g, w), y_of (g, v));
      pen_down = TRUE;
    }
  if (pen_down)
    cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint w = 0; w < n; w++)
    {
      double v = value_at (self, s, w);
      double x = x_of (self, g, w);

      if (v >= 0)
        {
          cairo_arc (cr, x, y_of (g, v), s == self->emphasis ? 5 : 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      else if (v == BEL_SURVEY_TREND_HIDDEN)
        {
          /* a ring on the hidden band, never at a value */
          cairo_set_line_width (cr, 1.75);
          cairo_arc (cr, x + (s - (count - 1) / 2.0) * spread, MARGIN_TOP + g->plot_h + HIDDEN_BAND / 2.0 + 2, 3.5,
                     0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
}

static void
draw_legend (BelSurveyTrend *self,
             cairo_t        *cr,
             const Geometry *g,
             const GdkRGBA  *fg,
             guint           s)
{
  double x = MARGIN_LEFT + g->plot_w + 20;
  double y = MARGIN_TOP + 8 + s * LEGEND_ROW;
  guint n = n_windows (self);
  double latest = n > 0 ? value_at (self, s, n - 1) : BEL_SURVEY_TREND_NONE;
  g_autofree char *label = NULL;
  GdkRGBA colour;

  if (latest >= 0)
    label = g_strdup_printf ("%s  %.0f%%", self->series[s], latest * 100);
  else if (latest == BEL_SURVEY_TREND_HIDDEN)
    label = g_strdup_printf (_("%s  hidden"), self->series[s]);
  else
    label = g_strdup (self->series[s]);
  series_colour (self, s, fg, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_set_line_width (cr, s == self->emphasis ? 3.5 : 2.25);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 16, y);
  cairo_stroke (cr);
  cairo_arc (cr, x + 8, y, 3.5, 0, 2 * G_PI);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, fg);
  show_text (GTK_WIDGET (self), cr, label, x + 24, y, 0, LEGEND_WIDTH - 28);
}

static void
bel_survey_trend_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  BelSurveyTrend *self = BEL_SURVEY_TREND (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Geometry g;
  cairo_t *cr;
  GdkRGBA fg;

  if (n_windows (self) == 0 || n_series (self) == 0)
    return;
  g.plot_w = MAX (120, width - MARGIN_LEFT - LEGEND_WIDTH - 20);
  g.plot_h = MAX (60, height - MARGIN_TOP - AXIS_HEIGHT - (self->any_hidden ? HIDDEN_BAND : 0));
  g.plot_h = MIN (g.plot_h, PLOT_HEIGHT + 60);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  draw_grid (self, cr, &g, &fg);
  /* everyone last, on top of the groups */
  for (guint s = 0; s < n_series (self); s++)
    if (s != self->emphasis)
      draw_series (self, cr, &g, &fg, s);
  if (self->emphasis < n_series (self))
    draw_series (self, cr, &g, &fg, self->emphasis);
  for (guint s = 0; s < n_series (self); s++)
    draw_legend (self, cr, &g, &fg, s);
  cairo_destroy (cr);
}

static void
bel_survey_trend_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  BelSurveyTrend *self = BEL_SURVEY_TREND (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MARGIN_LEFT + LEGEND_WIDTH + 20 + 160;
      *natural = MARGIN_LEFT + LEGEND_WIDTH + 20 + 480;
    }
  else
    *minimum = *natural = MAX (MARGIN_TOP + PLOT_HEIGHT + (self->any_hidden ? HIDDEN_BAND : 0) + AXIS_HEIGHT,
                               MARGIN_TOP + 8 + (int) n_series (self) * LEGEND_ROW);
}

static void
bel_survey_trend_finalize (GObject *object)
{
  BelSurveyTrend *self = BEL_SURVEY_TREND (object);

  g_free (self->title);
  g_strfreev (self->windows);
  g_strfreev (self->series);
  g_array_unref (self->values);
  g_free (self->summary);
  G_OBJECT_CLASS (bel_survey_trend_parent_class)->finalize (object);
}

static void
bel_survey_trend_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), object);
  G_OBJECT_CLASS (bel_survey_trend_parent_class)->dispose (object);
}

static void
bel_survey_trend_class_init (BelSurveyTrendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bel_survey_trend_finalize;
  G_OBJECT_CLASS (klass)->dispose = bel_survey_trend_dispose;
  widget_class->snapshot = bel_survey_trend_snapshot;
  widget_class->measure = bel_survey_trend_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bel_survey_trend_init (BelSurveyTrend *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->emphasis = G_MAXUINT;
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw),
                            self);
}

GtkWidget *
bel_survey_trend_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_TREND, NULL);
}

static char *
describe (BelSurveyTrend *self)
{
  GString *out = g_string_new (self->title);

  for (guint s = 0; s < n_series (self); s++)
    {
      g_string_append_printf (out, ". %s:", self->series[s]);
      for (guint w = 0; w < n_windows (self); w++)
        {
          double v = value_at (self, s, w);

          g_string_append (out, w > 0 ? ", " : " ");
          if (v >= 0)
            g_string_append_printf (out, "%s %.0f%%", self->windows[w], v * 100);
          else if (v == BEL_SURVEY_TREND_HIDDEN)
            g_string_append_printf (out, _("%s hidden (too few answered)"), self->windows[w]);
          else
            g_string_append_printf (out, _("%s nobody"), self->windows[w]);
        }
    }
  return g_string_free (out, FALSE);
}

void
bel_survey_trend_set (BelSurveyTrend     *self,
                      const char         *title,
                      const char * const *windows,
                      const char * const *series,
                      const double       *values,
                      guint               emphasis)
{
  g_return_if_fail (BEL_IS_SURVEY_TREND (self));
  g_free (self->title);
  g_strfreev (self->windows);
  g_strfreev (self->series);
  self->title = g_strdup (title);
  self->windows = g_strdupv ((char **) windows);
  self->series = g_strdupv ((char **) series);
  self->emphasis = emphasis;
  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_windows (self) * n_series (self));
  self->any_hidden = FALSE;
  for (guint i = 0; i < self->values->len; i++)
    self->any_hidden |= g_array_index (self->values, double, i) == BEL_SURVEY_TREND_HIDDEN;
  g_free (self->summary);
  self->summary = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
bel_survey_trend_get_n_series (BelSurveyTrend *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_TREND (self), 0);
  return n_series (self);
}

const char *
bel_survey_trend_get_series (BelSurveyTrend *self,
                             guint           index)
{
  g_return_val_if_fail (BEL_IS_SURVEY_TREND (self), NULL);
  g_return_val_if_fail (index < n_series (self), NULL);
  return self->series[index];
}

double
bel_survey_trend_get_value (BelSurveyTrend *self,
                            guint           series,
                            guint           window)
{
  g_return_val_if_fail (BEL_IS_SURVEY_TREND (self), BEL_SURVEY_TREND_NONE);
  g_return_val_if_fail (series < n_series (self) && window < n_windows (self), BEL_SURVEY_TREND_NONE);
  return value_at (self, series, window);
}

const char *
bel_survey_trend_get_summary (BelSurveyTrend *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_TREND (self), NULL);
  return self->summary;
}
