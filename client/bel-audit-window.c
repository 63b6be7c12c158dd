/* bel-audit-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-audit-window.h"

#include <glib/gi18n.h>

#include "bel-audit-entry.h"
#include "bel-client-profiles.h"
#include "bel-profile-format.h"

#define PAGE_SIZE 100

static const struct { const char *action; const char *title; } actions[] = {
  { NULL, N_("Everything") },
  { "profile.read", N_("Private sections read") },
  { "profile.export", N_("Records exported") },
  { "profile.entry_add", N_("Entries added") },
  { "profile.entry_correct", N_("Entries corrected") },
  { "profile.entry_edit", N_("Entries edited") },
};

static const char * const sections[] = { NULL, "wellbeing", "family", "plans" };

static const struct { int days; const char *title; } periods[] = {
  { 0, N_("Any time") },
  { 1, N_("Last 24 hours") },
  { 7, N_("Last 7 days") },
  { 30, N_("Last 30 days") },
};

struct _BelAuditWindow
{
  AdwWindow       parent_instance;

  BelClient      *client;
  gint64          school_id;
  GListStore     *entries;
  char           *next_cursor;
  GCancellable   *cancellable;
  gboolean        loading;

  GtkDropDown    *action_dropdown;
  GtkDropDown    *section_dropdown;
  GtkDropDown    *period_dropdown;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkListView    *list_view;
  GtkWidget      *more_button;
};

G_DEFINE_FINAL_TYPE (BelAuditWindow, bel_audit_window, ADW_TYPE_WINDOW)

char *
bel_audit_window_describe (gpointer entry)
{
  const char *actor = bel_resource_get_string (entry, "actor-name");
  const char *action = bel_resource_get_string (entry, "action");
  const char *section = bel_resource_get_string (entry, "section");
  const char *title = section ? bel_profile_section_title (section) : NULL;

  if (actor == NULL)
    actor = _("An administrator on the server");
  if (g_strcmp0 (action, "profile.read") == 0 && title != NULL)
    /* Translators: an audit log row, "Tomás Rivera read Family background" */
    return g_strdup_printf (_("%s read %s"), actor, title);
  if (g_strcmp0 (action, "profile.export") == 0)
    return g_strdup_printf (_("%s exported the record"), actor);
  if (g_strcmp0 (action, "profile.entry_add") == 0 && title != NULL)
    return g_strdup_printf (_("%s added to %s"), actor, title);
  if (g_strcmp0 (action, "profile.entry_correct") == 0 && title != NULL)
    return g_strdup_printf (_("%s corrected an entry in %s"), actor, title);
  if (g_strcmp0 (action, "profile.entry_edit") == 0 && title != NULL)
    return g_strdup_printf (_("%s edited an entry in %s"), actor, title);
  /* Translators: an audit log row for another action, "Dana Kowalczyk: roster.import" */
  return g_strdup_printf (_("%s: %s"), actor, action);
}

static GHashTable *
current_filters (BelAuditWindow *self)
{
  GHashTable *filters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint a = gtk_drop_down_get_selected (self->action_dropdown);
  guint s = gtk_drop_down_get_selected (self->section_dropdown);
  guint p = gtk_drop_down_get_selected (self->period_dropdown);

  if (a < G_N_ELEMENTS (actions) && actions[a].action != NULL)
    g_hash_table_insert (filters, "action", g_strdup (actions[a].action));
  if (s < G_N_ELEMENTS (sections) && sections[s] != NULL)
    g_hash_table_insert (filters, "section", g_strdup (sections[s]));
  if (p < G_N_ELEMENTS (periods) && periods[p].days > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -periods[p].days);
      g_hash_table_insert (filters, "since", g_date_time_format (since, "%Y-%m-%dT%H:%M:%SZ"));
    }
  return filters;
}

static void
audit_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelAuditWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) items = bel_client_list_audit_finish (BEL_CLIENT (source), result, &next, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  gboolean more = cancellable && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cancellable), "bel-more"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (items == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (!more)
    g_list_store_remove_all (self->entries);
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       items->pdata, items->len);
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&next);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 ? "list" : "empty");
}

static void
load (BelAuditWindow *self,
      gboolean        more)
{
  g_autoptr(GHashTable) filters = current_filters (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (!more)
    {
      g_clear_pointer (&self->next_cursor, g_free);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  g_object_set_data (G_OBJECT (self->cancellable), "bel-more", GINT_TO_POINTER (more));
  bel_client_list_audit_async (self->client, self->school_id, filters, PAGE_SIZE, more ? self->next_cursor : NULL,
                               self->cancellable, audit_cb, self);
}

static void
filters_changed (BelAuditWindow *self)
{
  if (self->client != NULL)
    load (self, FALSE);
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  load (BEL_AUDIT_WINDOW (widget), FALSE);
}

static void
more_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BelAuditWindow *self = BEL_AUDIT_WINDOW (widget);

  if (self->next_cursor != NULL && !self->loading)
    load (self, TRUE);
}

/* ---- rows ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (box, "audit-row");
  for (int i = 0; i < 2; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, i == 0 ? "heading" : "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  BelAuditEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *what = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *about = gtk_widget_get_next_sibling (what);
  g_autofree char *sentence = bel_audit_window_describe (entry);
  g_autofree char *when = bel_profile_format_time (bel_resource_get_string (entry, "at"));
  const char *student = bel_resource_get_string (entry, "student-name");
  const char *detail = bel_resource_get_string (entry, "detail");
  g_autoptr(GString) line = g_string_new (student ? student : "");

  g_string_append_printf (line, "%s%s", line->len ? " · " : "", when);
  if (detail != NULL && g_strstr_len (detail, -1, "via=") != NULL)
    g_string_append_printf (line, " · %s", g_strstr_len (detail, -1, "via="));
  gtk_label_set_label (GTK_LABEL (what), sentence);
  gtk_label_set_label (GTK_LABEL (about), line->str);
}

/* ---- object ---- */

static void
bel_audit_window_dispose (GObject *object)
{
  BelAuditWindow *self = BEL_AUDIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->next_cursor, g_free);
  G_OBJECT_CLASS (bel_audit_window_parent_class)->dispose (object);
}

static void
bel_audit_window_class_init (BelAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, BelAuditWindow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);

  gtk_widget_class_install_action (widget_class, "audit.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "audit.more", NULL, more_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "audit.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_audit_window_init (BelAuditWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) action_titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) section_titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) period_titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  bel_profile_style_ensure ();
  self->entries = g_list_store_new (BEL_TYPE_AUDIT_ENTRY);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_string_list_append (action_titles, _(actions[i].title));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_string_list_append (section_titles, sections[i] ? bel_profile_section_title (sections[i]) : _("All sections"));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (period_titles, _(periods[i].title));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (action_titles));
  gtk_drop_down_set_model (self->section_dropdown, G_LIST_MODEL (section_titles));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_titles));
  /* What leaders look for first: who read something private. */
  gtk_drop_down_set_selected (self->action_dropdown, 1);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)))));
}

BelAuditWindow *
bel_audit_window_new (GtkWindow *parent,
                      BelClient *client,
                      gint64     school_id)
{
  BelAuditWindow *self;

  g_return_val_if_fail (BEL_IS_CLIENT (client), NULL);
  self = g_object_new (BEL_TYPE_AUDIT_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->client = g_object_ref (client);
  self->school_id = school_id;
  load (self, FALSE);
  return self;
}

GListModel *
bel_audit_window_get_entries (BelAuditWindow *self)
{
  g_return_val_if_fail (BEL_IS_AUDIT_WINDOW (self), NULL);
  return G_LIST_MODEL (self->entries);
}

gboolean
bel_audit_window_get_loading (BelAuditWindow *self)
{
  g_return_val_if_fail (BEL_IS_AUDIT_WINDOW (self), FALSE);
  return self->loading;
}
