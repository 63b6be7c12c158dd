/* bel-ctl.c - global options, command dispatch, errors and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-ctl.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "bel-ctl-commands.h"
#include "bel-error.h"

struct _BelCtl
{
  char *database;
  char *config_path;
  char *command;
};

typedef struct {
  const char        *group;
  const char        *name;    /* NULL: the group is the command */
  BelCtlCommandFunc  func;
  const char        *summary;
} BelCtlCommand;

static const BelCtlCommand commands[] = {
  { "demo", NULL, bel_ctl_demo, N_("Create the demo school with its staff accounts and students") },
  { "account", "add", bel_ctl_account_add, N_("Create an account, optionally a member of a school") },
  { "account", "list", bel_ctl_account_list, N_("List the accounts and their roles") },
  { "account", "disable", bel_ctl_account_disable, N_("Stop an account from signing in; end its sessions") },
  { "account", "enable", bel_ctl_account_enable, N_("Let a disabled account sign in again") },
  { "account", "reset-password", bel_ctl_account_reset_password, N_("Set a new password for an account") },
  { "account", "grant", bel_ctl_account_grant, N_("Give an account a role in a school, or server admin") },
  { "account", "revoke", bel_ctl_account_revoke, N_("Remove an account's role in a school, or server admin") },
  { "school", "add", bel_ctl_school_add, N_("Create a school") },
  { "school", "list", bel_ctl_school_list, N_("List the schools") },
  { "import", "oneroster", bel_ctl_import_oneroster, N_("Import a OneRoster 1.1/1.2 CSV set (directory or ZIP)") },
  { "rollover", NULL, bel_ctl_rollover, N_("Start a new school year: grades advance, graduates leave") },
  { "backup", NULL, bel_ctl_backup, N_("Back up the database, also while belongingd runs") },
  { "restore", NULL, bel_ctl_restore, N_("Replace the database with a checked backup (daemon stopped)") },
  { "check", NULL, bel_ctl_check, N_("Check integrity, schema version and orphaned rows") },
  { "status", NULL, bel_ctl_status, N_("Show the daemon's health, versions and counts") },
  { "migrate-to", NULL, bel_ctl_migrate_to, N_("Copy the SQLite database into PostgreSQL, verified") },
};

static const char *offline_note =
  N_("Commands work offline on the database file: stop belongingd first\n"
     "(backup, check and status may run while it runs; restore refuses to).\n"
     "\n"
     "Exit status:\n"
     "  0  success\n"
     "  1  failure (nothing was written)\n"
     "  2  wrong command line or invalid value (nothing was written)\n"
     "  3  invalid input: a roster set or backup with problems (nothing was written)\n"
     "  4  belongingd is running (restore) or not answering (status)");

static void
bel_ctl_free (BelCtl *ctl)
{
  g_free (ctl->database);
  g_free (ctl->config_path);
  g_free (ctl->command);
  g_free (ctl);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelCtl, bel_ctl_free)

const char *
bel_ctl_get_command (BelCtl *ctl)
{
  return ctl->command;
}

static GOptionEntry *
global_entries (BelCtl *ctl)
{
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &ctl->database,
      N_("The database file (default: from the configuration, else " BEL_DEFAULT_DATABASE ")"),
      N_("FILE") },
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &ctl->config_path,
      N_("The configuration file (default: " BEL_DEFAULT_CONFIG " when it exists)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

GOptionContext *
bel_ctl_option_context (BelCtl             *ctl,
                        const char         *parameters,
                        const char         *summary,
                        const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);
  g_autofree GOptionEntry *globals = global_entries (ctl);

  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, _(offline_note));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, globals, GETTEXT_PACKAGE);
  return context;
}

gboolean
bel_ctl_parse (BelCtl           *ctl,
               GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  bel_ctl_report (ctl, error);
  return FALSE;
}

BelConfig *
bel_ctl_load_config (BelCtl  *ctl,
                     GError **error)
{
  g_autoptr(BelConfig) config = bel_config_new ();

  if (ctl->config_path != NULL)
    {
      if (!bel_config_load_file (config, ctl->config_path, TRUE, error))
        return NULL;
    }
  else if (!bel_config_load_file (config, BEL_DEFAULT_CONFIG, FALSE, error))
    return NULL;
  if (ctl->database != NULL)
    bel_config_set_database (config, ctl->database);
  return g_steal_pointer (&config);
}

BelEngine *
bel_ctl_open_engine (BelCtl    *ctl,
                     gboolean   must_exist,
                     GError   **error)
{
  g_autoptr(BelConfig) config = bel_ctl_load_config (ctl, error);
  const char *path;

  if (config == NULL)
    return NULL;
  path = bel_config_get_database (config);
  if (must_exist && bel_store_location_is_file (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, _("There is no database at %s"), path);
      return NULL;
    }
  return bel_engine_open (config, error);
}

static char *
one_line (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  return g_strjoinv ("; ", lines);
}

int
bel_ctl_report (BelCtl       *ctl,
                const GError *error)
{
  g_autofree char *message = one_line (error->message);
  gboolean usage = error->domain == G_OPTION_ERROR ||
                   g_error_matches (error, BEL_ERROR, BEL_ERROR_INVALID);

  g_printerr ("belongingctl: %s%s%s%s\n",
              ctl->command ? ctl->command : "", ctl->command ? ": " : "",
              message, usage ? " (try --help)" : "");
  return usage ? BEL_CTL_EXIT_USAGE : BEL_CTL_EXIT_FAILURE;
}

int
bel_ctl_usage_error (BelCtl     *ctl,
                     const char *format,
                     ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_FAILED, format, args);
  va_end (args);
  return bel_ctl_report (ctl, error);
}

void
bel_ctl_print_table (const char * const *headers,
                     GPtrArray          *rows)
{
  guint n_columns = g_strv_length ((char **) headers);
  g_autofree glong *widths = g_new0 (glong, n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (_(headers[c]), -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c] ? cells[c] : "", -1));
    }
  for (int r = -1; r < (int) rows->len; r++)
    {
      const char * const *cells = r < 0 ? headers : g_ptr_array_index (rows, r);

      g_string_truncate (line, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = cells[c] ? (r < 0 ? _(cells[c]) : cells[c]) : "";

          g_string_append (line, cell);
          if (c + 1 < n_columns)
            for (glong pad = g_utf8_strlen (cell, -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

static char *
commands_summary (void)
{
  GString *out = g_string_new (_("Administers a Belonging server.\n\nCommands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = commands[i].name
        ? g_strdup_printf ("%s %s", commands[i].group, commands[i].name)
        : g_strdup (commands[i].group);
      g_string_append_printf (out, "\n  %-24s %s", name, _(commands[i].summary));
    }
  g_string_append (out, _("\n\nRun “belongingctl COMMAND --help” for a command’s options."));
  return g_string_free (out, FALSE);
}

static const BelCtlCommand *
find_command (int    argc,
              char **argv,
              int   *n_words)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].group) != 0)
        continue;
      if (commands[i].name == NULL)
        {
          *n_words = 1;
          return &commands[i];
        }
      if (argc > 2 && g_strcmp0 (argv[2], commands[i].name) == 0)
        {
          *n_words = 2;
          return &commands[i];
        }
    }
  return NULL;
}

int
bel_ctl_main (int    argc,
              char **argv)
{
  g_autoptr(BelCtl) ctl = g_new0 (BelCtl, 1);
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = commands_summary ();
  g_autofree char *prgname = NULL;
  gboolean version = FALSE;
  const GOptionEntry version_entry[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const BelCtlCommand *command;
  int n_words = 0;

  g_set_prgname ("belongingctl");
  context = bel_ctl_option_context (ctl, _("COMMAND [ARGUMENT…]"), summary, version_entry);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (version)
    {
      g_print ("belongingctl %s\n", PACKAGE_VERSION);
      return BEL_CTL_EXIT_OK;
    }
  if (argc < 2)
    return bel_ctl_usage_error (ctl, _("No command given"));

  command = find_command (argc, argv, &n_words);
  if (command == NULL)
    {
      g_autofree char *words = argc > 2 && !g_str_has_prefix (argv[2], "-")
        ? g_strdup_printf ("%s %s", argv[1], argv[2]) : g_strdup (argv[1]);
      return bel_ctl_usage_error (ctl, _("Unknown command “%s”"), words);
    }
  ctl->command = command->name
    ? g_strdup_printf ("%s %s", command->group, command->name)
    : g_strdup (command->group);
  prgname = g_strdup_printf ("belongingctl %s", ctl->command);
  g_set_prgname (prgname);
  /* The command sees itself as argv[0]. */
  return command->func (ctl, argc - n_words, argv + n_words);
}
