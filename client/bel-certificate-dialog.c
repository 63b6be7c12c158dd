/* bel-certificate-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-certificate-dialog.h"

#include <glib/gi18n.h>

#include "bel-tls-certificate.h"

/* Bytes of the fingerprint per line: two lines of 16 fit a dialog's width. */
#define FINGERPRINT_BYTES_PER_LINE 16

struct _BelCertificateDialog
{
  AdwMessageDialog  parent_instance;

  char             *server;
  GTlsCertificate  *certificate;

  GtkListBox       *details;
  GtkLabel         *advice_label;
};

G_DEFINE_FINAL_TYPE (BelCertificateDialog, bel_certificate_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
bel_certificate_dialog_finalize (GObject *object)
{
  BelCertificateDialog *self = BEL_CERTIFICATE_DIALOG (object);

  g_free (self->server);
  g_clear_object (&self->certificate);
  G_OBJECT_CLASS (bel_certificate_dialog_parent_class)->finalize (object);
}

static void
bel_certificate_dialog_class_init (BelCertificateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bel_certificate_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/belonging/Belonging/ui/bel-certificate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BelCertificateDialog, details);
  gtk_widget_class_bind_template_child (widget_class, BelCertificateDialog, advice_label);
}

static void
bel_certificate_dialog_init (BelCertificateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "AA:BB:…" as two lines, the way it is read aloud and compared. */
static char *
fingerprint_lines (const char *fingerprint)
{
  GString *text = g_string_new (NULL);
  g_auto(GStrv) bytes = g_strsplit (fingerprint, ":", -1);

  for (guint i = 0; bytes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, i % FINGERPRINT_BYTES_PER_LINE == 0 ? '\n' : ':');
      g_string_append (text, bytes[i]);
    }
  return g_string_free (text, FALSE);
}

/* One row of the details: a small caption over its value. */
static GtkLabel *
add_detail (BelCertificateDialog *self,
            const char           *caption,
            const char           *value,
            const char           *value_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (caption);
  GtkWidget *label = gtk_label_new (value);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "certificate-detail");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (value_class != NULL)
    gtk_widget_add_css_class (label, value_class);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->details, row);
  return GTK_LABEL (label);
}

static void
show_certificate (BelCertificateDialog *self,
                  GTlsCertificateFlags  errors,
                  const char           *pinned_fingerprint)
{
  g_autofree char *fingerprint = bel_tls_certificate_fingerprint (self->certificate);
  g_autofree char *shown = fingerprint_lines (fingerprint);
  g_autofree char *subject = g_tls_certificate_get_subject_name (self->certificate);
  g_autofree char *issuer = g_tls_certificate_get_issuer_name (self->certificate);
  g_autofree char *validity = bel_tls_certificate_format_validity (self->certificate);
  g_autoptr(GUri) uri = g_uri_parse (self->server, G_URI_FLAGS_NONE, NULL);
  g_autofree char *problems = bel_tls_certificate_describe_problems (self->certificate, errors,
                                                                     uri ? g_uri_get_host (uri) : NULL);

  add_detail (self, _("Server"), self->server, NULL);
  add_detail (self, _("Fingerprint (SHA-256)"), shown, "monospace");
  if (pinned_fingerprint != NULL)
    {
      g_autofree char *before = fingerprint_lines (pinned_fingerprint);
      add_detail (self, _("Fingerprint you trusted before"), before, "monospace");
    }
  add_detail (self, _("Issued to"), subject ? subject : _("Unknown"), NULL);
  if (bel_tls_certificate_is_self_signed (self->certificate))
    add_detail (self, _("Issued by"), _("Itself (self-signed)"), NULL);
  else
    add_detail (self, _("Issued by"), issuer ? issuer : _("Unknown"), NULL);
  if (validity != NULL)
    add_detail (self, _("Valid"), validity, NULL);
  if (pinned_fingerprint != NULL)
    {
      g_autofree char *first = g_strconcat (_("It is not the certificate you trusted for this server."), "\n",
                                            problems, NULL);
      g_free (problems);
      problems = g_steal_pointer (&first);
    }
  add_detail (self, _("Why this computer doesn't trust it"), problems, NULL);
}

static void
word_as_first_time (BelCertificateDialog *self)
{
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Trust This Server's Certificate?"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Belonging can't confirm that this is your school's server: no authority "
                                 "this computer knows vouches for its certificate. Schools often make their "
                                 "own certificate, and that is fine — but only if this one is really theirs."));
  gtk_label_set_label (self->advice_label,
                       _("Ask your school's IT team to confirm this fingerprint; they can read it on the "
                         "server. Only trust the certificate if every character matches. Belonging will "
                         "then remember it for this server and won't ask again."));
}

static void
word_as_changed (BelCertificateDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_heading (dialog, _("The Server's Certificate Has Changed"));
  adw_message_dialog_set_body (dialog,
                               _("This server showed a different certificate from the one you trusted "
                                 "before. Someone may be intercepting the connection to read what you send, "
                                 "including your password. Belonging did not connect."));
  gtk_label_set_label (self->advice_label,
                       _("Only replace the trusted certificate if your school's IT team told you they "
                         "changed it, and the new fingerprint above matches theirs exactly. Otherwise "
                         "cancel and tell them about this message."));
  adw_message_dialog_set_response_label (dialog, "trust", _("_Replace Trusted Certificate"));
  adw_message_dialog_set_response_appearance (dialog, "trust", ADW_RESPONSE_DESTRUCTIVE);
}

GtkWidget *
bel_certificate_dialog_new (GtkWindow            *parent,
                            const char           *server,
                            GTlsCertificate      *certificate,
                            GTlsCertificateFlags  errors,
                            const char           *pinned_fingerprint)
{
  BelCertificateDialog *self;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (BEL_TYPE_CERTIFICATE_DIALOG, "transient-for", parent, NULL);
  self->server = g_strdup (server);
  self->certificate = g_object_ref (certificate);
  if (pinned_fingerprint != NULL)
    word_as_changed (self);
  else
    word_as_first_time (self);
  show_certificate (self, errors, pinned_fingerprint);
  return GTK_WIDGET (self);
}

GTlsCertificate *
bel_certificate_dialog_get_certificate (BelCertificateDialog *self)
{
  g_return_val_if_fail (BEL_IS_CERTIFICATE_DIALOG (self), NULL);
  return self->certificate;
}

const char *
bel_certificate_dialog_get_server (BelCertificateDialog *self)
{
  g_return_val_if_fail (BEL_IS_CERTIFICATE_DIALOG (self), NULL);
  return self->server;
}
