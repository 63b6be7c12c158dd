/* bel-advocacy-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-advocacy-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-client-board.h"

/* What the list shows */
typedef enum {
  SHOW_MINE,
  SHOW_DUE,
  SHOW_ALL,
} Show;

#define DUE_WITHIN_DAYS 7

struct _BelAdvocacyView
{
  GtkWidget     parent_instance;

  BelClient    *client;
  gint64        school_id;
  gint64        account_id;
  gboolean      manager;
  Show          show;
  GListStore   *items;
  GCancellable *cancellable;
  GtkStringList *status_labels;

  GtkWidget    *box;
  GtkWidget    *switcher;
  GtkWidget    *stack;
  GtkWidget    *empty;
};

G_DEFINE_FINAL_TYPE (BelAdvocacyView, bel_advocacy_view, GTK_TYPE_WIDGET)

static const char * const statuses[] = { "assigned", "reached_out", "connected", "needs_help", "ended" };

static const char *
status_label (guint i)
{
  const char *labels[] = { N_("Assigned"), N_("Reached out"), N_("Connected"), N_("Needs help"), N_("Ended") };
  return _(labels[i]);
}

static guint
status_index (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;
  return 0;
}

static char *
today_plus (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BelAdvocacyView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bel_client_advocates_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GPtrArray) keep = g_ptr_array_new ();

  if (items == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Advocates can't be shown right now"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  for (guint i = 0; i < items->len; i++)
    if (self->show != SHOW_MINE || bel_resource_get_int (items->pdata[i], "school-id") == self->school_id)
      g_ptr_array_add (keep, items->pdata[i]);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       keep->pdata, keep->len);
  if (keep->len == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty),
                                 self->show == SHOW_MINE ? _("No advocacy students yet") : _("Nothing due"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                       self->show == SHOW_MINE
                                       ? _("When a counselor asks you to be a student's advocate, they appear here.")
                                       : _("No follow-up is due this week."));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), keep->len > 0 ? "list" : "empty");
}

void
bel_advocacy_view_reload (BelAdvocacyView *self)
{
  g_autofree char *due = NULL;

  g_return_if_fail (BEL_IS_ADVOCACY_VIEW (self));
  if (self->client == NULL || self->school_id == 0)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->show == SHOW_MINE)
    bel_client_my_advocacy_async (self->client, self->cancellable, loaded_cb, self);
  else
    {
      due = self->show == SHOW_DUE ? today_plus (DUE_WITHIN_DAYS) : NULL;
      bel_client_list_advocates_async (self->client, self->school_id, 0, NULL, due, self->cancellable,
                                       loaded_cb, self);
    }
}

static void
show_toggled (GtkToggleButton *button,
              BelAdvocacyView *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->show = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "show"));
  bel_advocacy_view_reload (self);
}

/* ---- rows ---- */

static void
updated_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelAdvocacyView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvocate) advocate = bel_client_advocate_finish (BEL_CLIENT (source), result, &error);

  if (advocate == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
    }
  bel_advocacy_view_reload (self);
}

static void
status_chosen (GtkDropDown     *dropdown,
               GParamSpec      *pspec,
               BelAdvocacyView *self)
{
  BelAdvocate *advocate = g_object_get_data (G_OBJECT (dropdown), "advocate");
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (advocate == NULL || pos >= G_N_ELEMENTS (statuses) ||
      pos == status_index (bel_resource_get_string (advocate, "status")))
    return;
  bel_client_update_advocate_async (self->client, advocate, statuses[pos], NULL, NULL, updated_cb,
                                    g_object_ref (self));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BelAdvocacyView          *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *avatar = adw_avatar_new (36, NULL, TRUE);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);
  GtkWidget *status = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->status_labels)), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (labels), note);
  gtk_box_append (GTK_BOX (row), avatar);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), status);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  g_signal_connect (status, "notify::selected", G_CALLBACK (status_chosen), self);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          BelAdvocacyView          *self)
{
  BelAdvocate *advocate = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *avatar = gtk_widget_get_first_child (row);
  GtkWidget *labels = gtk_widget_get_next_sibling (avatar);
  GtkWidget *status = gtk_widget_get_next_sibling (labels);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *note = gtk_widget_get_next_sibling (subtitle);
  const char *follow_up = bel_resource_get_string (advocate, "follow-up-on");
  const char *text = bel_resource_get_string (advocate, "note");
  g_autofree char *today = today_plus (0);
  g_autofree char *line = NULL;
  g_autofree char *status_name = NULL;
  gboolean due = follow_up != NULL && g_strcmp0 (follow_up, today) <= 0;

  adw_avatar_set_text (ADW_AVATAR (avatar), bel_resource_get_string (advocate, "student-name"));
  gtk_label_set_label (GTK_LABEL (title), bel_resource_get_string (advocate, "student-name"));
  line = g_strdup_printf (due ? _("Advocate: %s · follow-up was due %s") : _("Advocate: %s · follow up by %s"),
                          bel_resource_get_string (advocate, "display-name"), follow_up ? follow_up : "—");
  gtk_label_set_label (GTK_LABEL (subtitle), line);
  if (due)
    gtk_widget_add_css_class (subtitle, "due");
  else
    gtk_widget_remove_css_class (subtitle, "due");
  gtk_label_set_label (GTK_LABEL (note), text ? text : "");
  gtk_widget_set_visible (note, text != NULL && *text != '\0');
  g_object_set_data (G_OBJECT (status), "advocate", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), status_index (bel_resource_get_string (advocate, "status")));
  g_object_set_data_full (G_OBJECT (status), "advocate", g_object_ref (advocate), g_object_unref);
  gtk_widget_set_sensitive (status, self->manager || bel_resource_get_int (advocate, "account-id") == self->account_id);
  status_name = g_strdup_printf (_("Status for %s"), bel_resource_get_string (advocate, "student-name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, status_name, -1);
}

/* ---- object ---- */

void
bel_advocacy_view_set_school (BelAdvocacyView *self,
                              BelClient       *client,
                              gint64           school_id,
                              gint64           account_id,
                              gboolean         manager)
{
  g_return_if_fail (BEL_IS_ADVOCACY_VIEW (self));
  g_set_object (&self->client, client);
  self->school_id = school_id;
  self->account_id = account_id;
  self->manager = manager;
  gtk_widget_set_visible (self->switcher, manager);
  if (!manager)
    self->show = SHOW_MINE;
  bel_advocacy_view_reload (self);
}

GListModel *
bel_advocacy_view_get_items (BelAdvocacyView *self)
{
  g_return_val_if_fail (BEL_IS_ADVOCACY_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

static void
bel_advocacy_view_dispose (GObject *object)
{
  BelAdvocacyView *self = BEL_ADVOCACY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->items);
  g_clear_object (&self->client);
  g_clear_object (&self->status_labels);
  G_OBJECT_CLASS (bel_advocacy_view_parent_class)->dispose (object);
}

static void
bel_advocacy_view_class_init (BelAdvocacyViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_advocacy_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
add_toggle (BelAdvocacyView *self,
            GtkWidget       *group,
            const char      *label,
            Show             show)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);
  GtkWidget *first = gtk_widget_get_first_child (group);

  g_object_set_data (G_OBJECT (button), "show", GINT_TO_POINTER (show));
  if (first != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
  g_signal_connect (button, "toggled", G_CALLBACK (show_toggled), self);
  gtk_box_append (GTK_BOX (group), button);
  return button;
}

static void
bel_advocacy_view_init (BelAdvocacyView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list;
  GtkWidget *mine;

  self->items = g_list_store_new (BEL_TYPE_ADVOCATE);
  self->status_labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (self->status_labels, status_label (i));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->switcher, "linked");
  gtk_widget_set_halign (self->switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->switcher, 12);
  mine = add_toggle (self, self->switcher, _("_My advocacy students"), SHOW_MINE);
  add_toggle (self, self->switcher, _("Follow-ups _due"), SHOW_DUE);
  add_toggle (self, self->switcher, _("_All advocates"), SHOW_ALL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)))),
                            factory);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "advocacy-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Advocates"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "emblem-favorite-symbolic");
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");

  gtk_box_append (GTK_BOX (self->box), self->switcher);
  gtk_box_append (GTK_BOX (self->box), self->stack);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
