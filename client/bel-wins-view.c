/* bel-wins-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-wins-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-benchmark.h"
#include "bel-goal.h"
#include "bel-goal-card.h"
#include "bel-goal-plot.h"

#define WEEK_DAYS 7

struct _BelWinsView
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkWidget *list;
  GtkWidget *empty;
  GtkWidget *stack;
  guint      n_wins;
};

G_DEFINE_FINAL_TYPE (BelWinsView, bel_wins_view, GTK_TYPE_WIDGET)

typedef struct {
  guint32     day;
  BelGoal    *goal;
  BelBenchmark *benchmark;
} Win;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Win *x = a, *y = b;

  if (x->day != y->day)
    return x->day > y->day ? -1 : 1;
  return g_strcmp0 (bel_resource_get_string (x->goal, "student-name"),
                    bel_resource_get_string (y->goal, "student-name"));
}

static GtkWidget *
win_row (const Win *win)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value;
  g_autofree char *title = g_markup_escape_text (bel_resource_get_string (win->goal, "student-name") ?: "", -1);
  g_autofree char *metric = g_markup_escape_text (bel_resource_get_string (win->goal, "metric-name") ?: "", -1);
  g_autofree char *when = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *score = NULL;
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, win->day);
  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
  when = g_date_time_format (dt, _("%A, %b %-d"));
  /* Translators: "Reading readiness, scaled score · benchmark 181 met on Tuesday, Dec 2" */
  sub = g_strdup_printf (_("%s · benchmark %g met on %s"), metric,
                         bel_resource_get_double (win->benchmark, "target-value"), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  score = g_strdup_printf ("%g", bel_resource_get_double (win->benchmark, "met-value"));
  value = gtk_label_new (score);
  gtk_widget_add_css_class (value, "win-value");
  gtk_widget_set_tooltip_text (value, _("The score that met it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  {
    GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
    gtk_widget_add_css_class (star, "win-star");
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
  }
  gtk_widget_add_css_class (row, "win-row");
  return row;
}

void
bel_wins_view_set_goals (BelWinsView *self,
                         GPtrArray   *goals,
                         const char  *today)
{
  g_autoptr(GArray) wins = g_array_new (FALSE, FALSE, sizeof (Win));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_iso = g_date_time_format (now, "%Y-%m-%d");
  guint32 end = bel_goal_plot_day (today ? today : now_iso);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (BEL_IS_WINS_VIEW (self));
  for (GtkWidget *row; (row = gtk_widget_get_first_child (self->list)) != NULL;)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), row);
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      GListModel *benchmarks = bel_resource_get_object (goals->pdata[i], "benchmarks");

      for (guint j = 0; benchmarks != NULL && j < g_list_model_get_n_items (benchmarks); j++)
        {
          BelBenchmark *bm = g_list_model_get_item (benchmarks, j);
          guint32 day = bel_goal_plot_day (bel_resource_get_string (bm, "met-on"));

          g_ptr_array_add (keep, bm);
          if (day != 0 && day <= end && day + WEEK_DAYS > end)
            g_array_append_val (wins, ((Win) { day, goals->pdata[i], bm }));
        }
    }
  g_array_sort (wins, newest_first);
  for (guint i = 0; i < wins->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), win_row (&g_array_index (wins, Win, i)));
  self->n_wins = wins->len;
  gtk_stack_set_visible_child (GTK_STACK (self->stack), wins->len > 0 ? self->scroller : self->empty);
}

guint
bel_wins_view_get_n_wins (BelWinsView *self)
{
  g_return_val_if_fail (BEL_IS_WINS_VIEW (self), 0);
  return self->n_wins;
}

static void
bel_wins_view_dispose (GObject *object)
{
  BelWinsView *self = BEL_WINS_VIEW (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  G_OBJECT_CLASS (bel_wins_view_parent_class)->dispose (object);
}

static void
bel_wins_view_class_init (BelWinsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_wins_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bel_wins_view_init (BelWinsView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("Benchmarks met in the last seven days. Good news travels well: a short call home makes a family's week."));

  bel_goals_load_css ();
  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Wins this week"), -1);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), self->list);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_stack_add_child (GTK_STACK (self->stack), self->scroller);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "starred-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No benchmarks met this week yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("When a student meets a benchmark, it shows here for a good-news call home."));
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty);
}
