/* bel-entry-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-entry-editor.h"

#include <glib/gi18n.h>

#include "bel-client-profiles.h"
#include "bel-error.h"
#include "bel-profile-format.h"
#include "bel-profile-sections.h"

typedef enum {
  MODE_ADD,
  MODE_EDIT,
  MODE_CORRECT,
} Mode;

struct _BelEntryEditor
{
  AdwWindow        parent_instance;

  BelClient       *client;
  Mode             mode;
  gint64           student_id;
  BelProfileEntry *entry;     /* edited or corrected; NULL when adding */
  gint64           version;   /* what If-Match sends when editing */
  GStrv            sections;  /* offered in the picker */
  GCancellable    *cancellable;
  gboolean         busy;

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkLabel        *intro_label;
  GtkRevealer     *conflict_revealer;
  GtkLabel        *newer_label;
  AdwComboRow     *section_row;
  AdwPreferencesGroup *plan_group;
  AdwComboRow     *plan_type_row;
  AdwEntryRow     *starts_row;
  AdwEntryRow     *ends_row;
  AdwEntryRow     *summary_row;
  GtkTextView     *text_view;
  GtkLabel        *error_label;
};

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelEntryEditor, bel_entry_editor, ADW_TYPE_WINDOW)

static const char * const plan_type_titles[] = { N_("IEP"), N_("504 plan"), N_("Language plan"), N_("Behavior plan") };

const char *
bel_entry_editor_get_section (BelEntryEditor *self)
{
  guint i;

  g_return_val_if_fail (BEL_IS_ENTRY_EDITOR (self), NULL);
  i = adw_combo_row_get_selected (self->section_row);
  if (self->sections == NULL || i >= g_strv_length (self->sections))
    return NULL;
  return self->sections[i];
}

static void
section_changed (BelEntryEditor *self)
{
  gboolean plan = g_strcmp0 (bel_entry_editor_get_section (self), "plans") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), plan && self->mode != MODE_EDIT);
}

static char *
dup_text (BelEntryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

void
bel_entry_editor_set_text (BelEntryEditor *self,
                           const char     *text)
{
  g_return_if_fail (BEL_IS_ENTRY_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

gboolean
bel_entry_editor_get_busy (BelEntryEditor *self)
{
  g_return_val_if_fail (BEL_IS_ENTRY_EDITOR (self), FALSE);
  return self->busy;
}

static void
set_busy (BelEntryEditor *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
  gtk_text_view_set_editable (self->text_view, !busy);
}

static void
show_error (BelEntryEditor *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
field_value (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return (text != NULL && *text != '\0') ? text : NULL;
}

static BelProfileEntry *
build_entry (BelEntryEditor *self,
             const char     *body)
{
  BelProfileEntry *entry = bel_profile_entry_new ();
  const char *section = bel_entry_editor_get_section (self);

  g_object_set (entry, "section", section, "body", body, NULL);
  if (self->mode == MODE_CORRECT)
    g_object_set (entry, "supersedes-id", bel_resource_get_id (self->entry), NULL);
  if (g_strcmp0 (section, "plans") == 0 && self->mode != MODE_EDIT)
    {
      guint type = adw_combo_row_get_selected (self->plan_type_row);
      g_object_set (entry,
                    "plan-type", type < 4 ? bel_profile_plan_types[type] : "iep",
                    "starts-on", field_value (self->starts_row),
                    "ends-on", field_value (self->ends_row),
                    "summary", field_value (self->summary_row),
                    NULL);
    }
  return entry;
}

static void
newer_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BelEntryEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfileEntry) newer = bel_client_profile_entry_finish (BEL_CLIENT (source), result, &error);

  set_busy (self, FALSE);
  if (newer == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* The next Save is a deliberate overwrite of the text shown here. */
  self->version = bel_resource_get_version (newer);
  gtk_label_set_label (self->newer_label, bel_resource_get_string (newer, "body"));
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
  show_error (self, NULL);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BelEntryEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfileEntry) entry = bel_client_profile_entry_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entry == NULL && g_error_matches (error, BEL_ERROR, BEL_ERROR_PRECONDITION_FAILED))
    {
      bel_client_get_profile_entry_async (self->client, bel_resource_get_id (self->entry), self->cancellable,
                                          newer_cb, g_object_ref (self));
      return;
    }
  set_busy (self, FALSE);
  if (entry == NULL)
    {
      if (g_error_matches (error, BEL_ERROR, BEL_ERROR_CONFLICT) && self->mode == MODE_EDIT)
        show_error (self, _("This entry can no longer be edited: 24 hours have passed or it was corrected. Close this and use “Correct” instead."));
      else
        show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, entry);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BelEntryEditor *self = BEL_ENTRY_EDITOR (widget);
  g_autofree char *body = dup_text (self);
  g_autoptr(BelProfileEntry) entry = NULL;

  if (self->busy)
    return;
  if (*body == '\0')
    {
      show_error (self, _("Write something first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return;
    }
  if (bel_entry_editor_get_section (self) == NULL)
    return;
  show_error (self, NULL);
  set_busy (self, TRUE);
  entry = build_entry (self, body);
  if (self->mode == MODE_EDIT)
    bel_client_edit_profile_entry_async (self->client, bel_resource_get_id (self->entry), self->version, entry,
                                         self->cancellable, saved_cb, g_object_ref (self));
  else
    bel_client_add_profile_entry_async (self->client, self->student_id, entry, self->cancellable,
                                        saved_cb, g_object_ref (self));
}

static void
bel_entry_editor_dispose (GObject *object)
{
  BelEntryEditor *self = BEL_ENTRY_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->sections, g_strfreev);
  G_OBJECT_CLASS (bel_entry_editor_parent_class)->dispose (object);
}

static void
bel_entry_editor_class_init (BelEntryEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_entry_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, BEL_TYPE_PROFILE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, newer_label);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, section_row);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, plan_type_row);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, BelEntryEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, section_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_entry_editor_init (BelEntryEditor *self)
{
  g_autoptr(GtkStringList) plan_types = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));
  bel_profile_style_ensure ();
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (plan_type_titles); i++)
    gtk_string_list_append (plan_types, _(plan_type_titles[i]));
  adw_combo_row_set_model (self->plan_type_row, G_LIST_MODEL (plan_types));
  gtk_editable_set_text (GTK_EDITABLE (self->starts_row), today);
}

static void
set_sections (BelEntryEditor     *self,
              const char * const *sections,
              const char         *selected)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint position = 0;

  self->sections = g_strdupv ((char **) sections);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      gtk_string_list_append (titles, bel_profile_section_title (sections[i]));
      if (g_strcmp0 (sections[i], selected) == 0)
        position = i;
    }
  adw_combo_row_set_model (self->section_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->section_row, position);
  section_changed (self);
}

static BelEntryEditor *
editor_new (GtkWindow *parent,
            BelClient *client,
            Mode       mode)
{
  BelEntryEditor *self = g_object_new (BEL_TYPE_ENTRY_EDITOR, "transient-for", parent, "destroy-with-parent", TRUE, NULL);

  self->client = g_object_ref (client);
  self->mode = mode;
  return self;
}

BelEntryEditor *
bel_entry_editor_new_add (GtkWindow          *parent,
                          BelClient          *client,
                          gint64              student_id,
                          const char * const *sections,
                          const char         *section)
{
  BelEntryEditor *self;

  g_return_val_if_fail (BEL_IS_CLIENT (client), NULL);
  g_return_val_if_fail (sections != NULL && sections[0] != NULL, NULL);

  self = editor_new (parent, client, MODE_ADD);
  self->student_id = student_id;
  set_sections (self, sections, section);
  gtk_label_set_label (self->intro_label,
                       _("Your entry is signed with your name and today's date. Nothing in a profile is overwritten: it grows year to year."));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

static BelEntryEditor *
editor_for_entry (GtkWindow       *parent,
                  BelClient       *client,
                  BelProfileEntry *entry,
                  Mode             mode)
{
  BelEntryEditor *self = editor_new (parent, client, mode);
  const char *section = bel_resource_get_string (entry, "section");
  const char *only[] = { section, NULL };

  self->entry = g_object_ref (entry);
  self->student_id = bel_resource_get_int (entry, "student-id");
  self->version = bel_resource_get_version (entry);
  set_sections (self, only, section);
  gtk_widget_set_sensitive (GTK_WIDGET (self->section_row), FALSE);
  bel_entry_editor_set_text (self, bel_resource_get_string (entry, "body"));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

BelEntryEditor *
bel_entry_editor_new_edit (GtkWindow       *parent,
                           BelClient       *client,
                           BelProfileEntry *entry)
{
  BelEntryEditor *self;

  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY (entry), NULL);
  self = editor_for_entry (parent, client, entry, MODE_EDIT);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit your entry"));
  adw_window_title_set_title (self->window_title, _("Edit your entry"));
  gtk_label_set_label (self->intro_label,
                       _("You can change your own entry for 24 hours after writing it. After that, a correction keeps both."));
  return self;
}

BelEntryEditor *
bel_entry_editor_new_correct (GtkWindow       *parent,
                              BelClient       *client,
                              BelProfileEntry *entry)
{
  BelEntryEditor *self;
  g_autofree char *when = NULL;
  g_autofree char *intro = NULL;
  const char *author;

  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY (entry), NULL);
  self = editor_for_entry (parent, client, entry, MODE_CORRECT);
  when = bel_profile_format_date (bel_resource_get_string (entry, "created-at"));
  author = bel_resource_get_string (entry, "author-name");
  intro = g_strdup_printf (_("You are correcting the entry %s wrote on %s. It stays in the profile, marked as corrected by you, so its history is kept."),
                           author ? author : _("a former colleague"), when);
  gtk_window_set_title (GTK_WINDOW (self), _("Correct an entry"));
  adw_window_title_set_title (self->window_title, _("Correct an entry"));
  gtk_label_set_label (self->intro_label, intro);
  return self;
}
