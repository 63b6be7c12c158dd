/* bel-goal-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-goal-card.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bel-celebration.h"

struct _BelGoalCard
{
  GtkWidget     parent_instance;

  BelGoal      *goal;
  GtkWidget    *box;
  GtkWidget    *overlay;
  BelGoalChart *chart;
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (BelGoalCard, bel_goal_card, GTK_TYPE_WIDGET)

enum { SIGNAL_RECORD, SIGNAL_REVISE, N_SIGNALS };
static guint signals[N_SIGNALS];

const char *
bel_goal_status_label (BelGoal *goal)
{
  const char *status = bel_resource_get_string (goal, "status");
  const char *track = bel_resource_get_string (goal, "track");

  if (g_strcmp0 (status, "met") == 0)
    return _("Goal met");
  if (g_strcmp0 (status, "missed") == 0)
    return _("Missed");
  if (g_strcmp0 (status, "revised") == 0)
    return _("Revised");
  if (g_strcmp0 (track, "on_track") == 0)
    return _("On track");
  if (g_strcmp0 (track, "off_track") == 0)
    return _("Off track");
  return _("Not enough data");
}

const char *
bel_goal_status_class (BelGoal *goal)
{
  const char *status = bel_resource_get_string (goal, "status");
  const char *track = bel_resource_get_string (goal, "track");

  if (g_strcmp0 (status, "met") == 0)
    return "on-track";
  if (g_strcmp0 (status, "active") != 0)
    return "closed";
  if (g_strcmp0 (track, "on_track") == 0)
    return "on-track";
  if (g_strcmp0 (track, "off_track") == 0)
    return "off-track";
  return "no-data";
}

static char *
format_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return dt ? g_date_time_format (dt, _("%b %-d, %Y")) : g_strdup (iso);
}

static char *
subtitle (BelGoal *goal)
{
  g_autofree char *from = format_date (bel_resource_get_string (goal, "baseline-date"));
  g_autofree char *by = format_date (bel_resource_get_string (goal, "target-date"));
  const char *unit = bel_resource_get_string (goal, "unit");
  gboolean student = bel_resource_get_bool (goal, "set-with-student");
  gboolean family = bel_resource_get_bool (goal, "set-with-family");
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, _("From %g on %s to %g %s by %s"),
                          bel_resource_get_double (goal, "baseline-value"), from,
                          bel_resource_get_double (goal, "target-value"), unit ? unit : "", by);
  if (student && family)
    g_string_append (s, _(" · set with the student and family"));
  else if (student)
    g_string_append (s, _(" · set with the student"));
  else if (family)
    g_string_append (s, _(" · set with the family"));
  return g_string_free (s, FALSE);
}

static GtkWidget *
legend_item (const char *css_class,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (swatch, "goal-swatch");
  gtk_widget_add_css_class (swatch, css_class);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

void
bel_goals_load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/app/belonging/Belonging/goals.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
record_clicked (BelGoalCard *self)
{
  g_signal_emit (self, signals[SIGNAL_RECORD], 0);
}

static void
revise_clicked (BelGoalCard *self)
{
  g_signal_emit (self, signals[SIGNAL_REVISE], 0);
}

static void
build (BelGoalCard *self)
{
  BelGoal *goal = self->goal;
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (bel_resource_get_string (goal, "metric-name"));
  g_autofree char *sub_text = subtitle (goal);
  GtkWidget *sub = gtk_label_new (sub_text);
  GtkWidget *legend = gtk_flow_box_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *language = bel_resource_get_string (goal, "language");
  gboolean active = g_strcmp0 (bel_resource_get_string (goal, "status"), "active") == 0;

  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "goal-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), sub);
  gtk_box_append (GTK_BOX (head), titles);
  if (language != NULL && *language != '\0')
    {
      GtkWidget *tag = gtk_label_new (language);
      gtk_widget_add_css_class (tag, "goal-language");
      gtk_widget_set_valign (tag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (head), tag);
    }
  self->status_label = GTK_LABEL (gtk_label_new (bel_goal_status_label (goal)));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "goal-status");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), bel_goal_status_class (goal));
  gtk_widget_set_valign (GTK_WIDGET (self->status_label), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (self->box), head);

  self->chart = BEL_GOAL_CHART (bel_goal_chart_new ());
  bel_goal_chart_set_goal (self->chart, goal);
  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (self->box), self->overlay);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (legend), 14);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (legend), 4);
  gtk_widget_set_can_focus (legend, FALSE);
  gtk_widget_set_valign (legend, GTK_ALIGN_CENTER);
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("measure", _("Scores")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("behind", _("Behind the aim line")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("aim", _("Aim line")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("benchmark", _("Benchmark met")));
  gtk_widget_set_hexpand (legend, TRUE);
  gtk_box_append (GTK_BOX (actions), legend);
  if (active)
    {
      GtkWidget *revise = gtk_button_new_with_mnemonic (_("Re_vise…"));
      GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record a score…"));

      gtk_widget_add_css_class (revise, "flat");
      gtk_widget_set_tooltip_text (revise, _("Change the aim; the old goal is kept"));
      gtk_widget_add_css_class (record, "suggested-action");
      g_signal_connect_swapped (revise, "clicked", G_CALLBACK (revise_clicked), self);
      g_signal_connect_swapped (record, "clicked", G_CALLBACK (record_clicked), self);
      gtk_widget_set_name (record, "record_button");
      gtk_widget_set_name (revise, "revise_button");
      gtk_box_append (GTK_BOX (actions), revise);
      gtk_box_append (GTK_BOX (actions), record);
    }
  gtk_box_append (GTK_BOX (self->box), actions);
}

void
bel_goal_card_celebrate (BelGoalCard *self)
{
  g_return_if_fail (BEL_IS_GOAL_CARD (self));
  bel_celebration_sparkle (GTK_OVERLAY (self->overlay));
}

static void
bel_goal_card_dispose (GObject *object)
{
  BelGoalCard *self = BEL_GOAL_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->goal);
  G_OBJECT_CLASS (bel_goal_card_parent_class)->dispose (object);
}

static void
bel_goal_card_class_init (BelGoalCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_goal_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  signals[SIGNAL_RECORD] = g_signal_new ("record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REVISE] = g_signal_new ("revise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bel_goal_card_init (BelGoalCard *self)
{
  bel_goals_load_css ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
bel_goal_card_new (BelGoal *goal)
{
  BelGoalCard *self = g_object_new (BEL_TYPE_GOAL_CARD, NULL);

  self->goal = g_object_ref (goal);
  build (self);
  return GTK_WIDGET (self);
}

BelGoal *
bel_goal_card_get_goal (BelGoalCard *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_CARD (self), NULL);
  return self->goal;
}

BelGoalChart *
bel_goal_card_get_chart (BelGoalCard *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_CARD (self), NULL);
  return self->chart;
}

const char *
bel_goal_card_get_status (BelGoalCard *self)
{
  g_return_val_if_fail (BEL_IS_GOAL_CARD (self), NULL);
  return gtk_label_get_label (self->status_label);
}
