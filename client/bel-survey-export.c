/* bel-survey-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-export.h"

#include <glib/gi18n.h>
#include <string.h>


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
