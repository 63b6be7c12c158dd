/* bel-goal-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-goal-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bel-benchmark.h"
#include "bel-growth-metric.h"
#include "bel-goal-plot.h"
#include "bel-measurement.h"

#define PAD_LEFT   44.0
#define PAD_RIGHT  16.0
#define PAD_TOP    14.0
#define PAD_BOTTOM 26.0

/* A null number field reads as one below its minimum (-BEL_GROWTH_VALUE_MAX). */
#define BEL_GOAL_NULL_BELOW BEL_GROWTH_VALUE_MAX

struct _BelGoalChart
{
  GtkWidget  parent_instance;

  BelGoal   *goal;
  char      *summary;
  guint      n_points;
};

G_DEFINE_FINAL_TYPE (BelGoalChart, bel_goal_chart, GTK_TYPE_WIDGET)

/* ---- words ---- */

static char *
format_value (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static char *
format_day (const char *iso)
{
  guint32 day = bel_goal_plot_day (iso);
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (day == 0)
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  /* Translators: a short date in a goal's summary, as in strftime */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

static gboolean
is_set (double value)
{
  return value > -BEL_GOAL_NULL_BELOW;
}

char *
bel_goal_chart_describe (BelGoal *goal)
{
  GString *text = g_string_new (NULL);
  const char *track = bel_resource_get_string (goal, "track");
  double latest = bel_resource_get_double (goal, "latest-value");
  double expected = bel_resource_get_double (goal, "expected-value");
  double next = bel_resource_get_double (goal, "next-benchmark-target");
  GListModel *benchmarks = bel_resource_get_object (goal, "benchmarks");
  guint n_bench = benchmarks ? g_list_model_get_n_items (benchmarks) : 0, n_met = 0;
  g_autofree char *target = format_value (bel_resource_get_double (goal, "target-value"));
  g_autofree char *target_day = format_day (bel_resource_get_string (goal, "target-date"));

  for (guint i = 0; i < n_bench; i++)
    {
      g_autoptr(BelBenchmark) bm = g_list_model_get_item (benchmarks, i);
      if (bel_resource_get_string (bm, "met-on") != NULL)
        n_met++;
    }

  if (g_strcmp0 (track, "on_track") == 0)
    g_string_append (text, _("On track"));
  else if (g_strcmp0 (track, "off_track") == 0)
    g_string_append (text, _("Off track"));
  else if (g_strcmp0 (track, "closed") == 0)
    g_string_append (text, _("Closed"));
  else
    g_string_append (text, _("Not enough data yet"));

  if (is_set (latest) && is_set (expected))
    {
      g_autofree char *l = format_value (latest);
      g_autofree char *e = format_value (expected);
      g_autofree char *on = format_day (bel_resource_get_string (goal, "latest-on"));
      /* Translators: ": latest 212 (Nov 16, 2026), 230 expected today" */
      g_string_append_printf (text, _(": latest %s (%s), %s expected today"), l, on, e);
    }
  g_string_append (text, ". ");
  g_string_append_printf (text, _("Goal %s by %s."), target, target_day);
  if (n_bench > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u of %u benchmark met.", "%u of %u benchmarks met.", n_bench),
                              n_met, n_bench);
    }
  if (is_set (next))
    {
      g_autofree char *n = format_value (next);
      g_autofree char *due = format_day (bel_resource_get_string (goal, "next-benchmark-due"));
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Next benchmark %s by %s."), n, due);
    }
  return g_string_free (text, FALSE);
}

/* ---- drawing ---- */

static GdkRGBA
style_color (GtkWidget  *widget,
             const char *name,
             const char *fallback)
{
  GdkRGBA color;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         xalign,
           const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  set_source (cr, color, 0.7);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
diamond (cairo_t *cr, double x, double y, double r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static guint32
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

  return bel_goal_plot_day (iso);
}

static void
draw_chart (BelGoalChart *self,
            cairo_t      *cr,
            double        width,
            double        height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  BelGoal *goal = self->goal;
  GListModel *benchmarks = bel_resource_get_object (goal, "benchmarks");
  GListModel *measurements = bel_resource_get_object (goal, "measurements");
  gboolean higher = g_strcmp0 (bel_resource_get_string (goal, "direction"), "lower") != 0;
  guint32 b_day = bel_goal_plot_day (bel_resource_get_string (goal, "baseline-date"));
  guint32 t_day = bel_goal_plot_day (bel_resource_get_string (goal, "target-date"));
  double b_val = bel_resource_get_double (goal, "baseline-value");
  double t_val = bel_resource_get_double (goal, "target-value");
  guint32 now = today ();
  GdkRGBA fg, accent, good, bad, bg;
  BelGoalPlot plot = { 0 };
  double lo = MIN (b_val, t_val), hi = MAX (b_val, t_val), step, x0, x1, ahead_y, behind_y;
  guint n_meas = measurements ? g_list_model_get_n_items (measurements) : 0;
  guint n_bench = benchmarks ? g_list_model_get_n_items (benchmarks) : 0;
  g_autoptr(GDateTime) month = NULL;
  gboolean first;

  if (b_day == 0 || t_day <= b_day)
    return;
  fg = style_color (widget, "window_fg_color", "#000000");
  accent = style_color (widget, "accent_color", "#1c71d8");
  good = style_color (widget, "success_color", "#26a269");
  bad = style_color (widget, "warning_color", "#c64600");
  bg = style_color (widget, "card_bg_color", "#ffffff");

  for (guint i = 0; i < n_meas; i++)
    {
      g_autoptr(BelMeasurement) m = g_list_model_get_item (measurements, i);
      double v = bel_resource_get_double (m, "value");
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  plot.day_min = b_day;
  plot.day_max = t_day;
  plot.x = PAD_LEFT;
  plot.y = PAD_TOP;
  plot.width = MAX (width - PAD_LEFT - PAD_RIGHT, 10);
  plot.height = MAX (height - PAD_TOP - PAD_BOTTOM, 10);
  step = bel_goal_plot_fit_values (&plot, lo, hi, 4);
  x0 = plot.x;
  x1 = plot.x + plot.width;

  /* grid and value labels */
  cairo_set_line_width (cr, 1);
  for (double v = plot.value_min; v <= plot.value_max + step / 2; v += step)
    {
      double y = round (bel_goal_plot_y (&plot, v)) + 0.5;
      g_autofree char *label = format_value (v);

      set_source (cr, &fg, 0.08);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      draw_text (widget, cr, label, x0 - 6, y, 1.0, &fg);
    }

  /* month labels: every month if there is room, else every third */
  {
    GDate d;
    guint every;
    double month_px;

    g_date_clear (&d, 1);
    g_date_set_julian (&d, b_day);
    g_date_set_day (&d, 1);
    month_px = plot.width / MAX ((t_day - b_day) / 30.4, 1);
    every = month_px > 44 ? 1 : month_px > 22 ? 3 : 6;
    for (g_date_add_months (&d, 1); g_date_get_julian (&d) <= t_day; g_date_add_months (&d, every))
      {
        double x = round (bel_goal_plot_x (&plot, g_date_get_julian (&d))) + 0.5;
        g_autofree char *label = NULL;

        month = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), 1, 0, 0, 0);
        label = g_date_time_format (month, g_date_get_month (&d) == 1 ? "%b %Y" : "%b");
        g_clear_pointer (&month, g_date_time_unref);
        set_source (cr, &fg, 0.05);
        cairo_move_to (cr, x, plot.y);
        cairo_line_to (cr, x, plot.y + plot.height);
        cairo_stroke (cr);
        if (x + 20 < x1)
          draw_text (widget, cr, label, x, plot.y + plot.height + PAD_BOTTOM / 2 + 2, 0.5, &fg);
      }
  }

  /* the ahead and behind sides of the aim line */
  ahead_y = higher ? plot.y : plot.y + plot.height;
  behind_y = higher ? plot.y + plot.height : plot.y;
  cairo_move_to (cr, x0, bel_goal_plot_y (&plot, b_val));
  cairo_line_to (cr, x1, bel_goal_plot_y (&plot, t_val));
  cairo_line_to (cr, x1, ahead_y);
  cairo_line_to (cr, x0, ahead_y);
  cairo_close_path (cr);
  set_source (cr, &good, 0.09);
  cairo_fill (cr);
  cairo_move_to (cr, x0, bel_goal_plot_y (&plot, b_val));
  cairo_line_to (cr, x1, bel_goal_plot_y (&plot, t_val));
  cairo_line_to (cr, x1, behind_y);
  cairo_line_to (cr, x0, behind_y);
  cairo_close_path (cr);
  set_source (cr, &bad, 0.07);
  cairo_fill (cr);

  /* today */
  if (now > b_day && now < t_day)
    {
      double x = round (bel_goal_plot_x (&plot, now)) + 0.5;
      const double dash[] = { 2, 3 };

      set_source (cr, &fg, 0.35);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_text (widget, cr, _("Today"), x + 4, plot.y + 6, 0, &fg);
    }

  /* the aim line */
  {
    const double dash[] = { 6, 4 };

    set_source (cr, &fg, 0.55);
    cairo_set_line_width (cr, 1.5);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, x0, bel_goal_plot_y (&plot, b_val));
    cairo_line_to (cr, x1, bel_goal_plot_y (&plot, t_val));
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }

  /* benchmarks */
  for (guint i = 0; i < n_bench; i++)
    {
      g_autoptr(BelBenchmark) bm = g_list_model_get_item (benchmarks, i);
      guint32 day = bel_goal_plot_day (bel_resource_get_string (bm, "due-on"));
      double x = bel_goal_plot_x (&plot, day);
      double y = bel_goal_plot_y (&plot, bel_resource_get_double (bm, "target-value"));
      gboolean met = bel_resource_get_string (bm, "met-on") != NULL;

      diamond (cr, x, y, 6.5);
      set_source (cr, met ? &good : &bg, 1);
      cairo_fill_preserve (cr);
      set_source (cr, met ? &good : &fg, met ? 1 : 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  /* measurements: the path, then the points */
  self->n_points = 0;
  first = TRUE;
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n_meas; i++)
    {
      g_autoptr(BelMeasurement) m = g_list_model_get_item (measurements, i);
      guint32 day = bel_goal_plot_day (bel_resource_get_string (m, "measured-on"));
      double x = bel_goal_plot_x (&plot, day), y = bel_goal_plot_y (&plot, bel_resource_get_double (m, "value"));

      if (first)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      first = FALSE;
    }
  set_source (cr, &accent, 0.85);
  cairo_stroke (cr);
  for (guint i = 0; i < n_meas; i++)
    {
      g_autoptr(BelMeasurement) m = g_list_model_get_item (measurements, i);
      guint32 day = bel_goal_plot_day (bel_resource_get_string (m, "measured-on"));
      double v = bel_resource_get_double (m, "value");
      double x = bel_goal_plot_x (&plot, day), y = bel_goal_plot_y (&plot, v);
      gboolean behind = bel_goal_plot_behind (higher, v, bel_goal_plot_expected (b_day, b_val, t_day, t_val, day));

      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      set_source (cr, &bg, 1);
      cairo_fill_preserve (cr);
      set_source (cr, behind ? &bad : &accent, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      self->n_points++;
    }
}

static void
bel_goal_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BelGoalChart *self = BEL_GOAL_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->goal == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (self, cr, width, height);
  cairo_destroy (cr);
}

static void
bel_goal_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      *minimum = 160;
      *natural = 200;
    }
}

/* ---- object ---- */

static void
bel_goal_chart_dispose (GObject *object)
{
  BelGoalChart *self = BEL_GOAL_CHART (object);

  g_clear_object (&self->goal);
  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (bel_goal_chart_parent_class)->dispose (object);
}

static void
bel_goal_chart_class_init (BelGoalChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_goal_chart_dispose;
  widget_class->snapshot = bel_goal_chart_snapshot;
  widget_class->measure = bel_goal_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "goalchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bel_goal_chart_init (BelGoalChart *self)
{
}

GtkWidget *
bel_goal_chart_new (void)
{
  return g_object_new (BEL_TYPE_GOAL_CHART, NULL);
}

void
bel_goal_chart_set_goal (BelGoalChart *self,
                         BelGoal      *goal)
{
  GListModel *measurements;

  g_return_if_fail (BEL_IS_GOAL_CHART (self));
  g_set_object (&self->goal, goal);
  g_clear_pointer (&self->summary, g_free);
  self->n_points = 0;
  if (goal != NULL)
    {
      self->summary = bel_goal_chart_describe (goal);
      measurements = bel_resource_get_object (goal, "measurements");
      self->n_points = measurements ? g_list_model_get_n_items (measurements) : 0;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, bel_resource_get_string (goal, "metric-name"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                      -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BelGoal *
bel_goal_chart_get_goal (BelGoalChart *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_CHART (self), NULL);
  return self->goal;
}

const char *
bel_goal_chart_get_summary (BelGoalChart *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_CHART (self), NULL);
  return self->summary;
}

guint
bel_goal_chart_get_n_points (BelGoalChart *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_CHART (self), 0);
  return self->n_points;
}
