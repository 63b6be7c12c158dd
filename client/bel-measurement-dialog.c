/* bel-measurement-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-measurement-dialog.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "bel-client-goals.h"
#include "bel-error.h"
#include "bel-goal-plot.h"
#include "bel-growth-metric.h"

#define BEL_GOAL_VALUE_LIMIT BEL_GROWTH_VALUE_MAX

struct _BelMeasurementDialog
{
  AdwWindow     parent_instance;

  BelClient    *client;
  BelGoal      *goal;
  GCancellable *cancellable;

  AdwEntryRow  *date_row;
  AdwEntryRow  *value_row;
  AdwEntryRow  *source_row;
  GtkLabel     *error_label;
  GtkButton    *save_button;
};

G_DEFINE_FINAL_TYPE (BelMeasurementDialog, bel_measurement_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (BelMeasurementDialog *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
parse_value (const char *text,
             double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0';
}

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BelMeasurementDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelMeasurement) m = bel_client_record_measurement_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (m == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, m);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
bel_measurement_dialog_save (BelMeasurementDialog *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  double value;

  g_return_if_fail (BEL_IS_MEASUREMENT_DIALOG (self));
  if (bel_goal_plot_day (date) == 0)
    {
      show_error (self, _("Enter the date as YYYY-MM-DD."));
      return;
    }
  if (!parse_value (text, &value))
    {
      show_error (self, _("Enter the score as a number."));
      return;
    }
  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  bel_client_record_measurement_async (self->client, bel_resource_get_id (self->goal), date, value,
                                       gtk_editable_get_text (GTK_EDITABLE (self->source_row)),
                                       self->cancellable, recorded_cb, self);
}

void
bel_measurement_dialog_fill (BelMeasurementDialog *self,
                             const char           *measured_on,
                             const char           *value,
                             const char           *source)
{
  g_return_if_fail (BEL_IS_MEASUREMENT_DIALOG (self));
  if (measured_on != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), measured_on);
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  if (source != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->source_row), source);
}

static void
bel_measurement_dialog_dispose (GObject *object)
{
  BelMeasurementDialog *self = BEL_MEASUREMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->goal);
  G_OBJECT_CLASS (bel_measurement_dialog_parent_class)->dispose (object);
}

static void
bel_measurement_dialog_class_init (BelMeasurementDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_measurement_dialog_dispose;
  /* recorded (BelMeasurement *answer) */
  signals[SIGNAL_RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_measurement_dialog_init (BelMeasurementDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

BelMeasurementDialog *
bel_measurement_dialog_new (GtkWindow *parent,
                            BelClient *client,
                            BelGoal   *goal)
{
  BelMeasurementDialog *self = g_object_new (BEL_TYPE_MEASUREMENT_DIALOG,
                                             "modal", TRUE, "transient-for", parent,
                                             "default-width", 420, "title", _("Record a score"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *scale = NULL;
  const char *unit = bel_resource_get_string (goal, "unit");
  double next = bel_resource_get_double (goal, "next-benchmark-target");

  self->client = g_object_ref (client);
  self->goal = g_object_ref (goal);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (bel_measurement_dialog_save), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (group, bel_resource_get_string (goal, "metric-name"));
  if (next > -BEL_GOAL_VALUE_LIMIT)
    {
      g_autofree char *desc = g_strdup_printf (_("Next benchmark: %g %s by %s"), next, unit ? unit : "",
                                               bel_resource_get_string (goal, "next-benchmark-due"));
      adw_preferences_group_set_description (group, desc);
    }
  self->date_row = entry_row (group, _("Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  scale = g_strdup_printf (_("Score (%s)"), unit ? unit : _("value"));
  self->value_row = entry_row (group, scale);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "numeric");
  adw_entry_row_set_activates_default (self->value_row, TRUE);
  self->source_row = entry_row (group, _("Assessment (optional)"));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (group));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
  return self;
}
