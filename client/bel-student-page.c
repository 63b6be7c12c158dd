/* bel-student-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-student-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-client-profiles.h"
#include "bel-entry-editor.h"
#include "bel-error.h"
#include "bel-format.h"
#include "bel-handoff-view.h"
#include "bel-profile-format.h"
#include "bel-profile-section-entries.h"
#include "bel-profile-timeline.h"
#include "bel-save-chooser.h"
#include "bel-student-goals.h"
#include "bel-observations-view.h"

struct _BelStudentPage
{
  GtkWidget           parent_instance;

  BelClient          *client;
  BelStudent         *student;
  GPtrArray          *sections;     /* BelProfileSectionEntries of the shown student */
  GCancellable       *cancellable;  /* the shown student's loads */
  gboolean            loading;
  GtkWindow          *editor;       /* weak */
  GtkWindow          *handoff;      /* weak */
  char               *advisor;      /* from the handoff's adults */

  AdwToastOverlay    *toast_overlay;
  AdwAvatar          *avatar;
  GtkLabel           *name_label;
  GtkLabel           *pronouns_label;
  GtkLabel           *school_label;
  GtkLabel           *language_label;
  GtkBox             *badges_box;
  GtkFlowBox         *adults_box;
  GtkLabel           *no_adults_label;
  GtkStack           *profile_stack;
  AdwStatusPage      *error_page;
  BelProfileTimeline *timeline;
  BelStudentGoals    *goals;
  BelObservationsView *observations;
};

G_DEFINE_FINAL_TYPE (BelStudentPage, bel_student_page, GTK_TYPE_WIDGET)

void
bel_student_page_add_toast (BelStudentPage *self,
                            const char     *message)
{
  g_return_if_fail (BEL_IS_STUDENT_PAGE (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GtkWindow *
parent_window (BelStudentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- the header card ---- */

static void
clear_box (GtkWidget *box)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (box)) != NULL;)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
add_badge (BelStudentPage *self,
           const char     *text,
           const char     *css_class,
           const char     *tooltip)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "pill-tag");
  gtk_widget_add_css_class (tag, css_class);
  gtk_widget_set_tooltip_text (tag, tooltip);
  gtk_box_append (self->badges_box, tag);
}

static void
fill_badges (BelStudentPage *self,
             BelStudent     *student)
{
  const char *el = bel_resource_get_string (student, "el-status");

  clear_box (GTK_WIDGET (self->badges_box));
  if (bel_resource_get_bool (student, "iep"))
    add_badge (self, _("IEP"), "tag-iep", _("Individualized Education Program"));
  if (bel_resource_get_bool (student, "section-504"))
    add_badge (self, _("504 plan"), "tag-504", _("Accommodations under Section 504"));
  if (bel_resource_get_bool (student, "language-plan"))
    add_badge (self, _("Language plan"), "tag-el", _("Support for learning English"));
  if (bel_resource_get_bool (student, "behavior-plan"))
    add_badge (self, _("Behavior plan"), "tag-behavior", _("Agreed ways to help with behavior"));
  if (g_strcmp0 (el, "current") == 0)
    add_badge (self, _("Learning English"), "tag-el", _("A current English learner"));
  gtk_widget_set_visible (GTK_WIDGET (self->badges_box), gtk_widget_get_first_child (GTK_WIDGET (self->badges_box)) != NULL);
}

static void
fill_header (BelStudentPage *self,
             BelStudent     *student)
{
  const char *advisor = self->advisor;
  g_autofree char *display = bel_student_dup_display_name (student);
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  const char *advisory = bel_resource_get_string (student, "advisory-name");
  const char *pronouns = bel_resource_get_string (student, "pronouns");
  const char *home = bel_resource_get_string (student, "home-language");
  g_autofree char *el = bel_format_el_status (bel_resource_get_string (student, "el-status"));
  g_autoptr(GString) school = g_string_new (grade);
  g_autofree char *language = NULL;

  adw_avatar_set_text (self->avatar, display);
  gtk_label_set_label (self->name_label, display);
  gtk_label_set_label (self->pronouns_label, pronouns ? pronouns : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pronouns_label), pronouns != NULL && *pronouns != '\0');
  if (advisory != NULL && *advisory != '\0')
    g_string_append_printf (school, " · %s", advisory);
  if (advisor != NULL)
    /* Translators: the student's advisor, after the advisory's name */
    g_string_append_printf (school, _(" with %s"), advisor);
  gtk_label_set_label (self->school_label, school->str);
  /* Translators: "Home language: Somali · Learning English" */
  language = g_strdup_printf (_("Home language: %s · %s"), home && *home ? home : _("not recorded"), el);
  gtk_label_set_label (self->language_label, language);
  fill_badges (self, student);
}

static GtkWidget *
adult_chip (const BelHandoffAdult *adult)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *avatar = adw_avatar_new (32, adult->display_name, TRUE);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (adult->display_name);
  GtkWidget *role = gtk_label_new (bel_profile_adult_role (adult));
  g_autofree char *tooltip = adult->title ? g_strdup_printf ("%s — %s", adult->display_name, adult->title) : NULL;

  gtk_widget_add_css_class (box, "adult-chip");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_xalign (GTK_LABEL (role), 0.0);
  gtk_widget_add_css_class (name, "adult-name");
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_add_css_class (role, "caption");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), role);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_tooltip_text (box, tooltip ? tooltip : adult->display_name);
  return box;
}

static void
handoff_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BelStudentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelHandoff) handoff = bel_client_get_handoff_finish (BEL_CLIENT (source), result, &error);
  const char *advisor = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (handoff == NULL)
    {
      g_debug ("Handoff not loaded: %s", error->message);
      return;
    }
  n = bel_handoff_get_n_adults (handoff);
  clear_box (GTK_WIDGET (self->adults_box));
  for (guint i = 0; i < n; i++)
    {
      const BelHandoffAdult *adult = bel_handoff_get_adult (handoff, i);
      gtk_flow_box_append (self->adults_box, adult_chip (adult));
      if (advisor == NULL && bel_handoff_adult_has_link (adult, "advisor"))
        advisor = adult->display_name;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->adults_box), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_adults_label), n == 0);
  g_free (self->advisor);
  self->advisor = g_strdup (advisor);
  fill_header (self, bel_handoff_get_student (handoff));
}

/* ---- the profile ---- */

static void
set_loading (BelStudentPage *self,
             gboolean        loading)
{
  self->loading = loading;
  if (loading && self->sections == NULL)
    gtk_stack_set_visible_child_name (self->profile_stack, "loading");
}

static void
profile_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BelStudentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = bel_client_get_profile_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (sections == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->profile_stack, "error");
      return;
    }
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections = g_steal_pointer (&sections);
  bel_profile_timeline_set_profile (self->timeline, self->sections, bel_client_get_account (self->client));
  gtk_stack_set_visible_child_name (self->profile_stack, "profile");
}

static void
load (BelStudentPage *self,
      gboolean        with_header)
{
  gint64 id = bel_resource_get_id (self->student);

  set_loading (self, TRUE);
  bel_client_get_profile_async (self->client, id, self->cancellable, profile_cb, self);
  if (with_header)
    bel_client_get_handoff_async (self->client, id, self->cancellable, handoff_cb, self);
}

void
bel_student_page_reload (BelStudentPage *self)
{
  g_return_if_fail (BEL_IS_STUDENT_PAGE (self));
  if (self->student != NULL && self->client != NULL)
    load (self, TRUE);
}

static BelProfileEntry *
find_entry (BelStudentPage *self,
            gint64          entry_id)
{
  for (guint i = 0; self->sections != NULL && i < self->sections->len; i++)
    {
      GListModel *entries = bel_profile_section_entries_get_entries (self->sections->pdata[i]);
      for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(BelProfileEntry) entry = g_list_model_get_item (entries, j);
          if (bel_resource_get_id (entry) == entry_id)
            return entry;
        }
    }
  return NULL;
}

/* ---- actions ---- */

static void
entry_saved (BelStudentPage  *self,
             BelProfileEntry *entry)
{
  g_autofree char *message = g_strdup_printf (_("Saved in %s"),
                                              bel_profile_section_title (bel_resource_get_string (entry, "section")));

  bel_student_page_add_toast (self, message);
  load (self, FALSE);
}

static void
present_editor (BelStudentPage *self,
                BelEntryEditor *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (entry_saved), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BelStudentPage *self = BEL_STUDENT_PAGE (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) writable = NULL;
  const char *section = g_variant_get_string (parameter, NULL);

  if (self->student == NULL || self->sections == NULL)
    return;
  for (guint i = 0; i < self->sections->len; i++)
    if (bel_resource_get_bool (self->sections->pdata[i], "readable"))
      g_strv_builder_add (builder, bel_resource_get_string (self->sections->pdata[i], "section"));
  writable = g_strv_builder_end (builder);
  if (writable[0] == NULL)
    return;
  present_editor (self, bel_entry_editor_new_add (parent_window (self), self->client,
                                                  bel_resource_get_id (self->student),
                                                  (const char * const *) writable,
                                                  *section ? section : NULL));
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BelStudentPage *self = BEL_STUDENT_PAGE (widget);
  BelProfileEntry *entry = find_entry (self, g_variant_get_int64 (parameter));

  if (entry == NULL)
    return;
  if (g_str_equal (action_name, "student.edit-entry"))
    present_editor (self, bel_entry_editor_new_edit (parent_window (self), self->client, entry));
  else
    present_editor (self, bel_entry_editor_new_correct (parent_window (self), self->client, entry));
}

static void
handoff_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BelStudentPage *self = BEL_STUDENT_PAGE (widget);
  BelHandoffView *view;

  if (self->student == NULL)
    return;
  view = bel_handoff_view_new (parent_window (self), self->client, bel_resource_get_id (self->student));
  g_set_weak_pointer (&self->handoff, GTK_WINDOW (view));
  gtk_window_present (GTK_WINDOW (view));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bel_student_page_reload (BEL_STUDENT_PAGE (widget));
}

/* ---- the record export ---- */

typedef struct {
  BelStudentPage *self;
  GFile          *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->file);
  g_free (export);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    message = g_strdup_printf (_("The record could not be saved: %s"), error->message);
  else
    message = g_strdup_printf (_("Record saved as “%s”"), name);
  bel_student_page_add_toast (export->self, message);
  g_object_set_data_full (G_OBJECT (export->self), "bel-last-export", g_steal_pointer (&message), g_free);
  export_free (export);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bel_client_export_record_finish (BEL_CLIENT (source), result, &error);

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The record could not be exported: %s"), error->message);
      bel_student_page_add_toast (export->self, message);
      export_free (export);
      return;
    }
  g_file_replace_contents_bytes_async (export->file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, written_cb, export);
}

void
bel_student_page_export_to (BelStudentPage *self,
                            const char     *format,
                            GFile          *file)
{
  Export *export;

  g_return_if_fail (BEL_IS_STUDENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->student == NULL)
    return;
  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  bel_client_export_record_async (self->client, bel_resource_get_id (self->student), format, NULL,
                                  exported_cb, export);
}

static void
export_chosen (GtkWidget *widget,
               GFile     *file,
               gpointer   format)
{
  bel_student_page_export_to (BEL_STUDENT_PAGE (widget), format, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BelStudentPage *self = BEL_STUDENT_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;

  if (self->student == NULL)
    return;
  display = bel_student_dup_full_name (self->student);
  /* Translators: the file name of an exported student record, "Gavin Baker – record.pdf" */
  name = g_strdup_printf (_("%s – record.%s"), display, format);
  bel_save_chooser_show (widget, _("Export the student's record"), _("_Export"), name, export_chosen,
                         g_strdup (format), g_free);
}

/* ---- object ---- */

static void
bel_student_page_dispose (GObject *object)
{
  BelStudentPage *self = BEL_STUDENT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->handoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_STUDENT_PAGE);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->student);
  g_clear_object (&self->client);
  g_clear_pointer (&self->advisor, g_free);
  G_OBJECT_CLASS (bel_student_page_parent_class)->dispose (object);
}

static void
bel_student_page_class_init (BelStudentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_student_page_dispose;

  g_type_ensure (BEL_TYPE_PROFILE_TIMELINE);
  g_type_ensure (BEL_TYPE_STUDENT_GOALS);
  g_type_ensure (BEL_TYPE_OBSERVATIONS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-student-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, pronouns_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, school_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, language_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, badges_box);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, adults_box);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, no_adults_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, profile_stack);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, goals);
  gtk_widget_class_bind_template_child (widget_class, BelStudentPage, observations);

  gtk_widget_class_install_action (widget_class, "student.add-entry", "s", add_entry_action);
  gtk_widget_class_install_action (widget_class, "student.edit-entry", "x", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "student.correct-entry", "x", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "student.handoff", NULL, handoff_action);
  gtk_widget_class_install_action (widget_class, "student.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "student.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "student.add-entry", "s", "");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "studentpage");
}

static void
bel_student_page_init (BelStudentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bel_profile_style_ensure ();
  self->cancellable = g_cancellable_new ();
}

void
bel_student_page_set_client (BelStudentPage *self,
                             BelClient      *client)
{
  g_return_if_fail (BEL_IS_STUDENT_PAGE (self));
  g_set_object (&self->client, client);
  bel_student_goals_set_client (self->goals, client);
  bel_observations_view_set_client (self->observations, client);
}

void
bel_student_page_set_student (BelStudentPage *self,
                              BelStudent     *student)
{
  gboolean same;

  g_return_if_fail (BEL_IS_STUDENT_PAGE (self));

  same = student != NULL && self->student != NULL &&
         bel_resource_get_id (student) == bel_resource_get_id (self->student);
  g_set_object (&self->student, student);
  bel_student_goals_set_student (self->goals, student);
  bel_observations_view_set_student (self->observations, student);
  if (student == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      g_clear_pointer (&self->sections, g_ptr_array_unref);
      bel_profile_timeline_clear (self->timeline);
      return;
    }
  if (!same)
    g_clear_pointer (&self->advisor, g_free);
  fill_header (self, student);
  if (same)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  bel_profile_timeline_clear (self->timeline);
  clear_box (GTK_WIDGET (self->adults_box));
  gtk_widget_set_visible (GTK_WIDGET (self->no_adults_label), FALSE);
  if (self->client != NULL)
    load (self, TRUE);
}

BelStudent *
bel_student_page_get_student (BelStudentPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_PAGE (self), NULL);
  return self->student;
}

gboolean
bel_student_page_get_loading (BelStudentPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_PAGE (self), FALSE);
  return self->loading;
}

GtkWindow *
bel_student_page_get_editor (BelStudentPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_PAGE (self), NULL);
  return self->editor;
}

GtkWindow *
bel_student_page_get_handoff (BelStudentPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_PAGE (self), NULL);
  return self->handoff;
}
