/* bel-ctl-account-admin.c - belongingctl account disable | enable | reset-password | grant | revoke
 *
 * Accounts are named by username, schools by id, as in "account add".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-accounts.h"
#include "bel-ctl-commands.h"
#include "bel-ctl-password.h"
#include "bel-error.h"

/* Parses the one USERNAME argument and opens the engine on an existing database. */
static BelEngine *
open_for_account (BelCtl       *ctl,
                  int           argc,
                  char        **argv,
                  BelAccount  **account,
                  int          *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;

  if (argc != 2)
    {
      *status = bel_ctl_usage_error (ctl, _("Give exactly one USERNAME"));
      return NULL;
    }
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine != NULL)
    *account = bel_accounts_get_by_username (engine, bel_engine_system_actor (engine), argv[1], &error);
  if (engine == NULL || *account == NULL)
    {
      if (g_error_matches (error, BEL_ERROR, BEL_ERROR_NOT_FOUND) && engine != NULL)
        {
          g_clear_error (&error);
          g_set_error (&error, BEL_ERROR, BEL_ERROR_NOT_FOUND, _("There is no account “%s”"), argv[1]);
        }
      *status = bel_ctl_report (ctl, error);
      return NULL;
    }
  return g_steal_pointer (&engine);
}

static int
set_active (BelCtl    *ctl,
            int        argc,
            char     **argv,
            gboolean   active)
{
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("USERNAME"),
                            active ? _("Lets a disabled account sign in again.")
                                   : _("Disables an account: it can no longer sign in and its sessions "
                                       "end. Nothing it wrote is removed."),
                            NULL);
  static const char * const fields[] = { "active", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelAccount) changes = bel_account_new ();
  g_autoptr(BelAccount) updated = NULL;
  int status = BEL_CTL_EXIT_OK;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  engine = open_for_account (ctl, argc, argv, &account, &status);
  if (engine == NULL)
    return status;
  g_object_set (changes, "active", active, NULL);
  updated = bel_accounts_update (engine, bel_engine_system_actor (engine), bel_resource_get_id (account), 0,
                                 changes, fields, &error);
  if (updated == NULL)
    return bel_ctl_report (ctl, error);
  g_print (active ? _("Enabled account %s\n") : _("Disabled account %s; its sessions ended\n"), argv[1]);
  return BEL_CTL_EXIT_OK;
}

int
bel_ctl_account_disable (BelCtl  *ctl,
                         int      argc,
                         char   **argv)
{
  return set_active (ctl, argc, argv, FALSE);
}

int
bel_ctl_account_enable (BelCtl  *ctl,
                        int      argc,
                        char   **argv)
{
  return set_active (ctl, argc, argv, TRUE);
}

int
bel_ctl_account_reset_password (BelCtl  *ctl,
                                int      argc,
                                char   **argv)
{
  g_autofree char *password_file = NULL;
  const GOptionEntry entries[] = {
    { "password-file", 'p', 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the new password from FILE; without it, from standard input when that is not a "
         "terminal, else it is asked for twice"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("USERNAME"),
                            _("Sets a new password and ends the account’s sessions."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelCtlPassword) password = NULL;
  int status = BEL_CTL_EXIT_OK;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  engine = open_for_account (ctl, argc, argv, &account, &status);
  if (engine == NULL)
    return status;
  password = bel_ctl_read_password (password_file, argv[1], &error);
  if (password == NULL ||
      !bel_accounts_set_password (engine, bel_engine_system_actor (engine), bel_resource_get_id (account),
                                  password, &error))
    return bel_ctl_report (ctl, error);
  g_print (_("Set a new password for %s; its sessions ended\n"), argv[1]);
  return BEL_CTL_EXIT_OK;
}

static gboolean
parse_school_id (const char  *text,
                 gint64      *id,
                 GError     **error)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--school must be a school id (a positive integer), not “%s”"), text ? text : "");
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static gboolean
set_admin (BelEngine   *engine,
           BelAccount  *account,
           gboolean     admin,
           GError     **error)
{
  static const char * const fields[] = { "server-role", NULL };
  g_autoptr(BelAccount) changes = bel_account_new ();
  g_autoptr(BelAccount) updated = NULL;

  g_object_set (changes, "server-role", admin ? "admin" : "none", NULL);
  updated = bel_accounts_update (engine, bel_engine_system_actor (engine), bel_resource_get_id (account), 0,
                                 changes, fields, error);
  return updated != NULL;
}

int
bel_ctl_account_grant (BelCtl  *ctl,
                       int      argc,
                       char   **argv)
{
  g_autofree char *school = NULL;
  g_autofree char *role = NULL;
  g_autofree char *title = NULL;
  gboolean admin = FALSE;
  const GOptionEntry entries[] = {
    { "school", 's', 0, G_OPTION_ARG_STRING, &school, N_("The school’s id (with --role)"), N_("ID") },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role,
      N_("The role in that school: teacher, counselor or leader (replaces a previous one)"), N_("ROLE") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The title in that school"), N_("TITLE") },
    { "admin", 0, 0, G_OPTION_ARG_NONE, &admin, N_("Make the account a server admin instead"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("USERNAME"), _("Gives an account a role in a school, or server admin."),
                            entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelAccount) account = NULL;
  gint64 school_id = 0;
  int status = BEL_CTL_EXIT_OK;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (admin == (school != NULL || role != NULL))
    return bel_ctl_usage_error (ctl, _("Give either --school and --role, or --admin"));
  if (!admin)
    {
      if (role == NULL || !g_strv_contains (bel_school_roles, role))
        return bel_ctl_usage_error (ctl, _("--role must be teacher, counselor or leader"));
      if (!parse_school_id (school, &school_id, &error))
        return bel_ctl_report (ctl, error);
    }
  engine = open_for_account (ctl, argc, argv, &account, &status);
  if (engine == NULL)
    return status;
  if (admin)
    {
      if (!set_admin (engine, account, TRUE, &error))
        return bel_ctl_report (ctl, error);
      g_print (_("%s is a server admin\n"), argv[1]);
    }
  else
    {
      g_autoptr(BelMembership) membership = bel_membership_new ();
      g_autoptr(BelMembership) stored = NULL;

      g_object_set (membership, "role", role, "title", title, NULL);
      stored = bel_memberships_put (engine, bel_engine_system_actor (engine), school_id,
                                    bel_resource_get_id (account), membership, &error);
      if (stored == NULL)
        return bel_ctl_report (ctl, error);
      g_print (_("%s is %s in school %" G_GINT64_FORMAT "\n"), argv[1], role, school_id);
    }
  return BEL_CTL_EXIT_OK;
}

int
bel_ctl_account_revoke (BelCtl  *ctl,
                        int      argc,
                        char   **argv)
{
  g_autofree char *school = NULL;
  gboolean admin = FALSE;
  const GOptionEntry entries[] = {
    { "school", 's', 0, G_OPTION_ARG_STRING, &school, N_("Remove the role in the school with this id"),
      N_("ID") },
    { "admin", 0, 0, G_OPTION_ARG_NONE, &admin, N_("Remove server admin instead"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("USERNAME"),
                            _("Removes an account’s role in a school, or server admin. What it wrote stays."),
                            entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelAccount) account = NULL;
  gint64 school_id = 0;
  int status = BEL_CTL_EXIT_OK;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (admin == (school != NULL))
    return bel_ctl_usage_error (ctl, _("Give either --school or --admin"));
  if (!admin && !parse_school_id (school, &school_id, &error))
    return bel_ctl_report (ctl, error);
  engine = open_for_account (ctl, argc, argv, &account, &status);
  if (engine == NULL)
    return status;
  if (admin ? !set_admin (engine, account, FALSE, &error)
            : !bel_memberships_delete (engine, bel_engine_system_actor (engine), school_id,
                                       bel_resource_get_id (account), &error))
    return bel_ctl_report (ctl, error);
  if (admin)
    g_print (_("%s is no longer a server admin\n"), argv[1]);
  else
    g_print (_("%s has no role in school %" G_GINT64_FORMAT "\n"), argv[1], school_id);
  return BEL_CTL_EXIT_OK;
}
