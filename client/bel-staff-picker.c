/* bel-staff-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-staff-picker.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

struct _BelStaffPicker
{
  GtkPopover          parent_instance;

  GtkSearchEntry     *entry;
  GtkListView        *list;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *words;
};

enum { PICKED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelStaffPicker, bel_staff_picker, GTK_TYPE_POPOVER)

static gboolean
match_staff (gpointer item,
             gpointer user_data)
{
  BelStaffPicker *self = user_data;
  g_auto(GStrv) words = NULL;

  if (self->words == NULL || *self->words == '\0')
    return TRUE;
  words = g_strsplit (self->words, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (bel_board_staff_get_search_key (item), words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
search_changed (BelStaffPicker *self)
{
  g_autofree char *ascii = g_str_to_ascii (gtk_editable_get_text (GTK_EDITABLE (self->entry)), "C");

  g_free (self->words);
  self->words = g_ascii_strdown (ascii, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
pick (BelStaffPicker *self,
      guint           position)
{
  g_autoptr(BelBoardStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (staff == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, staff);
}

gboolean
bel_staff_picker_pick_first (BelStaffPicker *self)
{
  g_return_val_if_fail (BEL_IS_STAFF_PICKER (self), FALSE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return FALSE;
  pick (self, 0);
  return TRUE;
}

void
bel_staff_picker_set_search (BelStaffPicker *self,
                             const char     *text)
{
  g_return_if_fail (BEL_IS_STAFF_PICKER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  search_changed (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *avatar = adw_avatar_new (24, NULL, TRUE);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  BelBoardStaff *staff = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *avatar = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (avatar);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *title = gtk_widget_get_next_sibling (name);
  const char *text = bel_board_staff_get_title (staff);

  adw_avatar_set_text (ADW_AVATAR (avatar), bel_board_staff_get_display_name (staff));
  gtk_label_set_label (GTK_LABEL (name), bel_board_staff_get_display_name (staff));
  gtk_label_set_label (GTK_LABEL (title), text ? text : "");
  gtk_widget_set_visible (title, text != NULL);
}

static void
bel_staff_picker_dispose (GObject *object)
{
  BelStaffPicker *self = BEL_STAFF_PICKER (object);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->words, g_free);
  G_OBJECT_CLASS (bel_staff_picker_parent_class)->dispose (object);
}

static void
bel_staff_picker_class_init (BelStaffPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_staff_picker_dispose;
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, BEL_TYPE_BOARD_STAFF);
}

static void
bel_staff_picker_init (BelStaffPicker *self)
{
}

GtkWidget *
bel_staff_picker_new (GListModel *staff,
                      const char *title)
{
  BelStaffPicker *self = g_object_new (BEL_TYPE_STAFF_PICKER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->filter = gtk_custom_filter_new (match_staff, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (staff), g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (pick), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Staff"), -1);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  g_object_set (self->entry, "placeholder-text", _("Search staff"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search staff"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (bel_staff_picker_pick_first), self);

  gtk_widget_add_css_class (heading, "heading");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_widget_set_size_request (scroller, 280, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  return GTK_WIDGET (self);
}
