/* bel-handlers-goals.c - growth metrics, goals, measurements and their summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-goals.h"

#include "bel-error.h"
#include "bel-goal-summary.h"
#include "bel-goals.h"
#include "bel-measurements.h"
#include "bel-metrics.h"

/* ---- metrics ---- */

void
bel_handle_metrics_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) metrics = bel_metrics_list (request->engine, request->actor,
                                                   bel_request_get_id (request, "school_id"), &error);

  bel_request_reply_list_result (request, metrics, error);
}

void
bel_handle_metrics_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGrowthMetric) metric = NULL;
  g_autoptr(BelGrowthMetric) created = NULL;

  metric = bel_request_decode (request, BEL_TYPE_GROWTH_METRIC, BEL_MODEL_CREATE, &error);
  if (metric != NULL)
    created = bel_metrics_create (request->engine, request->actor,
                                  bel_request_get_id (request, "school_id"), metric, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_metrics_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGrowthMetric) metric = bel_metrics_get (request->engine, request->actor,
                                                       bel_request_get_id (request, "metric_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, metric, error);
}

void
bel_handle_metrics_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGrowthMetric) changes = NULL;
  g_autoptr(BelGrowthMetric) metric = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_GROWTH_METRIC, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    metric = bel_metrics_update (request->engine, request->actor, bel_request_get_id (request, "metric_id"),
                                 version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, metric, error);
}

/* ---- goals ---- */

static const char *
query_or_null (BelRequest *request,
               const char *name)
{
  const char *value = bel_request_get_query (request, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
query_id (BelRequest  *request,
          const char  *name,
          gint64      *id,
          GError     **error)
{
  const char *value = query_or_null (request, name);
  guint64 parsed = 0;

  *id = 0;
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &parsed, NULL))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "%s: must be an id", name);
      return FALSE;
    }
  *id = (gint64) parsed;
  return TRUE;
}

static gboolean
parse_goal_query (BelRequest    *request,
                  BelGoalQuery  *query,
                  GError       **error)
{
  const char *grade = query_or_null (request, "grade");

  *query = (BelGoalQuery) { 0 };
  query->as_of = query_or_null (request, "as_of");
  query->status = query_or_null (request, "status");
  query->track = query_or_null (request, "track");
  query->subgroup = query_or_null (request, "subgroup");
  if (grade != NULL)
    {
      if (!g_ascii_string_to_signed (grade, 10, -1, 13, &query->grade, NULL))
        {
          g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                               "grade: must be a whole number from -1 to 13");
          return FALSE;
        }
      query->has_grade = TRUE;
    }
  return query_id (request, "metric", &query->metric_id, error) &&
         query_id (request, "advisory", &query->advisory_id, error);
}

void
bel_handle_goals_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  BelGoalQuery query;

  if (parse_goal_query (request, &query, &error))
    goals = bel_goals_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                            &query, &error);
  bel_request_reply_list_result (request, goals, error);
}

void
bel_handle_goals_summary (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGoalSummary) summary = NULL;
  g_autoptr(JsonNode) node = NULL;
  BelGoalQuery query;

  if (parse_goal_query (request, &query, &error))
    summary = bel_goals_summarize (request->engine, request->actor,
                                   bel_request_get_id (request, "school_id"), &query, &error);
  if (summary == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  node = bel_goal_summary_to_json (summary);
  bel_request_reply_json (request, SOUP_STATUS_OK, node);
}

void
bel_handle_student_goals_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = bel_goals_list_for_student (request->engine, request->actor,
                                                           bel_request_get_id (request, "student_id"),
                                                           query_or_null (request, "as_of"), &error);

  bel_request_reply_list_result (request, goals, error);
}

void
bel_handle_goals_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGoal) goal = NULL;
  g_autoptr(BelGoal) created = NULL;

  goal = bel_request_decode (request, BEL_TYPE_GOAL, BEL_MODEL_CREATE, &error);
  if (goal != NULL)
    created = bel_goals_create (request->engine, request->actor,
                                bel_request_get_id (request, "student_id"), goal, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_goals_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGoal) goal = bel_goals_get (request->engine, request->actor,
                                           bel_request_get_id (request, "goal_id"),
                                           query_or_null (request, "as_of"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, goal, error);
}

void
bel_handle_goals_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGoal) changes = NULL;
  g_autoptr(BelGoal) goal = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_GOAL, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    goal = bel_goals_update (request->engine, request->actor, bel_request_get_id (request, "goal_id"),
                             version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, goal, error);
}

void
bel_handle_goals_revise (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGoal) goal = NULL;
  g_autoptr(BelGoal) created = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);

  goal = bel_request_decode (request, BEL_TYPE_GOAL, BEL_MODEL_PATCH, &error);
  if (goal != NULL)
    created = bel_goals_revise (request->engine, request->actor, bel_request_get_id (request, "goal_id"),
                                goal, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

/* ---- measurements ---- */

void
bel_handle_measurements_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelMeasurement) measurement = NULL;
  g_autoptr(BelMeasurement) created = NULL;

  measurement = bel_request_decode (request, BEL_TYPE_MEASUREMENT, BEL_MODEL_CREATE, &error);
  if (measurement != NULL)
    created = bel_measurements_record (request->engine, request->actor,
                                       bel_request_get_id (request, "goal_id"), measurement, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

/* The rows of {"rows": [...]}, each decoded; a bad row is a 422 field error "rows[N].FIELD". */
static GPtrArray *
decode_rows (BelRequest  *request,
             GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *body = JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body) : NULL;
  JsonNode *node = body ? json_object_get_member (body, "rows") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      bel_set_invalid_field (error, "rows", "must be an array of measurements");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) row_error = NULL;
      BelMeasurement *m = bel_model_new_from_json (BEL_TYPE_MEASUREMENT, json_array_get_element (array, i),
                                                   BEL_MODEL_CREATE, &row_error);
      g_autoptr(GPtrArray) field_errors = NULL;

      if (m != NULL)
        {
          g_ptr_array_add (rows, m);
          continue;
        }
      field_errors = bel_error_get_field_errors (row_error);
      if (field_errors == NULL || field_errors->len == 0)
        bel_validation_add (v, "rows", "row %u: %s", i, row_error->message);
      for (guint k = 0; field_errors != NULL && k < field_errors->len; k++)
        {
          BelFieldError *fe = g_ptr_array_index (field_errors, k);
          g_autofree char *field = g_strdup_printf ("rows[%u].%s", i, fe->field);

          bel_validation_add (v, field, "%s", fe->message);
        }
    }
  if (!bel_validation_finish (v, error))
    return NULL;
  return g_steal_pointer (&rows);
}

void
bel_handle_measurements_bulk (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = decode_rows (request, &error);
  g_autoptr(GPtrArray) stored = NULL;

  if (rows != NULL)
    stored = bel_measurements_record_rows (request->engine, request->actor,
                                           bel_request_get_id (request, "school_id"), rows, &error);
  if (stored == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  bel_request_reply_list (request, stored);
  soup_server_message_set_status (request->msg, SOUP_STATUS_CREATED, NULL);
}

static gboolean
parse_dry_run (BelRequest  *request,
               gboolean    *dry_run,
               GError     **error)
{
  const char *value = query_or_null (request, "dry_run");

  *dry_run = TRUE;
  if (value == NULL || g_str_equal (value, "true") || g_str_equal (value, "1"))
    return TRUE;
  if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    {
      *dry_run = FALSE;
      return TRUE;
    }
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "dry_run: true or false");
  return FALSE;
}

void
bel_handle_measurements_import (BelRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BelMeasurementImport) import = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean dry_run = TRUE;
  gsize size = 0;
  const char *data;

  if (g_strcmp0 (type, "text/csv") != 0)
    g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_UNSUPPORTED_MEDIA, "Send the CSV as Content-Type: text/csv");
  if (error == NULL && parse_dry_run (request, &dry_run, &error))
    {
      bytes = soup_message_body_flatten (soup_server_message_get_request_body (request->msg));
      data = g_bytes_get_data (bytes, &size);
      import = bel_measurements_import_csv (request->engine, request->actor,
                                            bel_request_get_id (request, "school_id"),
                                            data ? data : "", size, dry_run, &error);
    }
  if (import == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  node = bel_measurement_import_to_json (import);
  bel_request_reply_json (request, dry_run ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, node);
}
