/* bel-observations-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-observations-view.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-checkin-dialog.h"
#include "bel-client-checkins.h"
#include "bel-contact-dialog.h"
#include "bel-error.h"
#include "bel-observation-dialog.h"

struct _BelObservationsView
{
  GtkWidget       parent_instance;

  BelClient      *client;
  BelStudent     *student;
  GCancellable   *cancellable;
  guint           pending;
  BelCareDialog  *dialog;     /* weak */

  GtkWidget      *box;
  GtkLabel       *summary;
  GtkListBox     *list;
  GtkWidget      *observation_button;
  GtkWidget      *checkin_button;
  GtkWidget      *contact_button;
};

G_DEFINE_FINAL_TYPE (BelObservationsView, bel_observations_view, GTK_TYPE_WIDGET)

static char *
student_name (BelStudent *student)
{
  const char *preferred = bel_resource_get_string (student, "preferred-name");

  return g_strdup_printf ("%s %s", preferred != NULL ? preferred : bel_resource_get_string (student, "given-name"),
                          bel_resource_get_string (student, "family-name"));
}

static void
set_pending (BelObservationsView *self, int delta)
{
  self->pending += delta;
}

static void
toast (BelObservationsView *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* ---- the list ---- */

static GtkWidget *
observation_row (gpointer observation)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *kind = bel_resource_get_string (observation, "kind");
  const char *body = bel_resource_get_string (observation, "body");
  g_autofree char *when = bel_care_format_date (bel_resource_get_string (observation, "observed-on"),
                                                bel_resource_get_string (observation, "created-at"));
  g_autofree char *who = g_strdup_printf ("%s · %s", bel_resource_get_string (observation, "account-name") ?: "",
                                          when != NULL ? when : "");
  GtkWidget *chip = bel_care_chip_new (bel_care_observation_kind_label (kind), kind);
  GtkWidget *body_label = gtk_label_new (body != NULL ? body : _("Only its author and the student's advisor can read this."));
  GtkWidget *who_label = gtk_label_new (who);

  gtk_widget_add_css_class (row, "observation-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "observation-id", GSIZE_TO_POINTER ((gsize) bel_resource_get_id (observation)));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_valign (chip, GTK_ALIGN_START);
  gtk_widget_set_size_request (chip, 84, -1);
  gtk_box_append (GTK_BOX (box), chip);
  gtk_label_set_wrap (GTK_LABEL (body_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body_label), 0);
  gtk_label_set_selectable (GTK_LABEL (body_label), TRUE);
  gtk_widget_add_css_class (body_label, "observation-body");
  if (body == NULL)
    gtk_widget_add_css_class (body_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (who_label), 0);
  gtk_widget_add_css_class (who_label, "dim-label");
  gtk_widget_add_css_class (who_label, "caption");
  gtk_box_append (GTK_BOX (text), body_label);
  gtk_box_append (GTK_BOX (text), who_label);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (bel_resource_get_int (observation, "flag-id") > 0)
    {
      GtkWidget *flag = bel_care_chip_new (_("Flag raised"), "flag");

      gtk_widget_set_valign (flag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), flag);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
observations_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BelObservationsView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) observations = bel_client_care_list_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *summary = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (observations == NULL)
    {
      if (!g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED))
        gtk_label_set_text (self->summary, error->message);
      return;
    }
  ids = g_hash_table_new (NULL, NULL);
  bel_care_clear (GTK_WIDGET (self->list));
  for (guint i = 0; i < observations->len; i++)
    {
      g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) bel_resource_get_int (observations->pdata[i], "account-id")));
      gtk_list_box_append (self->list, observation_row (observations->pdata[i]));
    }
  if (observations->len == 0)
    summary = g_strdup (_("Nothing noted yet. What have you noticed?"));
  else
    summary = g_strdup_printf (g_dngettext (NULL, "%u note from %u adult", "%u notes from %u adults",
                                            observations->len),
                               observations->len, g_hash_table_size (ids));
  gtk_label_set_text (self->summary, summary);
}

void
bel_observations_view_reload (BelObservationsView *self)
{
  g_return_if_fail (BEL_IS_OBSERVATIONS_VIEW (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  if (self->client == NULL || self->student == NULL)
    return;
  set_pending (self, 1);
  bel_client_list_observations_async (self->client, bel_resource_get_id (self->student), self->cancellable,
                                      observations_cb, self);
}

/* ---- quick entry ---- */

static void
dialog_saved (BelObservationsView *self,
              GObject             *resource)
{
  if (BEL_IS_OBSERVATION (resource))
    {
      toast (self, bel_resource_get_int (resource, "flag-id") > 0 ? _("Observation added; a concern flag is raised")
                                                                  : _("Observation added"));
      bel_observations_view_reload (self);
    }
  else if (BEL_IS_CHECKIN (resource))
    toast (self, _("Check-in logged"));
  else
    toast (self, _("Family contact logged"));
}

static void
present (BelObservationsView *self,
         BelCareDialog       *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_observation (BelObservationsView *self)
{
  g_autofree char *name = NULL;

  if (self->student == NULL)
    return;
  name = student_name (self->student);
  present (self, bel_observation_dialog_new (GTK_WIDGET (self), self->client, bel_resource_get_id (self->student), name));
}

static void
add_contact (BelObservationsView *self)
{
  g_autofree char *name = NULL;

  if (self->student == NULL)
    return;
  name = student_name (self->student);
  present (self, bel_contact_dialog_new (GTK_WIDGET (self), self->client, bel_resource_get_id (self->student), name,
                                         bel_resource_get_string (self->student, "home-language"), TRUE));
}

static void
settings_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BelObservationsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) settings = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);
  g_autofree char *name = NULL;

  gtk_widget_set_sensitive (self->checkin_button, TRUE);
  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (self->student == NULL)
    return;
  name = student_name (self->student);
  present (self, bel_checkin_dialog_new (GTK_WIDGET (self), self->client, BEL_CHECKIN_SETTINGS (settings),
                                         bel_resource_get_id (self->student), name, NULL));
}

static void
add_checkin (BelObservationsView *self)
{
  if (self->student == NULL)
    return;
  gtk_widget_set_sensitive (self->checkin_button, FALSE);
  bel_client_get_checkin_settings_async (self->client, bel_resource_get_int (self->student, "school-id"),
                                         self->cancellable, settings_cb, g_object_ref (self));
}

/* ---- building ---- */

static GtkWidget *
quick_button (const char *icon, const char *label, const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "pill");
  return button;
}

static void
build (BelObservationsView *self)
{
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (_("What adults notice"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *empty = gtk_label_new (_("Strengths, needs and concerns that adults note appear here."));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (heading), title);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self->box), heading);

  self->observation_button = quick_button ("list-add-symbolic", _("_Observation"),
                                           _("Note a strength, a need or a concern"));
  gtk_widget_add_css_class (self->observation_button, "suggested-action");
  self->checkin_button = quick_button ("x-office-calendar-symbolic", _("_Check-in"), _("Log a check-in with this student"));
  self->contact_button = quick_button ("call-start-symbolic", _("_Family Contact"), _("Log a contact with the family"));
  g_signal_connect_swapped (self->observation_button, "clicked", G_CALLBACK (add_observation), self);
  g_signal_connect_swapped (self->checkin_button, "clicked", G_CALLBACK (add_checkin), self);
  g_signal_connect_swapped (self->contact_button, "clicked", G_CALLBACK (add_contact), self);
  gtk_box_append (GTK_BOX (buttons), self->observation_button);
  gtk_box_append (GTK_BOX (buttons), self->checkin_button);
  gtk_box_append (GTK_BOX (buttons), self->contact_button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_list_box_set_placeholder (self->list, empty);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 4);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

static void
bel_observations_view_dispose (GObject *object)
{
  BelObservationsView *self = BEL_OBSERVATIONS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_object (&self->student);
  G_OBJECT_CLASS (bel_observations_view_parent_class)->dispose (object);
}

static void
bel_observations_view_class_init (BelObservationsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_observations_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "observationsview");
}

static void
bel_observations_view_init (BelObservationsView *self)
{
  bel_care_style_ensure ();
  self->cancellable = g_cancellable_new ();
  build (self);
}

void
bel_observations_view_set_client (BelObservationsView *self,
                                  BelClient           *client)
{
  g_return_if_fail (BEL_IS_OBSERVATIONS_VIEW (self));
  g_set_object (&self->client, client);
}

void
bel_observations_view_set_student (BelObservationsView *self,
                                   BelStudent          *student)
{
  gboolean same;

  g_return_if_fail (BEL_IS_OBSERVATIONS_VIEW (self));
  same = student != NULL && self->student != NULL &&
         bel_resource_get_id (student) == bel_resource_get_id (self->student);
  g_set_object (&self->student, student);
  if (same)
    return;
  bel_care_clear (GTK_WIDGET (self->list));
  gtk_label_set_text (self->summary, NULL);
  bel_observations_view_reload (self);
}

gboolean
bel_observations_view_get_loading (BelObservationsView *self)
{
  g_return_val_if_fail (BEL_IS_OBSERVATIONS_VIEW (self), FALSE);
  return self->pending > 0;
}

GtkListBox *
bel_observations_view_get_list (BelObservationsView *self)
{
  g_return_val_if_fail (BEL_IS_OBSERVATIONS_VIEW (self), NULL);
  return self->list;
}

GtkWidget *
bel_observations_view_get_button (BelObservationsView *self,
                                  const char          *name)
{
  g_return_val_if_fail (BEL_IS_OBSERVATIONS_VIEW (self), NULL);
  if (g_strcmp0 (name, "observation") == 0)
    return self->observation_button;
  if (g_strcmp0 (name, "checkin") == 0)
    return self->checkin_button;
  if (g_strcmp0 (name, "contact") == 0)
    return self->contact_button;
  return NULL;
}

BelCareDialog *
bel_observations_view_get_dialog (BelObservationsView *self)
{
  g_return_val_if_fail (BEL_IS_OBSERVATIONS_VIEW (self), NULL);
  return self->dialog;
}
