/* bel-survey-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-table.h"

#include <glib/gi18n.h>

#include "bel-survey-bars.h"
#include "bel-survey-export.h"

#define GAP_POINTS 0.10

char *
bel_survey_item_short (JsonObject *item)
{
  const char *key = json_object_get_string_member_with_default (item, "key", "");
  const char *text = json_object_get_string_member_with_default (item, "text", "");

  if (g_strcmp0 (key, "supported") == 0)
    return g_strdup (_("Supported by school"));
  if (g_strcmp0 (key, "cared_for") == 0)
    return g_strdup (_("People care"));
  if (g_strcmp0 (key, "keep_trying") == 0)
    return g_strdup (_("Asked to keep trying"));
  if (g_strcmp0 (key, "belong") == 0)
    return g_strdup (_("Teachers: I belong"));
  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24));
}

/* ---- the heat table ---- */

static GtkWidget *
table_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  /* headings, groups and gaps wrap, so the table fits a 1024-pixel window */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
heat_cell (double  share,
           gint64  min_n,
           gboolean low_end)
{
  GtkWidget *label;

  if (share < 0)
    {
      g_autofree char *text = g_strdup_printf (_("fewer than %" G_GINT64_FORMAT), min_n);
      g_autofree char *why = g_strdup_printf (_("Hidden to protect students: fewer than %" G_GINT64_FORMAT
                                                " answered in this group, or showing it would let a small "
                                                "group be worked out by subtraction. Hidden groups are "
                                                "pooled into “Small groups”."), min_n);

      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "survey-suppressed");
      gtk_widget_set_tooltip_text (label, why);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%.0f%%", share * 100);
      g_autofree char *css = g_strdup_printf ("heat-%d", CLAMP ((int) ((share - 0.4) / 0.1), 0, 4));

      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "survey-heat");
      gtk_widget_add_css_class (label, css);
      if (low_end)
        {
          gtk_widget_add_css_class (label, "survey-gap-low");
          gtk_widget_set_tooltip_text (label, _("The lowest group on this question"));
        }
    }
  return label;
}

/* Every group of @breakdown suppressed (cells with nobody in them do not count). */
static gboolean
every_group_hidden (JsonObject *breakdown)
{
  JsonArray *cells = json_object_get_array_member (breakdown, "cells");
  gboolean hidden = FALSE;

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = json_array_get_object_element (cells, i);

      if (json_object_get_boolean_member_with_default (cell, "suppressed", FALSE))
        hidden = TRUE;
      else if (json_object_get_int_member_with_default (cell, "respondents", 0) > 0)
        return FALSE;
    }
  return hidden;
}

/* One message in place of a table of "fewer than N": why nothing is shown. */
static void
attach_all_hidden (GtkGrid  *grid,
                   gboolean  everyone,
                   gint64    min_n,
                   int       row,
                   int       width)
{
  g_autofree char *text = everyone
    ? g_strdup_printf (_("Fewer than %" G_GINT64_FORMAT " students have answered so far, so no results are "
                         "shown yet, to protect students' privacy."), min_n)
    : g_strdup_printf (_("Every group here has fewer than %" G_GINT64_FORMAT " answers, or would give away one "
                         "that has, so no results are shown by group, to protect students' privacy."), min_n);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "survey-all-hidden");
  gtk_grid_attach (grid, label, 0, row, width, 1);
}

typedef struct {
  JsonObject *cell;
  const char *label;
  gboolean    group;   /* a group of the breakdown (counts for the gap) */
} Row;

GtkWidget *
bel_survey_table_build (JsonObject *results,
                        JsonObject *breakdown,
                        GtkFlowBox *bars_box)
{
  JsonArray *items = json_object_get_array_member (results, "items");
  gint64 min_n = json_object_get_int_member_with_default (results, "min_respondents", 10);
  guint n_items = json_array_get_length (items);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree guint *low = g_new0 (guint, n_items);
  g_autofree double *gap = g_new0 (double, n_items);
  g_autofree guint *shown = g_new0 (guint, n_items);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  Row everyone = { json_object_get_object_member (results, "overall"), _("Everyone"), FALSE };
  gboolean nobody_shown = json_object_get_boolean_member_with_default (everyone.cell, "suppressed", FALSE);

  gtk_widget_add_css_class (GTK_WIDGET (grid), "survey-table");
  if (nobody_shown)
    {
      attach_all_hidden (grid, TRUE, min_n, 0, 1);
      return GTK_WIDGET (grid);
    }
  if (breakdown != NULL && every_group_hidden (breakdown))
    {
      attach_all_hidden (grid, FALSE, min_n, 2, 2 + n_items);
      breakdown = NULL;
    }
  g_array_append_val (rows, everyone);
  if (breakdown != NULL)
    {
      JsonArray *cells = json_object_get_array_member (breakdown, "cells");
      JsonNode *pool = json_object_get_member (breakdown, "small_groups");

      for (guint i = 0; i < json_array_get_length (cells); i++)
        {
          Row r = { json_array_get_object_element (cells, i), NULL, TRUE };
          r.label = json_object_get_string_member (r.cell, "label");
          g_array_append_val (rows, r);
        }
      if (pool != NULL && JSON_NODE_HOLDS_OBJECT (pool))
        {
          Row r = { json_node_get_object (pool), _("Small groups (pooled)"), FALSE };
          g_array_append_val (rows, r);
        }
    }
  /* the gap per item between the groups shown */
  for (guint i = 0; i < n_items; i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");
      double lo = 2, hi = -1;

      low[i] = G_MAXUINT;
      for (guint r = 0; r < rows->len; r++)
        {
          double v = g_array_index (rows, Row, r).group ? bel_survey_cell_share (g_array_index (rows, Row, r).cell, id)
                                                        : -1;
          if (v < 0)
            continue;
          shown[i]++;
          if (v < lo)
            {
              lo = v;
              low[i] = r;
            }
          hi = MAX (hi, v);
        }
      gap[i] = hi >= 0 && lo <= 1 ? hi - lo : 0;
      if (gap[i] < GAP_POINTS)
        low[i] = G_MAXUINT;
    }

  gtk_grid_set_column_spacing (grid, 4);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_grid_attach (grid, table_label (_("Group"), "heading"), 0, 0, 1, 1);
  gtk_grid_attach (grid, table_label (_("Answered"), "heading"), 1, 0, 1, 1);
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *name = bel_survey_item_short (item);
      GtkWidget *head = table_label (name, "heading");

      /* the questions' columns share the room there is, so headings wrap only when it is short */
      gtk_widget_set_hexpand (head, TRUE);

      gtk_widget_set_tooltip_text (head, json_object_get_string_member (item, "text"));
      gtk_grid_attach (grid, head, 2 + i, 0, 1, 1);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      gboolean suppressed = json_object_get_boolean_member_with_default (row->cell, "suppressed", FALSE);
      g_autofree char *count = suppressed ? g_strdup ("—")
        : g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (row->cell, "respondents", 0));

      gtk_grid_attach (grid, table_label (row->label, r == 0 ? "survey-everyone" : NULL), 0, r + 1, 1, 1);
      gtk_grid_attach (grid, table_label (count, "numeric"), 1, r + 1, 1, 1);
      for (guint i = 0; i < n_items; i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          gtk_grid_attach (grid, heat_cell (bel_survey_cell_share (row->cell, id), min_n, low[i] == r),
                           2 + i, r + 1, 1, 1);
        }
    }
  if (breakdown != NULL)
    {
      gtk_grid_attach (grid, table_label (_("Gap, highest to lowest"), "dim-label"), 0, rows->len + 1, 2, 1);
      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *text = shown[i] < 2 ? g_strdup (_("too few groups shown"))
                                               : g_strdup_printf (_("%.0f points"), gap[i] * 100);
          GtkWidget *label = table_label (text, gap[i] >= GAP_POINTS ? "survey-gap" : "dim-label");

          if (gap[i] >= GAP_POINTS)
            gtk_widget_set_tooltip_text (label, _("Ten points or more between the highest and the lowest group"));
          gtk_grid_attach (grid, label, 2 + i, rows->len + 1, 1, 1);
        }
    }
  /* one bar chart per item over the same rows */
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 id = json_object_get_int_member (item, "id");
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));
      GtkWidget *bars = bel_survey_bars_new ();

      for (guint r = 0; r < rows->len; r++)
        {
          double v = bel_survey_cell_share (g_array_index (rows, Row, r).cell, id);
          g_ptr_array_add (labels, (gpointer) g_array_index (rows, Row, r).label);
          g_array_append_val (shares, v);
        }
      g_ptr_array_add (labels, NULL);
      bel_survey_bars_set (BEL_SURVEY_BARS (bars), json_object_get_string_member (item, "text"),
                           (const char * const *) labels->pdata, (double *) (gpointer) shares->data, shares->len,
                           min_n);
      gtk_flow_box_append (bars_box, bars);
    }
  return GTK_WIDGET (grid);
}
