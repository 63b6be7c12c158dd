/* bel-survey-trend-json.c - a SurveyTrend (schemas/openapi.yaml) as the lines of a BelSurveyTrend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-trend.h"

#include <glib/gi18n.h>

#include "bel-survey-export.h"
#include "bel-survey-table.h"

/* The point of @item_id in @cell: its share, hidden when suppressed, none when nobody. */
static double
point_of (JsonObject *cell,
          gint64      item_id)
{
  double share;
  JsonArray *items;

  if (cell == NULL)
    return BEL_SURVEY_TREND_NONE;
  share = bel_survey_cell_share (cell, item_id);
  if (share >= 0)
    return share;
  if (json_object_get_boolean_member_with_default (cell, "suppressed", FALSE))
    return BEL_SURVEY_TREND_HIDDEN;
  items = json_object_get_array_member (cell, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *stats = json_array_get_object_element (items, i);

      if (json_object_get_int_member (stats, "item_id") == item_id &&
          json_object_get_boolean_member_with_default (stats, "suppressed", FALSE))
        return BEL_SURVEY_TREND_HIDDEN;
    }
  return BEL_SURVEY_TREND_NONE;
}

static JsonObject *
breakdown_of (JsonObject *window)
{
  JsonNode *node = json_object_get_member (window, "breakdown");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
pool_of (JsonObject *breakdown)
{
  JsonNode *node = breakdown ? json_object_get_member (breakdown, "small_groups") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The cell @key of @breakdown, or NULL. */
static JsonObject *
cell_of (JsonObject *breakdown,
         const char *key)
{
  JsonArray *cells = breakdown ? json_object_get_array_member (breakdown, "cells") : NULL;

  for (guint c = 0; cells != NULL && c < json_array_get_length (cells); c++)
    {
      JsonObject *cell = json_array_get_object_element (cells, c);

      if (g_strcmp0 (json_object_get_string_member (cell, "key"), key) == 0)
        return cell;
    }
  return NULL;
}

static void
show_items (BelSurveyTrend *self,
            JsonArray      *items,
            JsonArray      *windows,
            GPtrArray      *names)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_ptr_array_add (series, bel_survey_item_short (json_array_get_object_element (items, i)));
      for (guint w = 0; w < json_array_get_length (windows); w++)
        {
          double v = point_of (json_object_get_object_member (json_array_get_object_element (windows, w), "overall"),
                               id);
          g_array_append_val (values, v);
        }
    }
  g_ptr_array_add (series, NULL);
  bel_survey_trend_set (self, _("Share agreeing over time, everyone"), (const char * const *) names->pdata,
                        (const char * const *) series->pdata, (const double *) (gpointer) values->data, G_MAXUINT);
}

/* Everyone, the groups (newest window's order, then any older ones), the pool. */
static void
show_groups (BelSurveyTrend *self,
             JsonObject     *item,
             JsonArray      *windows,
             GPtrArray      *names)
{
  guint n = json_array_get_length (windows);
  gint64 id = json_object_get_int_member (item, "id");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *item_name = bel_survey_item_short (item);
  g_autofree char *title = NULL;
  const char *by = NULL;
  gboolean pooled = FALSE;

  for (guint w = n; w > 0; w--)
    {
      JsonObject *b = breakdown_of (json_array_get_object_element (windows, w - 1));
      JsonArray *cells = b ? json_object_get_array_member (b, "cells") : NULL;

      if (b == NULL)
        continue;
      by = by ? by : json_object_get_string_member_with_default (b, "label", "");
      pooled |= pool_of (b) != NULL;
      for (guint c = 0; c < json_array_get_length (cells); c++)
        {
          JsonObject *cell = json_array_get_object_element (cells, c);
          const char *key = json_object_get_string_member (cell, "key");

          if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
            {
              g_ptr_array_add (keys, g_strdup (key));
              g_ptr_array_add (series, g_strdup (json_object_get_string_member (cell, "label")));
            }
        }
    }
  g_ptr_array_insert (series, 0, g_strdup (_("Everyone")));
  if (pooled)
    g_ptr_array_add (series, g_strdup (_("Small groups (pooled)")));
  for (guint s = 0; s < series->len; s++)
    for (guint w = 0; w < n; w++)
      {
        JsonObject *window = json_array_get_object_element (windows, w);
        JsonObject *cell;
        double v;

        if (s == 0)
          cell = json_object_get_object_member (window, "overall");
        else if (s <= keys->len)
          cell = cell_of (breakdown_of (window), g_ptr_array_index (keys, s - 1));
        else
          cell = pool_of (breakdown_of (window));
        v = point_of (cell, id);
        g_array_append_val (values, v);
      }
  g_ptr_array_add (series, NULL);
  /* The breakdown's label is a heading ("Gender", "English learner status"): it
   * leads, so it keeps its capital without one mid-sentence.
   * Translators: "Gender: share agreeing with “People care” over time" */
  title = g_strdup_printf (_("%s: share agreeing with “%s” over time"), by ? by : "", item_name);
  bel_survey_trend_set (self, title, (const char * const *) names->pdata, (const char * const *) series->pdata,
                        (const double *) (gpointer) values->data, 0);
}

void
bel_survey_trend_show (BelSurveyTrend *self,
                       JsonObject     *trend,
                       gint64          item_id)
{
  JsonArray *items = json_object_get_array_member (trend, "items");
  JsonArray *windows = json_object_get_array_member (trend, "windows");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  JsonObject *item = NULL;
  gboolean grouped = FALSE;

  g_return_if_fail (BEL_IS_SURVEY_TREND (self));
  for (guint w = 0; w < json_array_get_length (windows); w++)
    {
      JsonObject *window = json_array_get_object_element (windows, w);

      g_ptr_array_add (names, g_strdup (json_object_get_string_member (window, "window_name")));
      grouped |= breakdown_of (window) != NULL;
    }
  g_ptr_array_add (names, NULL);
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == item_id)
      item = json_array_get_object_element (items, i);
  if (grouped && item != NULL)
    show_groups (self, item, windows, names);
  else
    show_items (self, items, windows, names);
}
