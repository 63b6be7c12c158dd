/* bel-staff-chip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-staff-chip.h"

#include <glib/gi18n.h>

#include "bel-initials.h"
#include "bel-tooltip.h"

struct _BelStaffChip
{
  GtkWidget      parent_instance;

  BelBoardStaff *staff;
  gulong         notify_id;
  gboolean       draggable;

  GtkWidget     *box;
  GtkWidget     *avatar;
  GtkWidget     *name;
  GtkWidget     *count;
};

G_DEFINE_FINAL_TYPE (BelStaffChip, bel_staff_chip, GTK_TYPE_WIDGET)

static void
update (BelStaffChip *self)
{
  guint n = bel_board_staff_get_mark_count (self->staff);
  const char *name = bel_board_staff_get_display_name (self->staff);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student", "%u students", n), n);
  g_autofree char *label = NULL;

  bel_initials_set_text (BEL_INITIALS (self->avatar), name);
  gtk_label_set_label (GTK_LABEL (self->name), name);
  gtk_label_set_label (GTK_LABEL (self->count), count);
  if (self->draggable)
    label = g_strdup_printf (_("%s, knows %s; drag onto a student to place their check"), name, count);
  else
    label = g_strdup_printf (_("%s, knows %s"), name, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  bel_tooltip_set (GTK_WIDGET (self), bel_board_staff_get_title (self->staff));
}

void
bel_staff_chip_bind (BelStaffChip  *self,
                     BelBoardStaff *staff,
                     gboolean       draggable)
{
  g_return_if_fail (BEL_IS_STAFF_CHIP (self));
  bel_staff_chip_unbind (self);
  self->staff = g_object_ref (staff);
  self->draggable = draggable;
  self->notify_id = g_signal_connect_swapped (staff, "notify::mark-count", G_CALLBACK (update), self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), draggable ? "grab" : NULL);
  if (draggable)
    gtk_widget_add_css_class (GTK_WIDGET (self), "draggable");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "draggable");
  update (self);
}

void
bel_staff_chip_unbind (BelStaffChip *self)
{
  g_return_if_fail (BEL_IS_STAFF_CHIP (self));
  if (self->staff != NULL)
    g_clear_signal_handler (&self->notify_id, self->staff);
  g_clear_object (&self->staff);
}

BelBoardStaff *
bel_staff_chip_get_staff (BelStaffChip *self)
{
  g_return_val_if_fail (BEL_IS_STAFF_CHIP (self), NULL);
  return self->staff;
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              BelStaffChip  *self)
{
  if (self->staff == NULL || !self->draggable)
    return NULL;
  return gdk_content_provider_new_typed (BEL_TYPE_BOARD_STAFF, self->staff);
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            BelStaffChip  *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (self->avatar);

  gtk_drag_source_set_icon (source, icon, 14, 14);
}

static void
bel_staff_chip_dispose (GObject *object)
{
  BelStaffChip *self = BEL_STAFF_CHIP (object);

  bel_staff_chip_unbind (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bel_staff_chip_parent_class)->dispose (object);
}

static void
bel_staff_chip_class_init (BelStaffChipClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_staff_chip_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "staffchip");
}

static void
bel_staff_chip_init (BelStaffChip *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkDragSource *source = gtk_drag_source_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->avatar = bel_initials_new (28, NULL);
  self->name = gtk_label_new (NULL);
  self->count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name), 0);
  gtk_label_set_xalign (GTK_LABEL (self->count), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->count, "caption");
  gtk_widget_add_css_class (self->count, "dim-label");
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), self->name);
  gtk_box_append (GTK_BOX (labels), self->count);
  gtk_box_append (GTK_BOX (self->box), self->avatar);
  gtk_box_append (GTK_BOX (self->box), labels);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
bel_staff_chip_new (void)
{
  return g_object_new (BEL_TYPE_STAFF_CHIP, NULL);
}
