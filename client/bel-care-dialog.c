/* bel-care-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-care-dialog.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"

struct _BelCareDialog
{
  AdwWindow       parent_instance;

  GtkWidget      *save_button;
  GtkWidget      *spinner;
  GtkWidget      *banner;
  GtkWidget      *banner_label;
  GtkWidget      *groups;
  GHashTable     *fields;
  GtkWidget      *focus_before_busy;  /* weak */
  gboolean        busy;
  gboolean        can_save;
};

G_DEFINE_FINAL_TYPE (BelCareDialog, bel_care_dialog, ADW_TYPE_WINDOW)

enum { SAVE, SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_save (BelCareDialog *self)
{
  gtk_widget_set_sensitive (self->save_button, self->can_save && !self->busy);
}

static void
save_clicked (BelCareDialog *self)
{
  if (self->busy || !self->can_save)
    return;
  gtk_widget_set_visible (self->banner, FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

static void
bel_care_dialog_finalize (GObject *object)
{
  BelCareDialog *self = BEL_CARE_DIALOG (object);

  g_clear_weak_pointer (&self->focus_before_busy);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  G_OBJECT_CLASS (bel_care_dialog_parent_class)->finalize (object);
}

static void
bel_care_dialog_class_init (BelCareDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bel_care_dialog_finalize;
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_care_dialog_init (BelCareDialog *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->can_save = TRUE;
  bel_care_style_ensure ();
}

BelCareDialog *
bel_care_dialog_new (GtkWidget  *parent,
                     const char *title,
                     const char *subtitle,
                     const char *save_label)
{
  BelCareDialog *self = g_object_new (BEL_TYPE_CARE_DIALOG,
                                      "modal", TRUE,
                                      "default-width", 520,
                                      "default-height", 600,
                                      "title", title,
                                      NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (save_label);
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->banner, "offline-banner");
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0);
  gtk_widget_set_margin_start (self->banner_label, 12);
  gtk_widget_set_margin_end (self->banner_label, 12);
  gtk_widget_set_margin_top (self->banner_label, 6);
  gtk_widget_set_margin_bottom (self->banner_label, 6);
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->banner);

  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->groups, 18);
  gtk_widget_set_margin_bottom (self->groups, 24);
  gtk_widget_set_margin_start (self->groups, 12);
  gtk_widget_set_margin_end (self->groups, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->groups);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  return self;
}

void
bel_care_dialog_add (BelCareDialog *self,
                     GtkWidget     *group)
{
  g_return_if_fail (BEL_IS_CARE_DIALOG (self));
  gtk_box_append (GTK_BOX (self->groups), group);
}

GtkWidget *
bel_care_dialog_get_save_button (BelCareDialog *self)
{
  g_return_val_if_fail (BEL_IS_CARE_DIALOG (self), NULL);
  return self->save_button;
}

void
bel_care_dialog_set_can_save (BelCareDialog *self,
                              gboolean       can_save)
{
  g_return_if_fail (BEL_IS_CARE_DIALOG (self));
  self->can_save = can_save;
  update_save (self);
}

void
bel_care_dialog_set_busy (BelCareDialog *self,
                          gboolean       busy)
{
  g_return_if_fail (BEL_IS_CARE_DIALOG (self));
  if (busy && !self->busy)
    {
      /* Take the focus out of the form before it turns insensitive (a text
       * entry would otherwise keep blinking without focus), and give it back after. */
      g_set_weak_pointer (&self->focus_before_busy, gtk_window_get_focus (GTK_WINDOW (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->groups, !busy);
  update_save (self);
  if (!busy && self->focus_before_busy != NULL)
    {
      gtk_widget_grab_focus (self->focus_before_busy);
      g_clear_weak_pointer (&self->focus_before_busy);
    }
}

void
bel_care_dialog_show_error (BelCareDialog *self,
                            const char    *message)
{
  g_return_if_fail (BEL_IS_CARE_DIALOG (self));
  gtk_label_set_text (GTK_LABEL (self->banner_label), message);
  gtk_widget_set_visible (self->banner, message != NULL);
}

void
bel_care_dialog_saved (BelCareDialog *self,
                       GObject       *resource)
{
  g_return_if_fail (BEL_IS_CARE_DIALOG (self));
  g_object_ref (self);
  bel_care_dialog_set_busy (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0, resource);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

void
bel_care_dialog_set_field (BelCareDialog *self,
                           const char    *name,
                           GtkWidget     *widget)
{
  g_return_if_fail (BEL_IS_CARE_DIALOG (self));
  g_hash_table_insert (self->fields, g_strdup (name), widget);
}

GtkWidget *
bel_care_dialog_get_field (BelCareDialog *self,
                           const char    *name)
{
  g_return_val_if_fail (BEL_IS_CARE_DIALOG (self), NULL);
  return g_hash_table_lookup (self->fields, name);
}
