/* bel-test-surveys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"

#include <string.h>

#include "bel-advisories.h"
#include "bel-students.h"
#include "bel-survey-taking.h"
#include "bel-surveys.h"
#include "bel-test-sql.h"

static gint64
add_student (BelEngine  *engine,
             gint64      school_id,
             guint       n,
             gint64      grade,
             gint64      advisory_id,
             const char *gender,
             gboolean    el)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sis = g_strdup_printf ("SV-%03u", n);
  g_autofree char *given = g_strdup_printf ("Student%u", n);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BelStudent) st = NULL;
  g_autoptr(BelStudent) created = NULL;

  g_hash_table_insert (attributes, (gpointer) "gender", (gpointer) gender);
  st = g_object_new (BEL_TYPE_STUDENT, "sis-id", sis, "given-name", given, "family-name", "Survey",
                     "grade", grade, "advisory-id", advisory_id, "home-language", el ? "Spanish" : "English",
                     "el-status", el ? "current" : "none", "attributes", attributes, "active", TRUE, NULL);
  created = bel_students_create (engine, bel_engine_system_actor (engine), school_id, st, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

static void
add_survey (BelTestSurveys *s,
            BelEngine      *engine)
{
  BelAccount *system = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSurvey) survey = g_object_new (BEL_TYPE_SURVEY, "title", "Belonging", "mode", "confidential",
                                              "ask-adults", TRUE, NULL);
  g_autoptr(BelSurvey) created = bel_surveys_create (engine, system, s->seed.school_id, survey, &error);
  g_autoptr(BelSurveyWindow) window = g_object_new (BEL_TYPE_SURVEY_WINDOW, "name", "Spring",
                                                    "opens-on", "2020-01-01", "closes-on", "2099-12-31",
                                                    "status", "open", NULL);
  g_autoptr(BelSurveyWindow) made = NULL;
  GListModel *items;

  g_assert_no_error (error);
  s->survey_id = bel_resource_get_id (created);
  items = bel_resource_get_object (created, "items");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);
      s->item_ids[i] = bel_resource_get_id (item);
    }
  made = bel_survey_windows_create (engine, system, s->survey_id, window, &error);
  g_assert_no_error (error);
  s->window_id = bel_resource_get_id (made);
}

/* Issues the advisory's codes and answers with each one except @skip's. */
static void
answer_all (BelTestSurveys *s,
            BelEngine      *engine,
            gint64          advisory_id,
            gint            value,
            gint64          skip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slips = bel_survey_codes_issue (engine, bel_engine_system_actor (engine), s->window_id,
                                                       advisory_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < slips->len; i++)
    {
      gpointer slip = g_ptr_array_index (slips, i);
      g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GArray) adults = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (bel_resource_get_int (slip, "student-id") == skip)
        {
          s->jose_code = g_strdup (bel_resource_get_string (slip, "code"));
          continue;
        }
      for (guint k = 0; k < 4; k++)
        g_hash_table_insert (values, g_memdup2 (&s->item_ids[k], sizeof (gint64)),
                             GINT_TO_POINTER (k == 0 ? value : 4));
      g_array_append_val (adults, s->seed.teacher_id);
      bel_survey_submit (engine, bel_resource_get_string (slip, "code"), values, adults, NULL, &error);
      g_assert_no_error (error);
    }
}

void
bel_test_surveys_setup (BelTestSurveys *s)
{
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvisory) owls = NULL;
  g_autoptr(BelAdvisory) made = NULL;
  BelTestSeed *seed = &s->seed;
  guint n = 0;

  s->d = bel_test_daemon_new ();
  bel_test_daemon_seed (s->d, seed);
  engine = bel_test_daemon_open_engine (s->d);
  owls = g_object_new (BEL_TYPE_ADVISORY, "name", "Owls", "advisor-id", seed->counselor_id, NULL);
  made = bel_advisories_create (engine, bel_engine_system_actor (engine), seed->school_id, owls, &error);
  g_assert_no_error (error);
  s->owls_id = bel_resource_get_id (made);
  for (guint i = 0; i < 14; i++)
    add_student (engine, seed->school_id, n++, 9, seed->advisory_id, i % 2 ? "boy" : "girl", i < 4);
  for (guint i = 0; i < 3; i++)
    {
      gint64 id = add_student (engine, seed->school_id, n++, 9, seed->other_advisory_id, "nonbinary", FALSE);
      if (i == 0)
        s->herons_first = id;
    }
  for (guint i = 0; i < 12; i++)
    add_student (engine, seed->school_id, n++, 10, s->owls_id, i % 2 ? "boy" : "girl", FALSE);
  add_survey (s, engine);
  answer_all (s, engine, seed->advisory_id, 5, seed->student_id);
  answer_all (s, engine, seed->other_advisory_id, 1, 0);
  answer_all (s, engine, s->owls_id, 5, 0);
  g_assert_nonnull (s->jose_code);
  g_clear_object (&engine);
  bel_test_daemon_start (s->d);
  s->leader = bel_test_daemon_sign_in (s->d, "leader", BEL_TEST_PASSWORD);
  s->counselor = bel_test_daemon_sign_in (s->d, "counselor", BEL_TEST_PASSWORD);
  s->teacher = bel_test_daemon_sign_in (s->d, "teacher", BEL_TEST_PASSWORD);
  s->outsider = bel_test_daemon_sign_in (s->d, "outsider", BEL_TEST_PASSWORD);
}

void
bel_test_surveys_teardown (BelTestSurveys *s)
{
  g_free (s->leader);
  g_free (s->counselor);
  g_free (s->teacher);
  g_free (s->outsider);
  g_free (s->jose_code);
  g_clear_pointer (&s->d, bel_test_daemon_free);
}

BelTestResponse *
bel_test_surveys_call (BelTestSurveys *s,
                       const char     *method,
                       const char     *token,
                       const char     *body,
                       const char     *if_match,
                       const char     *path_format,
                       ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  return bel_test_daemon_request (s->d, method, path, token, body, if_match);
}

JsonObject *
bel_test_surveys_breakdown (JsonObject *results,
                            const char *key)
{
  JsonArray *array = json_object_get_array_member (results, "breakdowns");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *b = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (b, "key"), key) == 0)
        return b;
    }
  return NULL;
}

gboolean
bel_test_cell_suppressed (JsonObject *cell)
{
  return json_object_get_boolean_member (cell, "suppressed");
}

gint64
bel_test_cell_respondents (JsonObject *cell)
{
  g_assert_false (bel_test_cell_suppressed (cell));
  return json_object_get_int_member (cell, "respondents");
}

void
bel_test_assert_hidden (JsonObject *cell)
{
  g_assert_nonnull (cell);
  g_assert_true (bel_test_cell_suppressed (cell));
  g_assert_true (json_object_get_null_member (cell, "respondents"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cell, "items")), ==, 0);
}

JsonObject *
bel_test_surveys_cell (JsonObject *breakdown,
                       const char *key)
{
  JsonArray *cells = json_object_get_array_member (breakdown, "cells");

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *c = json_array_get_object_element (cells, i);
      if (g_strcmp0 (json_object_get_string_member (c, "key"), key) == 0)
        return c;
    }
  return NULL;
}

/* The value of the form token in the form posting to @action. */
char *
bel_test_body_text (BelTestResponse *r)
{
  return g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
}

BelTestResponse *
bel_test_survey_post (BelTestDaemon *d,
                      const char    *cookie,
                      const char    *path,
                      const char    *form)
{
  g_autoptr(SoupMessage) msg = bel_test_survey_message (d->url, "POST", path, cookie, form);

  return bel_test_daemon_send (d, msg);
}

char *
bel_test_survey_open (BelTestDaemon  *d,
                      char          **cookie)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "GET", "/survey", NULL, NULL, NULL);
  g_autofree char *html = bel_test_body_text (r);

  g_assert_cmpuint (r->status, ==, 200);
  g_free (*cookie);
  *cookie = bel_test_survey_cookie (r->headers);
  g_assert_nonnull (*cookie);
  return bel_test_form_token (html, "/survey");
}

static gint64
exec_bound (BelStore    *store,
            const char  *sql,
            gint64       a,
            gint64       b,
            const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  bel_bind_int64 (stmt, 1, a);
  bel_bind_int64 (stmt, 2, b);
  bel_bind_text (stmt, 3, text);
  while (bel_store_step_row (store, stmt, &error))
    id = bel_column_int64 (stmt, 0);
  g_assert_no_error (error);
  return id;
}

void
bel_test_surveys_add_class (BelTestSurveys *s,
                            const char     *title,
                            gint64          teacher_id,
                            const gint64   *advisory_ids)
{
  g_autoptr(BelStore) store = bel_test_sql_open (s->d->db_path);
  gint64 class_id;

  /* ?2 only so that every parameter has a type on PostgreSQL too */
  class_id = exec_bound (store, "INSERT INTO class (school_id, sis_id, title, created_at, updated_at) "
                                "SELECT ?1, ?3, ?3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' "
                                "WHERE ?2 = 0 RETURNING id",
                         s->seed.school_id, 0, title);
  exec_bound (store, "INSERT INTO enrollment (class_id, sis_id, account_id, role, created_at, updated_at) "
                     "VALUES (?1, ?3 || '-teacher', ?2, 'teacher', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
              class_id, teacher_id, title);
  for (const gint64 *a = advisory_ids; *a != 0; a++)
    exec_bound (store, "INSERT INTO enrollment (class_id, sis_id, student_id, role, created_at, updated_at) "
                       "SELECT ?1, ?3 || '-' || st.id, st.id, 'student', '2026-01-01T00:00:00Z', "
                       "'2026-01-01T00:00:00Z' FROM student st WHERE st.advisory_id = ?2",
                class_id, *a, title);
}
