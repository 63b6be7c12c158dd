/* bel-student-goals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-student-goals.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-celebration.h"
#include "bel-client-goals.h"
#include "bel-goal-wizard.h"
#include "bel-measurement-dialog.h"

struct _BelStudentGoals
{
  GtkWidget       parent_instance;

  BelClient      *client;
  BelStudent     *student;
  GCancellable   *cancellable;
  gboolean        loading;
  GtkWindow      *dialog;        /* weak */
  BelCelebration *celebration;   /* weak */
  gint64          sparkle_goal;  /* a goal whose card sparkles when next shown */

  GtkWidget      *box;
  GtkWidget      *cards;
  GtkWidget      *empty_label;
  GtkWidget      *add_button;
};

G_DEFINE_FINAL_TYPE (BelStudentGoals, bel_student_goals, GTK_TYPE_WIDGET)

static GtkWindow *
parent_window (BelStudentGoals *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_cards (BelStudentGoals *self)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (self->cards)) != NULL;)
    gtk_box_remove (GTK_BOX (self->cards), child);
}

static void record_goal (BelStudentGoals *self, BelGoalCard *card);
static void revise_goal (BelStudentGoals *self, BelGoalCard *card);

static void
goals_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelStudentGoals *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = bel_client_goals_list_finish (BEL_CLIENT (source), result, &error);
  guint shown = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  clear_cards (self);
  if (goals == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->empty_label), error->message);
      gtk_widget_set_visible (self->empty_label, TRUE);
      return;
    }
  for (guint i = 0; i < goals->len; i++)
    {
      BelGoal *goal = goals->pdata[i];
      const char *status = bel_resource_get_string (goal, "status");
      GtkWidget *card;

      if (g_strcmp0 (status, "revised") == 0)
        continue; /* history: the new goal carries the measurements */
      card = bel_goal_card_new (goal);
      g_signal_connect_swapped (card, "record", G_CALLBACK (record_goal), self);
      g_signal_connect_swapped (card, "revise", G_CALLBACK (revise_goal), self);
      gtk_box_append (GTK_BOX (self->cards), card);
      if (self->sparkle_goal == bel_resource_get_id (goal))
        bel_goal_card_celebrate (BEL_GOAL_CARD (card));
      shown++;
    }
  self->sparkle_goal = 0;
  gtk_label_set_label (GTK_LABEL (self->empty_label),
                       _("No growth goal yet. Set one with the student and their family."));
  gtk_widget_set_visible (self->empty_label, shown == 0);
}

void
bel_student_goals_reload (BelStudentGoals *self)
{
  g_return_if_fail (BEL_IS_STUDENT_GOALS (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || self->student == NULL)
    {
      clear_cards (self);
      self->loading = FALSE;
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  bel_client_list_student_goals_async (self->client, bel_resource_get_id (self->student),
                                       self->cancellable, goals_cb, self);
}

/* ---- dialogs ---- */

static void
recorded (BelStudentGoals *self,
          BelMeasurement  *m)
{
  GListModel *met = bel_resource_get_object (m, "benchmarks-met");

  if (met != NULL && g_list_model_get_n_items (met) > 0)
    self->sparkle_goal = bel_resource_get_int (m, "goal-id");
  bel_student_goals_reload (self);
}

static void
record_goal (BelStudentGoals *self,
             BelGoalCard     *card)
{
  BelMeasurementDialog *dialog = bel_measurement_dialog_new (parent_window (self), self->client,
                                                             bel_goal_card_get_goal (card));

  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
goal_saved (BelStudentGoals *self)
{
  bel_student_goals_reload (self);
}

static void
open_wizard (BelStudentGoals *self,
             BelGoal         *revising)
{
  BelGoalWizard *wizard = bel_goal_wizard_new (parent_window (self), self->client, self->student, revising);

  g_signal_connect_object (wizard, "saved", G_CALLBACK (goal_saved), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
revise_goal (BelStudentGoals *self,
             BelGoalCard     *card)
{
  open_wizard (self, bel_goal_card_get_goal (card));
}

static void
add_goal (BelStudentGoals *self)
{
  open_wizard (self, NULL);
}

/* ---- live ---- */

static void
goal_event (BelStudentGoals *self,
            const char      *type,
            JsonNode        *data)
{
  JsonObject *obj = data && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;

  if (self->student == NULL || obj == NULL)
    return;
  if (json_object_get_int_member_with_default (obj, "student_id", 0) != bel_resource_get_id (self->student))
    return;
  if (g_str_equal (type, "goal.benchmark_met"))
    self->sparkle_goal = json_object_get_int_member_with_default (obj, "goal_id", 0);
  bel_student_goals_reload (self);
}

static void
bel_student_goals_root (GtkWidget *widget)
{
  BelStudentGoals *self = BEL_STUDENT_GOALS (widget);
  BelCelebration *celebration;

  GTK_WIDGET_CLASS (bel_student_goals_parent_class)->root (widget);
  celebration = bel_celebration_get (widget);
  if (celebration != NULL && celebration != self->celebration)
    {
      if (self->celebration != NULL)
        g_signal_handlers_disconnect_by_data (self->celebration, self);
      g_set_weak_pointer (&self->celebration, celebration);
      g_signal_connect_swapped (celebration, "goal-event", G_CALLBACK (goal_event), self);
    }
}

/* ---- object ---- */

static void
bel_student_goals_dispose (GObject *object)
{
  BelStudentGoals *self = BEL_STUDENT_GOALS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->celebration != NULL)
    g_signal_handlers_disconnect_by_data (self->celebration, self);
  g_clear_weak_pointer (&self->celebration);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_object (&self->student);
  G_OBJECT_CLASS (bel_student_goals_parent_class)->dispose (object);
}

static void
bel_student_goals_class_init (BelStudentGoalsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_student_goals_dispose;
  widget_class->root = bel_student_goals_root;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "studentgoals");
}

static void
bel_student_goals_init (BelStudentGoals *self)
{
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (_("Growth goals"));

  bel_goals_load_css ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  self->add_button = gtk_button_new_with_mnemonic (_("_Set a goal…"));
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_goal), self);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), self->add_button);
  gtk_box_append (GTK_BOX (self->box), head);

  self->cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->box), self->cards);
  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
}

void
bel_student_goals_set_client (BelStudentGoals *self,
                              BelClient       *client)
{
  g_return_if_fail (BEL_IS_STUDENT_GOALS (self));
  g_set_object (&self->client, client);
}

void
bel_student_goals_set_student (BelStudentGoals *self,
                               BelStudent      *student)
{
  g_return_if_fail (BEL_IS_STUDENT_GOALS (self));
  if (student != NULL && self->student != NULL &&
      bel_resource_get_id (student) == bel_resource_get_id (self->student))
    {
      g_set_object (&self->student, student);
      return;
    }
  g_set_object (&self->student, student);
  clear_cards (self);
  gtk_widget_set_visible (self->empty_label, FALSE);
  bel_student_goals_reload (self);
}

gboolean
bel_student_goals_get_loading (BelStudentGoals *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_GOALS (self), FALSE);
  return self->loading;
}

guint
bel_student_goals_get_n_cards (BelStudentGoals *self)
{
  guint n = 0;

  g_return_val_if_fail (BEL_IS_STUDENT_GOALS (self), 0);
  for (GtkWidget *c = gtk_widget_get_first_child (self->cards); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

BelGoalCard *
bel_student_goals_get_card (BelStudentGoals *self,
                            guint            index)
{
  GtkWidget *c;

  g_return_val_if_fail (BEL_IS_STUDENT_GOALS (self), NULL);
  for (c = gtk_widget_get_first_child (self->cards); c != NULL && index > 0; c = gtk_widget_get_next_sibling (c))
    index--;
  return c ? BEL_GOAL_CARD (c) : NULL;
}

GtkWindow *
bel_student_goals_get_dialog (BelStudentGoals *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_GOALS (self), NULL);
  return self->dialog;
}
