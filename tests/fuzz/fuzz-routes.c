/* fuzz-routes.c - how the daemon reads a request line: route, path ids, query
 *
 * Input: "METHOD TARGET", then (after a line break) a form body.  TARGET is
 * taken apart as libsoup's server does (parsed against http://localhost,
 * path %-decoded, "/../" refused, query decoded as a form), then matched
 * against the route table (bel_routes_match()): a route found must give
 * back the path when its parameters are put into its pattern, and every id
 * parameter must be a positive id.  The query goes through the checks of
 * bel-request.h and the parsers handlers apply to query values (dates, search
 * words, student list cursors); a form body through what the survey page
 * does with a code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bel-calendar.h"
#include "bel-error.h"
#include "bel-routes.h"
#include "bel-students-private.h"
#include "bel-surveys-private.h"
#include "bel-text.h"

static volatile gsize sink;

/* The decoded path libsoup hands to handlers, or NULL where it answers 400. */
static char *
request_path (const char  *target,
              GHashTable **query)
{
  g_autoptr(GUri) base = g_uri_parse ("http://localhost/", SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;

  *query = NULL;
  if (target[0] != '/')
    return NULL;
  uri = g_uri_parse_relative (base, target, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    return NULL;
  path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  if (path == NULL || strstr (path, "/../") != NULL || g_str_has_suffix (path, "/.."))
    return NULL;
  if (g_uri_get_query (uri) != NULL)
    *query = soup_form_decode (g_uri_get_query (uri));
  return g_steal_pointer (&path);
}

/* @pattern with its {parameters} replaced by their values in @params. */
static char *
fill_pattern (const char *pattern,
              GHashTable *params)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);

      if (len > 2 && parts[i][0] == '{' && parts[i][len - 1] == '}')
        {
          g_autofree char *name = g_strndup (parts[i] + 1, len - 2);
          const char *value = g_hash_table_lookup (params, name);

          g_assert_nonnull (value);
          g_free (parts[i]);
          parts[i] = g_strdup (value);
        }
    }
  return g_strjoinv ("/", parts);
}

static void
check_route (const char *method,
             const char *path,
             GHashTable *query)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) allow = g_string_new (NULL);
  g_autofree char *filled = NULL;
  BelRequest request = { .params = params, .query = query };
  const BelRoute *route;
  gboolean path_known;
  GHashTableIter iter;
  gpointer name;

  route = bel_routes_match (method, path, params, &path_known, allow);
  if (route == NULL)
    {
      g_assert_true (path_known == (allow->len > 0));
      return;
    }
  g_assert_true (path_known);
  g_assert_cmpstr (route->method, ==, method);
  filled = fill_pattern (route->pattern, params);
  g_assert_cmpstr (filled, ==, path);
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (g_str_has_suffix (name, "_id"))
      g_assert_cmpint (bel_request_get_id (&request, name), >, 0);
}

static void
check_query (GHashTable *query)
{
  static const char * const ids[] = { "student", "account", "advisory", "advisor", "owner", "school", NULL };
  static const char * const dates[] = { "since", "until", "as_of", "due_before", "review_before", NULL };
  BelRequest request = { .query = query };
  g_autoptr(GError) error = NULL;
  gint64 value = 0;
  gboolean present;
  guint limit;
  const char *text;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (bel_request_query_id (&request, ids[i], &value, &error))
        g_assert_true (value > 0 || bel_request_get_query (&request, ids[i]) == NULL);
      g_clear_error (&error);
    }
  if (bel_request_query_grade (&request, &present, &value, &error) && present)
    g_assert_true (value >= -1 && value <= 13);
  g_clear_error (&error);
  if (bel_request_query_limit (&request, &limit, &error) && bel_request_get_query (&request, "limit"))
    g_assert_true (limit >= 1 && limit <= 1000);
  g_clear_error (&error);
  if (bel_request_query_int (&request, "since", 0, G_MAXINT64, &present, &value, &error) && present)
    g_assert_cmpint (value, >=, 0);
  g_clear_error (&error);
  for (guint i = 0; dates[i] != NULL; i++)
    sink += bel_date_parse (bel_request_get_query (&request, dates[i]));
  if ((text = bel_request_get_query (&request, "q")) != NULL)
    {
      g_auto(GStrv) words = bel_text_words (text);
      sink += g_strv_length (words);
    }
  if ((text = bel_request_get_query (&request, "cursor")) != NULL && !bel_student_cursor_check (text, &error))
    g_assert_true (g_error_matches (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST));
}

static void
check_form (const char *body)
{
  g_autoptr(GHashTable) form = soup_form_decode (body);
  g_autofree char *code = bel_survey_code_normalize (g_hash_table_lookup (form, "code"));

  if (code != NULL)
    {
      g_autofree char *shown = bel_survey_code_format (code);
      g_autofree char *again = bel_survey_code_normalize (shown);
      g_assert_cmpstr (again, ==, code);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = bel_fuzz_string (data, size);
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *path = NULL;
  char *body = strchr (text, '\n');
  char *target;

  bel_fuzz_init ();
  if (body != NULL)
    *body++ = '\0';
  target = strchr (text, ' ');
  if (target == NULL)
    return 0;
  *target++ = '\0';
  path = request_path (target, &query);
  if (path != NULL)
    {
      check_route (text, path, query);
      check_query (query);
    }
  if (body != NULL && g_utf8_validate (body, -1, NULL))
    check_form (body);
  return 0;
}
