/* bel-survey-taking.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-taking.h"

#include "bel-calendar.h"
#include "bel-events.h"
#include "bel-surveys-private.h"

void
bel_survey_ticket_free (BelSurveyTicket *ticket)
{
  if (ticket == NULL)
    return;
  g_free (ticket->language);
  g_free (ticket->closes_on);
  g_clear_object (&ticket->survey);
  g_free (ticket);
}

void
bel_survey_adult_free (BelSurveyAdult *adult)
{
  if (adult == NULL)
    return;
  g_free (adult->name);
  g_free (adult);
}

typedef struct {
  gint64  window_id;
  gint64  student_id;
  gboolean used;
  char   *status;
  char   *closes_on;
} CodeRow;

static void
code_row_clear (CodeRow *row)
{
  g_clear_pointer (&row->status, g_free);
  g_clear_pointer (&row->closes_on, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CodeRow, code_row_clear)

/* Looks the code up in every open window (each hashes with its own key). */
static gboolean
find_code (BelEngine   *engine,
           const char  *text,
           CodeRow     *row,
           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *code = bel_survey_code_normalize (text);
  g_autoptr(BelStmt) windows = NULL;
  g_autoptr(GError) local_error = NULL;

  if (code == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "This code does not work");
      return FALSE;
    }
  windows = bel_store_prepare (store,
      "SELECT id, code_key, status, closes_on FROM survey_window WHERE status <> 'scheduled' "
      "ORDER BY status = 'open' DESC, id DESC", error);
  if (windows == NULL)
    return FALSE;
  while (bel_store_step_row (store, windows, &local_error))
    {
      g_autofree char *hash = bel_survey_code_hash (bel_column_text (windows, 1), code);
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "SELECT student_id, used FROM survey_code WHERE window_id = ? AND code_hash = ?", error);

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, bel_column_int64 (windows, 0));
      bel_bind_text (stmt, 2, hash);
      if (bel_store_step_row (store, stmt, error))
        {
          row->window_id = bel_column_int64 (windows, 0);
          row->student_id = bel_column_int64 (stmt, 0);
          row->used = bel_column_int (stmt, 1) != 0;
          row->status = g_strdup (bel_column_text (windows, 2));
          row->closes_on = g_strdup (bel_column_text (windows, 3));
          return TRUE;
        }
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "This code does not work");
  return FALSE;
}

static gboolean
check_usable (const CodeRow  *row,
              const char     *on_date,
              GError        **error)
{
  g_autofree char *today = on_date ? g_strdup (on_date) : bel_date_format (bel_date_today ());

  if (row->used)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                           "This code has been used: answers can't be changed afterwards");
      return FALSE;
    }
  if (g_strcmp0 (row->status, "open") != 0 || g_strcmp0 (today, row->closes_on) > 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "This survey is closed");
      return FALSE;
    }
  return TRUE;
}

BelSurveyTicket *
bel_survey_ticket_find (BelEngine   *engine,
                        const char  *code,
                        GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_auto(CodeRow) row = { 0 };
  g_autoptr(BelSurveyTicket) ticket = g_new0 (BelSurveyTicket, 1);
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!find_code (engine, code, &row, error) || !check_usable (&row, NULL, error))
    return NULL;
  window = bel_survey_window_load (engine, row.window_id, error);
  if (window == NULL)
    return NULL;
  ticket->window_id = row.window_id;
  ticket->school_id = bel_resource_get_int (window, "school-id");
  ticket->closes_on = g_strdup (row.closes_on);
  ticket->survey = bel_survey_load (engine, bel_resource_get_int (window, "survey-id"), error);
  if (ticket->survey == NULL)
    return NULL;
  stmt = bel_store_prepare (store, "SELECT home_language FROM student WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, row.student_id);
  if (bel_store_step_row (store, stmt, NULL))
    ticket->language = g_strdup (bel_column_text (stmt, 0));
  return g_steal_pointer (&ticket);
}

GPtrArray *
bel_survey_adult_choices (BelEngine   *engine,
                          gint64       school_id,
                          GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_survey_adult_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT a.id, a.display_name FROM membership m JOIN account a ON a.id = m.account_id "
      "WHERE m.school_id = ? AND a.active = 1 ORDER BY lower(a.display_name), a.id", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelSurveyAdult *adult = g_new0 (BelSurveyAdult, 1);
      adult->id = bel_column_int64 (stmt, 0);
      adult->name = g_strdup (bel_column_text (stmt, 1));
      g_ptr_array_add (out, adult);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
insert_response (BelEngine   *engine,
                 const CodeRow *row,
                 gboolean     confidential,
                 const char  *day,
                 gint64      *response_id,
                 GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO survey_response (window_id, student_id, grade, advisory_id, submitted_on) "
      "SELECT ?1, CASE WHEN ?3 = 1 THEN st.id END, st.grade, st.advisory_id, ?4 FROM student st WHERE st.id = ?2",
      error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, row->window_id);
  bel_bind_int64 (stmt, 2, row->student_id);
  bel_bind_int64 (stmt, 3, confidential);
  bel_bind_text (stmt, 4, day);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  *response_id = bel_store_last_insert_id (store);
  return TRUE;
}

/* Marks the code used; FALSE (409) when another request used it first. */
static gboolean
use_code (BelStore       *store,
          const CodeRow  *row,
          GError        **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE survey_code SET used = 1 WHERE window_id = ? AND student_id = ? AND used = 0", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, row->window_id);
  bel_bind_int64 (stmt, 2, row->student_id);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  if (bel_store_changes (store) == 1)
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                       "This code has been used: answers can't be changed afterwards");
  return FALSE;
}

static gboolean
insert_values (BelStore    *store,
               BelSurvey   *survey,
               gint64       response_id,
               GHashTable  *values,
               GError     **error)
{
  g_autoptr(GPtrArray) likert = bel_survey_items_of_kind (survey, "likert");
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 item_id = *(gint64 *) key;
      gint v = GPOINTER_TO_INT (value);
      gboolean known = FALSE;
      g_autoptr(BelStmt) stmt = NULL;

      for (guint i = 0; i < likert->len && !known; i++)
        known = bel_resource_get_id (g_ptr_array_index (likert, i)) == item_id;
      if (!known || v < 1 || v > 5)
        {
          g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "An answer is not one of this survey's");
          return FALSE;
        }
      stmt = bel_store_prepare (store, "INSERT INTO survey_answer (response_id, item_id, value) VALUES (?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, response_id);
      bel_bind_int64 (stmt, 2, item_id);
      bel_bind_int64 (stmt, 3, v);
      if (!bel_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_adults (BelStore    *store,
               BelSurvey   *survey,
               gint64       response_id,
               GArray      *adults,
               GError     **error)
{
  g_autoptr(GPtrArray) items = bel_survey_items_of_kind (survey, "adults");

  if (adults == NULL || adults->len == 0)
    return TRUE;
  if (items->len == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "This survey does not ask about adults");
      return FALSE;
    }
  for (guint i = 0; i < adults->len; i++)
    {
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "INSERT INTO survey_named_adult (response_id, item_id, account_id) "
          "SELECT ?1, ?2, m.account_id FROM membership m JOIN account a ON a.id = m.account_id "
          "WHERE m.account_id = ?3 AND m.school_id = ?4 AND a.active = 1 ON CONFLICT DO NOTHING", error);

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, response_id);
      bel_bind_int64 (stmt, 2, bel_resource_get_id (g_ptr_array_index (items, 0)));
      bel_bind_int64 (stmt, 3, g_array_index (adults, gint64, i));
      bel_bind_int64 (stmt, 4, bel_resource_get_int (survey, "school-id"));
      if (!bel_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Tells live clients that a window's counts changed; never who answered. */
static gboolean
record_response (BelEngine  *engine,
                 gint64      school_id,
                 gint64      window_id,
                 GError    **error)
{
  return bel_survey_record_event (engine, school_id, "survey.responded", 0, window_id, NULL, error);
}

gboolean
bel_survey_submit (BelEngine   *engine,
                   const char  *code,
                   GHashTable  *values,
                   GArray      *adults,
                   const char  *on_date,
                   GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_auto(CodeRow) row = { 0 };
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_autofree char *day = on_date ? g_strdup (on_date) : bel_date_format (bel_date_today ());
  gint64 response_id = 0;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL || !find_code (engine, code, &row, error) || !check_usable (&row, day, error))
    return FALSE;
  window = bel_survey_window_load (engine, row.window_id, error);
  if (window == NULL)
    return FALSE;
  survey = bel_survey_load (engine, bel_resource_get_int (window, "survey-id"), error);
  if (survey == NULL ||
      !use_code (store, &row, error) ||
      !insert_response (engine, &row, g_strcmp0 (bel_resource_get_string (survey, "mode"), "confidential") == 0,
                        day, &response_id, error) ||
      !insert_values (store, survey, response_id, values, error) ||
      !insert_adults (store, survey, response_id, adults, error) ||
      !record_response (engine, bel_resource_get_int (survey, "school-id"), row.window_id, error))
    return FALSE;
  return bel_transaction_commit (tx, error);
}
