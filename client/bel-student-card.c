/* bel-student-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-student-card.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-format.h"
#include "bel-initials.h"
#include "bel-staff-picker.h"
#include "bel-tooltip.h"

#define MAX_FACES  5
#define FLASH_MSEC 1600

struct _BelStudentCard
{
  GtkWidget        parent_instance;

  BelBoardModel   *board;
  BelBoardStudent *student;
  gboolean         manager;
  gulong           notify_id;
  guint            flash_id;
  char            *badge_text;

  GtkWidget       *box;
  GtkWidget       *avatar;
  GtkWidget       *name;
  GtkWidget       *meta;
  GtkWidget       *badge;
  GtkWidget       *badge_label;
  GtkWidget       *faces;
  GtkWidget       *nobody;
  GtkWidget       *concern;
  GtkWidget       *advocate;
  GtkWidget       *menu;
};

G_DEFINE_FINAL_TYPE (BelStudentCard, bel_student_card, GTK_TYPE_WIDGET)

static char *
grade_words (int grade)
{
  if (grade <= -1)
    return g_strdup (_("pre-kindergarten"));
  if (grade == 0)
    return g_strdup (_("kindergarten"));
  /* Translators: in a sentence, e.g. "Amara Okafor, grade 10, no adult yet" */
  return g_strdup_printf (_("grade %d"), grade);
}

char *
bel_student_card_describe (BelBoardStudent *student)
{
  guint adults = bel_board_student_get_adult_count (student);
  g_autofree char *grade = grade_words (bel_board_student_get_grade (student));
  g_autofree char *connection = NULL;
  GString *text = g_string_new (NULL);

  if (adults == 0)
    connection = g_strdup (_("no adult yet"));
  else
    connection = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u adult", "%u adults", adults), adults);
  g_string_printf (text, "%s, %s, %s", bel_board_student_get_display_name (student), grade, connection);
  if (bel_board_student_get_marks (student, BEL_MARK_CONCERN)->len > 0)
    g_string_append_printf (text, ", %s", _("concern noted"));
  if (bel_board_student_get_advocate_name (student) != NULL)
    g_string_append_printf (text, _(", advocate %s"), bel_board_student_get_advocate_name (student));
  return g_string_free (text, FALSE);
}

static gint64
my_id (BelStudentCard *self)
{
  return self->board ? bel_board_model_get_account_id (self->board) : 0;
}

static const char *
staff_name (BelStudentCard *self,
            gint64          account_id)
{
  BelBoardStaff *staff = bel_board_model_lookup_staff (self->board, account_id);

  return staff ? bel_board_staff_get_display_name (staff) : _("A former colleague");
}

/* ---- dragging a check off the card ---- */

static GdkContentProvider *
face_drag_prepare (GtkDragSource *source,
                   double         x,
                   double         y,
                   BelStudentCard *self)
{
  gint64 account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (source), "account-id"));
  BelBoardStaff *staff = self->board ? bel_board_model_lookup_staff (self->board, account_id) : NULL;

  if (staff == NULL || self->student == NULL || !bel_board_model_get_editable (self->board))
    return NULL;
  g_object_set_data_full (G_OBJECT (source), "student", g_object_ref (self->student), g_object_unref);
  return gdk_content_provider_new_typed (BEL_TYPE_BOARD_STAFF, staff);
}

static void
remove_check (GtkWidget       *widget,
              BelBoardStudent *student,
              gint64           account_id)
{
  gtk_widget_activate_action (widget, "board.mark", "(xxsb)", bel_board_student_get_id (student),
                              account_id, "relationship", FALSE);
}

static void
face_drag_end (GtkDragSource *source,
               GdkDrag       *drag,
               gboolean       delete_data,
               BelStudentCard *self)
{
  BelBoardStudent *student = g_object_get_data (G_OBJECT (source), "student");
  gint64 account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (source), "account-id"));

  /* Moved onto another card: the check leaves this one. */
  if (delete_data && student != NULL)
    remove_check (GTK_WIDGET (self), student, account_id);
}

static gboolean
face_drag_cancel (GtkDragSource      *source,
                  GdkDrag            *drag,
                  GdkDragCancelReason reason,
                  BelStudentCard     *self)
{
  BelBoardStudent *student = g_object_get_data (G_OBJECT (source), "student");
  gint64 account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (source), "account-id"));

  /* Dropped off the board: the check is taken away. */
  if (reason == GDK_DRAG_CANCEL_NO_TARGET && student != NULL)
    remove_check (GTK_WIDGET (self), student, account_id);
  return FALSE;
}

static GtkWidget *
make_face (BelStudentCard *self,
           gint64          account_id)
{
  const char *name = staff_name (self, account_id);
  GtkWidget *face = bel_initials_new (22, name);
  g_autofree char *tip = NULL;

  if (self->manager || account_id == my_id (self))
    {
      GtkDragSource *source = gtk_drag_source_new ();

      tip = g_strdup_printf (_("%s knows this student — drag away to remove the check"), name);
      g_object_set_data (G_OBJECT (source), "account-id", GSIZE_TO_POINTER ((gsize) account_id));
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (face_drag_prepare), self);
      g_signal_connect (source, "drag-end", G_CALLBACK (face_drag_end), self);
      g_signal_connect (source, "drag-cancel", G_CALLBACK (face_drag_cancel), self);
      gtk_widget_add_controller (face, GTK_EVENT_CONTROLLER (source));
    }
  else
    tip = g_strdup_printf (_("%s knows this student"), name);
  bel_tooltip_set (face, tip);
  if (account_id == my_id (self))
    gtk_widget_add_css_class (face, "mine");
  return face;
}

static void
update_faces (BelStudentCard *self)
{
  const GArray *adults = bel_board_student_get_marks (self->student, BEL_MARK_RELATIONSHIP);
  GtkWidget *child;

  while ((child = gtk_widget_get_last_child (self->faces)) != NULL && child != self->nobody)
    gtk_box_remove (GTK_BOX (self->faces), child);
  for (guint i = 0; i < adults->len && i < MAX_FACES; i++)
    gtk_box_append (GTK_BOX (self->faces), make_face (self, g_array_index (adults, gint64, i)));
  if (adults->len > MAX_FACES)
    {
      g_autofree char *more = g_strdup_printf ("+%u", adults->len - MAX_FACES);
      GtkWidget *label = gtk_label_new (more);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->faces), label);
    }
}

static void
update (BelStudentCard *self)
{
  BelBoardStudent *student = self->student;
  guint adults;
  g_autofree char *grade = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tip = NULL;
  const char *advisory;
  gboolean mine;

  if (student == NULL)
    return;
  adults = bel_board_student_get_adult_count (student);
  mine = bel_board_student_has_mark (student, BEL_MARK_RELATIONSHIP, my_id (self));
  grade = bel_format_grade (bel_board_student_get_grade (student));
  advisory = bel_board_student_get_advisory_name (student);
  meta = advisory ? g_strdup_printf ("%s · %s", grade, advisory) : g_strdup (grade);

  bel_initials_set_text (BEL_INITIALS (self->avatar), bel_board_student_get_display_name (student));
  gtk_label_set_label (GTK_LABEL (self->name), bel_board_student_get_display_name (student));
  gtk_label_set_label (GTK_LABEL (self->meta), meta);
  g_free (self->badge_text);
  self->badge_text = g_strdup_printf ("%u", adults);
  gtk_label_set_label (GTK_LABEL (self->badge_label), self->badge_text);
  tip = adults == 0 ? g_strdup (_("No adult yet"))
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u adult knows this student",
                                                    "%u adults know this student", adults), adults);
  bel_tooltip_set (self->badge, tip);

  if (adults == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "no-adult");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "no-adult");
  if (adults == 1)
    gtk_widget_add_css_class (GTK_WIDGET (self), "one-adult");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "one-adult");
  if (mine)
    gtk_widget_add_css_class (self->badge, "mine");
  else
    gtk_widget_remove_css_class (self->badge, "mine");

  gtk_widget_set_visible (self->concern, bel_board_student_get_marks (student, BEL_MARK_CONCERN)->len > 0);
  gtk_widget_set_visible (self->advocate, bel_board_student_get_advocate_name (student) != NULL);
  if (bel_board_student_get_advocate_name (student) != NULL)
    {
      g_autofree char *who = g_strdup_printf (_("Advocate: %s"), bel_board_student_get_advocate_name (student));
      bel_tooltip_set (self->advocate, who);
    }
  update_faces (self);
  gtk_widget_set_visible (self->nobody, adults == 0);

  label = bel_student_card_describe (student);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

const char *
bel_student_card_get_badge (BelStudentCard *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_CARD (self), NULL);
  return self->badge_text;
}

/* ---- binding ---- */

void
bel_student_card_bind (BelStudentCard  *self,
                       BelBoardModel   *board,
                       BelBoardStudent *student,
                       gboolean         manager)
{
  g_return_if_fail (BEL_IS_STUDENT_CARD (self));

  bel_student_card_unbind (self);
  self->board = g_object_ref (board);
  self->student = g_object_ref (student);
  self->manager = manager;
  self->notify_id = g_signal_connect_swapped (student, "notify::revision", G_CALLBACK (update), self);
  update (self);
}

void
bel_student_card_unbind (BelStudentCard *self)
{
  g_return_if_fail (BEL_IS_STUDENT_CARD (self));

  if (self->student != NULL)
    g_clear_signal_handler (&self->notify_id, self->student);
  g_clear_object (&self->student);
  g_clear_object (&self->board);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "flash");
}

BelBoardStudent *
bel_student_card_get_student (BelStudentCard *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_CARD (self), NULL);
  return self->student;
}

static gboolean
flash_done (gpointer user_data)
{
  BelStudentCard *self = user_data;

  self->flash_id = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "flash");
  return G_SOURCE_REMOVE;
}

void
bel_student_card_flash (BelStudentCard *self)
{
  g_return_if_fail (BEL_IS_STUDENT_CARD (self));
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flash");
  self->flash_id = g_timeout_add (FLASH_MSEC, flash_done, self);
}

/* ---- the menu ---- */

static void
add_mark_item (BelStudentCard *self,
               GMenu          *section,
               const char     *label,
               gint64          account_id,
               BelMarkKind     kind,
               gboolean        present)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, "board.mark", "(xxsb)", bel_board_student_get_id (self->student),
                                     account_id, bel_mark_kind_to_string (kind), present);
  g_menu_append_item (section, item);
}

static GMenuModel *
build_menu (BelStudentCard *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) mine = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenu) advocate = g_menu_new ();
  BelBoardStudent *student = self->student;
  gint64 me = my_id (self);
  gint64 id = bel_board_student_get_id (student);
  const GArray *adults = bel_board_student_get_marks (student, BEL_MARK_RELATIONSHIP);
  gboolean has;
  g_autoptr(GMenuItem) item = NULL;

  if (bel_board_model_get_editable (self->board))
    {
      has = bel_board_student_has_mark (student, BEL_MARK_RELATIONSHIP, me);
      add_mark_item (self, mine, has ? _("Remove _my check") : _("I _know this student"), me,
                     BEL_MARK_RELATIONSHIP, !has);
      has = bel_board_student_has_mark (student, BEL_MARK_PERSONAL, me);
      add_mark_item (self, mine, has ? _("Remove my _personal mark") : _("I know something _personal"), me,
                     BEL_MARK_PERSONAL, !has);
      has = bel_board_student_has_mark (student, BEL_MARK_CONCERN, me);
      add_mark_item (self, mine, has ? _("Remove my _concern") : _("I'm _concerned about this student"), me,
                     BEL_MARK_CONCERN, !has);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (mine));

      if (self->manager)
        {
          g_menu_append (others, _("_Add a check for…"), "card.pick-staff");
          for (guint i = 0; i < adults->len; i++)
            {
              gint64 account_id = g_array_index (adults, gint64, i);
              g_autofree char *label = NULL;

              if (account_id == me)
                continue;
              label = g_strdup_printf (_("Remove %s's check"), staff_name (self, account_id));
              add_mark_item (self, others, label, account_id, BEL_MARK_RELATIONSHIP, FALSE);
            }
          g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
        }
    }
  if (self->manager && bel_board_student_get_advocate_name (student) == NULL)
    {
      item = g_menu_item_new (_("Assign an _advocate…"), NULL);
      g_menu_item_set_action_and_target (item, "board.assign-advocate", "x", id);
      g_menu_append_item (advocate, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (advocate));
    }
  return G_MENU_MODEL (menu);
}

static void
unparent_later (gpointer data)
{
  g_autoptr(GtkWidget) popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
menu_closed (GtkPopover     *popover,
             BelStudentCard *self)
{
  /* Unparent after the action ran: it needs the card's ancestors. */
  g_idle_add_once (unparent_later, g_object_ref (popover));
  if (self->menu == GTK_WIDGET (popover))
    self->menu = NULL;
}

static void
popup_at (BelStudentCard *self,
          double          x,
          double          y)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (self->student == NULL || self->board == NULL)
    return;
  model = build_menu (self);
  if (g_menu_model_get_n_items (model) == 0)
    return;
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), x >= 0);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (menu_closed), self);
  self->menu = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
bel_student_card_popup_menu (BelStudentCard *self)
{
  g_return_if_fail (BEL_IS_STUDENT_CARD (self));
  popup_at (self, -1, -1);
}

static void
staff_picked (BelStaffPicker *picker,
              BelBoardStaff  *staff,
              BelStudentCard *self)
{
  bel_student_card_drop_staff (self, staff);
}

void
bel_student_card_pick_staff (BelStudentCard *self)
{
  GtkWidget *picker;
  g_autofree char *title = NULL;

  g_return_if_fail (BEL_IS_STUDENT_CARD (self));
  if (self->student == NULL)
    return;
  title = g_strdup_printf (_("Add a check for %s"), bel_board_student_get_display_name (self->student));
  picker = bel_staff_picker_new (bel_board_model_get_staff (self->board), title);
  gtk_widget_set_parent (picker, GTK_WIDGET (self));
  g_signal_connect (picker, "picked", G_CALLBACK (staff_picked), self);
  g_signal_connect (picker, "closed", G_CALLBACK (menu_closed), self);
  self->menu = picker;
  gtk_popover_popup (GTK_POPOVER (picker));
}

static void
pick_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bel_student_card_pick_staff (BEL_STUDENT_CARD (widget));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bel_student_card_popup_menu (BEL_STUDENT_CARD (widget));
}

/* ---- pointer and drops ---- */

static void
clicked (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         BelStudentCard  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (self->student == NULL)
    return;
  if (button == GDK_BUTTON_SECONDARY)
    {
      popup_at (self, x, y);
      return;
    }
  if (n_press == 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.toggle-mine", "x",
                                bel_board_student_get_id (self->student));
}

gboolean
bel_student_card_drop_staff (BelStudentCard *self,
                             BelBoardStaff  *staff)
{
  g_return_val_if_fail (BEL_IS_STUDENT_CARD (self), FALSE);
  if (self->student == NULL || staff == NULL)
    return FALSE;
  if (bel_board_student_has_mark (self->student, BEL_MARK_RELATIONSHIP, bel_board_staff_get_account_id (staff)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "board.mark", "(xxsb)",
                                     bel_board_student_get_id (self->student),
                                     bel_board_staff_get_account_id (staff), "relationship", TRUE);
}

static gboolean
dropped (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         BelStudentCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
  if (!G_VALUE_HOLDS (value, BEL_TYPE_BOARD_STAFF))
    return FALSE;
  return bel_student_card_drop_staff (self, g_value_get_object (value));
}

static GdkDragAction
drop_enter (GtkDropTarget  *target,
            double          x,
            double          y,
            BelStudentCard *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");
  return gdk_drop_get_actions (gtk_drop_target_get_current_drop (target)) & GDK_ACTION_MOVE
         ? GDK_ACTION_MOVE : GDK_ACTION_COPY;
}

static void
drop_leave (GtkDropTarget  *target,
            BelStudentCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

/* ---- object ---- */

static void
bel_student_card_dispose (GObject *object)
{
  BelStudentCard *self = BEL_STUDENT_CARD (object);
  GtkWidget *child;

  bel_student_card_unbind (self);
  g_clear_pointer (&self->badge_text, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->menu = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bel_student_card_parent_class)->dispose (object);
}

static void
bel_student_card_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (BEL_STUDENT_CARD (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
bel_student_card_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BelStudentCard *self = BEL_STUDENT_CARD (widget);
  GtkWidget *child;

  gtk_widget_size_allocate (self->box, &(GtkAllocation) { 0, 0, width, height }, baseline);
  for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
bel_student_card_class_init (BelStudentCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_student_card_dispose;
  widget_class->measure = bel_student_card_measure;
  widget_class->size_allocate = bel_student_card_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "studentcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_install_action (widget_class, "card.pick-staff", NULL, pick_staff_action);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);
}

static GtkWidget *
build_top (BelStudentCard *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("system-users-symbolic");

  self->avatar = bel_initials_new (40, NULL);
  self->name = gtk_label_new (NULL);
  self->meta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name), 0);
  gtk_label_set_xalign (GTK_LABEL (self->meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (self->meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->name, "name");
  gtk_widget_add_css_class (self->meta, "caption");
  gtk_widget_add_css_class (self->meta, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), self->name);
  gtk_box_append (GTK_BOX (labels), self->meta);

  self->badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  self->badge_label = gtk_label_new ("0");
  gtk_widget_add_css_class (self->badge, "count-badge");
  gtk_widget_set_valign (self->badge, GTK_ALIGN_START);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
  gtk_box_append (GTK_BOX (self->badge), icon);
  gtk_box_append (GTK_BOX (self->badge), self->badge_label);

  gtk_box_append (GTK_BOX (top), self->avatar);
  gtk_box_append (GTK_BOX (top), labels);
  gtk_box_append (GTK_BOX (top), self->badge);
  return top;
}

static void
bel_student_card_init (BelStudentCard *self)
{
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDropTarget *target;
  GType types[] = { BEL_TYPE_BOARD_STAFF };

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->faces = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  self->nobody = gtk_label_new (_("No adult yet"));
  gtk_widget_add_css_class (self->nobody, "nobody");
  gtk_widget_add_css_class (self->nobody, "caption-heading");
  self->concern = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  self->advocate = gtk_image_new_from_icon_name ("emblem-favorite-symbolic");
  gtk_widget_set_hexpand (self->faces, TRUE);
  gtk_widget_add_css_class (self->concern, "concern");
  gtk_widget_add_css_class (self->advocate, "advocate");
  bel_tooltip_set (self->concern, _("Someone is concerned about this student"));
  gtk_box_append (GTK_BOX (self->faces), self->nobody);
  gtk_box_append (GTK_BOX (bottom), self->faces);
  gtk_box_append (GTK_BOX (bottom), self->concern);
  gtk_box_append (GTK_BOX (bottom), self->advocate);
  gtk_widget_set_size_request (bottom, -1, 22);

  gtk_box_append (GTK_BOX (self->box), build_top (self));
  gtk_box_append (GTK_BOX (self->box), bottom);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (dropped), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
bel_student_card_new (void)
{
  return g_object_new (BEL_TYPE_STUDENT_CARD, NULL);
}
