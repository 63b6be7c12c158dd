/* bel-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-application.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "bel-window.h"

struct _BelApplication
{
  AdwApplication  parent_instance;

  BelClient      *client;
  GSettings      *settings;
  char           *server;     /* from --server=URL, or NULL */
};

G_DEFINE_FINAL_TYPE (BelApplication, bel_application, ADW_TYPE_APPLICATION)

static void
bel_application_finalize (GObject *object)
{
  BelApplication *self = BEL_APPLICATION (object);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_free (self->server);
  G_OBJECT_CLASS (bel_application_parent_class)->finalize (object);
}

static void
bel_application_activate (GApplication *app)
{
  BelApplication *self = BEL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bel_window_new (self));
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Belonging contributors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Belonging"),
                         "application-icon", BEL_APP_ID,
                         "developer-name", _("The Belonging contributors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("A school's shared memory of its students, so that every student is known well by at least one adult."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
bel_application_startup (GApplication *app)
{
  BelApplication *self = BEL_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *search_accels[] = { "<Control>f", NULL };
  const char *reload_accels[] = { "<Control>r", "F5", NULL };
  g_autofree char *pins_path = NULL;
  g_autoptr(BelTlsPins) pins = NULL;

  G_APPLICATION_CLASS (bel_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "students.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "students.reload", reload_accels);

  gtk_window_set_default_icon_name (BEL_APP_ID);
  self->settings = g_settings_new (BEL_APP_ID);
  self->client = bel_client_new (NULL);
  /* The self-signed certificates this person chose to trust, kept across runs. */
  pins_path = bel_tls_pins_default_path ();
  pins = bel_tls_pins_new (pins_path);
  bel_client_set_tls_pins (self->client, pins);
}

/* belonging --server=URL: the sign-in page offers that server this time
 * (kept as the person's server once they sign in there, as if typed). */
static int
bel_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  BelApplication *self = BEL_APPLICATION (app);
  const char *address = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "server", "&s", &address))
    return -1;
  g_free (self->server);
  self->server = bel_client_normalize_address (address, &error);
  if (self->server == NULL)
    {
      g_printerr ("belonging: --server: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return -1;
}

static void
bel_application_class_init (BelApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_application_finalize;
  G_APPLICATION_CLASS (klass)->handle_local_options = bel_application_handle_local_options;
  G_APPLICATION_CLASS (klass)->activate = bel_application_activate;
  G_APPLICATION_CLASS (klass)->startup = bel_application_startup;
}

static void
bel_application_init (BelApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "server", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 _("Offer the Belonging server at URL on the sign-in page"), _("URL"));
}

BelApplication *
bel_application_new (GApplicationFlags flags)
{
  return g_object_new (BEL_TYPE_APPLICATION,
                       "application-id", BEL_APP_ID,
                       "flags", flags,
                       "resource-base-path", "/app/belonging/Belonging",
                       NULL);
}

BelClient *
bel_application_get_client (BelApplication *self)
{
  g_return_val_if_fail (BEL_IS_APPLICATION (self), NULL);
  return self->client;
}

/* The server given with --server=URL, or NULL. */
const char *
bel_application_get_server (BelApplication *self)
{
  g_return_val_if_fail (BEL_IS_APPLICATION (self), NULL);
  return self->server;
}

GSettings *
bel_application_get_settings (BelApplication *self)
{
  g_return_val_if_fail (BEL_IS_APPLICATION (self), NULL);
  return self->settings;
}
