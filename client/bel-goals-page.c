/* bel-goals-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-goals-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "bel-advisory.h"
#include "bel-celebration.h"
#include "bel-client-goals.h"
#include "bel-goal.h"
#include "bel-goal-card.h"
#include "bel-growth-metric.h"
#include "bel-wins-view.h"

struct _BelGoalsPage
{
  GtkWidget          parent_instance;

  BelClient         *client;
  BelSchool         *school;
  GCancellable      *cancellable;
  gboolean           loading;
  gint64             my_advisory;
  BelCelebration    *celebration;   /* weak */

  GtkWidget         *box;
  GListStore        *goals;
  GtkFilterListModel *filtered;
  GtkCustomFilter   *filter;
  GtkColumnView     *view;
  GtkToggleButton   *off_track_button;
  GtkToggleButton   *mine_button;
  GtkLabel          *count_label;
  GtkStack          *list_stack;
  BelWinsView       *wins;
  AdwViewStack      *view_stack;
};

G_DEFINE_FINAL_TYPE (BelGoalsPage, bel_goals_page, GTK_TYPE_WIDGET)

/* ---- loading ---- */

static void
update_count (BelGoalsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (ngettext ("%u goal", "%u goals", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
goals_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelGoalsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = bel_client_goals_list_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (goals == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }
  g_list_store_splice (self->goals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->goals)),
                       goals->pdata, goals->len);
  bel_wins_view_set_goals (self->wins, goals, NULL);
  update_count (self);
}

void
bel_goals_page_reload (BelGoalsPage *self)
{
  gint64 advisory;

  g_return_if_fail (BEL_IS_GOALS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || self->school == NULL)
    {
      g_list_store_remove_all (self->goals);
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  advisory = gtk_toggle_button_get_active (self->mine_button) ? self->my_advisory : 0;
  bel_client_list_school_goals_async (self->client, bel_resource_get_id (self->school), NULL, advisory,
                                      self->cancellable, goals_cb, self);
}

static void
advisories_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BelGoalsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) advisories = bel_client_list_advisories_finish (BEL_CLIENT (source), result, &error);
  BelAccount *me = bel_client_get_account (BEL_CLIENT (source));

  if (self->school == NULL || self->client == NULL)
    return;
  self->my_advisory = 0;
  for (guint i = 0; advisories != NULL && me != NULL && i < advisories->len; i++)
    if (bel_resource_get_int (advisories->pdata[i], "advisor-id") == bel_resource_get_id (me))
      self->my_advisory = bel_resource_get_id (advisories->pdata[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_button), self->my_advisory > 0);
  if (self->my_advisory > 0 && !gtk_toggle_button_get_active (self->mine_button))
    gtk_toggle_button_set_active (self->mine_button, TRUE);   /* reloads */
  else
    bel_goals_page_reload (self);
}

/* ---- the column view ---- */

static gboolean
off_track (gpointer item,
           gpointer user_data)
{
  BelGoalsPage *self = user_data;

  return !gtk_toggle_button_get_active (self->off_track_button) ||
         g_strcmp0 (bel_resource_get_string (item, "track"), "off_track") == 0;
}

static void
filter_changed (BelGoalsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

typedef char *(*CellText) (BelGoal *goal);

static char *
cell_student (BelGoal *goal)
{
  return g_strdup (bel_resource_get_string (goal, "student-name"));
}

static char *
cell_metric (BelGoal *goal)
{
  const char *language = bel_resource_get_string (goal, "language");
  if (language != NULL && *language != '\0')
    return g_strdup_printf ("%s (%s)", bel_resource_get_string (goal, "metric-name"), language);
  return g_strdup (bel_resource_get_string (goal, "metric-name"));
}

static char *
number (BelGoal *goal, const char *field)
{
  double v = bel_resource_get_double (goal, field);
  return v > -BEL_GROWTH_VALUE_MAX ? g_strdup_printf ("%.0f", v) : g_strdup ("—");
}

static char *cell_latest (BelGoal *goal) { return number (goal, "latest-value"); }
static char *cell_expected (BelGoal *goal) { return number (goal, "expected-value"); }

static char *
cell_next (BelGoal *goal)
{
  double v = bel_resource_get_double (goal, "next-benchmark-target");
  const char *due = bel_resource_get_string (goal, "next-benchmark-due");
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *when = NULL;

  if (v <= -BEL_GROWTH_VALUE_MAX || due == NULL || sscanf (due, "%d-%d-%d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup ("—");
  when = g_date_time_format (dt, _("%b %-d, %Y"));
  /* Translators: the next benchmark, "184 by Mar 19, 2027" */
  return g_strdup_printf (_("%.0f by %s"), v, when);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CellText text = g_object_get_data (G_OBJECT (factory), "cell-text");
  g_autofree char *value = text (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), value);
}

static void
setup_status (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "goal-status");
  gtk_list_item_set_child (item, label);
}

static void
bind_status (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  BelGoal *goal = gtk_list_item_get_item (item);
  const char *classes[] = { "goal-status", bel_goal_status_class (goal), NULL };

  gtk_label_set_label (GTK_LABEL (label), bel_goal_status_label (goal));
  gtk_widget_set_css_classes (label, classes);
}

static void
add_column (BelGoalsPage *self,
            const char   *title,
            CellText      text,
            const char   *sort_property,
            gboolean      numeric,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter = NULL;
  GtkExpression *expr;

  if (text != NULL)
    {
      g_object_set_data (G_OBJECT (factory), "cell-text", text);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_status), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_status), NULL);
    }
  column = gtk_column_view_column_new (title, factory);
  expr = gtk_property_expression_new (BEL_TYPE_GOAL, NULL, sort_property);
  if (numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expr));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expr));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  if (g_str_equal (sort_property, "student-name"))
    gtk_column_view_sort_by_column (self->view, column, GTK_SORT_ASCENDING);
  g_object_unref (sorter);
  g_object_unref (column);
}

/* ---- live ---- */

static void
goal_event (BelGoalsPage *self,
            const char   *type,
            JsonNode     *data)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bel_goals_page_reload (self);
}

static void
bel_goals_page_map (GtkWidget *widget)
{
  BelGoalsPage *self = BEL_GOALS_PAGE (widget);
  BelCelebration *celebration = bel_celebration_get (widget);

  GTK_WIDGET_CLASS (bel_goals_page_parent_class)->map (widget);
  if (celebration != NULL && celebration != self->celebration)
    {
      g_set_weak_pointer (&self->celebration, celebration);
      g_signal_connect_object (celebration, "goal-event", G_CALLBACK (goal_event), self, G_CONNECT_SWAPPED);
    }
  bel_goals_page_reload (self);
}

/* ---- object ---- */

static void
bel_goals_page_dispose (GObject *object)
{
  BelGoalsPage *self = BEL_GOALS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->celebration);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->goals);
  g_clear_object (&self->client);
  g_clear_object (&self->school);
  G_OBJECT_CLASS (bel_goals_page_parent_class)->dispose (object);
}

static void
bel_goals_page_class_init (BelGoalsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_goals_page_dispose;
  widget_class->map = bel_goals_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
students_view (BelGoalsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkSortListModel *sorted;
  GtkSelectionModel *selection;

  self->goals = g_list_store_new (BEL_TYPE_GOAL);
  self->filter = gtk_custom_filter_new (off_track, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->goals)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (self->view, selection);
  g_object_unref (selection);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Students' goals"), -1);
  add_column (self, _("Student"), cell_student, "student-name", FALSE, TRUE);
  add_column (self, _("Metric"), cell_metric, "metric-name", FALSE, TRUE);
  add_column (self, _("Status"), NULL, "track", FALSE, FALSE);
  add_column (self, _("Latest"), cell_latest, "latest-value", TRUE, FALSE);
  add_column (self, _("Expected today"), cell_expected, "expected-value", TRUE, FALSE);
  add_column (self, _("Next benchmark"), cell_next, "next-benchmark-due", FALSE, FALSE);

  self->off_track_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Off track only")));
  g_signal_connect_swapped (self->off_track_button, "toggled", G_CALLBACK (filter_changed), self);
  self->mine_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_My advisory")));
  gtk_widget_set_visible (GTK_WIDGET (self->mine_button), FALSE);
  g_signal_connect_swapped (self->mine_button, "toggled", G_CALLBACK (bel_goals_page_reload), self);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->mine_button));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->off_track_button));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (box), bar);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No goals to show"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("No student's goal matches. With “Off track only”, that is good news."));
  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, scroller, "list");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_stack));
  return box;
}

static void
bel_goals_page_init (BelGoalsPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *switcher_bar = adw_view_switcher_bar_new ();
  AdwViewStackPage *page;

  bel_goals_load_css ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-students");
  gtk_widget_set_tooltip_text (back, _("Back to students"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to students"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  self->view_stack = ADW_VIEW_STACK (adw_view_stack_new ());
  page = adw_view_stack_add_titled (self->view_stack, students_view (self), "students", _("Students"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");
  self->wins = g_object_new (BEL_TYPE_WINS_VIEW, NULL);
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->wins), "wins", _("Wins this week"));
  adw_view_stack_page_set_icon_name (page, "starred-symbolic");
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), self->view_stack);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), _("Growth goals"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), self->view_stack);
  g_object_bind_property (title, "title-visible", switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->view_stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view_stack));
  gtk_box_append (GTK_BOX (self->box), switcher_bar);
}

void
bel_goals_page_set_client (BelGoalsPage *self,
                           BelClient    *client)
{
  g_return_if_fail (BEL_IS_GOALS_PAGE (self));
  g_set_object (&self->client, client);
}

void
bel_goals_page_set_school (BelGoalsPage *self,
                           BelSchool    *school)
{
  g_return_if_fail (BEL_IS_GOALS_PAGE (self));
  g_set_object (&self->school, school);
  g_list_store_remove_all (self->goals);
  self->my_advisory = 0;
  if (school == NULL || self->client == NULL)
    return;
  bel_client_list_advisories_async (self->client, bel_resource_get_id (school), NULL,
                                    advisories_cb, g_object_ref (self));
}

gboolean
bel_goals_page_get_loading (BelGoalsPage *self)
{
  g_return_val_if_fail (BEL_IS_GOALS_PAGE (self), FALSE);
  return self->loading;
}

void
bel_goals_page_set_off_track_only (BelGoalsPage *self,
                                   gboolean      off_track_only)
{
  g_return_if_fail (BEL_IS_GOALS_PAGE (self));
  gtk_toggle_button_set_active (self->off_track_button, off_track_only);
}

guint
bel_goals_page_get_n_shown (BelGoalsPage *self)
{
  g_return_val_if_fail (BEL_IS_GOALS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GtkWidget *
bel_goals_page_get_wins (BelGoalsPage *self)
{
  g_return_val_if_fail (BEL_IS_GOALS_PAGE (self), NULL);
  return GTK_WIDGET (self->wins);
}

GListModel *
bel_goals_page_get_model (BelGoalsPage *self)
{
  g_return_val_if_fail (BEL_IS_GOALS_PAGE (self), NULL);
  return G_LIST_MODEL (self->goals);
}
