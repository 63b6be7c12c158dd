/* main.c - belongingd: parse options, open the database, serve until signalled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "bel-engine.h"
#include "bel-lock.h"
#include "bel-shutdown.h"
#include "bel-routes.h"
#include "bel-server.h"
#include "bel-store-private.h"

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelConfig) config = bel_config_new ();
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelServer) server = NULL;
  g_autoptr(BelLock) lock = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *config_file = NULL;
  g_autofree char *database = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *url = NULL;
  gboolean list_routes = FALSE;
  gboolean version = FALSE;
  int port = -1;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file,
      "Read settings from FILE (default " BEL_DEFAULT_CONFIG ")", "FILE" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "The SQLite database file (default " BEL_DEFAULT_DATABASE ")", "FILE" },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      "The IP address to listen on (default 127.0.0.1)", "ADDR" },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "The TCP port (default 8765; 0 picks a free one)", "N" },
    { "list-routes", 0, 0, G_OPTION_ARG_NONE, &list_routes,
      "Print the REST routes (METHOD /path) and exit", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- the Belonging daemon");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
      "Settings come from built-in defaults, then the key file, then these options.\n"
      "The key file documents every setting; see belongingd.conf.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("belongingd: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("belongingd %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (list_routes)
    {
      g_autofree char *routes = bel_routes_dump ();
      g_print ("%s", routes);
      return 0;
    }
  if (!bel_config_load_file (config, config_file ? config_file : BEL_DEFAULT_CONFIG,
                             config_file != NULL, &error))
    goto fail;
  if (database != NULL)
    bel_config_set_database (config, database);
  if (listen != NULL)
    bel_config_set_listen (config, listen);
  if (port >= 0 && port <= 65535)
    bel_config_set_port (config, (guint) port);
  else if (port != -1)
    {
      g_printerr ("belongingd: --port must be from 0 to 65535\n");
      return 2;
    }

  /* One daemon per SQLite file, and none while belongingctl restore replaces
   * it.  Any number share a PostgreSQL database. */
  if (bel_store_location_is_file (bel_config_get_database (config)) &&
      (lock = bel_lock_acquire (bel_config_get_database (config), &error)) == NULL)
    goto fail;
  engine = bel_engine_open (config, &error);
  if (engine == NULL)
    goto fail;
  server = bel_server_new (engine, &error);
  if (server == NULL || !bel_server_listen (server, &error))
    goto fail;

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);
  url = bel_server_dup_url (server);
  printf ("belongingd: listening on %s\n", url);
  fflush (stdout);
  bel_shutdown_ready ();
  bel_store_forbid_thread (g_thread_self ());
  g_main_loop_run (loop);

  /* Graceful: stop accepting, close live events, finish requests, checkpoint the WAL. */
  bel_shutdown_run (server, engine);
  g_message ("Stopped");
  return 0;

fail:
  g_printerr ("belongingd: %s\n", error->message);
  return 1;
}
