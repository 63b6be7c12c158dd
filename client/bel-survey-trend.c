/* bel-survey-trend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-trend.h"

#include <glib/gi18n.h>

#define MARGIN_LEFT   44
#define MARGIN_RIGHT  220
#define MARGIN_TOP    12
#define MARGIN_BOTTOM 28

struct _BelSurveyTrend {
  GtkWidget  parent_instance;
  GStrv      windows;
  GStrv      items;
  GArray    *values;
};

G_DEFINE_FINAL_TYPE (BelSurveyTrend, bel_survey_trend, GTK_TYPE_WIDGET)

static const double palette[][3] = {
  { 0.21, 0.52, 0.89 }, { 0.18, 0.63, 0.35 }, { 0.90, 0.38, 0.00 }, { 0.57, 0.25, 0.67 },
  { 0.75, 0.11, 0.16 }, { 0.40, 0.40, 0.40 },
};

static void
show_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align)   /* 0 left, 0.5 centre, 1 right */
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
bel_survey_trend_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  BelSurveyTrend *self = BEL_SURVEY_TREND (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double plot_w = MAX (60, width - MARGIN_LEFT - MARGIN_RIGHT);
  double plot_h = MAX (40, height - MARGIN_TOP - MARGIN_BOTTOM);
  guint n_windows, n_items;
  cairo_t *cr;
  GdkRGBA fg;

  if (self->windows == NULL || self->items == NULL)
    return;
  n_windows = g_strv_length (self->windows);
  n_items = g_strv_length (self->items);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  /* grid: 0, 25, 50, 75, 100% */
  cairo_set_line_width (cr, 1);
  for (int g = 0; g <= 4; g++)
    {
      double y = MARGIN_TOP + plot_h * (1 - g / 4.0);
      g_autofree char *label = g_strdup_printf ("%d%%", g * 25);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.12);
      cairo_move_to (cr, MARGIN_LEFT, y + 0.5);
      cairo_line_to (cr, MARGIN_LEFT + plot_w, y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      show_text (widget, cr, label, MARGIN_LEFT - 6, y, 1);
    }
  for (guint w = 0; w < n_windows; w++)
    {
      double x = MARGIN_LEFT + (n_windows > 1 ? plot_w * w / (n_windows - 1) : plot_w / 2);

      gdk_cairo_set_source_rgba (cr, &fg);
      show_text (widget, cr, self->windows[w], x, MARGIN_TOP + plot_h + MARGIN_BOTTOM / 2.0,
                 n_windows == 1 ? 0.5 : (double) w / (n_windows - 1));
    }
  for (guint i = 0; i < n_items; i++)
    {
      const double *c = palette[i % G_N_ELEMENTS (palette)];
      gboolean pen_down = FALSE;

      cairo_set_source_rgb (cr, c[0], c[1], c[2]);
      cairo_set_line_width (cr, 2.5);
      for (guint w = 0; w < n_windows; w++)
        {
          double v = g_array_index (self->values, double, i * n_windows + w);
          double x = MARGIN_LEFT + (n_windows > 1 ? plot_w * w / (n_windows - 1) : plot_w / 2);
          double y = MARGIN_TOP + plot_h * (1 - CLAMP (v, 0, 1));

          if (v < 0)
            {
              if (pen_down)
                cairo_stroke (cr);
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          pen_down = TRUE;
        }
      if (pen_down)
        cairo_stroke (cr);
      for (guint w = 0; w < n_windows; w++)
        {
          double v = g_array_index (self->values, double, i * n_windows + w);
          double x = MARGIN_LEFT + (n_windows > 1 ? plot_w * w / (n_windows - 1) : plot_w / 2);

          if (v < 0)
            continue;
          cairo_arc (cr, x, MARGIN_TOP + plot_h * (1 - CLAMP (v, 0, 1)), 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      /* the legend, at the line's last point when there is room */
      {
        double y = MARGIN_TOP + 10 + i * 20;
        g_autofree char *label = NULL;
        double last = -1;

        for (guint w = n_windows; w > 0 && last < 0; w--)
          last = g_array_index (self->values, double, i * n_windows + w - 1);
        label = last >= 0 ? g_strdup_printf ("%s  %.0f%%", self->items[i], last * 100) : g_strdup (self->items[i]);
        cairo_rectangle (cr, MARGIN_LEFT + plot_w + 16, y - 5, 10, 10);
        cairo_fill (cr);
        gdk_cairo_set_source_rgba (cr, &fg);
        show_text (widget, cr, label, MARGIN_LEFT + plot_w + 32, y, 0);
      }
    }
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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MARGIN_LEFT + MARGIN_RIGHT + 120;
      *natural = MARGIN_LEFT + MARGIN_RIGHT + 400;
    }
  else
    *minimum = *natural = 200;
}

static void
bel_survey_trend_finalize (GObject *object)
{
  BelSurveyTrend *self = BEL_SURVEY_TREND (object);

  g_strfreev (self->windows);
  g_strfreev (self->items);
  g_array_unref (self->values);
  G_OBJECT_CLASS (bel_survey_trend_parent_class)->finalize (object);
}

static void
bel_survey_trend_class_init (BelSurveyTrendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bel_survey_trend_finalize;
  widget_class->snapshot = bel_survey_trend_snapshot;
  widget_class->measure = bel_survey_trend_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bel_survey_trend_init (BelSurveyTrend *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

GtkWidget *
bel_survey_trend_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_TREND, NULL);
}

void
bel_survey_trend_set (BelSurveyTrend     *self,
                      const char * const *windows,
                      const char * const *items,
                      const double       *values)
{
  g_autoptr(GString) description = g_string_new (_("Share agreeing over time"));
  guint n_windows, n_items;

  g_return_if_fail (BEL_IS_SURVEY_TREND (self));
  g_strfreev (self->windows);
  g_strfreev (self->items);
  self->windows = g_strdupv ((char **) windows);
  self->items = g_strdupv ((char **) items);
  n_windows = g_strv_length (self->windows);
  n_items = g_strv_length (self->items);
  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_windows * n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_string_append_printf (description, "; %s:", items[i]);
      for (guint w = 0; w < n_windows; w++)
        {
          double v = values[i * n_windows + w];

          if (v < 0)
            g_string_append_printf (description, _(" %s suppressed"), windows[w]);
          else
            g_string_append_printf (description, " %s %.0f%%", windows[w], v * 100);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
