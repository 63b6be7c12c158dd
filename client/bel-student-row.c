/* bel-student-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-student-row.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-format.h"

struct _BelStudentRow
{
  GtkWidget   parent_instance;

  BelStudent *student;

  GtkWidget  *box;
  AdwAvatar  *avatar;
  GtkLabel   *name_label;
  GtkLabel   *pronouns_label;
  GtkLabel   *summary_label;
  GtkWidget  *el_pill;
  GtkWidget  *iep_pill;
  GtkWidget  *section_504_pill;
};

G_DEFINE_FINAL_TYPE (BelStudentRow, bel_student_row, GTK_TYPE_WIDGET)

static void
bel_student_row_dispose (GObject *object)
{
  BelStudentRow *self = BEL_STUDENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_STUDENT_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->student);
  G_OBJECT_CLASS (bel_student_row_parent_class)->dispose (object);
}

static void
bel_student_row_class_init (BelStudentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_student_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-student-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, box);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, pronouns_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, el_pill);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, iep_pill);
  gtk_widget_class_bind_template_child (widget_class, BelStudentRow, section_504_pill);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "belstudentrow");
}

static void
bel_student_row_init (BelStudentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bel_student_row_new (void)
{
  return g_object_new (BEL_TYPE_STUDENT_ROW, NULL);
}

/* The full name, shown under the name a student goes by when it differs. */
static char *
secondary_line (BelStudent *student)
{
  g_autofree char *display = bel_student_dup_display_name (student);
  g_autofree char *full = bel_student_dup_full_name (student);
  g_autofree char *summary = bel_format_student_summary (student);

  if (g_strcmp0 (display, full) == 0)
    return g_steal_pointer (&summary);
  return g_strdup_printf ("%s · %s", full, summary);
}

/* One sentence for screen readers: "Ana Díaz, she/her, Grade 9 · Room 12, learning English". */
static void
update_accessible_label (BelStudentRow *self,
                         const char    *display,
                         const char    *pronouns,
                         const char    *secondary)
{
  g_autoptr(GString) text = g_string_new (display);
  GtkWidget *pills[] = { self->el_pill, self->iep_pill, self->section_504_pill };

  if (pronouns != NULL && *pronouns != '\0')
    g_string_append_printf (text, ", %s", pronouns);
  g_string_append_printf (text, ", %s", secondary);
  for (guint i = 0; i < G_N_ELEMENTS (pills); i++)
    if (gtk_widget_get_visible (pills[i]))
      g_string_append_printf (text, ", %s", gtk_widget_get_tooltip_text (pills[i]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
}

void
bel_student_row_set_student (BelStudentRow *self,
                             BelStudent    *student)
{
  g_autofree char *display = NULL;
  g_autofree char *secondary = NULL;
  const char *pronouns;
  const char *el;

  g_return_if_fail (BEL_IS_STUDENT_ROW (self));

  if (!g_set_object (&self->student, student) || student == NULL)
    return;

  display = bel_student_dup_display_name (student);
  secondary = secondary_line (student);
  pronouns = bel_resource_get_string (student, "pronouns");
  el = bel_resource_get_string (student, "el-status");

  adw_avatar_set_text (self->avatar, display);
  gtk_label_set_label (self->name_label, display);
  gtk_label_set_label (self->pronouns_label, pronouns ? pronouns : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pronouns_label), pronouns != NULL && *pronouns != '\0');
  gtk_label_set_label (self->summary_label, secondary);
  gtk_widget_set_visible (self->el_pill, g_strcmp0 (el, "current") == 0);
  gtk_widget_set_visible (self->iep_pill, bel_resource_get_bool (student, "iep"));
  gtk_widget_set_visible (self->section_504_pill, bel_resource_get_bool (student, "section-504"));
  update_accessible_label (self, display, pronouns, secondary);
}

BelStudent *
bel_student_row_get_student (BelStudentRow *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_ROW (self), NULL);
  return self->student;
}
