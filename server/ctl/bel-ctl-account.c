/* bel-ctl-account.c - belongingctl account add | list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-accounts.h"
#include "bel-ctl-commands.h"
#include "bel-ctl-password.h"
#include "bel-error.h"

typedef struct {
  char     *display_name;
  char     *email;
  gboolean  admin;
  char     *school;
  char     *role;
  char     *title;
  char     *password_file;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  g_free (o->display_name);
  g_free (o->email);
  g_free (o->school);
  g_free (o->role);
  g_free (o->title);
  g_free (o->password_file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

/* Builds the account through the model codec, so a bad field is reported
 * before the password is asked for. */
static BelAccount *
account_from_options (const char        *username,
                      const AddOptions  *o,
                      GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_string_value (builder, o->display_name);
  if (o->email != NULL)
    {
      json_builder_set_member_name (builder, "email");
      json_builder_add_string_value (builder, o->email);
    }
  json_builder_set_member_name (builder, "server_role");
  json_builder_add_string_value (builder, o->admin ? "admin" : "none");
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return bel_model_new_from_json (BEL_TYPE_ACCOUNT, node, BEL_MODEL_CREATE, error);
}

static gboolean
parse_id (const char  *text,
          const char  *option,
          gint64      *id,
          GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a school id (a positive integer), not “%s”"), option, text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static gboolean
check_membership_options (const AddOptions  *o,
                          gint64            *school_id,
                          GError           **error)
{
  if (o->school == NULL && o->role == NULL && o->title == NULL)
    return TRUE;
  if (o->school == NULL || o->role == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--school and --role go together"));
      return FALSE;
    }
  if (!g_strv_contains (bel_school_roles, o->role))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--role must be teacher, counselor or leader, not “%s”"), o->role);
      return FALSE;
    }
  return parse_id (o->school, "--school", school_id, error);
}

/* Creates the account and its membership in one transaction. */
static BelAccount *
create_account (BelEngine         *engine,
                BelAccount        *account,
                const AddOptions  *o,
                gint64             school_id,
                GError           **error)
{
  BelAccount *actor = bel_engine_system_actor (engine);
  g_autoptr(BelTransaction) tx = bel_engine_begin (engine, error);
  g_autoptr(BelAccount) created = NULL;

  if (tx == NULL)
    return NULL;
  created = bel_accounts_create (engine, actor, account, error);
  if (created == NULL)
    return NULL;
  if (school_id > 0)
    {
      g_autoptr(BelMembership) membership = bel_membership_new ();
      g_autoptr(BelMembership) stored = NULL;

      g_object_set (membership, "role", o->role, "title", o->title, NULL);
      stored = bel_memberships_put (engine, actor, school_id, bel_resource_get_id (created),
                                    membership, error);
      if (stored == NULL)
        return NULL;
    }
  if (!bel_transaction_commit (tx, error))
    return NULL;
  /* Read back with its membership. */
  return bel_accounts_get (engine, actor, bel_resource_get_id (created), error);
}

int
bel_ctl_account_add (BelCtl  *ctl,
                     int      argc,
                     char   **argv)
{
  g_auto(AddOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "display-name", 'n', 0, G_OPTION_ARG_STRING, &o.display_name,
      N_("The person’s name as staff see it (required)"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &o.email, N_("Their email address"), N_("ADDRESS") },
    { "admin", 0, 0, G_OPTION_ARG_NONE, &o.admin,
      N_("Make the account a server admin (IT): it manages accounts and schools"), NULL },
    { "school", 's', 0, G_OPTION_ARG_STRING, &o.school,
      N_("Make the account a member of the school with this id (with --role)"), N_("ID") },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &o.role,
      N_("Their role in that school: teacher, counselor or leader"), N_("ROLE") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &o.title,
      N_("Their title in that school, e.g. “Grade 9 English”"), N_("TITLE") },
    { "password-file", 'p', 0, G_OPTION_ARG_FILENAME, &o.password_file,
      N_("Read the password from FILE; without it, from standard input when that is not a "
         "terminal, else it is asked for twice"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("USERNAME"), _("Creates an account with a password."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelAccount) created = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelCtlPassword) password = NULL;
  gint64 school_id = 0;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 2)
    return bel_ctl_usage_error (ctl, _("Give exactly one USERNAME"));
  if (o.display_name == NULL)
    return bel_ctl_usage_error (ctl, _("--display-name is required"));
  if (!check_membership_options (&o, &school_id, &error))
    return bel_ctl_report (ctl, error);
  account = account_from_options (argv[1], &o, &error);
  if (account == NULL)
    return bel_ctl_report (ctl, error);

  password = bel_ctl_read_password (o.password_file, argv[1], &error);
  if (password == NULL)
    return bel_ctl_report (ctl, error);
  g_object_set (account, "password", password, NULL);

  engine = bel_ctl_open_engine (ctl, FALSE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  created = create_account (engine, account, &o, school_id, &error);
  g_object_set (account, "password", NULL, NULL);
  if (created == NULL)
    return bel_ctl_report (ctl, error);

  g_print (_("Created account %s (id %" G_GINT64_FORMAT ")%s\n"), bel_resource_get_string (created, "username"),
           bel_resource_get_id (created), o.admin ? _(", server admin") : "");
  if (school_id > 0)
    g_print (_("Member of school %" G_GINT64_FORMAT " as %s\n"), school_id, o.role);
  return BEL_CTL_EXIT_OK;
}

static char *
describe_roles (BelAccount *account)
{
  GListModel *memberships = bel_resource_get_object (account, "memberships");
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);

  if (bel_account_is_admin (account))
    g_ptr_array_add (roles, g_strdup (_("server admin")));
  for (guint i = 0; memberships != NULL && i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(BelMembership) m = g_list_model_get_item (memberships, i);
      g_ptr_array_add (roles, g_strdup_printf ("%s @ %" G_GINT64_FORMAT,
                                               bel_resource_get_string (m, "role"),
                                               bel_resource_get_int (m, "school-id")));
    }
  g_ptr_array_add (roles, NULL);
  return g_strjoinv (", ", (char **) roles->pdata);
}

int
bel_ctl_account_list (BelCtl  *ctl,
                      int      argc,
                      char   **argv)
{
  static const char * const headers[] = { N_("ID"), N_("USERNAME"), N_("NAME"), N_("ACTIVE"),
                                          N_("ROLES (role @ school id)"), NULL };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, NULL, _("Lists the accounts by username."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 1)
    return bel_ctl_usage_error (ctl, _("Unexpected argument “%s”"), argv[1]);
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  accounts = bel_accounts_list (engine, bel_engine_system_actor (engine), &error);
  if (accounts == NULL)
    return bel_ctl_report (ctl, error);

  for (guint i = 0; i < accounts->len; i++)
    {
      BelAccount *a = g_ptr_array_index (accounts, i);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, bel_resource_get_id (a));
      row[1] = g_strdup (bel_resource_get_string (a, "username"));
      row[2] = g_strdup (bel_resource_get_string (a, "display-name"));
      row[3] = g_strdup (bel_resource_get_bool (a, "active") ? _("yes") : _("no"));
      row[4] = describe_roles (a);
      g_ptr_array_add (rows, row);
    }
  bel_ctl_print_table (headers, rows);
  return BEL_CTL_EXIT_OK;
}
