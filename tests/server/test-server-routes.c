/* test-server-routes.c - the daemon's route table is exactly openapi.yaml's paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include <string.h>

#include "bel-routes.h"

/* "METHOD /path" for every operation under paths: in openapi.yaml, read line
 * by line: paths are indented two spaces, their methods four. */
static GHashTable *
openapi_operations (void)
{
  const char *root = g_getenv ("BEL_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root, "schemas", "openapi.yaml", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *ops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *methods[] = { "get", "put", "post", "delete", "patch", "head", "options", NULL };
  g_autofree char *current = NULL;
  gboolean in_paths = FALSE;

  g_assert_nonnull (root);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_equal (line, "paths:"))
        {
          in_paths = TRUE;
          continue;
        }
      if (!in_paths || *line == '\0' || *line == '#')
        continue;
      if (line[0] != ' ')
        break;
      if (g_str_has_prefix (line, "  /") && g_str_has_suffix (line, ":"))
        {
          g_free (current);
          current = g_strndup (line + 2, strlen (line) - 3);
        }
      else if (current != NULL && g_str_has_prefix (line, "    ") && line[4] != ' ')
        {
          g_autofree char *key = g_strndup (line + 4, strcspn (line + 4, ":"));
          g_autofree char *method = g_ascii_strup (key, -1);

          if (g_strv_contains (methods, key))
            g_hash_table_add (ops, g_strdup_printf ("%s %s", method, current));
        }
    }
  g_assert_true (in_paths);
  return ops;
}

static GHashTable *
route_operations (const char *dump)
{
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GHashTable *ops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_hash_table_add (ops, g_strdup (lines[i]));
  return ops;
}

static guint
missing_from (GHashTable *from,
              GHashTable *in,
              const char *what)
{
  GHashTableIter iter;
  gpointer key;
  guint missing = 0;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (in, key))
      {
        g_test_message ("%s is missing from %s", (const char *) key, what);
        missing++;
      }
  return missing;
}

static void
test_routes_match_openapi (void)
{
  g_autoptr(GHashTable) spec = openapi_operations ();
  g_autofree char *dump = bel_routes_dump ();
  g_autoptr(GHashTable) routes = route_operations (dump);

  g_assert_cmpuint (g_hash_table_size (spec), >=, 20);
  g_assert_cmpuint (missing_from (spec, routes, "the route table"), ==, 0);
  g_assert_cmpuint (missing_from (routes, spec, "openapi.yaml"), ==, 0);
}

static void
test_daemon_lists_the_same_routes (void)
{
  g_autoptr(GPtrArray) argv = bel_test_program_argv ("server/belongingd");
  g_autofree char *out = NULL;
  g_autofree char *dump = bel_routes_dump ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = NULL;

  g_ptr_array_add (argv, g_strdup ("--list-routes"));
  g_ptr_array_add (argv, NULL);
  p = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (p, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, dump);
}

static void
test_every_route_answers (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  guint n;
  const BelRoute *routes = bel_routes_get (&n);

  bel_test_daemon_start (d);
  /* Without a token, every non-public route is 401 (so it is routed, not 404/405) */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GRegex) param = g_regex_new ("\\{[a-z_]+\\}", 0, 0, NULL);
      g_autofree char *path = g_regex_replace_literal (param, routes[i].pattern, -1, 0, "1", 0, NULL);
      g_autoptr(BelTestResponse) r = NULL;

      if (routes[i].flags & BEL_ROUTE_PUBLIC)
        continue;
      r = bel_test_daemon_request (d, routes[i].method, path, NULL,
                                   (routes[i].flags & BEL_ROUTE_BODY) ? "{}" : NULL, NULL);
      g_test_message ("%s %s", routes[i].method, path);
      bel_test_assert_problem (r, 401);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/routes/table-equals-openapi-both-ways", test_routes_match_openapi);
  g_test_add_func ("/server/routes/list-routes-prints-the-table", test_daemon_lists_the_same_routes);
  g_test_add_func ("/server/routes/every-route-is-routed", test_every_route_answers);

  return g_test_run ();
}
