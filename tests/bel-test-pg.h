/* bel-test-pg.h - a PostgreSQL database per test daemon, when asked for
 *
 * With BEL_TEST_POSTGRESQL=ADMIN-URL (tools/test runs the server suite so,
 * in a throwaway cluster from tools/pg-cluster), test daemons use a new
 * database of that cluster instead of a SQLite file.  The server tests'
 * fixture (server/bel-test-daemon.h) and the client and UI tests' one
 * (client/test-daemon.h) both use these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <string.h>
#include <unistd.h>

static inline gboolean
bel_test_postgresql (void)
{
  const char *admin = g_getenv ("BEL_TEST_POSTGRESQL");

  return admin != NULL && *admin != '\0';
}

/* @url with its database name replaced by @database:
 * postgresql://[authority]/NAME[?parameters]. */
static inline char *
bel_test_pg_url_with_database (const char *url,
                               const char *database)
{
  const char *authority = strstr (url, "://");
  const char *path, *query;

  g_assert_nonnull (authority);
  authority += 3;
  query = strchr (authority, '?');
  path = strchr (authority, '/');
  if (path == NULL || (query != NULL && path > query))
    path = query != NULL ? query : authority + strlen (authority);
  return g_strdup_printf ("%.*s/%s%s", (int) (path - url), url, database, query != NULL ? query : "");
}

/* Runs @sql with psql at @url; returns its output, trimmed.  Fails the test
 * when psql fails. */
static inline char *
bel_test_psql (const char *url,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) psql = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  psql = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           "psql", "--no-psqlrc", "--quiet", "--no-align", "--tuples-only",
                           "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (psql, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (psql))
    g_error ("psql -c \"%s\" failed: %s", sql, err);
  return g_strstrip (g_steal_pointer (&out));
}

static inline void
bel_test_pg_admin (const char *sql)
{
  g_free (bel_test_psql (g_getenv ("BEL_TEST_POSTGRESQL"), sql));
}

/* A new database that sorts text bytewise as SQLite does: its name in
 * @name, its URL returned. */
static inline char *
bel_test_pg_create_database (char **name)
{
  static guint n;
  g_autofree char *sql = NULL;

  *name = g_strdup_printf ("bel_t_%d_%u", (int) getpid (), n++);
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' "
                         "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'", *name);
  bel_test_pg_admin (sql);
  return bel_test_pg_url_with_database (g_getenv ("BEL_TEST_POSTGRESQL"), *name);
}

static inline void
bel_test_pg_drop_database (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  bel_test_pg_admin (sql);
}
