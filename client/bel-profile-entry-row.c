/* bel-profile-entry-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-profile-entry-row.h"

#include <glib/gi18n.h>

#include "bel-profile-format.h"

struct _BelProfileEntryRow
{
  GtkWidget        parent_instance;

  BelProfileEntry *entry;
  char            *byline;
};

G_DEFINE_FINAL_TYPE (BelProfileEntryRow, bel_profile_entry_row, GTK_TYPE_WIDGET)

static void
bel_profile_entry_row_dispose (GObject *object)
{
  BelProfileEntryRow *self = BEL_PROFILE_ENTRY_ROW (object);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->byline, g_free);
  G_OBJECT_CLASS (bel_profile_entry_row_parent_class)->dispose (object);
}

static void
bel_profile_entry_row_class_init (BelProfileEntryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_profile_entry_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profileentry");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bel_profile_entry_row_init (BelProfileEntryRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
action_button (const char *label,
               const char *tooltip,
               const char *action,
               gint64      entry_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "entry-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (entry_id));
  return button;
}

/* The text of the entry and its section facts, struck through when superseded. */
static GtkWidget *
content_box (BelProfileEntry *entry,
             gboolean         superseded)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *details = bel_profile_format_details (entry);
  GtkWidget *body = text_label (bel_resource_get_string (entry, "body"), "entry-body");

  gtk_box_append (GTK_BOX (box), body);
  if (details != NULL)
    gtk_box_append (GTK_BOX (box), text_label (details, "entry-details"));
  if (superseded)
    gtk_widget_add_css_class (box, "superseded-text");
  return box;
}

static char *
make_byline (BelProfileEntry *entry)
{
  const char *author = bel_resource_get_string (entry, "author-name");
  g_autofree char *date = bel_profile_format_date (bel_resource_get_string (entry, "created-at"));

  /* Translators: who wrote a profile entry and when, "Chinedu Okafor · 28 November 2026" */
  return g_strdup_printf (_("%s · %s"), author ? author : _("Someone no longer on staff"), date);
}

static GtkWidget *
meta_row (BelProfileEntryRow *self,
          BelProfileEntry    *original,
          gboolean            can_edit,
          gboolean            can_correct)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *byline = gtk_label_new (self->byline);
  gint64 id = bel_resource_get_id (self->entry);

  gtk_label_set_xalign (GTK_LABEL (byline), 0.0);
  gtk_label_set_wrap (GTK_LABEL (byline), TRUE);
  gtk_widget_add_css_class (byline, "entry-byline");
  gtk_box_append (GTK_BOX (box), byline);
  if (original != NULL)
    {
      g_autofree char *when = bel_profile_format_date (bel_resource_get_string (original, "created-at"));
      g_autofree char *text = g_strdup_printf (_("Corrects the entry of %s"), when);
      GtkWidget *tag = gtk_label_new (text);

      gtk_widget_add_css_class (tag, "pill-tag");
      gtk_widget_add_css_class (tag, "tag-correction");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), tag);
    }
  gtk_widget_set_hexpand (byline, TRUE);
  if (can_edit)
    gtk_box_append (GTK_BOX (box),
                    action_button (_("_Edit"), _("Change your entry (possible for 24 hours after writing it)"),
                                   "student.edit-entry", id));
  else if (can_correct)
    gtk_box_append (GTK_BOX (box),
                    action_button (_("_Correct"), _("Write a correction; this entry stays, marked as corrected"),
                                   "student.correct-entry", id));
  return box;
}

static GtkWidget *
superseded_view (BelProfileEntry *entry,
                 BelProfileEntry *correction,
                 const char      *byline)
{
  const char *who = correction ? bel_resource_get_string (correction, "author-name") : NULL;
  g_autofree char *when = correction ? bel_profile_format_date (bel_resource_get_string (correction, "created-at"))
                                     : NULL;
  g_autofree char *title = NULL;
  GtkWidget *expander;
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *meta = gtk_label_new (byline);

  if (when != NULL)
    /* Translators: a superseded profile entry, "Corrected on 3 December 2026 by Tomás Rivera" */
    title = g_strdup_printf (_("Corrected on %s by %s"), when, who ? who : _("a former colleague"));
  else
    title = g_strdup (_("Corrected"));
  expander = gtk_expander_new (title);
  gtk_widget_add_css_class (expander, "superseded");
  gtk_box_append (GTK_BOX (inner), content_box (entry, TRUE));
  gtk_label_set_xalign (GTK_LABEL (meta), 0.0);
  gtk_widget_add_css_class (meta, "entry-byline");
  gtk_box_append (GTK_BOX (inner), meta);
  gtk_widget_set_margin_top (inner, 6);
  gtk_expander_set_child (GTK_EXPANDER (expander), inner);
  return expander;
}

GtkWidget *
bel_profile_entry_row_new (BelProfileEntry *entry,
                           BelProfileEntry *correction,
                           BelProfileEntry *original,
                           gboolean         can_edit,
                           gboolean         can_correct)
{
  BelProfileEntryRow *self;
  gboolean superseded;

  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY (entry), NULL);

  self = g_object_new (BEL_TYPE_PROFILE_ENTRY_ROW, NULL);
  self->entry = g_object_ref (entry);
  self->byline = make_byline (entry);
  superseded = bel_resource_get_int (entry, "superseded-by") != 0;
  if (superseded)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "is-superseded");
      gtk_widget_set_parent (superseded_view (entry, correction, self->byline), GTK_WIDGET (self));
      return GTK_WIDGET (self);
    }
  gtk_widget_set_parent (content_box (entry, FALSE), GTK_WIDGET (self));
  gtk_widget_set_parent (meta_row (self, original, can_edit, can_correct), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->byline, -1);
  return GTK_WIDGET (self);
}

BelProfileEntry *
bel_profile_entry_row_get_entry (BelProfileEntryRow *self)
{
  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY_ROW (self), NULL);
  return self->entry;
}

const char *
bel_profile_entry_row_get_byline (BelProfileEntryRow *self)
{
  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY_ROW (self), NULL);
  return self->byline;
}
