/* test-ui-account.c - "Change Password" in the real app against a real belongingd
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bel-care-dialog.h"
#include "bel-error.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS   20
#define NEW_PASSWORD "our advisory plants tomatoes"

static BelCareDialog *
open_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BEL_IS_CARE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (UiFixture *f, gconstpointer data)
{
  return open_dialog () != NULL;
}

static gboolean
dialog_closed (UiFixture *f, gconstpointer data)
{
  return open_dialog () == NULL;
}

/* A visible label showing @text, anywhere under @widget. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
dialog_says (UiFixture *f, gconstpointer text)
{
  BelCareDialog *dialog = open_dialog ();

  return dialog != NULL && shows_text (GTK_WIDGET (dialog), text);
}

static void
fill (BelCareDialog *dialog,
      const char    *current,
      const char    *new_password,
      const char    *repeat)
{
  gtk_editable_set_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, "current")), current);
  gtk_editable_set_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, "new")), new_password);
  gtk_editable_set_text (GTK_EDITABLE (bel_care_dialog_get_field (dialog, "repeat")), repeat);
}

static guint
sign_in_status (UiFixture  *f,
                const char *password)
{
  g_autoptr(BelClient) client = bel_client_new (f->daemon->url);
  g_autofree char *text = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", TEST_DEMO_TEACHER, password);
  g_autoptr(JsonNode) body = json_from_string (text, NULL);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = ui_http_request (client, "POST", "/api/v1/session", body, &error);
  return reply != NULL ? 201 : bel_error_to_status (error);
}

static void
test_change_password (UiFixture *f, gconstpointer data)
{
  g_autoptr(BelClient) other_computer = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(GError) error = NULL;
  BelCareDialog *dialog;
  GtkWidget *save;

  ui_sign_in (f, TEST_DEMO_TEACHER);
  other_computer = ui_http_sign_in (f, TEST_DEMO_TEACHER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.change-password", NULL));
  ui_wait_until (f, dialog_shown, NULL, "the Change Password dialog");
  dialog = open_dialog ();
  save = bel_care_dialog_get_save_button (dialog);

  /* Too short, or not repeated the same: it cannot be sent */
  fill (dialog, TEST_DEMO_PASSWORD, "short", "short");
  g_assert_false (gtk_widget_is_sensitive (save));
  fill (dialog, TEST_DEMO_PASSWORD, NEW_PASSWORD, "our advisory plants potatoes");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (bel_care_dialog_get_field (dialog, "repeat"), "error"));

  /* A wrong current password is explained, and nothing changes */
  fill (dialog, "not my password at all", NEW_PASSWORD, NEW_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (save));
  gtk_widget_activate (save);
  ui_wait_until (f, dialog_says, "That is not your current password.", "the wrong-password message");
  g_assert_cmpuint (sign_in_status (f, TEST_DEMO_PASSWORD), ==, 201);

  /* The right one: the dialog closes, this window stays signed in, the other computer is signed out */
  fill (dialog, TEST_DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
  gtk_widget_activate (save);
  ui_wait_until (f, dialog_closed, NULL, "the dialog to close");
  g_assert_cmpstr (bel_window_get_page_name (f->window), ==, "main");
  g_assert_cmpuint (sign_in_status (f, TEST_DEMO_PASSWORD), ==, 401);
  g_assert_cmpuint (sign_in_status (f, NEW_PASSWORD), ==, 201);
  me = ui_http_request (other_computer, "GET", "/api/v1/me", NULL, &error);
  g_assert_null (me);
  g_assert_cmpuint (bel_error_to_status (error), ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add ("/ui/account/change-password", UiFixture, GUINT_TO_POINTER (N_STUDENTS), ui_fixture_set_up,
              test_change_password, ui_fixture_tear_down);
  return g_test_run ();
}
