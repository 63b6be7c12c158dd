/* bel-profile-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-profile-timeline.h"

#include <glib/gi18n.h>

#include "bel-format.h"
#include "bel-profile-entry-row.h"
#include "bel-profile-format.h"
#include "bel-profile-section-entries.h"

struct _BelProfileTimeline
{
  GtkWidget   parent_instance;

  GHashTable *rows;    /* entry id (gint64 *) -> BelProfileEntryRow, unowned */
  GHashTable *locked;  /* section name -> section name */
  GPtrArray  *order;   /* section names, as shown */
};

G_DEFINE_FINAL_TYPE (BelProfileTimeline, bel_profile_timeline, GTK_TYPE_WIDGET)

static void
bel_profile_timeline_dispose (GObject *object)
{
  BelProfileTimeline *self = BEL_PROFILE_TIMELINE (object);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->locked, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  G_OBJECT_CLASS (bel_profile_timeline_parent_class)->dispose (object);
}

static void
bel_profile_timeline_class_init (BelProfileTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_profile_timeline_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profiletimeline");
}

static void
bel_profile_timeline_init (BelProfileTimeline *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->locked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
bel_profile_timeline_new (void)
{
  return g_object_new (BEL_TYPE_PROFILE_TIMELINE, NULL);
}

void
bel_profile_timeline_clear (BelProfileTimeline *self)
{
  g_return_if_fail (BEL_IS_PROFILE_TIMELINE (self));

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->locked);
  g_ptr_array_set_size (self->order, 0);
}

static GtkWidget *
section_header (BelProfileSectionEntries *section,
                guint                     n_current)
{
  const char *name = bel_resource_get_string (section, "section");
  gboolean readable = bel_resource_get_bool (section, "readable");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (bel_profile_section_icon (name));
  GtkWidget *title = gtk_label_new (bel_profile_section_title (name));

  gtk_widget_add_css_class (box, "section-header");
  gtk_widget_add_css_class (icon, "section-icon");
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  if (bel_resource_get_bool (section, "sensitive") && readable)
    {
      GtkWidget *tag = gtk_label_new (_("Private"));
      gtk_widget_add_css_class (tag, "pill-tag");
      gtk_widget_add_css_class (tag, "tag-private");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tag, _("Only counselors, leaders and the student's advisor or advocate read this section, and each read is recorded."));
      gtk_box_append (GTK_BOX (box), tag);
    }
  if (n_current > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_current),
                                                n_current);
      GtkWidget *label = gtk_label_new (count);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_hexpand (title, FALSE);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (box), spacer);
  }
  if (readable)
    {
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Add to %s"), bel_profile_section_title (name));

      gtk_widget_add_css_class (add, "flat");
      gtk_widget_add_css_class (add, "circular");
      gtk_widget_set_tooltip_text (add, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "student.add-entry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", name);
      gtk_box_append (GTK_BOX (box), add);
    }
  return box;
}

static GtkWidget *
locked_state (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_("Only counselors, leaders and the student's advisor or advocate can read this"));
  GtkWidget *why = gtk_label_new (_("It holds private things a family or student shared. If you need to know, ask the student's counselor."));

  gtk_widget_add_css_class (box, "locked-section");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  for (GtkWidget *l = title; l != NULL; l = (l == title ? why : NULL))
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_xalign (GTK_LABEL (l), 0.0);
      gtk_box_append (GTK_BOX (texts), l);
    }
  gtk_widget_add_css_class (title, "locked-title");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_add_css_class (why, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  return box;
}

static GtkWidget *
empty_state (void)
{
  GtkWidget *label = gtk_label_new (_("Nothing written here yet. What do you know?"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "empty-section");
  return label;
}

static BelProfileEntry *
find_by_field (GListModel *entries,
               const char *field,
               gint64      value)
{
  for (guint i = 0; value != 0 && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(BelProfileEntry) e = g_list_model_get_item (entries, i);
      if (bel_resource_get_int (e, field) == value)
        return e;
    }
  return NULL;
}

static GtkWidget *
year_header (BelProfileEntry *entry)
{
  g_autofree char *year = bel_profile_format_school_year (bel_resource_get_string (entry, "school-year"));
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (entry, "grade"));
  /* Translators: a school year heading in a profile, "2025–2026 · Grade 11" */
  g_autofree char *text = g_strdup_printf (_("%s · %s"), year, grade);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "year-header");
  return label;
}

static GtkWidget *
entries_view (BelProfileTimeline *self,
              GListModel         *entries,
              BelAccount         *reader)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char *last_year = NULL;
  guint n = g_list_model_get_n_items (entries);

  /* Newest first: the daemon sends the timeline oldest first. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(BelProfileEntry) entry = g_list_model_get_item (entries, i);
      const char *year = bel_resource_get_string (entry, "school-year");
      gint64 id = bel_resource_get_id (entry);
      BelProfileEntry *correction = find_by_field (entries, "id", bel_resource_get_int (entry, "superseded-by"));
      BelProfileEntry *original = find_by_field (entries, "id", bel_resource_get_int (entry, "supersedes-id"));
      gboolean editable = bel_profile_entry_editable (entry, reader);
      GtkWidget *row = bel_profile_entry_row_new (entry, correction, original, editable,
                                                  bel_resource_get_int (entry, "superseded-by") == 0);
      gint64 *key = g_new (gint64, 1);

      if (g_strcmp0 (year, last_year) != 0)
        {
          gtk_box_append (GTK_BOX (box), year_header (entry));
          last_year = year;
        }
      else
        gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box), row);
      *key = id;
      g_hash_table_replace (self->rows, key, row);
    }
  return box;
}

static guint
count_current (GListModel *entries)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(BelProfileEntry) e = g_list_model_get_item (entries, i);
      if (bel_resource_get_int (e, "superseded-by") == 0)
        n++;
    }
  return n;
}

static GtkWidget *
section_view (BelProfileTimeline       *self,
              BelProfileSectionEntries *section,
              BelAccount               *reader)
{
  GListModel *entries = bel_profile_section_entries_get_entries (section);
  const char *name = bel_resource_get_string (section, "section");
  gboolean readable = bel_resource_get_bool (section, "readable");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "profile-section");
  gtk_widget_set_name (box, name);
  gtk_box_append (GTK_BOX (box), section_header (section, readable ? count_current (entries) : 0));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "timeline-card");
  if (!readable)
    {
      gtk_box_append (GTK_BOX (card), locked_state ());
      g_hash_table_add (self->locked, g_strdup (name));
    }
  else if (g_list_model_get_n_items (entries) == 0)
    gtk_box_append (GTK_BOX (card), empty_state ());
  else
    gtk_box_append (GTK_BOX (card), entries_view (self, entries, reader));
  gtk_box_append (GTK_BOX (box), card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bel_profile_section_title (name), -1);
  return box;
}

void
bel_profile_timeline_set_profile (BelProfileTimeline *self,
                                  GPtrArray          *sections,
                                  BelAccount         *reader)
{
  g_return_if_fail (BEL_IS_PROFILE_TIMELINE (self));
  g_return_if_fail (sections != NULL);

  bel_profile_timeline_clear (self);
  for (guint i = 0; i < sections->len; i++)
    {
      BelProfileSectionEntries *section = sections->pdata[i];

      gtk_widget_set_parent (section_view (self, section, reader), GTK_WIDGET (self));
      g_ptr_array_add (self->order, g_strdup (bel_resource_get_string (section, "section")));
    }
}

GtkWidget *
bel_profile_timeline_find_entry_row (BelProfileTimeline *self,
                                     gint64              entry_id)
{
  g_return_val_if_fail (BEL_IS_PROFILE_TIMELINE (self), NULL);
  return g_hash_table_lookup (self->rows, &entry_id);
}

gboolean
bel_profile_timeline_section_locked (BelProfileTimeline *self,
                                     const char         *section)
{
  g_return_val_if_fail (BEL_IS_PROFILE_TIMELINE (self), FALSE);
  return g_hash_table_contains (self->locked, section);
}

GStrv
bel_profile_timeline_dup_order (BelProfileTimeline *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BEL_IS_PROFILE_TIMELINE (self), NULL);
  for (guint i = 0; i < self->order->len; i++)
    g_strv_builder_add (builder, self->order->pdata[i]);
  return g_strv_builder_end (builder);
}
