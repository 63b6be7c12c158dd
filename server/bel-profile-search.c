/* bel-profile-search.c - full-text search over the non-sensitive entries of a school
 *
 * The index (migration 0004: the FTS5 table profile_fts on SQLite, the GIN
 * index profile_entry_search on PostgreSQL) holds only non-sensitive entries;
 * the query checks sensitive = 0 again so that no sensitive text can ever
 * come back, even from an index built by an older migration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profiles-private.h"

#include <string.h>

#include "bel-error.h"
#include "bel-text.h"

#define MAX_WORDS 12
#define MAX_QUERY 200

#define SEARCH_COLUMNS \
  "SELECT e.id, e.student_id, st.given_name, st.family_name, st.preferred_name, e.section, " \
  "e.school_year, e.author_name, e.created_at, "
#define SEARCH_FILTER \
  "AND e.school_id = ?2 AND e.sensitive = 0 AND e.superseded_by IS NULL "

#define SEARCH_SQL_SQLITE \
  SEARCH_COLUMNS "snippet(profile_fts, 0, '**', '**', '…', 16) " \
  "FROM profile_fts JOIN profile_entry e ON e.id = profile_fts.rowid " \
  "JOIN student st ON st.id = e.student_id " \
  "WHERE profile_fts MATCH ?1 " SEARCH_FILTER \
  "ORDER BY rank, e.id LIMIT ?3 OFFSET ?4"

/* The expression of the index profile_entry_search, so that the planner uses it. */
#define PG_WORDS "to_tsvector ('bel_search', e.body)"
#define SEARCH_SQL_POSTGRESQL \
  SEARCH_COLUMNS "ts_headline ('bel_search', e.body, q.query, " \
  "'StartSel=**, StopSel=**, MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=…') " \
  "FROM (SELECT to_tsquery ('bel_search', ?1) AS query) q, profile_entry e " \
  "JOIN student st ON st.id = e.student_id " \
  "WHERE " PG_WORDS " @@ q.query " SEARCH_FILTER \
  "ORDER BY ts_rank (" PG_WORDS ", q.query) DESC, e.id LIMIT ?3 OFFSET ?4"

/* Each word of @q as a quoted prefix term, all of them required: "word"* for
 * FTS5, 'word':* for a PostgreSQL tsquery.  Words are letters and digits only
 * (bel_text_words), so no query syntax gets through. */
static char *
match_query (BelDialect   dialect,
             const char  *q,
             GError     **error)
{
  gboolean pg = dialect == BEL_DIALECT_POSTGRESQL;
  g_auto(GStrv) words = NULL;
  GString *out;

  if (q == NULL || g_utf8_strlen (q, -1) > MAX_QUERY)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "q: give the words to find (at most %d characters)",
                   MAX_QUERY);
      return NULL;
    }
  words = bel_text_words (q);
  if (words[0] == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "q: give at least one word to find");
      return NULL;
    }
  out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL && i < MAX_WORDS; i++)
    g_string_append_printf (out, pg ? "%s'%s':*" : "%s\"%s\"*", i == 0 ? "" : pg ? " & " : " ", words[i]);
  return g_string_free (out, FALSE);
}

static gboolean
parse_cursor (const char  *cursor,
              gint64      *offset,
              GError     **error)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  *offset = 0;
  if (cursor == NULL)
    return TRUE;
  decoded = g_base64_decode (cursor, &len);
  text = g_strndup ((const char *) decoded, len);
  if (!g_str_has_prefix (text, "o:") ||
      !g_ascii_string_to_signed (text + 2, 10, 0, G_MAXINT32, offset, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "cursor: is not a cursor of this search");
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
hit_json (BelStmt *stmt)
{
  JsonObject *obj = json_object_new ();
  const char *preferred = bel_column_text (stmt, 4);
  g_autofree char *name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred : bel_column_text (stmt, 2),
                                           bel_column_text (stmt, 3));

  json_object_set_int_member (obj, "entry_id", bel_column_int64 (stmt, 0));
  json_object_set_int_member (obj, "student_id", bel_column_int64 (stmt, 1));
  json_object_set_string_member (obj, "student_name", name);
  json_object_set_string_member (obj, "section", bel_column_text (stmt, 5));
  json_object_set_string_member (obj, "school_year", bel_column_text (stmt, 6));
  json_object_set_string_member (obj, "author_name", bel_column_text (stmt, 7));
  json_object_set_string_member (obj, "created_at", bel_column_text (stmt, 8));
  json_object_set_string_member (obj, "snippet", bel_column_text (stmt, 9));
  return obj;
}

JsonNode *
bel_profiles_search (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       school_id,
                     const char  *q,
                     guint        limit,
                     const char  *cursor,
                     GError     **error)
{
  BelStore *store;
  BelDialect dialect;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *match = NULL;
  JsonObject *obj;
  JsonArray *items;
  JsonNode *node;
  gint64 offset;
  guint n = 0;
  gboolean more = FALSE;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  store = bel_engine_get_store (engine);
  dialect = bel_store_get_dialect (store);
  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !parse_cursor (cursor, &offset, error) ||
      (match = match_query (dialect, q, error)) == NULL)
    return NULL;
  limit = CLAMP (limit, 1, BEL_PROFILE_SEARCH_LIMIT_MAX);
  stmt = bel_store_prepare (store, dialect == BEL_DIALECT_POSTGRESQL ? SEARCH_SQL_POSTGRESQL : SEARCH_SQL_SQLITE,
                            error);
  if (stmt == NULL)
    return NULL;
  bel_bind_text (stmt, 1, match);
  bel_bind_int64 (stmt, 2, school_id);
  bel_bind_int64 (stmt, 3, limit + 1);
  bel_bind_int64 (stmt, 4, offset);
  items = json_array_new ();
  while (bel_store_step_row (store, stmt, &local_error))
    {
      if (n++ == limit)
        {
          more = TRUE;
          break;
        }
      json_array_add_object_element (items, hit_json (stmt));
    }
  if (local_error != NULL)
    {
      json_array_unref (items);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  obj = json_object_new ();
  json_object_set_array_member (obj, "items", items);
  if (more)
    {
      g_autofree char *next = g_strdup_printf ("o:%" G_GINT64_FORMAT, offset + limit);
      g_autofree char *encoded = g_base64_encode ((const guchar *) next, strlen (next));
      json_object_set_string_member (obj, "next_cursor", encoded);
    }
  else
    json_object_set_null_member (obj, "next_cursor");
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}
