/* bel-round-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-round-dialogs.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-round.h"

typedef struct {
  GCallback done;
  gpointer  user_data;
} Pending;

static void
new_round_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Pending          *pending)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "start") == 0 && *name != '\0')
    ((BelRoundNameFunc) pending->done) (name, pending->user_data);
}

void
bel_round_dialogs_new_round (GtkWindow        *parent,
                             BelRoundNameFunc  done,
                             gpointer          user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Start a new round?"),
                                              _("Everyone marks the students they know again, on a fresh map. Earlier rounds stay readable for comparison."));
  GtkWidget *entry = gtk_entry_new ();
  Pending *pending = g_new0 (Pending, 1);

  pending->done = G_CALLBACK (done);
  pending->user_data = user_data;
  gtk_editable_set_text (GTK_EDITABLE (entry), _("Spring map"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the round"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "start", _("_Start round"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_round_response), pending,
                         (GClosureNotify) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_round_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Pending          *pending)
{
  if (g_strcmp0 (response, "close") == 0)
    ((BelRoundConfirmFunc) pending->done) (pending->user_data);
}

void
bel_round_dialogs_close_round (GtkWindow          *parent,
                               const char         *round_name,
                               BelRoundConfirmFunc done,
                               gpointer            user_data)
{
  g_autofree char *heading = g_strdup_printf (_("Close “%s”?"), round_name);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading,
                                              _("Nobody can add or remove marks on a closed round. It stays readable and can be compared with the next one."));
  Pending *pending = g_new0 (Pending, 1);

  pending->done = G_CALLBACK (done);
  pending->user_data = user_data;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "close", _("C_lose round"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (close_round_response), pending,
                         (GClosureNotify) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
bel_round_dialogs_label (BelRound *round)
{
  const char *status = bel_resource_get_string (round, "status");
  const char *name = bel_resource_get_string (round, "name");

  if (g_strcmp0 (status, "open") == 0)
    return g_strdup_printf (_("%s (open)"), name);
  if (g_strcmp0 (status, "closed") == 0)
    return g_strdup_printf (_("%s (closed, read-only)"), name);
  return g_strdup_printf (_("%s (planned)"), name);
}
