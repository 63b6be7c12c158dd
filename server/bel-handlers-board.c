/* bel-handlers-board.c - rounds, marks, the board and the comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-board.h"

#include <time.h>

#include "bel-board.h"
#include "bel-compare.h"
#include "bel-error.h"
#include "bel-marks.h"
#include "bel-rounds.h"

/* The daemon thread's CPU time in microseconds: unlike the wall time, it
 * does not grow when other processes compete for the machine. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Server-Timing tells clients and the benchmark the time spent in the
 * daemon: "app" is the wall time, "cpu" the CPU time of the request. */
static void
set_server_timing (BelRequest *request,
                   gint64      started,
                   gint64      cpu_started)
{
  g_autofree char *value = NULL;
  char dur[G_ASCII_DTOSTR_BUF_SIZE];
  char cpu[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (dur, sizeof dur, "%.3f", (g_get_monotonic_time () - started) / 1000.0);
  g_ascii_formatd (cpu, sizeof cpu, "%.3f", (thread_cpu_time () - cpu_started) / 1000.0);
  value = g_strdup_printf ("app;dur=%s, cpu;dur=%s", dur, cpu);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                "Server-Timing", value);
}

void
bel_handle_rounds_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = bel_rounds_list (request->engine, request->actor,
                                                 bel_request_get_id (request, "school_id"), &error);

  if (rounds == NULL)
    bel_request_reply_error (request, error);
  else
    bel_request_reply_list (request, rounds);
}

void
bel_handle_rounds_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) round = NULL;
  g_autoptr(BelRound) created = NULL;

  round = bel_request_decode (request, BEL_TYPE_ROUND, BEL_MODEL_CREATE, &error);
  if (round != NULL)
    created = bel_rounds_create (request->engine, request->actor,
                                 bel_request_get_id (request, "school_id"), round, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_rounds_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) round = bel_rounds_get (request->engine, request->actor,
                                              bel_request_get_id (request, "round_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, round, error);
}

void
bel_handle_rounds_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) changes = NULL;
  g_autoptr(BelRound) round = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_ROUND, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    round = bel_rounds_update (request->engine, request->actor,
                               bel_request_get_id (request, "round_id"), version,
                               changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, round, error);
}

void
bel_handle_mark_put (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelMark) mark = NULL;
  gboolean created = FALSE;

  mark = bel_marks_put (request->engine, request->actor,
                        bel_request_get_id (request, "round_id"),
                        bel_request_get_id (request, "student_id"),
                        bel_request_get_id (request, "account_id"),
                        g_hash_table_lookup (request->params, "kind"), &created, &error);
  if (mark == NULL)
    bel_request_reply_error (request, error);
  else
    bel_request_reply_resource (request, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, mark);
}

void
bel_handle_mark_delete (BelRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (bel_marks_delete (request->engine, request->actor,
                        bel_request_get_id (request, "round_id"),
                        bel_request_get_id (request, "student_id"),
                        bel_request_get_id (request, "account_id"),
                        g_hash_table_lookup (request->params, "kind"), NULL, &error))
    bel_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
  else
    bel_request_reply_error (request, error);
}

static gboolean
parse_board_query (BelRequest     *request,
                   BelBoardQuery  *query,
                   GError        **error)
{
  const char *grade = bel_request_get_query (request, "grade");
  const char *advisory = bel_request_get_query (request, "advisory");
  guint64 advisory_id = 0;

  *query = (BelBoardQuery) { 0 };
  if (grade != NULL && *grade != '\0')
    {
      if (!g_ascii_string_to_signed (grade, 10, -1, 13, &query->grade, NULL))
        {
          g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                               "grade: must be a whole number from -1 to 13");
          return FALSE;
        }
      query->has_grade = TRUE;
    }
  if (advisory != NULL && *advisory != '\0')
    {
      if (!g_ascii_string_to_unsigned (advisory, 10, 1, G_MAXINT64, &advisory_id, NULL))
        {
          g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "advisory: must be an advisory id");
          return FALSE;
        }
      query->advisory_id = (gint64) advisory_id;
    }
  query->subgroup = bel_request_get_query (request, "subgroup");
  query->connection = bel_request_get_query (request, "connection");
  query->q = bel_request_get_query (request, "q");
  if (query->subgroup != NULL && *query->subgroup == '\0')
    query->subgroup = NULL;
  if (query->connection != NULL && *query->connection == '\0')
    query->connection = NULL;
  return TRUE;
}

void
bel_handle_board (BelRequest *request)
{
  gint64 started = g_get_monotonic_time ();
  gint64 cpu_started = thread_cpu_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BelBoard) board = NULL;
  g_autoptr(JsonNode) node = NULL;
  BelBoardQuery query;

  if (parse_board_query (request, &query, &error))
    board = bel_board_get (request->engine, request->actor,
                           bel_request_get_id (request, "round_id"), &query, &error);
  if (board == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  node = bel_board_to_json (board);
  bel_request_reply_json (request, SOUP_STATUS_OK, node);
  set_server_timing (request, started, cpu_started);
}

void
bel_handle_compare (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelComparison) comparison = NULL;
  g_autoptr(JsonNode) node = NULL;

  comparison = bel_compare_rounds (request->engine, request->actor,
                                   bel_request_get_id (request, "round_id"),
                                   bel_request_get_id (request, "other_round_id"), &error);
  if (comparison == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  node = bel_comparison_to_json (comparison);
  bel_request_reply_json (request, SOUP_STATUS_OK, node);
}
