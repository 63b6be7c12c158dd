/* test-ctl-account.c - belongingctl account and school commands, offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-accounts.h"
#include "bel-schools.h"
#include "bel-test-ctl.h"
#include "bel-test-daemon.h"

#define PASSWORD "a long enough password"

static void
assert_one_line (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "belongingctl: "));
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

/* Runs belongingctl on @d's database and asserts it succeeded. */
static char *
ctl_ok (BelTestDaemon *d,
        const char    *input,
        const char    *first_arg,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(BelTestCtl) r = NULL;
  va_list ap;

  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, d->db_path);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  r = bel_test_ctl_runv (input, (const char * const *) args->pdata);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  return g_steal_pointer (&r->out);
}

static gint64
id_in (const char *output)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\(id ([0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;

  g_assert_true (g_regex_match (regex, output, 0, &match));
  digits = g_match_info_fetch (match, 1);
  return g_ascii_strtoll (digits, NULL, 10);
}

static void
test_admin_added_from_stdin_signs_in (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestResponse) me = NULL;
  g_autofree char *out = NULL;
  g_autofree char *token = NULL;

  out = ctl_ok (d, PASSWORD "\n", "account", "add", "ana.ruiz", "--display-name", "Ana Ruiz",
                "--admin", NULL);
  g_assert_nonnull (strstr (out, "ana.ruiz"));
  g_assert_null (strstr (out, PASSWORD));

  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, "ana.ruiz", PASSWORD);
  me = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "username"), ==, "ana.ruiz");
  g_assert_cmpstr (bel_test_response_string (me, "display_name"), ==, "Ana Ruiz");
  g_assert_cmpstr (bel_test_response_string (me, "server_role"), ==, "admin");
  g_assert_true (json_object_get_boolean_member (bel_test_response_object (me), "active"));
}

static void
test_teacher_added_from_file_signs_in (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestResponse) me = NULL;
  g_autoptr(BelTestResponse) wrong = NULL;
  g_autofree char *password_file = g_build_filename (d->dir, "password", NULL);
  g_autofree char *school_out = NULL;
  g_autofree char *add_out = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *schools = NULL;
  g_autofree char *school_id = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *membership;

  school_out = ctl_ok (d, NULL, "school", "add", "Lakeview High School", "--short-name", "Lakeview",
                       "--school-year", "2026-2027", NULL);
  school_id = g_strdup_printf ("%" G_GINT64_FORMAT, id_in (school_out));
  g_file_set_contents (password_file, PASSWORD "\n", -1, &error);
  g_assert_no_error (error);
  add_out = ctl_ok (d, NULL, "account", "add", "tomasz.nowak", "--display-name", "Tomasz Nowak",
                    "--school", school_id, "--role", "teacher", "--title", "Grade 10 math",
                    "--password-file", password_file, NULL);

  schools = ctl_ok (d, NULL, "school", "list", NULL);
  g_assert_nonnull (strstr (schools, "Lakeview High School"));
  g_assert_nonnull (strstr (schools, "2026-2027"));
  accounts = ctl_ok (d, NULL, "account", "list", NULL);
  g_assert_nonnull (strstr (accounts, "tomasz.nowak"));
  g_assert_nonnull (strstr (accounts, "Tomasz Nowak"));
  g_assert_nonnull (strstr (accounts, "teacher @ "));

  bel_test_daemon_start (d);
  wrong = bel_test_daemon_request (d, "POST", "/api/v1/session", NULL,
                                   "{\"username\": \"tomasz.nowak\", \"password\": \"" PASSWORD "\\n\"}", NULL);
  g_assert_cmpuint (wrong->status, ==, 401);
  token = bel_test_daemon_sign_in (d, "tomasz.nowak", PASSWORD);
  me = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  membership = json_array_get_object_element (
      json_object_get_array_member (bel_test_response_object (me), "memberships"), 0);
  g_assert_cmpint (json_object_get_int_member (membership, "school_id"), ==, id_in (school_out));
  g_assert_cmpstr (json_object_get_string_member (membership, "role"), ==, "teacher");
  g_assert_cmpstr (json_object_get_string_member (membership, "title"), ==, "Grade 10 math");
}

/* Accounts and schools as the engine sees them, to show nothing changed. */
static char *
snapshot (BelTestDaemon *d)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (d);
  BelAccount *actor = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = bel_accounts_list (engine, actor, &error);
  g_autoptr(GPtrArray) schools = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  schools = bel_schools_list (engine, actor, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      BelAccount *a = g_ptr_array_index (accounts, i);
      GListModel *memberships = bel_resource_get_object (a, "memberships");
      g_string_append_printf (out, "account %s v%" G_GINT64_FORMAT " %u memberships\n",
                              bel_resource_get_string (a, "username"), bel_resource_get_version (a),
                              memberships ? g_list_model_get_n_items (memberships) : 0);
    }
  for (guint i = 0; i < schools->len; i++)
    g_string_append_printf (out, "school %s\n", bel_resource_get_string (g_ptr_array_index (schools, i), "name"));
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *input;
  const char *args[12];
} BadRun;

static void
check_runs_change_nothing (const BadRun *runs,
                           guint         n_runs,
                           int           expected_status)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *before = NULL;
  g_autofree char *school = ctl_ok (d, NULL, "school", "add", "Base School", NULL);
  g_autofree char *account = ctl_ok (d, PASSWORD, "account", "add", "taken", "--display-name", "Taken",
                                     NULL);

  before = snapshot (d);
  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(BelTestCtl) r = NULL;
      g_autofree char *after = NULL;

      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, d->db_path);
      for (guint k = 0; runs[i].args[k] != NULL; k++)
        g_ptr_array_add (args, (gpointer) runs[i].args[k]);
      g_ptr_array_add (args, NULL);
      r = bel_test_ctl_runv (runs[i].input, (const char * const *) args->pdata);
      g_test_message ("%s %s: %d %s", runs[i].args[0], runs[i].args[1] ?: "", r->status, r->err);
      g_assert_cmpint (r->status, ==, expected_status);
      assert_one_line (r->err);
      g_assert_cmpstr (r->out, ==, "");
      after = snapshot (d);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_bad_arguments_exit_2 (void)
{
  g_autofree char *long_name = g_strnfill (121, 'x');
  const BadRun runs[] = {
    { PASSWORD, { "account", "add", NULL } },
    { PASSWORD, { "account", "add", "a.b", "c.d", "--display-name", "X", NULL } },
    { PASSWORD, { "account", "add", "someone", NULL } },
    { PASSWORD, { "account", "add", "Bad User!", "--display-name", "X", NULL } },
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--school", "1", "--role", "wizard", NULL } },
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--school", "abc", "--role", "teacher", NULL } },
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--school", "1", NULL } },
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--role", "teacher", NULL } },
    { "short\n", { "account", "add", "someone", "--display-name", "X", NULL } },
    { "", { "account", "add", "someone", "--display-name", "X", NULL } },
    { PASSWORD "\nsecond line\n", { "account", "add", "someone", "--display-name", "X", NULL } },
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--bogus", NULL } },
    { PASSWORD, { "account", "frobnicate", NULL } },
    { PASSWORD, { "account", NULL } },
    { NULL, { "account", "list", "extra", NULL } },
    { NULL, { "school", "add", NULL } },
    { NULL, { "school", "add", "One", "Two", NULL } },
    { NULL, { "school", "add", long_name, NULL } },
    { NULL, { "school", "add", "Good Name", "--school-year", "next year", NULL } },
    { NULL, { "nothing-like-this", NULL } },
    { NULL, { "--config", "/nonexistent/belongingd.conf", "school", "list", NULL } },
  };

  check_runs_change_nothing (runs, G_N_ELEMENTS (runs), 2);
}

static void
test_failures_exit_1 (void)
{
  const BadRun runs[] = {
    /* The school does not exist: the account is not created either. */
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--school", "99", "--role", "teacher", NULL } },
    { PASSWORD, { "account", "add", "taken", "--display-name", "Again", NULL } },
    { PASSWORD, { "account", "add", "someone", "--display-name", "X", "--password-file", "/nonexistent/pw", NULL } },
    { NULL, { "school", "add", "Base School", NULL } },
  };

  check_runs_change_nothing (runs, G_N_ELEMENTS (runs), 1);
}

static void
test_list_needs_a_database (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestCtl) accounts = NULL;
  g_autoptr(BelTestCtl) schools = NULL;

  bel_test_daemon_drop_database (d); /* PostgreSQL: the fixture made one */
  accounts = bel_test_ctl_run (NULL, "--database", d->db_path, "account", "list", NULL);
  schools = bel_test_ctl_run (NULL, "--database", d->db_path, "school", "list", NULL);
  g_assert_cmpint (accounts->status, ==, 1);
  assert_one_line (accounts->err);
  g_assert_cmpint (schools->status, ==, 1);
  assert_one_line (schools->err);
  g_assert_false (bel_test_daemon_has_database (d));
}

static void
test_help_says_offline_and_exit_codes (void)
{
  const char *commands[][2] = {
    { "demo", NULL }, { "account", "add" }, { "account", "list" }, { "school", "add" }, { "school", "list" },
  };
  g_autoptr(BelTestCtl) top = bel_test_ctl_run (NULL, "--help", NULL);

  g_assert_cmpint (top->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(BelTestCtl) r = commands[i][1]
        ? bel_test_ctl_run (NULL, commands[i][0], commands[i][1], "--help", NULL)
        : bel_test_ctl_run (NULL, commands[i][0], "--help", NULL);

      g_assert_nonnull (strstr (top->out, commands[i][0]));
      g_assert_cmpint (r->status, ==, 0);
      g_assert_nonnull (strstr (r->out, "offline"));
      g_assert_nonnull (strstr (r->out, "stop belongingd"));
      g_assert_nonnull (strstr (r->out, "2  wrong command line"));
      g_assert_nonnull (strstr (r->out, "--database"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/account/admin-added-from-stdin-signs-in", test_admin_added_from_stdin_signs_in);
  g_test_add_func ("/ctl/account/teacher-added-from-file-signs-in", test_teacher_added_from_file_signs_in);
  g_test_add_func ("/ctl/bad-arguments-exit-2-and-change-nothing", test_bad_arguments_exit_2);
  g_test_add_func ("/ctl/failures-exit-1-and-change-nothing", test_failures_exit_1);
  g_test_add_func ("/ctl/list-needs-a-database", test_list_needs_a_database);
  g_test_add_func ("/ctl/help-says-offline-and-exit-codes", test_help_says_offline_and_exit_codes);
  return g_test_run ();
}
