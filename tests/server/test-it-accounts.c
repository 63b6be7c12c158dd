/* test-it-accounts.c - belongingctl account disable, enable, reset-password, grant, revoke
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-test-it.h"

#define PASSWORD     "a long enough password"
#define NEW_PASSWORD "another long password"

static void
assert_one_line (const char *text)
{
  g_assert_true (g_str_has_prefix (text, "belongingctl: "));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_account_lifecycle (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *password_file = g_build_filename (d->dir, "password", NULL);
  g_autofree char *new_password_file = g_build_filename (d->dir, "new-password", NULL);
  g_autoptr(BelTestCtl) school = bel_test_it_ctl (d, 0, "school", "add", "Lakeview High School", NULL);
  g_autoptr(BelTestCtl) add = NULL;
  g_autoptr(BelTestCtl) grant = NULL;
  g_autoptr(BelTestCtl) regrant = NULL;
  g_autoptr(BelTestCtl) admin = NULL;
  g_autoptr(BelTestCtl) list = NULL;
  g_autoptr(BelTestCtl) reset = NULL;
  g_autoptr(BelTestCtl) disable = NULL;
  g_autoptr(BelTestCtl) enable = NULL;
  g_autoptr(BelTestCtl) revoke = NULL;
  g_autoptr(BelTestCtl) unadmin = NULL;
  g_autoptr(BelTestResponse) old_session = NULL;
  g_autoptr(BelTestResponse) refused = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *token3 = NULL;

  g_assert_true (g_file_set_contents (password_file, PASSWORD "\n", -1, NULL));
  g_assert_true (g_file_set_contents (new_password_file, NEW_PASSWORD "\n", -1, NULL));
  add = bel_test_it_ctl (d, 0, "account", "add", "mara.okafor", "--display-name", "Mara Okafor",
                         "--password-file", password_file, NULL);
  grant = bel_test_it_ctl (d, 0, "account", "grant", "mara.okafor", "--school", "1", "--role", "teacher",
                           "--title", "Grade 9 English", NULL);
  regrant = bel_test_it_ctl (d, 0, "account", "grant", "mara.okafor", "--school", "1", "--role", "counselor", NULL);
  admin = bel_test_it_ctl (d, 0, "account", "grant", "mara.okafor", "--admin", NULL);
  list = bel_test_it_ctl (d, 0, "account", "list", NULL);
  g_assert_nonnull (strstr (list->out, "server admin, counselor @ 1"));

  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, "mara.okafor", PASSWORD);

  /* A new password ends the old sessions. */
  reset = bel_test_it_ctl (d, 0, "account", "reset-password", "mara.okafor", "--password-file",
                           new_password_file, NULL);
  g_assert_null (strstr (reset->out, NEW_PASSWORD));
  old_session = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (old_session->status, ==, 401);
  token2 = bel_test_daemon_sign_in (d, "mara.okafor", NEW_PASSWORD);

  /* Disabled: no session, no sign-in; enabled again: signs in. */
  disable = bel_test_it_ctl (d, 0, "account", "disable", "mara.okafor", NULL);
  refused = bel_test_daemon_request (d, "POST", "/api/v1/session", NULL,
                                     "{\"username\": \"mara.okafor\", \"password\": \"" NEW_PASSWORD "\"}", NULL);
  g_assert_cmpuint (refused->status, ==, 401);
  enable = bel_test_it_ctl (d, 0, "account", "enable", "mara.okafor", NULL);
  revoke = bel_test_it_ctl (d, 0, "account", "revoke", "mara.okafor", "--school", "1", NULL);
  unadmin = bel_test_it_ctl (d, 0, "account", "revoke", "mara.okafor", "--admin", NULL);
  token3 = bel_test_daemon_sign_in (d, "mara.okafor", NEW_PASSWORD);
  me = bel_test_daemon_request (d, "GET", "/api/v1/me", token3, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "server_role"), ==, "none");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (me),
                                                                         "memberships")), ==, 0);
}

static void
test_errors_are_one_line_with_exit_codes (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestCtl) school = bel_test_it_ctl (d, 0, "school", "add", "Lakeview High School", NULL);
  g_autoptr(BelTestCtl) nobody = bel_test_it_ctl (d, 1, "account", "disable", "nobody", NULL);
  g_autoptr(BelTestCtl) role = bel_test_it_ctl (d, 2, "account", "grant", "nobody", "--school", "1",
                                                "--role", "principal", NULL);
  g_autoptr(BelTestCtl) both = bel_test_it_ctl (d, 2, "account", "revoke", "nobody", "--school", "1", "--admin",
                                                NULL);
  g_autoptr(BelTestCtl) unknown = bel_test_it_ctl (d, 2, "account", "frobnicate", NULL);
  g_autoptr(BelTestCtl) help = bel_test_it_ctl (d, 0, "--help", NULL);

  assert_one_line (nobody->err);
  g_assert_nonnull (strstr (nobody->err, "There is no account “nobody”"));
  assert_one_line (role->err);
  assert_one_line (both->err);
  assert_one_line (unknown->err);
  for (const char *c = "account reset-password\0import oneroster\0rollover\0backup\0restore\0check\0status\0";
       *c; c += strlen (c) + 1)
    g_assert_nonnull (strstr (help->out, c));
  g_assert_nonnull (strstr (help->out, "4  belongingd is running"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/it/accounts/lifecycle", test_account_lifecycle);
  g_test_add_func ("/it/accounts/errors-are-one-line-with-exit-codes", test_errors_are_one_line_with_exit_codes);
  return g_test_run ();
}
