/* bel-ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-ui-test-util.h"
#include "bel-board-staff.h"
#include "../bel-test-slowdown.h"

#include <string.h>

#define TIMEOUT_SECONDS 30

void
ui_wait_until (UiFixture     *f,
               UiCondition    condition,
               gconstpointer  data,
               const char    *what)
{
  gint64 deadline = bel_test_deadline (TIMEOUT_SECONDS);

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for: %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

void
ui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static GtkWidget *
save_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

GFile *
ui_save_dialog_accept (void)
{
  gint64 deadline = bel_test_deadline (TIMEOUT_SECONDS);
  GtkWidget *dialog;
  GFile *file;

  while ((dialog = save_dialog ()) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the save dialog");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  ui_spin (300);   /* its folder loads */
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_assert_nonnull (file);
  /* the dialog's own "Export" / "Save" button, as a person clicks it */
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT)));
  return file;
}

gpointer
ui_child (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

const char *
ui_shown_error (gpointer widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return gtk_label_get_label (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *shown = ui_shown_error (child);
      if (shown != NULL)
        return shown;
    }
  return NULL;
}

gboolean
ui_page_is (UiFixture     *f,
            gconstpointer  name)
{
  return g_strcmp0 (bel_window_get_page_name (f->window), name) == 0;
}

static gboolean
all_students_listed (UiFixture *f, gconstpointer data)
{
  GListModel *model = bel_students_page_get_students (f->students);

  return g_list_model_get_n_items (model) == f->n_students;
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *schemas = g_build_filename (g_getenv ("BEL_BUILD_ROOT"), "schemas", NULL);

  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

gpointer
ui_page (UiFixture  *f,
         const char *name)
{
  GtkWidget *page = bel_window_get_page (f->window, name);

  g_assert_nonnull (page);
  return page;
}

gboolean
ui_on_screen (UiFixture     *f,
              gconstpointer  widget)
{
  return gtk_widget_get_mapped ((GtkWidget *) widget) && gtk_widget_get_width ((GtkWidget *) widget) > 0;
}

gboolean
ui_surveys_available (UiFixture     *f,
                      gconstpointer  data)
{
  return bel_students_page_get_surveys_available (f->students);
}

void
ui_fixture_set_up (UiFixture     *f,
                   gconstpointer  data)
{
  f->n_students = GPOINTER_TO_UINT (data);
  f->daemon = test_daemon_new (f->n_students);
  ui_fixture_open_app (f);
}

void
ui_fixture_open_app (UiFixture *f)
{
  static guint n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.ProfilesTest%u", BEL_APP_ID, ++n_apps);
  GList *windows;

  f->app = bel_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  g_application_activate (G_APPLICATION (f->app));

  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);
  f->window = BEL_WINDOW (windows->data);
  f->sign_in = ui_child (f->window, BEL_TYPE_WINDOW, "sign_in_page");
  f->students = ui_child (f->window, BEL_TYPE_WINDOW, "students_page");
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
}

void
ui_fixture_tear_down (UiFixture     *f,
                      gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  /* Dialogs first (they are transient, not the application's), then the main window. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  test_daemon_free (f->daemon);
}

void
ui_sign_in (UiFixture  *f,
            const char *username)
{
  ui_sign_in_at (f, f->daemon->url, username);
}

void
ui_sign_in_at (UiFixture  *f,
               const char *url,
               const char *username)
{
  g_assert_true (ui_page_is (f, "sign-in"));
  gtk_editable_set_text (ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "address_row"), url);
  gtk_editable_set_text (ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "username_row"), username);
  gtk_editable_set_text (ui_child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "password_row"), TEST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sign_in), "sign-in.submit", NULL));
  ui_wait_until (f, ui_page_is, "main", "the students page");
  ui_wait_until (f, all_students_listed, NULL, "every student listed");
}

void
ui_sign_out (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-out", NULL));
  ui_wait_until (f, ui_page_is, "sign-in", "the sign-in page");
}

typedef struct {
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  gint64 deadline = bel_test_deadline (TIMEOUT_SECONDS);

  while (wait->result == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the daemon");
      g_main_context_iteration (NULL, TRUE);
    }
  return wait->result;
}

BelClient *
ui_http_sign_in (UiFixture  *f,
                 const char *username)
{
  BelClient *client = bel_client_new (f->daemon->url);
  Wait wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  bel_client_sign_in_async (client, username, TEST_DEMO_PASSWORD, NULL, done_cb, &wait);
  result = wait_for (&wait);
  account = bel_client_sign_in_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  return client;
}

JsonNode *
ui_http_request (BelClient   *client,
                 const char  *method,
                 const char  *path,
                 JsonNode    *body,
                 GError     **error)
{
  Wait wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;

  bel_client_request_async (client, method, path, NULL, body, NULL, done_cb, &wait);
  result = wait_for (&wait);
  return bel_client_request_finish (client, result, error);
}

JsonNode *
ui_http_request_if_match (BelClient   *client,
                          const char  *method,
                          const char  *path,
                          JsonNode    *body,
                          gint64       version,
                          GError     **error)
{
  Wait wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;

  bel_client_request_if_match_async (client, method, path, body, version, NULL, done_cb, &wait);
  result = wait_for (&wait);
  return bel_client_request_finish (client, result, error);
}

BelBoardStaff *
ui_board_staff_named (BelBoardModel *board,
                      const char    *name)
{
  GListModel *staff = bel_board_model_get_staff (board);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(BelBoardStaff) s = g_list_model_get_item (staff, i);
      if (g_strcmp0 (bel_board_staff_get_display_name (s), name) == 0)
        return s;
    }
  g_error ("Nobody named %s on the board", name);
}
