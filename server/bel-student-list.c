/* bel-student-list.c - searching and paging students (declared in bel-students.h)
 *
 * Ordering is by folded family name, folded given name, then id, and pages are
 * cut with a keyset cursor holding the last row's three keys, so a page never
 * repeats or skips a row even while others add students.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-students-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bel-error.h"
#include "bel-json.h"
#include "bel-text.h"

#define MAX_QUERY_WORDS 8
#define FIRST_WORD_PARAM 10

typedef struct {
  char   *family_key;
  char   *given_key;
  gint64  id;
} Cursor;

static void
cursor_clear (Cursor *c)
{
  g_clear_pointer (&c->family_key, g_free);
  g_clear_pointer (&c->given_key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cursor, cursor_clear)

static char *
cursor_encode (const char *family_key,
               const char *given_key,
               gint64      id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char *b64;

  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, family_key);
  json_builder_add_string_value (builder, given_key);
  json_builder_add_int_value (builder, id);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  b64 = g_base64_encode ((const guchar *) text, strlen (text));
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  for (char *p = b64 + strlen (b64); p > b64 && p[-1] == '='; p--)
    p[-1] = '\0';
  return b64;
}

static gboolean
cursor_decode (const char  *text,
               Cursor      *out,
               GError     **error)
{
  g_autoptr(GString) b64 = g_string_new (text);
  g_autoptr(JsonNode) node = NULL;
  g_autofree guchar *raw = NULL;
  g_autofree char *json = NULL;
  JsonArray *array;
  gsize len;

  g_strdelimit (b64->str, "-", '+');
  g_strdelimit (b64->str, "_", '/');
  while (b64->len % 4 != 0)
    g_string_append_c (b64, '=');
  raw = g_base64_decode (b64->str, &len);
  json = g_strndup ((const char *) raw, len);
  node = len > 0 ? bel_json_parse (json, -1, NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) != 3 ||
      json_node_get_value_type (json_array_get_element (array, 0)) != G_TYPE_STRING ||
      json_node_get_value_type (json_array_get_element (array, 1)) != G_TYPE_STRING ||
      json_node_get_value_type (json_array_get_element (array, 2)) != G_TYPE_INT64)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "cursor: not a cursor returned by this list");
      return FALSE;
    }
  out->family_key = g_strdup (json_array_get_string_element (array, 0));
  out->given_key = g_strdup (json_array_get_string_element (array, 1));
  out->id = json_array_get_int_element (array, 2);
  return TRUE;
}

gboolean
bel_student_cursor_check (const char  *text,
                          GError     **error)
{
  g_auto(Cursor) cursor = { 0 };

  return cursor_decode (text, &cursor, error);
}

static char *
like_pattern (const char *word)
{
  GString *out = g_string_new ("% ");

  for (const char *p = word; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* Parameters: ?1 school, ?2 active, ?3 grade, ?4 advisory, ?5-?7 cursor,
 * ?8 limit, ?10... the query words. */
static char *
build_where (const BelStudentQuery *query,
             guint                  n_words,
             gboolean               with_cursor)
{
  GString *sql = g_string_new ("WHERE st.school_id = ?1 AND st.active = ?2 ");

  if (query->has_grade)
    g_string_append (sql, "AND st.grade = ?3 ");
  if (query->advisory_id != 0)
    g_string_append (sql, "AND st.advisory_id = ?4 ");
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (sql, "AND st.search_text LIKE ?%u ESCAPE '\\' ", FIRST_WORD_PARAM + i);
  if (with_cursor)
    g_string_append (sql, "AND (st.family_key, st.given_key, st.id) > (?5, ?6, ?7) ");
  return g_string_free (sql, FALSE);
}

static void
bind_query (BelStmt          *stmt,
            gint64                 school_id,
            const BelStudentQuery *query,
            GStrv                  words,
            const Cursor          *cursor)
{
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->active ? 1 : 0);
  if (query->has_grade)
    bel_bind_int64 (stmt, 3, query->grade);
  if (query->advisory_id != 0)
    bel_bind_int64 (stmt, 4, query->advisory_id);
  if (cursor != NULL)
    {
      bel_bind_text (stmt, 5, cursor->family_key);
      bel_bind_text (stmt, 6, cursor->given_key);
      bel_bind_int64 (stmt, 7, cursor->id);
    }
  bel_bind_int64 (stmt, 8, (gint64) query->limit + 1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *pattern = like_pattern (words[i]);
      bel_bind_text (stmt, FIRST_WORD_PARAM + i, pattern);
    }
}

static gboolean
validate_query (const BelStudentQuery  *query,
                GStrv                   words,
                GError                **error)
{
  if (query->limit < 1 || query->limit > BEL_STUDENT_QUERY_LIMIT_MAX)
    g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "limit: must be from 1 to %d",
                 BEL_STUDENT_QUERY_LIMIT_MAX);
  else if (query->q != NULL && g_utf8_strlen (query->q, -1) > 100)
    g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "q: must be at most 100 characters");
  else if (g_strv_length (words) > MAX_QUERY_WORDS)
    g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "q: must have at most %d words",
                 MAX_QUERY_WORDS);
  else if (query->has_grade && (query->grade < -1 || query->grade > 13))
    g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "grade: must be from -1 to 13");
  else if (query->advisory_id < 0)
    g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "advisory: must be a positive id");
  else
    return TRUE;
  return FALSE;
}

static gint64
count_matches (BelStore               *store,
               gint64                  school_id,
               const BelStudentQuery  *query,
               GStrv                   words,
               GError                **error)
{
  g_autofree char *where = build_where (query, g_strv_length (words), FALSE);
  g_autofree char *sql = g_strconcat ("SELECT COUNT(*) FROM student st ", where, NULL);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  bind_query (stmt, school_id, query, words, NULL);
  if (!bel_store_step_row (store, stmt, error))
    return -1;
  return bel_column_int64 (stmt, 0);
}

static gboolean
fetch_page (BelStore               *store,
            gint64                  school_id,
            const BelStudentQuery  *query,
            GStrv                   words,
            const Cursor           *cursor,
            BelStudentPage         *page,
            GError                **error)
{
  g_autofree char *where = build_where (query, g_strv_length (words), cursor != NULL);
  g_autofree char *sql = g_strconcat (BEL_STUDENT_SELECT, where,
                                      "ORDER BY st.family_key, st.given_key, st.id LIMIT ?8", NULL);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, school_id, query, words, cursor);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(BelStudent) student = bel_student_from_row (stmt);

      if (page->items->len == query->limit)
        {
          BelStudent *last = g_ptr_array_index (page->items, page->items->len - 1);
          g_autofree char *family_key = bel_text_fold (bel_resource_get_string (last, "family-name"));
          g_autofree char *given_key = bel_text_fold (bel_resource_get_string (last, "given-name"));

          page->next_cursor = cursor_encode (family_key, given_key, bel_resource_get_id (last));
          break;
        }
      g_ptr_array_add (page->items, g_steal_pointer (&student));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

BelStudentPage *
bel_students_list (BelEngine              *engine,
                   BelAccount             *actor,
                   gint64                  school_id,
                   const BelStudentQuery  *query,
                   GError                **error)
{
  BelStore *store;
  g_autoptr(BelStudentPage) page = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(Cursor) cursor = { NULL, NULL, 0 };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  words = bel_text_words (query->q);
  if (!validate_query (query, words, error))
    return NULL;
  if (query->cursor != NULL && !cursor_decode (query->cursor, &cursor, error))
    return NULL;
  store = bel_engine_get_store (engine);
  page = g_new0 (BelStudentPage, 1);
  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  page->total = count_matches (store, school_id, query, words, error);
  if (page->total < 0 ||
      !fetch_page (store, school_id, query, words, query->cursor ? &cursor : NULL, page, error))
    return NULL;
  return g_steal_pointer (&page);
}
