/* bel-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-window.h"

#include <glib/gi18n.h>

#include "bel-board-page.h"
#include "bel-celebration.h"
#include "bel-goals-page.h"
#include "bel-surveys-page.h"
#include "bel-checkins-page.h"
#include "bel-meeting-page.h"
#include "bel-password-dialog.h"
#include "bel-error.h"
#include "bel-school.h"
#include "bel-secret.h"
#include "bel-sign-in-page.h"
#include "bel-students-page.h"

#define RETRY_FIRST_SECONDS 1
#define RETRY_MAX_SECONDS   30
/* Until live events arrive, a light check notices a server that went away. */
#define HEARTBEAT_SECONDS   20

struct _BelWindow
{
  AdwApplicationWindow  parent_instance;

  BelClient            *client;
  GSettings            *settings;
  GCancellable         *cancellable;
  guint                 retry_source;
  guint                 heartbeat_source;
  guint                 retry_seconds;
  gboolean              retrying;

  BelSchool            *school;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  BelSignInPage        *sign_in_page;
  BelStudentsPage      *students_page;
  BelCelebration       *celebration;  /* owned by the window (data) */
  /* Built the first time they are shown (NULL until then): the board alone
   * is most of the app's memory, and a page nobody opens loads nothing. */
  BelBoardPage         *board_page;
  BelGoalsPage         *goals_page;
  BelSurveysPage       *surveys_page;
  BelCheckinsPage      *checkins_page;
  BelMeetingPage       *meeting_page;
};

G_DEFINE_FINAL_TYPE (BelWindow, bel_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean heartbeat (gpointer user_data);

void
bel_window_add_toast (BelWindow  *self,
                      const char *message)
{
  g_return_if_fail (BEL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

const char *
bel_window_get_page_name (BelWindow *self)
{
  g_return_val_if_fail (BEL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
bel_window_get_offline (BelWindow *self)
{
  g_return_val_if_fail (BEL_IS_WINDOW (self), FALSE);
  return bel_students_page_get_offline (self->students_page);
}

static gboolean
signed_in (BelWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sign-in") != 0;
}

/* The school of every page built so far; the others get it when they are built. */
static void
set_school (BelWindow *self,
            BelSchool *school)
{
  g_set_object (&self->school, school);
  bel_students_page_set_school (self->students_page, school);
  bel_celebration_set_school (self->celebration, school ? bel_resource_get_id (school) : 0);
  if (self->board_page != NULL)
    bel_board_page_set_school (self->board_page, school);
  if (self->goals_page != NULL)
    bel_goals_page_set_school (self->goals_page, school);
  if (self->surveys_page != NULL)
    bel_surveys_page_set_school (self->surveys_page, school);
  if (self->checkins_page != NULL)
    bel_checkins_page_set_school (self->checkins_page, school);
  if (self->meeting_page != NULL)
    bel_meeting_page_set_school (self->meeting_page, school);
}

static void
show_sign_in (BelWindow  *self,
              const char *message)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->heartbeat_source, g_source_remove);
  /* What was under way belongs to the session that ended: loading the school
   * must not bring its pages back after signing out. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->retrying = FALSE;
  bel_students_page_set_offline (self->students_page, FALSE);
  set_school (self, NULL);
  bel_sign_in_page_reset (self->sign_in_page);
  bel_sign_in_page_show_error (self->sign_in_page, message);
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  gtk_window_set_title (GTK_WINDOW (self), _("Belonging"));
}

/* ---- the school ---- */

static BelSchool *
choose_school (BelWindow *self,
               GPtrArray *schools)
{
  gint64 last = g_settings_get_int64 (self->settings, "school-id");

  for (guint i = 0; i < schools->len; i++)
    if (bel_resource_get_id (schools->pdata[i]) == last)
      return schools->pdata[i];
  return schools->len > 0 ? schools->pdata[0] : NULL;
}

static void
schools_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BelWindow *self = user_data;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GError) error = NULL;
  BelSchool *school;

  schools = bel_client_list_schools_finish (BEL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, BEL_ERROR, BEL_ERROR_NETWORK))
    return; /* handled by session-expired, or by the retry when the server is back */
  if (schools == NULL)
    {
      bel_window_add_toast (self, error->message);
      return;
    }

  school = choose_school (self, schools);
  if (school == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-school");
      return;
    }
  g_settings_set_int64 (self->settings, "school-id", bel_resource_get_id (school));
  gtk_window_set_title (GTK_WINDOW (self), bel_resource_get_string (school, "name"));
  set_school (self, school);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "no-school") == 0)
    gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
load_school (BelWindow *self)
{
  bel_client_list_schools_async (self->client, self->cancellable, schools_cb, self);
}

static void
enter_main (BelWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "main");
  load_school (self);
  if (self->heartbeat_source == 0)
    self->heartbeat_source = g_timeout_add_seconds (HEARTBEAT_SECONDS, heartbeat, self);
}

/* ---- reconnecting ---- */

static void
heartbeat_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* A failure flips the client's connected property; that is all we need. */
  node = bel_client_request_finish (BEL_CLIENT (source), result, &error);
  if (node == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Heartbeat failed: %s", error->message);
}

static gboolean
heartbeat (gpointer user_data)
{
  BelWindow *self = user_data;

  if (bel_client_get_connected (self->client))
    bel_client_request_async (self->client, "GET", "/healthz", NULL, NULL, self->cancellable,
                              heartbeat_cb, self);
  return G_SOURCE_CONTINUE;
}

static gboolean retry_now (gpointer user_data);

static void
schedule_retry (BelWindow *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_source = g_timeout_add_seconds (self->retry_seconds, retry_now, self);
  self->retry_seconds = MIN (self->retry_seconds * 2, RETRY_MAX_SECONDS);
}

static void
retry_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelWindow *self = user_data;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = bel_client_get_me_finish (BEL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->retrying = FALSE;
  if (g_error_matches (error, BEL_ERROR, BEL_ERROR_NETWORK) && signed_in (self))
    schedule_retry (self);
}

static gboolean
retry_now (gpointer user_data)
{
  BelWindow *self = user_data;

  self->retry_source = 0;
  if (!self->retrying && signed_in (self))
    {
      self->retrying = TRUE;
      bel_client_get_me_async (self->client, self->cancellable, retry_cb, self);
    }
  return G_SOURCE_REMOVE;
}

static void
connected_changed (BelWindow *self)
{
  gboolean connected = bel_client_get_connected (self->client);

  if (!signed_in (self))
    return;
  bel_students_page_set_offline (self->students_page, !connected);
  if (!connected)
    {
      self->retry_seconds = RETRY_FIRST_SECONDS;
      schedule_retry (self);
      return;
    }
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->school == NULL)
    load_school (self);
  else
    {
      bel_students_page_reload (self->students_page);
      if (self->board_page != NULL)
        bel_board_page_reload (self->board_page);
    }
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BelWindow *self = BEL_WINDOW (widget);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_seconds = RETRY_FIRST_SECONDS;
  retry_now (self);
}

/* ---- pages ---- */

static gboolean
can_show_pages (BelWindow *self)
{
  return signed_in (self) && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "no-school") != 0;
}

static GtkWidget *
add_page (BelWindow  *self,
          gpointer    page,
          const char *name)
{
  gtk_stack_add_named (self->stack, page, name);
  return page;
}

/* Builds a page the first time it is asked for, in the window first so that
 * it finds the toasts; FALSE when it was built already. */
static gboolean
ensure_page (BelWindow  *self,
             const char *name)
{
  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    return FALSE;
  if (g_str_equal (name, "board"))
    {
      self->board_page = BEL_BOARD_PAGE (add_page (self, g_object_new (BEL_TYPE_BOARD_PAGE, NULL), name));
      bel_board_page_set_client (self->board_page, self->client);
      bel_board_page_set_school (self->board_page, self->school);
    }
  else if (g_str_equal (name, "goals"))
    {
      self->goals_page = BEL_GOALS_PAGE (add_page (self, g_object_new (BEL_TYPE_GOALS_PAGE, NULL), name));
      bel_goals_page_set_client (self->goals_page, self->client);
      bel_goals_page_set_school (self->goals_page, self->school);
    }
  else if (g_str_equal (name, "checkins"))
    {
      self->checkins_page = BEL_CHECKINS_PAGE (add_page (self, g_object_new (BEL_TYPE_CHECKINS_PAGE, NULL), name));
      bel_checkins_page_set_client (self->checkins_page, self->client);
      bel_checkins_page_set_school (self->checkins_page, self->school);
    }
  else if (g_str_equal (name, "meeting"))
    {
      self->meeting_page = BEL_MEETING_PAGE (add_page (self, g_object_new (BEL_TYPE_MEETING_PAGE, NULL), name));
      bel_meeting_page_set_client (self->meeting_page, self->client);
      bel_meeting_page_set_school (self->meeting_page, self->school);
    }
  else
    {
      g_assert (g_str_equal (name, "surveys"));
      self->surveys_page = BEL_SURVEYS_PAGE (add_page (self, g_object_new (BEL_TYPE_SURVEYS_PAGE, NULL), name));
      bel_surveys_page_set_client (self->surveys_page, self->client);
      bel_surveys_page_set_school (self->surveys_page, self->school);
    }
  return TRUE;
}

GtkWidget *
bel_window_get_page (BelWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (BEL_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BelWindow *self = BEL_WINDOW (widget);
  const char *name = g_str_equal (action_name, "win.show-board") ? "board" :
                     g_str_equal (action_name, "win.show-goals") ? "goals" : "main";

  if (!can_show_pages (self))
    return;
  if (!g_str_equal (name, "main"))
    ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* Surveys reload when shown again: results change while a window is open. */
static void
show_surveys_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BelWindow *self = BEL_WINDOW (widget);

  if (!can_show_pages (self) || !bel_students_page_get_surveys_available (self->students_page))
    return;
  if (!ensure_page (self, "surveys"))
    bel_surveys_page_reload (self->surveys_page);
  gtk_stack_set_visible_child_name (self->stack, "surveys");
}

/* Check-ins and the team meeting load when shown, so they are never stale. */
static void
show_care_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BelWindow *self = BEL_WINDOW (widget);

  if (!can_show_pages (self))
    return;
  if (g_str_equal (action_name, "win.show-meeting"))
    {
      ensure_page (self, "meeting");
      bel_meeting_page_reload (self->meeting_page);
      gtk_stack_set_visible_child_name (self->stack, "meeting");
      return;
    }
  /* A new check-ins page loads as it gets the school. */
  if (!ensure_page (self, "checkins"))
    bel_checkins_page_reload (self->checkins_page);
  gtk_stack_set_visible_child_name (self->stack, "checkins");
}

/* ---- signing in and out ---- */

static void
secret_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BelWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bel_secret_store_token_finish (result, &error))
    {
      g_debug ("Keyring unavailable: %s", error->message);
      bel_window_add_toast (self, _("Your keyring isn't available, so you'll need to sign in again next time."));
    }
}

static void
secret_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!bel_secret_clear_token_finish (result, &error))
    g_debug ("Keyring unavailable: %s", error->message);
}

static void
forget_token (BelWindow *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-address");
  g_autofree char *username = g_settings_get_string (self->settings, "username");

  if (g_settings_get_boolean (self->settings, "remember-me"))
    bel_secret_clear_token_async (server, username, NULL, secret_cleared_cb, NULL);
}

static void
sign_in_done (BelWindow *self)
{
  const char *server = bel_client_get_base_url (self->client);
  const char *username = bel_sign_in_page_get_username (self->sign_in_page);
  gboolean remember = bel_sign_in_page_get_remember (self->sign_in_page);

  forget_token (self);
  g_settings_set_string (self->settings, "server-address", server);
  g_settings_set_string (self->settings, "username", username);
  g_settings_set_boolean (self->settings, "remember-me", remember);
  if (remember)
    bel_secret_store_token_async (server, username, bel_client_get_token (self->client), NULL,
                                  secret_stored_cb, g_object_ref (self));
  enter_main (self);
}

static void
session_expired (BelWindow *self)
{
  if (!signed_in (self))
    return;
  forget_token (self);
  show_sign_in (self, _("Your session has ended. Please sign in again."));
}

/* Signed in, and the server now shows a certificate that is not the trusted
 * one: stop, and let the person decide on the sign-in page. */
static void
certificate_refused (BelWindow    *self,
                     const GError *error)
{
  if (!signed_in (self))
    return;
  show_sign_in (self, error->message);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The token is already forgotten here; the server lets it expire if it missed this. */
  if (!bel_client_sign_out_finish (BEL_CLIENT (source), result, &error))
    g_debug ("Sign-out not confirmed: %s", error->message);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BelWindow *self = BEL_WINDOW (widget);

  forget_token (self);
  bel_client_sign_out_async (self->client, NULL, sign_out_cb, NULL);
  show_sign_in (self, NULL);
  bel_window_add_toast (self, _("You are signed out"));
}

static void
password_saved_cb (BelCareDialog *dialog,
                   GObject       *nothing,
                   BelWindow     *self)
{
  bel_window_add_toast (self, _("Your password is changed. Other computers were signed out."));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BelWindow *self = BEL_WINDOW (widget);
  BelCareDialog *dialog = bel_password_dialog_new (widget, self->client);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (password_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- a remembered session ---- */

static void
remembered_me_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BelWindow *self = user_data;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  account = bel_client_get_me_finish (BEL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bel_sign_in_page_set_busy (self->sign_in_page, FALSE);
  if (account != NULL)
    {
      enter_main (self);
      return;
    }
  if (g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED))
    {
      forget_token (self);
      bel_sign_in_page_show_error (self->sign_in_page, _("Your session has ended. Please sign in again."));
      return;
    }
  bel_client_set_token (self->client, NULL);
  message = bel_sign_in_page_describe_error (error, bel_client_get_base_url (self->client));
  bel_sign_in_page_show_error (self->sign_in_page, message);
}

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BelWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = bel_secret_lookup_token_finish (result, &error);

  if (token == NULL)
    {
      bel_sign_in_page_set_busy (self->sign_in_page, FALSE);
      if (error != NULL)
        {
          g_debug ("Keyring unavailable: %s", error->message);
          bel_window_add_toast (self, _("Your keyring isn't available, so please sign in."));
        }
      return;
    }
  bel_client_set_token (self->client, token);
  bel_client_get_me_async (self->client, self->cancellable, remembered_me_cb, self);
}

/* The server to offer: the one given with --server, else the last one used. */
static char *
default_server (BelWindow *self)
{
  const char *given = bel_application_get_server (BEL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  return given != NULL ? g_strdup (given) : g_settings_get_string (self->settings, "server-address");
}

static void
try_remembered_session (BelWindow *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-address");
  g_autofree char *username = g_settings_get_string (self->settings, "username");
  g_autofree char *offered = default_server (self);

  /* a session is remembered for the last server, not for one given with --server */
  if (!g_settings_get_boolean (self->settings, "remember-me") || *username == '\0' ||
      g_strcmp0 (server, offered) != 0)
    return;
  bel_client_set_base_url (self->client, server);
  bel_sign_in_page_set_busy (self->sign_in_page, TRUE);
  bel_secret_lookup_token_async (server, username, self->cancellable, token_found_cb,
                                 g_object_ref (self));
}

/* ---- object ---- */

static gboolean
bel_window_close_request (GtkWindow *window)
{
  BelWindow *self = BEL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return GTK_WINDOW_CLASS (bel_window_parent_class)->close_request (window);
}

static void
bel_window_dispose (GObject *object)
{
  BelWindow *self = BEL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->heartbeat_source, g_source_remove);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_WINDOW);
  g_clear_object (&self->school);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bel_window_parent_class)->dispose (object);
}

static void
bel_window_class_init (BelWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bel_window_close_request;

  g_type_ensure (BEL_TYPE_SIGN_IN_PAGE);
  g_type_ensure (BEL_TYPE_STUDENTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BelWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BelWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, BelWindow, students_page);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_done);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.show-board", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-students", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-goals", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-surveys", NULL, show_surveys_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.show-goals", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-checkins", NULL, show_care_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", NULL, show_care_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.show-board", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-students", NULL);
}

static void
bel_window_init (BelWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->retry_seconds = RETRY_FIRST_SECONDS;
}

static void
restore_state (BelWindow *self)
{
  g_autofree char *server = default_server (self);
  g_autofree char *username = g_settings_get_string (self->settings, "username");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  bel_sign_in_page_set_defaults (self->sign_in_page, server, username,
                                 g_settings_get_boolean (self->settings, "remember-me"));
  bel_client_set_base_url (self->client, server);
}

BelWindow *
bel_window_new (BelApplication *application)
{
  BelWindow *self = g_object_new (BEL_TYPE_WINDOW, "application", application, NULL);

  self->client = g_object_ref (bel_application_get_client (application));
  self->settings = g_object_ref (bel_application_get_settings (application));
  bel_sign_in_page_set_client (self->sign_in_page, self->client);
  bel_students_page_set_client (self->students_page, self->client);
  self->celebration = bel_celebration_attach (GTK_WINDOW (self), self->toast_overlay, self->client);
  g_signal_connect_swapped (self->client, "session-expired", G_CALLBACK (session_expired), self);
  g_signal_connect_swapped (self->client, "certificate-refused", G_CALLBACK (certificate_refused), self);
  g_signal_connect_swapped (self->client, "notify::connected", G_CALLBACK (connected_changed), self);

  restore_state (self);
  bel_sign_in_page_reset (self->sign_in_page);
  try_remembered_session (self);
  return self;
}
