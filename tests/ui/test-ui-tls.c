/* test-ui-tls.c - signing in to a school server with a self-signed certificate
 *
 * The real app against a real belongingd serving HTTPS with a certificate
 * made by openssl.  Signing in shows the certificate dialog with the
 * fingerprint IT reads from openssl; trusting it signs in, and the board's
 * live events run over the pinned certificate.  A later, different
 * certificate is refused with a warning and replaces the pin only when the
 * person says so.  The trusted certificates can be forgotten from the menu.
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).  With
 * BEL_UI_SHOT=FILE.png it also saves a screenshot of the first dialog, and
 * BEL_UI_SHOT_CHANGED=FILE.png one of the warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bel-board-page.h"
#include "bel-certificate-dialog.h"
#include "bel-error.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 30

static BelTlsPins *
app_pins (UiFixture *f)
{
  return bel_client_get_tls_pins (bel_application_get_client (f->app));
}

static BelCertificateDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BEL_IS_CERTIFICATE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (UiFixture *f, gconstpointer data)
{
  BelCertificateDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (UiFixture *f, gconstpointer data)
{
  return find_dialog () == NULL;
}

/* The first widget under @widget for which @match holds, depth first. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_action (GtkWidget *widget, gconstpointer action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
shows_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* The Sign in button can be pressed (it follows its action). */
static gboolean
not_busy (UiFixture *f, gconstpointer data)
{
  GtkWidget *button = find_widget (GTK_WIDGET (f->sign_in), has_action, "sign-in.submit");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* The menu's "Forget trusted certificates…" item can be chosen. */
static gboolean
can_forget (UiFixture *f)
{
  GtkWidget *item = find_widget (GTK_WIDGET (f->sign_in), shows_text, "Forget trusted certificates");

  g_assert_nonnull (item);
  return gtk_widget_is_sensitive (item);
}

static gboolean
board_live (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = bel_window_get_page (f->window, "board");

  return page != NULL && bel_board_page_get_live (BEL_BOARD_PAGE (page));
}

/* A label showing @fingerprint (its lines joined again with ":"). */
static gboolean
shows_fingerprint (GtkWidget *widget, gconstpointer fingerprint)
{
  g_autofree char *joined = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  joined = g_strdelimit (g_strdup (gtk_label_get_label (GTK_LABEL (widget))), "\n", ':');
  return g_strcmp0 (joined, fingerprint) == 0;
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
maybe_screenshot (const char *variable)
{
  const char *shot = variable ? g_getenv (variable) : NULL;
  g_autofree char *command = NULL;

  if (shot == NULL)
    return;
  ui_spin (600);
  command = g_strdup_printf ("import -window root %s", shot);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Types the address and account like a person and presses Sign in. */
static void
submit (UiFixture *f)
{
  gtk_editable_set_text (ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "address_row"), f->daemon->url);
  gtk_editable_set_text (ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "username_row"), TEST_DEMO_TEACHER);
  gtk_editable_set_text (ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "password_row"), TEST_DEMO_PASSWORD);
  ui_wait_until (f, not_busy, NULL, "the sign-in page to be ready");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sign_in), "sign-in.submit", NULL));
}

/* Waits for the certificate dialog, checks it shows @fingerprint, and clicks @button. */
static void
answer_dialog (UiFixture  *f,
               const char *fingerprint,
               const char *button_label,
               const char *screenshot_variable)
{
  BelCertificateDialog *dialog;
  GtkWidget *button;

  ui_wait_until (f, dialog_shown, NULL, "the certificate dialog");
  dialog = find_dialog ();
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), shows_fingerprint, fingerprint));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), shows_text, f->daemon->url));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), shows_text, "CN=belonging-test"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), shows_text, "self-signed"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), shows_text, "Only"));
  /* Nothing is trusted by pressing Enter: Cancel is the default. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  maybe_screenshot (screenshot_variable);
  button = find_widget (GTK_WIDGET (dialog), is_button_labelled, button_label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  ui_wait_until (f, dialog_gone, NULL, "the dialog to close");
}

static void
wait_signed_in (UiFixture *f)
{
  ui_wait_until (f, ui_page_is, "main", "the students page");
}

/* The daemon serves a new certificate: sign in, trust it, sign out.  Returns its fingerprint. */
static char *
trust_new_certificate (UiFixture *f)
{
  char *fingerprint;

  test_daemon_use_new_certificate (f->daemon);
  fingerprint = test_daemon_openssl_fingerprint (f->daemon->certificate);
  submit (f);
  answer_dialog (f, fingerprint, "_Trust This Certificate", NULL);
  wait_signed_in (f);
  ui_sign_out (f);
  return fingerprint;
}

static void
test_trust_once_then_signed_in (UiFixture *f, gconstpointer data)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *pinned = NULL;

  g_assert_true (bel_tls_pins_forget_all (app_pins (f), NULL));
  test_daemon_use_new_certificate (f->daemon);
  fingerprint = test_daemon_openssl_fingerprint (f->daemon->certificate);

  submit (f);
  answer_dialog (f, fingerprint, "_Trust This Certificate", "BEL_UI_SHOT");
  wait_signed_in (f);
  pinned = bel_tls_pins_lookup (app_pins (f), f->daemon->url);
  g_assert_cmpstr (pinned, ==, fingerprint);

  /* The live events of the board go over the same pinned certificate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-board", NULL));
  ui_wait_until (f, board_live, NULL, "the board's live events");

  /* Signing in again asks nothing. */
  ui_sign_out (f);
  submit (f);
  wait_signed_in (f);
  g_assert_null (find_dialog ());
}

static void
test_changed_certificate_warns (UiFixture *f, gconstpointer data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pinned = NULL;
  GtkLabel *error_label = ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "error_label");

  g_assert_true (bel_tls_pins_forget_all (app_pins (f), NULL));
  first = trust_new_certificate (f);

  /* Same server, another certificate: a warning; cancelling keeps the old pin. */
  test_daemon_use_new_certificate (f->daemon);
  second = test_daemon_openssl_fingerprint (f->daemon->certificate);
  submit (f);
  ui_wait_until (f, dialog_shown, NULL, "the warning");
  g_assert_nonnull (find_widget (GTK_WIDGET (find_dialog ()), shows_fingerprint, first));
  g_assert_nonnull (find_widget (GTK_WIDGET (find_dialog ()), shows_text, "intercept"));
  answer_dialog (f, second, "_Cancel", "BEL_UI_SHOT_CHANGED");
  g_assert_true (ui_page_is (f, "sign-in"));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "intercepting"));
  pinned = bel_tls_pins_lookup (app_pins (f), f->daemon->url);
  g_assert_cmpstr (pinned, ==, first);

  /* Replaced only by pressing the (destructive) replace button. */
  submit (f);
  answer_dialog (f, second, "_Replace Trusted Certificate", NULL);
  wait_signed_in (f);
  g_clear_pointer (&pinned, g_free);
  pinned = bel_tls_pins_lookup (app_pins (f), f->daemon->url);
  g_assert_cmpstr (pinned, ==, second);
}

static gboolean
pins_forgotten (UiFixture *f, gconstpointer data)
{
  return bel_tls_pins_get_n_pins (app_pins (f)) == 0;
}

static void
test_forget_trusted_certificates (UiFixture *f, gconstpointer data)
{
  g_autofree char *fingerprint = NULL;
  GtkWidget *confirm = NULL;
  g_autoptr(GList) windows = NULL;

  g_assert_true (bel_tls_pins_forget_all (app_pins (f), NULL));
  g_assert_false (can_forget (f));
  fingerprint = trust_new_certificate (f);

  g_assert_true (can_forget (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sign_in), "sign-in.forget-certificates", NULL));
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      confirm = l->data;
  g_assert_nonnull (confirm);
  gtk_widget_activate (find_widget (confirm, is_button_labelled, "_Forget"));
  ui_wait_until (f, pins_forgotten, NULL, "the pins to be forgotten");
  g_assert_false (can_forget (f));

  /* Asked again, as the first time. */
  submit (f);
  answer_dialog (f, fingerprint, "_Trust This Certificate", NULL);
  wait_signed_in (f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, GUINT_TO_POINTER (N_STUDENTS), ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/ui/tls/trust-a-self-signed-certificate-once", test_trust_once_then_signed_in);
  ADD ("/ui/tls/changed-certificate-warns-and-replaces-only-when-asked", test_changed_certificate_warns);
  ADD ("/ui/tls/forget-trusted-certificates", test_forget_trusted_certificates);
#undef ADD

  return g_test_run ();
}
