/* bel-survey-windows.c - survey windows, their one-time codes and response rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-surveys.h"

#include <sodium.h>
#include <string.h>

#include "bel-calendar.h"
#include "bel-events.h"
#include "bel-surveys-private.h"

/* No 0/O, 1/I/L, 5/S, 2/Z, 8/B: what a student copies from a slip stays what was printed. */
static const char code_alphabet[] = "34679ACDEFGHJKMNPQRTUVWXY";

char *
bel_survey_code_new (void)
{
  char *code = g_malloc0 (BEL_SURVEY_CODE_LENGTH + 1);

  if (sodium_init () < 0)
    g_error ("libsodium could not start");
  for (guint i = 0; i < BEL_SURVEY_CODE_LENGTH; i++)
    code[i] = code_alphabet[randombytes_uniform (sizeof code_alphabet - 1)];
  return code;
}

char *
bel_survey_code_normalize (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '\t')
        continue;
      if (strchr (code_alphabet, c) == NULL || c == '\0')
        return NULL;
      g_string_append_c (out, c);
    }
  if (out->len != BEL_SURVEY_CODE_LENGTH)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bel_survey_code_format (const char *code)
{
  return g_strdup_printf ("%.5s-%s", code, code + 5);
}

char *
bel_survey_code_hash (const char *key_hex,
                      const char *code)
{
  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) key_hex, strlen (key_hex), code, -1);
}

static char *
new_key (void)
{
  guint8 raw[32];
  char hex[sizeof raw * 2 + 1];

  if (sodium_init () < 0)
    g_error ("libsodium could not start");
  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (hex, sizeof hex, raw, sizeof raw);
  sodium_memzero (raw, sizeof raw);
  return g_strdup (hex);
}

/* ---- windows ---- */

#define WINDOW_SELECT \
  "SELECT w.id, w.survey_id, s.school_id, s.title, w.name, w.opens_on, w.closes_on, w.status, " \
  "(SELECT count(*) FROM survey_code c WHERE c.window_id = w.id), " \
  "(SELECT count(*) FROM survey_response r WHERE r.window_id = w.id), w.created_at, w.updated_at, w.version " \
  "FROM survey_window w JOIN survey s ON s.id = w.survey_id "

static BelSurveyWindow *
window_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_SURVEY_WINDOW,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "survey-id", (gint64) bel_column_int64 (stmt, 1),
                       "school-id", (gint64) bel_column_int64 (stmt, 2),
                       "survey-title", bel_column_text (stmt, 3),
                       "name", bel_column_text (stmt, 4),
                       "opens-on", bel_column_text (stmt, 5),
                       "closes-on", bel_column_text (stmt, 6),
                       "status", bel_column_text (stmt, 7),
                       "codes-issued", (gint64) bel_column_int64 (stmt, 8),
                       "response-count", (gint64) bel_column_int64 (stmt, 9),
                       "created-at", bel_column_text (stmt, 10),
                       "updated-at", bel_column_text (stmt, 11),
                       "version", (gint64) bel_column_int64 (stmt, 12), NULL);
}

BelSurveyWindow *
bel_survey_window_load (BelEngine  *engine,
                        gint64      window_id,
                        GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, WINDOW_SELECT "WHERE w.id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, window_id);
  if (bel_store_step_row (store, stmt, &local_error))
    return window_from_row (stmt);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No survey window with id %" G_GINT64_FORMAT, window_id);
  return NULL;
}

char *
bel_survey_window_key (BelEngine  *engine,
                       gint64      window_id,
                       GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT code_key FROM survey_window WHERE id = ?",
                                                    error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, window_id);
  if (bel_store_step_row (store, stmt, &local_error))
    return g_strdup (bel_column_text (stmt, 0));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No survey window with id %" G_GINT64_FORMAT, window_id);
  return NULL;
}

/* The window, checked to exist and the actor to be staff of its school in @roles. */
static BelSurveyWindow *
window_for (BelEngine    *engine,
            BelAccount   *actor,
            gint64        window_id,
            BelRoleMask   roles,
            GError      **error)
{
  g_autoptr(BelSurveyWindow) window = bel_survey_window_load (engine, window_id, error);

  if (window == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (window, "school-id"), roles, error))
    return NULL;
  return g_steal_pointer (&window);
}

GPtrArray *
bel_survey_windows_list (BelEngine   *engine,
                         BelAccount  *actor,
                         gint64       survey_id,
                         GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  survey = bel_surveys_get (engine, actor, survey_id, error);
  if (survey == NULL)
    return NULL;
  stmt = bel_store_prepare (store, WINDOW_SELECT "WHERE w.survey_id = ? ORDER BY w.opens_on, w.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, survey_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_ptr_array_add (out, window_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

BelSurveyWindow *
bel_survey_windows_get (BelEngine   *engine,
                        BelAccount  *actor,
                        gint64       window_id,
                        GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  return window_for (engine, actor, window_id, BEL_ROLE_ANY, error);
}

static gboolean
validate_window (BelSurveyWindow  *window,
                 GError          **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  guint32 opens = bel_date_parse (bel_resource_get_string (window, "opens-on"));
  guint32 closes = bel_date_parse (bel_resource_get_string (window, "closes-on"));

  if (bel_engine_is_blank (bel_resource_get_string (window, "name")))
    bel_validation_add (v, "name", "must not be blank");
  if (opens == 0)
    bel_validation_add (v, "opens_on", "must be a date, YYYY-MM-DD");
  if (closes == 0)
    bel_validation_add (v, "closes_on", "must be a date, YYYY-MM-DD");
  else if (opens != 0 && closes < opens)
    bel_validation_add (v, "closes_on", "must not be before opens_on");
  return bel_validation_finish (v, error);
}

static gboolean
record_window (BelEngine        *engine,
               BelSurveyWindow  *window,
               const char       *type,
               GError          **error)
{
  return bel_survey_record_event (engine, bel_resource_get_int (window, "school-id"), type,
                                  bel_resource_get_int (window, "survey-id"), bel_resource_get_id (window),
                                  bel_resource_get_string (window, "status"), error);
}

BelSurveyWindow *
bel_survey_windows_create (BelEngine        *engine,
                           BelAccount       *actor,
                           gint64            survey_id,
                           BelSurveyWindow  *window,
                           GError          **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(BelSurveyWindow) created = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *key = new_key ();
  const char *status = bel_resource_get_string (window, "status");

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  survey = bel_survey_load (engine, survey_id, error);
  if (survey == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (survey, "school-id"),
                                       BEL_ROLE_LEADER, error) ||
      !validate_window (window, error))
    return NULL;
  if (g_strcmp0 (status, "closed") == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, "status: a new window is scheduled or open");
      return NULL;
    }
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
      "INSERT INTO survey_window (survey_id, name, opens_on, closes_on, status, code_key, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, survey_id);
  bel_bind_text (stmt, 2, bel_resource_get_string (window, "name"));
  bel_bind_text (stmt, 3, bel_resource_get_string (window, "opens-on"));
  bel_bind_text (stmt, 4, bel_resource_get_string (window, "closes-on"));
  bel_bind_text (stmt, 5, status ? status : "scheduled");
  bel_bind_text (stmt, 6, key);
  bel_bind_text (stmt, 7, now);
  bel_bind_text (stmt, 8, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  created = bel_survey_window_load (engine, bel_store_last_insert_id (store), error);
  if (created == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "survey_window.create", 0, bel_resource_get_string (created, "name"));
  if (!record_window (engine, created, "survey_window.created", error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

static gboolean
check_transition (const char  *from,
                  const char  *to,
                  GError     **error)
{
  if (g_strcmp0 (from, to) == 0 || g_strcmp0 (from, "scheduled") == 0 ||
      (g_strcmp0 (from, "open") == 0 && g_strcmp0 (to, "closed") == 0))
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT, "A %s window cannot become %s again", from, to);
  return FALSE;
}

BelSurveyWindow *
bel_survey_windows_update (BelEngine           *engine,
                           BelAccount          *actor,
                           gint64               window_id,
                           gint64               expected_version,
                           BelSurveyWindow     *changes,
                           const char * const  *fields,
                           GError             **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *was = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  window = window_for (engine, actor, window_id, BEL_ROLE_LEADER, error);
  if (window == NULL || !bel_engine_check_version (expected_version, bel_resource_get_version (window), error))
    return NULL;
  was = g_strdup (bel_resource_get_string (window, "status"));
  if (!bel_engine_copy_fields (window, changes, fields, error) ||
      !validate_window (window, error) ||
      !check_transition (was, bel_resource_get_string (window, "status"), error))
    return NULL;
  stmt = bel_store_prepare (store,
      "UPDATE survey_window SET name = ?, opens_on = ?, closes_on = ?, status = ?, version = version + 1, "
      "updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, bel_resource_get_string (window, "name"));
  bel_bind_text (stmt, 2, bel_resource_get_string (window, "opens-on"));
  bel_bind_text (stmt, 3, bel_resource_get_string (window, "closes-on"));
  bel_bind_text (stmt, 4, bel_resource_get_string (window, "status"));
  bel_bind_text (stmt, 5, now);
  bel_bind_int64 (stmt, 6, window_id);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  g_clear_object (&window);
  window = bel_survey_window_load (engine, window_id, error);
  if (window == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "survey_window.update", 0, bel_resource_get_string (window, "status"));
  if (!record_window (engine, window, "survey_window.updated", error) || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&window);
}

/* ---- codes ---- */

static gboolean
may_issue (BelEngine   *engine,
           BelAccount  *actor,
           gint64       school_id,
           gint64       advisory_id,
           GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 advisor_id = 0;

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return FALSE;
  stmt = bel_store_prepare (store, "SELECT advisor_id FROM advisory WHERE id = ? AND school_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, advisory_id);
  bel_bind_int64 (stmt, 2, school_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No advisory %" G_GINT64_FORMAT " in this school",
                     advisory_id);
      return FALSE;
    }
  advisor_id = bel_column_int64 (stmt, 0);
  if (bel_account_is_admin (actor) || g_strcmp0 (bel_account_role_in (actor, school_id), "leader") == 0 ||
      (advisor_id != 0 && advisor_id == bel_resource_get_id (actor)))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                       "Only leaders and the advisory's advisor may print its survey codes");
  return FALSE;
}

static gboolean
store_code (BelStore    *store,
            gint64       window_id,
            gint64       student_id,
            const char  *key,
            char       **code_out,
            GError     **error)
{
  g_autofree char *now = bel_store_now_iso ();

  /* A clash of hashes is astronomically unlikely; draw again if it happens. */
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_autofree char *code = bel_survey_code_new ();
      g_autofree char *hash = bel_survey_code_hash (key, code);
      g_autoptr(BelStmt) stmt = bel_store_prepare (store,
          "INSERT INTO survey_code (window_id, student_id, code_hash, used, issued_at) VALUES (?1, ?2, ?3, 0, ?4) "
          "ON CONFLICT (window_id, student_id) DO UPDATE SET code_hash = ?3, issued_at = ?4 WHERE survey_code.used = 0",
          error);
      g_autoptr(GError) local_error = NULL;

      if (stmt == NULL)
        return FALSE;
      bel_bind_int64 (stmt, 1, window_id);
      bel_bind_int64 (stmt, 2, student_id);
      bel_bind_text (stmt, 3, hash);
      bel_bind_text (stmt, 4, now);
      if (bel_store_step_done (store, stmt, &local_error))
        {
          *code_out = g_steal_pointer (&code);
          return TRUE;
        }
      if (!g_error_matches (local_error, BEL_ERROR, BEL_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, "Could not draw a unique code");
  return FALSE;
}

GPtrArray *
bel_survey_codes_issue (BelEngine   *engine,
                        BelAccount  *actor,
                        gint64       window_id,
                        gint64       advisory_id,
                        GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) slips = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  window = bel_survey_window_load (engine, window_id, error);
  if (window == NULL ||
      !may_issue (engine, actor, bel_resource_get_int (window, "school-id"), advisory_id, error))
    return NULL;
  if (g_strcmp0 (bel_resource_get_string (window, "status"), "closed") == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, "This survey window is closed");
      return NULL;
    }
  survey = bel_survey_load (engine, bel_resource_get_int (window, "survey-id"), error);
  key = bel_survey_window_key (engine, window_id, error);
  if (survey == NULL || key == NULL)
    return NULL;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
      "SELECT st.id, st.given_name, st.preferred_name, st.family_name, st.grade, adv.name, st.home_language, "
      "coalesce ((SELECT used FROM survey_code c WHERE c.window_id = ?1 AND c.student_id = st.id), 0) "
      "FROM student st JOIN advisory adv ON adv.id = st.advisory_id WHERE st.advisory_id = ?2 AND st.active = 1 "
      "ORDER BY st.family_key, st.given_key, st.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, window_id);
  bel_bind_int64 (stmt, 2, advisory_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      const char *preferred = bel_column_text (stmt, 2);
      g_autofree char *name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred
                                                                               : bel_column_text (stmt, 1),
                                               bel_column_text (stmt, 3));
      gboolean answered = bel_column_int (stmt, 7) != 0;
      g_autofree char *code = NULL;
      g_autofree char *printed = NULL;

      if (!bel_survey_targets (survey, bel_column_int64 (stmt, 4), advisory_id))
        continue;
      if (!answered && !store_code (store, window_id, bel_column_int64 (stmt, 0), key, &code, error))
        return NULL;
      printed = code ? bel_survey_code_format (code) : NULL;
      g_ptr_array_add (slips, g_object_new (BEL_TYPE_SURVEY_SLIP,
                                            "student-id", (gint64) bel_column_int64 (stmt, 0),
                                            "student-name", name,
                                            "grade", (gint64) bel_column_int64 (stmt, 4),
                                            "advisory-name", bel_column_text (stmt, 5),
                                            "language", bel_column_text (stmt, 6),
                                            "code", printed,
                                            "answered", answered,
                                            "closes-on", bel_resource_get_string (window, "closes-on"), NULL));
      if (code != NULL)
        sodium_memzero (code, strlen (code));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  detail = g_strdup_printf ("window %" G_GINT64_FORMAT ", advisory %" G_GINT64_FORMAT ", %u slips",
                            window_id, advisory_id, slips->len);
  bel_engine_audit (engine, actor, "survey_codes.issue", 0, detail);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&slips);
}

/* ---- response rates ---- */

GPtrArray *
bel_survey_rates (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       window_id,
                  GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  gint64 school_id;
  gboolean all;
  BelSurveyRate *current = NULL;
  gint64 current_key = -1;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  window = window_for (engine, actor, window_id, BEL_ROLE_ANY, error);
  if (window == NULL)
    return NULL;
  school_id = bel_resource_get_int (window, "school-id");
  all = bel_survey_is_privileged (actor, school_id);
  survey = bel_survey_load (engine, bel_resource_get_int (window, "survey-id"), error);
  if (survey == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
      "SELECT coalesce (st.advisory_id, 0), adv.name, acc.display_name, adv.advisor_id, st.grade, "
      "c.student_id IS NOT NULL, coalesce (c.used, 0) FROM student st "
      "LEFT JOIN advisory adv ON adv.id = st.advisory_id LEFT JOIN account acc ON acc.id = adv.advisor_id "
      "LEFT JOIN survey_code c ON c.window_id = ?2 AND c.student_id = st.id "
      "WHERE st.school_id = ?1 AND st.active = 1 "
      "ORDER BY st.advisory_id IS NULL, adv.name, st.advisory_id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, window_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 advisory_id = bel_column_int64 (stmt, 0);

      if (!bel_survey_targets (survey, bel_column_int64 (stmt, 4), advisory_id))
        continue;
      if (!all && (advisory_id == 0 || bel_column_int64 (stmt, 3) != bel_resource_get_id (actor)))
        continue;
      if (current == NULL || advisory_id != current_key)
        {
          current = g_object_new (BEL_TYPE_SURVEY_RATE,
                                  "advisory-id", advisory_id,
                                  "advisory-name", advisory_id ? bel_column_text (stmt, 1) : "No advisory",
                                  "advisor-name", bel_column_text (stmt, 2), NULL);
          current_key = advisory_id;
          g_ptr_array_add (out, current);
        }
      g_object_set (current,
                    "students", bel_resource_get_int (current, "students") + 1,
                    "codes-issued", bel_resource_get_int (current, "codes-issued") + bel_column_int (stmt, 5),
                    "responded", bel_resource_get_int (current, "responded") + bel_column_int (stmt, 6), NULL);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; i < out->len; i++)
    {
      BelSurveyRate *rate = g_ptr_array_index (out, i);
      gint64 students = bel_resource_get_int (rate, "students");
      g_object_set (rate, "response-rate",
                    (gdouble) bel_resource_get_int (rate, "responded") / (gdouble) MAX (students, 1), NULL);
    }
  return g_steal_pointer (&out);
}
