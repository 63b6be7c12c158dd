/* bel-save-chooser.c - "Save as…" for what a page exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-save-chooser.h"

#include <glib/gi18n.h>

typedef struct {
  GtkWidget      *owner;
  BelSaveChosen   chosen;
  gpointer        data;
  GDestroyNotify  destroy;
} Request;

static void
responded (GtkNativeDialog *dialog,
           int              response,
           Request         *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        request->chosen (request->owner, file, request->data);
    }
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->owner);
  g_free (request);
  g_object_unref (dialog);
}

void
bel_save_chooser_show (GtkWidget      *owner,
                       const char     *title,
                       const char     *accept_label,
                       const char     *file_name,
                       BelSaveChosen   chosen,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *dialog;
  Request *request;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (chosen != NULL);
  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  request = g_new0 (Request, 1);
  request->owner = g_object_ref (owner);
  request->chosen = chosen;
  request->data = data;
  request->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
