/* bel-board-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-board-chart.h"

#include <glib/gi18n.h>
#include <string.h>

#define BAR_GAP    6
#define GROUP_GAP  36
#define LABEL_H    40
#define LEGEND_H   28

struct _BelBoardChart
{
  GtkWidget parent_instance;

  guint     before[3];
  guint     after[3];
  char     *before_label;
  char     *after_label;
  char     *summary;
};

G_DEFINE_FINAL_TYPE (BelBoardChart, bel_board_chart, GTK_TYPE_WIDGET)

static const char *group_names[] = { N_("No adult"), N_("One adult"), N_("Two or more") };

static void
text_at (GtkWidget    *widget,
         cairo_t      *cr,
         const char   *text,
         double        cx,
         double        y,
         gboolean      bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int w, h;

  if (bold)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);
      pango_layout_set_markup (layout, markup, -1);
    }
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, cx - w / 2.0, y);
  pango_cairo_show_layout (cr, layout);
}

static void
bel_board_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BelBoardChart *self = BEL_BOARD_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 }, warm = { 0.90, 0.55, 0.15, 1.0 };
  guint max = 1;
  double plot_h, group_w, bar_w, x;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (guint i = 0; i < 3; i++)
    max = MAX (max, MAX (self->before[i], self->after[i]));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  plot_h = height - LABEL_H - LEGEND_H - 20;
  group_w = (width - GROUP_GAP * 4.0) / 3.0;
  bar_w = (group_w - BAR_GAP) / 2.0;

  /* baseline */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_rectangle (cr, GROUP_GAP / 2.0, LEGEND_H + 20 + plot_h, width - GROUP_GAP, 1);
  cairo_fill (cr);

  for (guint g = 0; g < 3; g++)
    {
      guint values[2] = { self->before[g], self->after[g] };

      x = GROUP_GAP + g * (group_w + GROUP_GAP);
      for (guint b = 0; b < 2; b++)
        {
          double h = plot_h * values[b] / max;
          double bx = x + b * (bar_w + BAR_GAP);
          double top = LEGEND_H + 20 + plot_h - h;
          g_autofree char *num = g_strdup_printf ("%u", values[b]);
          const GdkRGBA *c = g == 0 && b == 1 ? &warm : &accent;

          if (b == 0)
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.28);
          else
            gdk_cairo_set_source_rgba (cr, c);
          cairo_rectangle (cr, bx, top, bar_w, h);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
          text_at (widget, cr, num, bx + bar_w / 2, top - 20, b == 1);
        }
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
      text_at (widget, cr, _(group_names[g]), x + group_w / 2, LEGEND_H + 20 + plot_h + 8, TRUE);
    }

  /* legend */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.28);
  cairo_rectangle (cr, GROUP_GAP, 6, 14, 14);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_rectangle (cr, width / 2.0, 6, 14, 14);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
  {
    g_autoptr(PangoLayout) left = gtk_widget_create_pango_layout (widget, self->before_label ? self->before_label : "");
    g_autoptr(PangoLayout) right = gtk_widget_create_pango_layout (widget, self->after_label ? self->after_label : "");
    cairo_move_to (cr, GROUP_GAP + 20, 4);
    pango_cairo_show_layout (cr, left);
    cairo_move_to (cr, width / 2.0 + 20, 4);
    pango_cairo_show_layout (cr, right);
  }
  cairo_destroy (cr);
}

static void
bel_board_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 220;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 260;
}

static void
bel_board_chart_finalize (GObject *object)
{
  BelBoardChart *self = BEL_BOARD_CHART (object);

  g_free (self->before_label);
  g_free (self->after_label);
  g_free (self->summary);
  G_OBJECT_CLASS (bel_board_chart_parent_class)->finalize (object);
}

static void
bel_board_chart_class_init (BelBoardChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bel_board_chart_finalize;
  widget_class->snapshot = bel_board_chart_snapshot;
  widget_class->measure = bel_board_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "boardchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bel_board_chart_init (BelBoardChart *self)
{
}

GtkWidget *
bel_board_chart_new (void)
{
  return g_object_new (BEL_TYPE_BOARD_CHART, NULL);
}

void
bel_board_chart_set_values (BelBoardChart *self,
                            const char    *before_label,
                            const guint   *before,
                            const char    *after_label,
                            const guint   *after)
{
  g_return_if_fail (BEL_IS_BOARD_CHART (self));

  memcpy (self->before, before, sizeof self->before);
  memcpy (self->after, after, sizeof self->after);
  g_free (self->before_label);
  self->before_label = g_strdup (before_label);
  g_free (self->after_label);
  self->after_label = g_strdup (after_label);
  g_free (self->summary);
  /* Translators: the chart in words */
  self->summary = g_strdup_printf (_("Students with no adult: %u in %s, %u in %s. "
                                     "With one adult: %u, then %u. With two or more: %u, then %u."),
                                   before[0], before_label, after[0], after_label,
                                   before[1], after[1], before[2], after[2]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bel_board_chart_get_summary (BelBoardChart *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_CHART (self), NULL);
  return self->summary;
}
