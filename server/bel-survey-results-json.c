/* bel-survey-results-json.c - what of the results an actor sees, as JSON; the trend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-results.h"

#include "bel-surveys-private.h"

typedef struct {
  gint64   actor_id;
  gboolean privileged; /* counselor, leader, admin */
  gboolean teacher_results; /* the school lets them see teachers' own results */
} Viewer;

static void
viewer_init (Viewer           *viewer,
             BelAccount       *actor,
             BelSurveyResults *results)
{
  viewer->actor_id = bel_resource_get_id (actor);
  viewer->privileged = bel_survey_is_privileged (actor, bel_resource_get_int (results->survey, "school-id"));
  viewer->teacher_results = viewer->privileged && results->leaders_see_teacher_results;
}

static gboolean
owns (const Viewer        *viewer,
      const BelSurveyCell *cell)
{
  for (guint i = 0; i < cell->owners->len; i++)
    if (g_array_index (cell->owners, gint64, i) == viewer->actor_id)
      return TRUE;
  return FALSE;
}

static void
member_int_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     show,
                    gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (show)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_item_stats (JsonBuilder         *builder,
                BelSurveyResults    *results,
                const BelSurveyCell *cell,
                guint                i)
{
  BelSurveyItem *item = g_ptr_array_index (results->items, i);
  gboolean show = !cell->item_suppressed[i];
  gint64 n = cell->item_n[i];
  const gint64 *d = cell->dist + i * 5;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item_id");
  json_builder_add_int_value (builder, bel_resource_get_id (item));
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, bel_resource_get_string (item, "key"));
  json_builder_set_member_name (builder, "suppressed");
  json_builder_add_boolean_value (builder, !show);
  member_int_or_null (builder, "respondents", show, n);
  json_builder_set_member_name (builder, "agree_share");
  if (show && n > 0)
    json_builder_add_double_value (builder, (gdouble) (d[3] + d[4]) / (gdouble) n);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "mean");
  if (show && n > 0)
    json_builder_add_double_value (builder, (gdouble) (d[0] + 2 * d[1] + 3 * d[2] + 4 * d[3] + 5 * d[4]) / (gdouble) n);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "distribution");
  if (show)
    {
      json_builder_begin_array (builder);
      for (guint v = 0; v < 5; v++)
        json_builder_add_int_value (builder, d[v]);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_cell (JsonBuilder         *builder,
          BelSurveyResults    *results,
          const BelSurveyCell *cell)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, cell->key[0] == '~' ? cell->key + 1 : cell->key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, cell->label ? cell->label : "");
  json_builder_set_member_name (builder, "suppressed");
  json_builder_add_boolean_value (builder, cell->suppressed);
  member_int_or_null (builder, "respondents", !cell->suppressed, cell->respondents);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->items->len && !cell->suppressed; i++)
    add_item_stats (builder, results, cell, i);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* FALSE when the viewer sees nothing of @b. */
static gboolean
add_breakdown (JsonBuilder              *builder,
               BelSurveyResults         *results,
               const BelSurveyBreakdown *b,
               const Viewer             *viewer)
{
  gboolean whole = b->teacher_own ? viewer->teacher_results : viewer->privileged;
  guint shown = 0;

  if (!whole && !b->teacher_own)
    return FALSE;
  for (guint c = 0; c < b->cells->len && !whole; c++)
    shown += owns (viewer, g_ptr_array_index (b->cells, c));
  if (!whole && shown == 0)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, b->key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, b->label);
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, whole);
  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  for (guint c = 0; c < b->cells->len; c++)
    {
      const BelSurveyCell *cell = g_ptr_array_index (b->cells, c);
      if (whole || owns (viewer, cell))
        add_cell (builder, results, cell);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "small_groups");
  if (whole && b->small_groups != NULL)
    add_cell (builder, results, b->small_groups);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static void
add_item_head (JsonBuilder   *builder,
               BelSurveyItem *item)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, bel_resource_get_id (item));
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, bel_resource_get_string (item, "key"));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, bel_resource_get_string (item, "text"));
  json_builder_end_object (builder);
}

static void
add_items (JsonBuilder      *builder,
           BelSurveyResults *results)
{
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->items->len; i++)
    add_item_head (builder, g_ptr_array_index (results->items, i));
  json_builder_end_array (builder);
}

static void
add_window_head (JsonBuilder      *builder,
                 BelSurveyResults *results)
{
  BelSurveyWindow *w = results->window;

  json_builder_set_member_name (builder, "window_id");
  json_builder_add_int_value (builder, bel_resource_get_id (w));
  json_builder_set_member_name (builder, "window_name");
  json_builder_add_string_value (builder, bel_resource_get_string (w, "name"));
  json_builder_set_member_name (builder, "opens_on");
  json_builder_add_string_value (builder, bel_resource_get_string (w, "opens-on"));
  json_builder_set_member_name (builder, "closes_on");
  json_builder_add_string_value (builder, bel_resource_get_string (w, "closes-on"));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, bel_resource_get_string (w, "status"));
}

JsonNode *
bel_survey_results_get (BelEngine   *engine,
                        BelAccount  *actor,
                        gint64       window_id,
                        GError     **error)
{
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelSurveyResults) results = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Viewer viewer;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  window = bel_survey_window_load (engine, window_id, error);
  if (window == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (window, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  results = bel_survey_results_compute (engine, window_id, error);
  if (results == NULL)
    return NULL;
  viewer_init (&viewer, actor, results);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "survey_id");
  json_builder_add_int_value (builder, bel_resource_get_id (results->survey));
  json_builder_set_member_name (builder, "survey_title");
  json_builder_add_string_value (builder, bel_resource_get_string (results->survey, "title"));
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, bel_resource_get_string (results->survey, "mode"));
  add_window_head (builder, results);
  json_builder_set_member_name (builder, "min_respondents");
  json_builder_add_int_value (builder, results->min_respondents);
  add_items (builder, results);
  json_builder_set_member_name (builder, "overall");
  add_cell (builder, results, results->overall);
  json_builder_set_member_name (builder, "breakdowns");
  json_builder_begin_array (builder);
  for (guint k = 0; k < results->breakdowns->len; k++)
    add_breakdown (builder, results, g_ptr_array_index (results->breakdowns, k), &viewer);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
add_trend_window (JsonBuilder  *builder,
                  BelEngine    *engine,
                  BelAccount   *actor,
                  gint64        window_id,
                  const char   *breakdown,
                  GError      **error)
{
  g_autoptr(BelSurveyResults) results = bel_survey_results_compute (engine, window_id, error);
  gboolean found = FALSE;
  Viewer viewer;

  if (results == NULL)
    return FALSE;
  viewer_init (&viewer, actor, results);
  json_builder_begin_object (builder);
  add_window_head (builder, results);
  json_builder_set_member_name (builder, "overall");
  add_cell (builder, results, results->overall);
  json_builder_set_member_name (builder, "breakdown");
  for (guint k = 0; k < results->breakdowns->len && !found; k++)
    {
      BelSurveyBreakdown *b = g_ptr_array_index (results->breakdowns, k);
      found = g_strcmp0 (b->key, breakdown) == 0 && add_breakdown (builder, results, b, &viewer);
    }
  if (!found)
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
bel_survey_trend_get (BelEngine   *engine,
                      BelAccount  *actor,
                      gint64       survey_id,
                      const char  *breakdown,
                      GError     **error)
{
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) likert = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  survey = bel_surveys_get (engine, actor, survey_id, error);
  if (survey == NULL)
    return NULL;
  windows = bel_survey_windows_list (engine, actor, survey_id, error);
  if (windows == NULL)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "survey_id");
  json_builder_add_int_value (builder, survey_id);
  json_builder_set_member_name (builder, "survey_title");
  json_builder_add_string_value (builder, bel_resource_get_string (survey, "title"));
  json_builder_set_member_name (builder, "breakdown");
  if (breakdown != NULL)
    json_builder_add_string_value (builder, breakdown);
  else
    json_builder_add_null_value (builder);
  likert = bel_survey_items_of_kind (survey, "likert");
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < likert->len; i++)
    add_item_head (builder, g_ptr_array_index (likert, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "windows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < windows->len; i++)
    {
      BelSurveyWindow *w = g_ptr_array_index (windows, i);
      if (g_strcmp0 (bel_resource_get_string (w, "status"), "scheduled") == 0)
        continue;
      if (!add_trend_window (builder, engine, actor, bel_resource_get_id (w), breakdown, error))
        return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
