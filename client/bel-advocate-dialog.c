/* bel-advocate-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-advocate-dialog.h"

#include <glib/gi18n.h>

#include "bel-client-board.h"

#define DEFAULT_FOLLOW_UP_DAYS 14

struct _BelAdvocateDialog
{
  AdwMessageDialog  parent_instance;

  BelClient        *client;
  GListModel       *staff;
  BelBoardStudent  *student;
  GtkDropDown      *staff_dropdown;
  GtkEntry         *date_entry;
  GtkCalendar      *calendar;
  GtkTextView      *note_view;
};

enum { ASSIGNED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelAdvocateDialog, bel_advocate_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
parse_date (const char *text)
{
  g_autoptr(GDate) date = g_date_new ();
  int y, m, d;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static void
update_valid (BelAdvocateDialog *self)
{
  gboolean ok = gtk_drop_down_get_selected (self->staff_dropdown) != GTK_INVALID_LIST_POSITION &&
                parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", ok);
  if (parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))))
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
}

static void
day_selected (BelAdvocateDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

static void
assigned_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BelAdvocateDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvocate) advocate = bel_client_advocate_finish (BEL_CLIENT (source), result, &error);

  if (advocate == NULL)
    g_signal_emit (self, signals[FAILED], 0, error->message);
  else
    g_signal_emit (self, signals[ASSIGNED], 0, advocate);
}

void
bel_advocate_dialog_submit (BelAdvocateDialog *self)
{
  g_autoptr(BelBoardStaff) staff = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *note = NULL;

  g_return_if_fail (BEL_IS_ADVOCATE_DIALOG (self));
  staff = g_list_model_get_item (self->staff, gtk_drop_down_get_selected (self->staff_dropdown));
  if (staff == NULL)
    return;
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  bel_client_assign_advocate_async (self->client, bel_board_student_get_id (self->student),
                                    bel_board_staff_get_account_id (staff),
                                    gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), g_strstrip (note),
                                    NULL, assigned_cb, g_object_ref (self));
}

static void
bel_advocate_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  if (g_strcmp0 (response, "assign") == 0)
    bel_advocate_dialog_submit (BEL_ADVOCATE_DIALOG (dialog));
}

void
bel_advocate_dialog_fill (BelAdvocateDialog *self,
                          gint64             account_id,
                          const char        *follow_up_on,
                          const char        *note)
{
  g_return_if_fail (BEL_IS_ADVOCATE_DIALOG (self));
  for (guint i = 0; i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(BelBoardStaff) staff = g_list_model_get_item (self->staff, i);
      if (bel_board_staff_get_account_id (staff) == account_id)
        gtk_drop_down_set_selected (self->staff_dropdown, i);
    }
  if (follow_up_on != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), follow_up_on);
  if (note != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
}

static void
bel_advocate_dialog_dispose (GObject *object)
{
  BelAdvocateDialog *self = BEL_ADVOCATE_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->staff);
  g_clear_object (&self->student);
  G_OBJECT_CLASS (bel_advocate_dialog_parent_class)->dispose (object);
}

static void
bel_advocate_dialog_class_init (BelAdvocateDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_advocate_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = bel_advocate_dialog_response;

  /* assigned (BelAdvocate *), failed (const char *message) */
  signals[ASSIGNED] = g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bel_advocate_dialog_init (BelAdvocateDialog *self)
{
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), child);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return box;
}

static GtkWidget *
build_form (BelAdvocateDialog *self)
{
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *date_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *calendar_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GtkExpression) name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, DEFAULT_FOLLOW_UP_DAYS);
  g_autofree char *date = g_date_time_format (later, "%Y-%m-%d");

  name = gtk_property_expression_new (BEL_TYPE_BOARD_STAFF, NULL, "display-name");
  self->staff_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (self->staff), g_steal_pointer (&name)));
  gtk_drop_down_set_enable_search (self->staff_dropdown, TRUE);
  gtk_drop_down_set_selected (self->staff_dropdown, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->staff_dropdown, "notify::selected", G_CALLBACK (update_valid), self);

  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_entry_set_placeholder_text (self->date_entry, "YYYY-MM-DD");
  gtk_widget_set_hexpand (GTK_WIDGET (self->date_entry), TRUE);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (update_valid), self);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_calendar_select_day (self->calendar, later);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected), self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (calendar_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (calendar_button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (calendar_button, _("Choose a day"));
  gtk_widget_add_css_class (date_box, "linked");
  gtk_box_append (GTK_BOX (date_box), GTK_WIDGET (self->date_entry));
  gtk_box_append (GTK_BOX (date_box), calendar_button);

  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->note_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_widget_add_css_class (scroller, "card");

  gtk_box_append (GTK_BOX (form), labelled (_("_Advocate"), GTK_WIDGET (self->staff_dropdown)));
  gtk_box_append (GTK_BOX (form), labelled (_("_Follow up by"), date_box));
  gtk_box_append (GTK_BOX (form), labelled (_("_Note (a way in: interests, a class, a club)"), scroller));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Follow up by"), -1);
  return form;
}

GtkWidget *
bel_advocate_dialog_new (GtkWindow       *parent,
                         BelClient       *client,
                         GListModel      *staff,
                         BelBoardStudent *student)
{
  g_autofree char *heading = g_strdup_printf (_("An advocate for %s"), bel_board_student_get_display_name (student));
  BelAdvocateDialog *self = g_object_new (BEL_TYPE_ADVOCATE_DIALOG,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          "heading", heading,
                                          "body", _("Someone who will build a relationship with this student and follow up by the date below."),
                                          NULL);

  self->client = g_object_ref (client);
  self->staff = g_object_ref (staff);
  self->student = g_object_ref (student);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), build_form (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "assign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  update_valid (self);
  return GTK_WIDGET (self);
}
