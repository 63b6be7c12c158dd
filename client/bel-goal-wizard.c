/* bel-goal-wizard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-goal-wizard.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bel-benchmark.h"
#include "bel-client-goals.h"
#include "bel-goal-plot.h"
#include "bel-growth-metric.h"
#include "bel-student.h"

#define MAX_BENCHMARKS 12

struct _BelGoalWizard
{
  AdwWindow     parent_instance;

  BelClient    *client;
  BelStudent   *student;
  BelGoal      *revising;
  GPtrArray    *metrics;        /* BelGrowthMetric */
  GPtrArray    *school_goals;   /* BelGoal, for the typical growth */
  GCancellable *cancellable;
  double        suggestion;

  GtkDropDown  *metric_drop;
  AdwEntryRow  *baseline_row;
  AdwEntryRow  *baseline_date_row;
  AdwEntryRow  *target_date_row;
  AdwEntryRow  *target_row;
  AdwActionRow *suggest_row;
  GtkButton    *suggest_button;
  GtkSpinButton *n_spin;
  GtkListBox   *bench_list;
  GtkEntry     *bench_dates[MAX_BENCHMARKS];
  GtkEntry     *bench_values[MAX_BENCHMARKS];
  guint         n_bench;
  GtkSwitch    *with_student;
  GtkSwitch    *with_family;
  AdwEntryRow  *rationale_row;
  GtkLabel     *error_label;
  GtkButton    *save_button;
};

G_DEFINE_FINAL_TYPE (BelGoalWizard, bel_goal_wizard, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static gboolean
number (gpointer editable,
        double  *value)
{
  const char *text = text_of (editable);
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return *text != '\0' && end != NULL && *end == '\0';
}

static void
set_number (gpointer editable,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.1f", round (value * 10) / 10);
  if (g_str_has_suffix (buf, ".0"))
    buf[strlen (buf) - 2] = '\0';
  gtk_editable_set_text (GTK_EDITABLE (editable), buf);
}

static BelGrowthMetric *
chosen_metric (BelGoalWizard *self)
{
  guint i = gtk_drop_down_get_selected (self->metric_drop);

  if (self->revising != NULL)
    {
      gint64 id = bel_resource_get_int (self->revising, "metric-id");

      for (guint j = 0; self->metrics != NULL && j < self->metrics->len; j++)
        if (bel_resource_get_id (self->metrics->pdata[j]) == id)
          return self->metrics->pdata[j];
      return NULL;
    }
  if (self->metrics == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->metrics->len)
    return NULL;
  return self->metrics->pdata[i];
}

static gint64
metric_id (BelGoalWizard *self)
{
  BelGrowthMetric *m = chosen_metric (self);

  if (self->revising != NULL)
    return bel_resource_get_int (self->revising, "metric-id");
  return m ? bel_resource_get_id (m) : 0;
}

/* The median yearly growth of the school's goals on the metric that have one. */
static double
typical_growth (BelGoalWizard *self,
                double         scale_span)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 metric = metric_id (self);

  for (guint i = 0; self->school_goals != NULL && i < self->school_goals->len; i++)
    {
      BelGoal *g = self->school_goals->pdata[i];
      double rate = bel_resource_get_double (g, "growth-per-year");

      if (bel_resource_get_int (g, "metric-id") == metric && rate > -BEL_GROWTH_VALUE_MAX)
        g_array_append_val (rates, rate);
    }
  if (rates->len == 0)
    return scale_span * 0.1;
  for (guint i = 1; i < rates->len; i++)
    for (guint j = i; j > 0 && g_array_index (rates, double, j - 1) > g_array_index (rates, double, j); j--)
      {
        double t = g_array_index (rates, double, j);
        g_array_index (rates, double, j) = g_array_index (rates, double, j - 1);
        g_array_index (rates, double, j - 1) = t;
      }
  return fabs (g_array_index (rates, double, rates->len / 2));
}

static void
suggest_benchmarks (BelGoalWizard *self)
{
  guint32 b_day = bel_goal_plot_day (text_of (self->baseline_date_row));
  guint32 t_day = bel_goal_plot_day (text_of (self->target_date_row));
  double b, t;
  guint32 days[MAX_BENCHMARKS];
  double values[MAX_BENCHMARKS];

  if (b_day == 0 || t_day <= b_day || !number (self->baseline_row, &b) || !number (self->target_row, &t))
    return;
  bel_goal_plot_suggest_benchmarks (b_day, b, t_day, t, self->n_bench, 1, days, values);
  for (guint i = 0; i < self->n_bench; i++)
    {
      g_autofree char *iso = bel_goal_plot_iso (days[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->bench_dates[i]), iso);
      set_number (self->bench_values[i], values[i]);
    }
}

static void
update_suggestion (BelGoalWizard *self)
{
  BelGrowthMetric *m = chosen_metric (self);
  guint32 b_day = bel_goal_plot_day (text_of (self->baseline_date_row));
  guint32 t_day = bel_goal_plot_day (text_of (self->target_date_row));
  double b, lo = -BEL_GROWTH_VALUE_MAX, hi = BEL_GROWTH_VALUE_MAX, growth;
  gboolean higher = TRUE;
  g_autofree char *text = NULL;

  if (m != NULL)
    {
      lo = bel_resource_get_double (m, "scale-min");
      hi = bel_resource_get_double (m, "scale-max");
      higher = g_strcmp0 (bel_resource_get_string (m, "direction"), "lower") != 0;
    }
  else if (self->revising != NULL)
    higher = g_strcmp0 (bel_resource_get_string (self->revising, "direction"), "lower") != 0;
  if (b_day == 0 || t_day <= b_day || !number (self->baseline_row, &b))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->suggest_button), FALSE);
      adw_action_row_set_subtitle (self->suggest_row, _("Enter the baseline and the dates first."));
      return;
    }
  growth = typical_growth (self, m ? hi - lo : fabs (b) * 0.5);
  self->suggestion = round (bel_goal_plot_suggest_target (b, b_day, t_day, growth, BEL_GOAL_AMBITION,
                                                          higher, lo, hi));
  text = g_strdup_printf (_("%g — 1.25 times the typical growth here (%.1f a year), ambitious but attainable"),
                          self->suggestion, growth);
  adw_action_row_set_subtitle (self->suggest_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->suggest_button), TRUE);
}

static void
use_suggestion (BelGoalWizard *self)
{
  set_number (self->target_row, self->suggestion);
  suggest_benchmarks (self);
}

static void
rebuild_benchmarks (BelGoalWizard *self)
{
  guint n = (guint) gtk_spin_button_get_value_as_int (self->n_spin);

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->bench_list))) != NULL;)
    gtk_list_box_remove (self->bench_list, row);
  self->n_bench = MIN (n, MAX_BENCHMARKS);
  for (guint i = 0; i < self->n_bench; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Benchmark %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      self->bench_dates[i] = GTK_ENTRY (gtk_entry_new ());
      self->bench_values[i] = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (self->bench_dates[i]), 11);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->bench_values[i]), 6);
      gtk_widget_set_valign (GTK_WIDGET (self->bench_dates[i]), GTK_ALIGN_CENTER);
      gtk_widget_set_valign (GTK_WIDGET (self->bench_values[i]), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bench_dates[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Due on"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bench_values[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Target"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->bench_dates[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->bench_values[i]));
      gtk_list_box_append (self->bench_list, row);
    }
  suggest_benchmarks (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelGoalWizard *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGoal) goal = bel_client_goal_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (goal == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, goal);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
bel_goal_wizard_save (BelGoalWizard *self)
{
  g_autoptr(BelGoal) goal = bel_goal_new ();
  g_autoptr(GListStore) benchmarks = g_list_store_new (BEL_TYPE_BENCHMARK);
  double b, t;
  const char *problem = NULL;

  if (metric_id (self) <= 0)
    problem = _("Choose a metric.");
  else if (!number (self->baseline_row, &b) || !number (self->target_row, &t))
    problem = _("Enter the baseline and the target as numbers.");
  else if (bel_goal_plot_day (text_of (self->baseline_date_row)) == 0 ||
           bel_goal_plot_day (text_of (self->target_date_row)) == 0)
    problem = _("Enter the dates as YYYY-MM-DD.");
  for (guint i = 0; problem == NULL && i < self->n_bench; i++)
    {
      g_autoptr(BelBenchmark) bm = bel_benchmark_new ();
      double v;

      if (bel_goal_plot_day (text_of (self->bench_dates[i])) == 0 || !number (self->bench_values[i], &v))
        problem = _("Each benchmark needs a date (YYYY-MM-DD) and a target.");
      else
        {
          g_object_set (bm, "due-on", text_of (self->bench_dates[i]), "target-value", v, NULL);
          g_list_store_append (benchmarks, bm);
        }
    }
  if (problem != NULL)
    {
      gtk_label_set_label (self->error_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_object_set (goal, "metric-id", metric_id (self), "baseline-value", b,
                "baseline-date", text_of (self->baseline_date_row), "target-value", t,
                "target-date", text_of (self->target_date_row),
                "set-with-student", gtk_switch_get_active (self->with_student),
                "set-with-family", gtk_switch_get_active (self->with_family),
                "rationale", text_of (self->rationale_row), "benchmarks", benchmarks, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  if (self->revising != NULL)
    bel_client_revise_goal_async (self->client, bel_resource_get_id (self->revising), goal,
                                  self->cancellable, saved_cb, self);
  else
    bel_client_create_goal_async (self->client, bel_resource_get_id (self->student), goal,
                                  self->cancellable, saved_cb, self);
}

gboolean
bel_goal_wizard_get_ready (BelGoalWizard *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_WIZARD (self), FALSE);
  return self->metrics != NULL && self->school_goals != NULL;
}

void
bel_goal_wizard_use_suggestion (BelGoalWizard *self)
{
  g_return_if_fail (BEL_IS_GOAL_WIZARD (self));
  use_suggestion (self);
}

double
bel_goal_wizard_get_suggestion (BelGoalWizard *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_WIZARD (self), 0);
  return self->suggestion;
}

/* ---- loading ---- */

static void
metrics_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BelGoalWizard *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) metrics = bel_client_goals_list_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (metrics == NULL)
    return;
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  self->metrics = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < metrics->len; i++)
    if (bel_resource_get_bool (metrics->pdata[i], "active"))
      {
        g_ptr_array_add (self->metrics, g_object_ref (metrics->pdata[i]));
        gtk_string_list_append (names, bel_resource_get_string (metrics->pdata[i], "name"));
      }
  gtk_drop_down_set_model (self->metric_drop, G_LIST_MODEL (names));
  update_suggestion (self);
}

static void
school_goals_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BelGoalWizard *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *goals = bel_client_goals_list_finish (BEL_CLIENT (source), result, &error);

  if (goals == NULL)
    return;
  g_clear_pointer (&self->school_goals, g_ptr_array_unref);
  self->school_goals = goals;
  update_suggestion (self);
}

/* ---- object ---- */

static void
bel_goal_wizard_dispose (GObject *object)
{
  BelGoalWizard *self = BEL_GOAL_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->student);
  g_clear_object (&self->revising);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_pointer (&self->school_goals, g_ptr_array_unref);
  G_OBJECT_CLASS (bel_goal_wizard_parent_class)->dispose (object);
}

static void
bel_goal_wizard_class_init (BelGoalWizardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_goal_wizard_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_goal_wizard_init (BelGoalWizard *self)
{
  self->cancellable = g_cancellable_new ();
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkSwitch *
switch_row (AdwPreferencesGroup *group, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (sw);
}

static void
build (BelGoalWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *aim = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *bench = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *with = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *metric_row = adw_action_row_new ();
  GtkWidget *n_row = adw_action_row_new ();
  g_autofree char *name = bel_student_dup_display_name (self->student);
  g_autofree char *title = g_strdup_printf (self->revising ? _("Revise %s's goal") : _("A growth goal for %s"), name);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_year = g_date_time_format (later, "%Y-%m-%d");

  gtk_window_set_title (GTK_WINDOW (self), title);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (self->revising ? _("_Revise") : _("_Set goal")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (bel_goal_wizard_save), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (aim, _("The aim"));
  adw_preferences_group_set_description (aim, _("Challenging but attainable, set with the student and their family."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (metric_row), _("Metric"));
  self->metric_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *[]) { NULL }));
  gtk_widget_set_valign (GTK_WIDGET (self->metric_drop), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (metric_row), GTK_WIDGET (self->metric_drop));
  adw_preferences_group_add (aim, metric_row);
  self->baseline_row = entry_row (aim, _("Baseline score"));
  self->baseline_date_row = entry_row (aim, _("Baseline date (YYYY-MM-DD)"));
  self->target_date_row = entry_row (aim, _("Target date (YYYY-MM-DD)"));
  self->target_row = entry_row (aim, _("Target score"));
  self->suggest_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggest_row), _("Suggested target"));
  self->suggest_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Use")));
  gtk_widget_set_valign (GTK_WIDGET (self->suggest_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->suggest_button, "clicked", G_CALLBACK (use_suggestion), self);
  adw_action_row_add_suffix (self->suggest_row, GTK_WIDGET (self->suggest_button));
  adw_preferences_group_add (aim, GTK_WIDGET (self->suggest_row));

  adw_preferences_group_set_title (bench, _("Benchmarks"));
  adw_preferences_group_set_description (bench, _("Suggested at even intervals on the aim line; change any of them."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (n_row), _("How many"));
  self->n_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, MAX_BENCHMARKS, 1));
  gtk_spin_button_set_value (self->n_spin, 4);
  gtk_widget_set_valign (GTK_WIDGET (self->n_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (n_row), GTK_WIDGET (self->n_spin));
  adw_preferences_group_add (bench, n_row);
  self->bench_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->bench_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->bench_list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->bench_list), 12);
  adw_preferences_group_add (bench, GTK_WIDGET (self->bench_list));

  adw_preferences_group_set_title (with, _("Set with"));
  self->with_student = switch_row (with, _("The student"));
  self->with_family = switch_row (with, _("Their family"));
  self->rationale_row = entry_row (with, _("Why this goal (optional)"));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (with, GTK_WIDGET (self->error_label));

  adw_preferences_page_add (page, aim);
  adw_preferences_page_add (page, bench);
  adw_preferences_page_add (page, with);
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (self), box);

  if (self->revising != NULL)
    {
      gtk_widget_set_sensitive (metric_row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (metric_row), bel_resource_get_string (self->revising, "metric-name"));
      gtk_widget_set_visible (GTK_WIDGET (self->metric_drop), FALSE);
      set_number (self->baseline_row, bel_resource_get_double (self->revising, "baseline-value"));
      gtk_editable_set_text (GTK_EDITABLE (self->baseline_date_row), bel_resource_get_string (self->revising, "baseline-date"));
      gtk_editable_set_text (GTK_EDITABLE (self->target_date_row), bel_resource_get_string (self->revising, "target-date"));
      set_number (self->target_row, bel_resource_get_double (self->revising, "target-value"));
      gtk_switch_set_active (self->with_student, bel_resource_get_bool (self->revising, "set-with-student"));
      gtk_switch_set_active (self->with_family, bel_resource_get_bool (self->revising, "set-with-family"));
      if (bel_resource_get_string (self->revising, "rationale") != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->rationale_row), bel_resource_get_string (self->revising, "rationale"));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->baseline_date_row), today);
      gtk_editable_set_text (GTK_EDITABLE (self->target_date_row), next_year);
    }
  g_signal_connect_swapped (self->metric_drop, "notify::selected", G_CALLBACK (update_suggestion), self);
  g_signal_connect_swapped (self->baseline_row, "changed", G_CALLBACK (update_suggestion), self);
  g_signal_connect_swapped (self->baseline_date_row, "changed", G_CALLBACK (update_suggestion), self);
  g_signal_connect_swapped (self->target_date_row, "changed", G_CALLBACK (update_suggestion), self);
  g_signal_connect_swapped (self->target_row, "changed", G_CALLBACK (suggest_benchmarks), self);
  g_signal_connect_swapped (self->n_spin, "value-changed", G_CALLBACK (rebuild_benchmarks), self);
  rebuild_benchmarks (self);
  update_suggestion (self);
}

BelGoalWizard *
bel_goal_wizard_new (GtkWindow  *parent,
                     BelClient  *client,
                     BelStudent *student,
                     BelGoal    *revising)
{
  BelGoalWizard *self = g_object_new (BEL_TYPE_GOAL_WIZARD, "modal", TRUE, "transient-for", parent,
                                      "default-width", 560, "default-height", 680, NULL);
  gint64 school = bel_resource_get_int (student, "school-id");

  self->client = g_object_ref (client);
  self->student = g_object_ref (student);
  self->revising = revising ? g_object_ref (revising) : NULL;
  build (self);
  bel_client_list_metrics_async (client, school, self->cancellable, metrics_cb, self);
  bel_client_list_school_goals_async (client, school, NULL, 0, self->cancellable, school_goals_cb, self);
  return self;
}
