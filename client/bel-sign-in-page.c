/* bel-sign-in-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-sign-in-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bel-certificate-dialog.h"
#include "bel-error.h"

struct _BelSignInPage
{
  GtkWidget     parent_instance;

  BelClient    *client;
  GCancellable *cancellable;
  gboolean      busy;

  AdwEntryRow  *address_row;
  AdwEntryRow  *username_row;
  AdwEntryRow  *password_row;
  GtkSwitch    *remember_switch;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkWidget    *fields_group;
  GtkSpinner   *spinner;
  GtkLabel     *sign_in_label;
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelSignInPage, bel_sign_in_page, GTK_TYPE_WIDGET)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
update_action (BelSignInPage *self)
{
  gboolean ready = !self->busy &&
                   *text_of (self->address_row) != '\0' &&
                   *text_of (self->username_row) != '\0' &&
                   *text_of (self->password_row) != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit", ready);
}

/* Plain words for why signing in did not work. */
char *
bel_sign_in_page_describe_error (const GError *error,
                                 const char   *server)
{
  if (error->domain != BEL_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case BEL_ERROR_UNAUTHORIZED:
      /* The daemon refuses a disabled account with 401 too, and says so in the detail. */
      if (strstr (error->message, "disabled") != NULL)
        return g_strdup (_("This account is turned off. Your school's IT team can turn it back on."));
      return g_strdup (_("That username and password don't match. Check them and try again."));
    case BEL_ERROR_NETWORK:
      return g_strdup_printf (_("Can't reach the server at %s. Check the address and your network connection."),
                              server ? server : "");
    case BEL_ERROR_FORBIDDEN:
      return g_strdup (_("This account is turned off. Your school's IT team can turn it back on."));
    case BEL_ERROR_RATE_LIMITED:
    case BEL_ERROR_CERTIFICATE_UNTRUSTED:
    case BEL_ERROR_CERTIFICATE_CHANGED:
      return g_strdup (error->message);
    case BEL_ERROR_INVALID:
      {
        g_autoptr(GPtrArray) fields = bel_error_get_field_errors (error);
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; i < fields->len; i++)
          {
            BelFieldError *fe = fields->pdata[i];
            g_string_append_printf (text, "%s%s %s", i ? "\n" : "", fe->field, fe->message);
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    default:
      return g_strdup_printf (_("Signing in did not work: %s"), error->message);
    }
}

void
bel_sign_in_page_show_error (BelSignInPage *self,
                             const char    *message)
{
  g_return_if_fail (BEL_IS_SIGN_IN_PAGE (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL && *message != '\0');
}

void
bel_sign_in_page_set_busy (BelSignInPage *self,
                           gboolean       busy)
{
  g_return_if_fail (BEL_IS_SIGN_IN_PAGE (self));

  self->busy = busy;
  /* Not insensitive: that would take the focus from the field being typed in. */
  gtk_editable_set_editable (GTK_EDITABLE (self->address_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->username_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_switch), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_label_set_label (self->sign_in_label, busy ? _("Signing in…") : _("_Sign in"));
  update_action (self);
}

/* ---- a certificate that does not verify ---- */

static void
certificate_response (BelCertificateDialog *dialog,
                      const char           *response,
                      BelSignInPage        *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "trust") != 0 || self->client == NULL ||
      g_strcmp0 (bel_certificate_dialog_get_server (dialog), bel_client_get_base_url (self->client)) != 0)
    return;
  if (!bel_tls_pins_pin (bel_client_get_tls_pins (self->client), bel_certificate_dialog_get_server (dialog),
                         bel_certificate_dialog_get_certificate (dialog), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Belonging could not remember the certificate: %s"),
                                                  error->message);
      bel_sign_in_page_show_error (self, message);
      return;
    }
  bel_sign_in_page_show_error (self, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

/* Shows the refused certificate, and what trusting it means. */
static void
ask_about_certificate (BelSignInPage *self)
{
  GTlsCertificateFlags errors = 0;
  GTlsCertificate *certificate = bel_client_get_refused_certificate (self->client, &errors);
  const char *server = bel_client_get_base_url (self->client);
  g_autofree char *pinned = bel_tls_pins_lookup (bel_client_get_tls_pins (self->client), server);
  GtkWidget *dialog;

  if (certificate == NULL)
    return;
  dialog = bel_certificate_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), server,
                                       certificate, errors, pinned);
  g_signal_connect_object (dialog, "response", G_CALLBACK (certificate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forget_response (AdwMessageDialog *dialog,
                 const char       *response,
                 BelSignInPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "forget") != 0 || self->client == NULL)
    return;
  if (!bel_tls_pins_forget_all (bel_client_get_tls_pins (self->client), &error))
    bel_sign_in_page_show_error (self, error->message);
}

static void
forget_certificates_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BelSignInPage *self = BEL_SIGN_IN_PAGE (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Forget Trusted Certificates?"), NULL));
  adw_message_dialog_set_body (dialog, _("Belonging will ask again before it connects to a server whose "
                                         "certificate this computer doesn't trust by itself."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "forget", _("_Forget"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_forget_action (BelSignInPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.forget-certificates",
                                 self->client != NULL &&
                                 bel_tls_pins_get_n_pins (bel_client_get_tls_pins (self->client)) > 0);
}

/* ---- signing in ---- */

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BelSignInPage *self = user_data;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  account = bel_client_sign_in_finish (BEL_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bel_sign_in_page_set_busy (self, FALSE);
  if (account == NULL)
    {
      message = bel_sign_in_page_describe_error (error, bel_client_get_base_url (BEL_CLIENT (source)));
      bel_sign_in_page_show_error (self, message);
      if (g_error_matches (error, BEL_ERROR, BEL_ERROR_CERTIFICATE_UNTRUSTED) ||
          g_error_matches (error, BEL_ERROR, BEL_ERROR_CERTIFICATE_CHANGED))
        ask_about_certificate (self);
      if (g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BelSignInPage *self = BEL_SIGN_IN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;

  if (self->busy || self->client == NULL)
    return;

  url = bel_client_normalize_address (text_of (self->address_row), &error);
  if (url == NULL)
    {
      bel_sign_in_page_show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  username = g_strstrip (g_strdup (text_of (self->username_row)));
  if (*username == '\0' || *text_of (self->password_row) == '\0')
    {
      bel_sign_in_page_show_error (self, _("Enter your username and password."));
      return;
    }

  bel_sign_in_page_show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), url);
  bel_client_set_base_url (self->client, url);
  bel_sign_in_page_set_busy (self, TRUE);
  bel_client_sign_in_async (self->client, username, text_of (self->password_row),
                            self->cancellable, sign_in_cb, self);
}

static void
entry_activated (BelSignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
bel_sign_in_page_dispose (GObject *object)
{
  BelSignInPage *self = BEL_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_SIGN_IN_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_sign_in_page_parent_class)->dispose (object);
}

static void
bel_sign_in_page_class_init (BelSignInPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_sign_in_page_dispose;

  /* Emitted when the client holds a new session. */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BelSignInPage, sign_in_label);
  gtk_widget_class_bind_template_callback (widget_class, update_action);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "sign-in.forget-certificates", NULL,
                                   forget_certificates_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bel_sign_in_page_init (BelSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_action (self);
  update_forget_action (self);
}

void
bel_sign_in_page_set_client (BelSignInPage *self,
                             BelClient     *client)
{
  g_return_if_fail (BEL_IS_SIGN_IN_PAGE (self));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (bel_client_get_tls_pins (self->client), self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (bel_client_get_tls_pins (client), "changed", G_CALLBACK (update_forget_action),
                             self, G_CONNECT_SWAPPED);
  update_forget_action (self);
}

void
bel_sign_in_page_set_defaults (BelSignInPage *self,
                               const char    *server_address,
                               const char    *username,
                               gboolean       remember)
{
  g_return_if_fail (BEL_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), server_address ? server_address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username ? username : "");
  gtk_switch_set_active (self->remember_switch, remember);
}

/* Ready for the next person: nothing typed but the server and username. */
void
bel_sign_in_page_reset (BelSignInPage *self)
{
  g_return_if_fail (BEL_IS_SIGN_IN_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  bel_sign_in_page_set_busy (self, FALSE);
  bel_sign_in_page_show_error (self, NULL);
  if (*text_of (self->username_row) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

const char *
bel_sign_in_page_get_username (BelSignInPage *self)
{
  g_return_val_if_fail (BEL_IS_SIGN_IN_PAGE (self), NULL);
  return text_of (self->username_row);
}

gboolean
bel_sign_in_page_get_remember (BelSignInPage *self)
{
  g_return_val_if_fail (BEL_IS_SIGN_IN_PAGE (self), FALSE);
  return gtk_switch_get_active (self->remember_switch);
}
