/* bel-handoff-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-handoff-view.h"

#include <glib/gi18n.h>

#include "bel-client-profiles.h"
#include "bel-format.h"
#include "bel-handoff-print.h"
#include "bel-profile-format.h"
#include "bel-save-chooser.h"

struct _BelHandoffView
{
  AdwWindow        parent_instance;

  BelClient       *client;
  BelHandoff      *handoff;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkBox          *content_box;
};

G_DEFINE_FINAL_TYPE (BelHandoffView, bel_handoff_view, ADW_TYPE_WINDOW)

static GtkWidget *
label (const char *text,
       const char *css_class)
{
  GtkWidget *widget = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
  return widget;
}

static void
add_title (BelHandoffView *self)
{
  BelStudent *student = bel_handoff_get_student (self->handoff);
  g_autofree char *name = bel_student_dup_display_name (student);
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  g_autofree char *year = bel_profile_format_school_year (bel_handoff_get_school_year (self->handoff));
  g_autofree char *date = bel_profile_format_date (bel_handoff_get_generated_at (self->handoff));
  /* Translators: under the student's name in the handoff, "Grade 9 · 2026–2027 · prepared 28 November 2026" */
  g_autofree char *meta = g_strdup_printf (_("%s · %s · prepared %s"), grade, year, date);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_box_append (GTK_BOX (box), label (name, "title-1"));
  gtk_box_append (GTK_BOX (box), label (_("For next year's teachers — what helps this student shine"), "dim-label"));
  gtk_box_append (GTK_BOX (box), label (meta, "caption"));
  gtk_box_append (self->content_box, box);
  adw_window_title_set_subtitle (self->window_title, name);
}

static void
add_adults (BelHandoffView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n = bel_handoff_get_n_adults (self->handoff);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Adults who know them well"));
  if (n == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No adult has said so yet — please be the first."));
  for (guint i = 0; i < n; i++)
    {
      const BelHandoffAdult *adult = bel_handoff_get_adult (self->handoff, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = adult->title ? g_strdup_printf ("%s · %s", bel_profile_adult_role (adult), adult->title)
                                               : g_strdup (bel_profile_adult_role (adult));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), adult->display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (32, adult->display_name, TRUE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->content_box, group);
}

static void
add_sections (BelHandoffView *self)
{
  const char * const *hidden = bel_handoff_get_hidden_sections (self->handoff);

  for (guint i = 0; i < bel_handoff_get_n_sections (self->handoff); i++)
    {
      const BelHandoffSection *section = bel_handoff_get_section (self->handoff, i);
      GtkWidget *box;
      g_autofree char *details = NULL;
      g_autofree char *date = NULL;
      g_autofree char *byline = NULL;

      if (section->entry == NULL)
        continue;
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "handoff-section");
      gtk_box_append (GTK_BOX (box), label (bel_profile_section_title (section->section), "heading"));
      gtk_box_append (GTK_BOX (box), label (bel_resource_get_string (section->entry, "body"), "entry-body"));
      details = bel_profile_format_details (section->entry);
      if (details != NULL)
        gtk_box_append (GTK_BOX (box), label (details, "entry-details"));
      date = bel_profile_format_date (bel_resource_get_string (section->entry, "created-at"));
      byline = g_strdup_printf (_("%s · %s"), bel_resource_get_string (section->entry, "author-name"), date);
      gtk_box_append (GTK_BOX (box), label (byline, "entry-byline"));
      gtk_box_append (self->content_box, box);
    }
  if (hidden != NULL && hidden[0] != NULL)
    gtk_box_append (self->content_box,
                    label (_("Some private sections are left out: only counselors, leaders and the student's advisor or advocate can read them."),
                           "dim-label"));
}

static void
handoff_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BelHandoffView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelHandoff) handoff = bel_client_get_handoff_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (handoff == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->handoff = g_steal_pointer (&handoff);
  add_title (self);
  add_adults (self);
  add_sections (self);
  gtk_stack_set_visible_child_name (self->stack, "handoff");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handoff.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handoff.save-pdf", TRUE);
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  BelHandoffView *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error ? error->message : _("Printing failed")));
    }
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BelHandoffView *self = BEL_HANDOFF_VIEW (widget);
  GtkPrintOperation *operation;

  if (self->handoff == NULL)
    return;
  operation = bel_handoff_print_operation (self->handoff);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
}

static void
pdf_chosen (GtkWidget *widget,
            GFile     *file,
            gpointer   data)
{
  BelHandoffView *self = BEL_HANDOFF_VIEW (widget);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->handoff == NULL || !bel_handoff_export_pdf (self->handoff, path, &error))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (error ? error->message : _("Choose a folder on this computer.")));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Handoff saved as a PDF")));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BelHandoffView *self = BEL_HANDOFF_VIEW (widget);
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  if (self->handoff == NULL)
    return;
  name = bel_student_dup_full_name (bel_handoff_get_student (self->handoff));
  /* Translators: the file name of a saved handoff, "Gavin Baker – handoff.pdf" */
  file = g_strdup_printf (_("%s – handoff.pdf"), name);
  bel_save_chooser_show (widget, _("Save the handoff as a PDF"), _("_Save"), file, pdf_chosen, NULL, NULL);
}

static void
bel_handoff_view_dispose (GObject *object)
{
  BelHandoffView *self = BEL_HANDOFF_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->handoff);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_handoff_view_parent_class)->dispose (object);
}

static void
bel_handoff_view_class_init (BelHandoffViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_handoff_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-handoff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BelHandoffView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BelHandoffView, window_title);
  gtk_widget_class_bind_template_child (widget_class, BelHandoffView, stack);
  gtk_widget_class_bind_template_child (widget_class, BelHandoffView, error_page);
  gtk_widget_class_bind_template_child (widget_class, BelHandoffView, content_box);

  gtk_widget_class_install_action (widget_class, "handoff.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "handoff.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "handoff.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_handoff_view_init (BelHandoffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bel_profile_style_ensure ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handoff.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handoff.save-pdf", FALSE);
}

BelHandoffView *
bel_handoff_view_new (GtkWindow *parent,
                      BelClient *client,
                      gint64     student_id)
{
  BelHandoffView *self;

  g_return_val_if_fail (BEL_IS_CLIENT (client), NULL);

  self = g_object_new (BEL_TYPE_HANDOFF_VIEW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->client = g_object_ref (client);
  bel_client_get_handoff_async (client, student_id, self->cancellable, handoff_cb, self);
  return self;
}

BelHandoff *
bel_handoff_view_get_handoff (BelHandoffView *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF_VIEW (self), NULL);
  return self->handoff;
}
