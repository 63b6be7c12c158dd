/* bel-student-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-student-detail.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-format.h"

struct _BelStudentDetail
{
  GtkWidget            parent_instance;

  BelStudent          *student;
  GPtrArray           *rows; /* (AdwPreferencesGroup, row) pairs added for the current student */

  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *full_name_label;
  GtkLabel            *pronouns_label;
  AdwPreferencesGroup *school_group;
  AdwPreferencesGroup *language_group;
  AdwPreferencesGroup *supports_group;
  AdwPreferencesGroup *attributes_group;
};

G_DEFINE_FINAL_TYPE (BelStudentDetail, bel_student_detail, GTK_TYPE_WIDGET)

static void
bel_student_detail_dispose (GObject *object)
{
  BelStudentDetail *self = BEL_STUDENT_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_STUDENT_DETAIL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->student);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (bel_student_detail_parent_class)->dispose (object);
}

static void
bel_student_detail_class_init (BelStudentDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_student_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-student-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, full_name_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, pronouns_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, school_group);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, language_group);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, supports_group);
  gtk_widget_class_bind_template_child (widget_class, BelStudentDetail, attributes_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "belstudentdetail");
}

static void
bel_student_detail_init (BelStudentDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

static void
clear_rows (BelStudentDetail *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (self->rows->pdata[i], self->rows->pdata[i + 1]);
  g_ptr_array_set_size (self->rows, 0);
}

/* A row of the record: what the fact is, and the fact. */
static void
add_row (BelStudentDetail    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_tooltip_text (label, value);
  gtk_widget_add_css_class (label, "record-value");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
fill_school (BelStudentDetail *self,
             BelStudent       *student,
             const char       *advisor_name)
{
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  const char *advisory = bel_resource_get_string (student, "advisory-name");
  g_autofree char *advisor = NULL;

  add_row (self, self->school_group, _("Grade"), grade, NULL);
  if (advisor_name != NULL && *advisor_name != '\0')
    advisor = g_strdup_printf (_("With %s"), advisor_name);
  add_row (self, self->school_group, _("Advisory"),
           advisory && *advisory ? advisory : _("Not in an advisory yet"), advisor);
  add_row (self, self->school_group, _("Student ID"),
           bel_resource_get_string (student, "sis-id"), NULL);
}

static void
fill_language (BelStudentDetail *self,
               BelStudent       *student)
{
  const char *language = bel_resource_get_string (student, "home-language");
  g_autofree char *el = bel_format_el_status (bel_resource_get_string (student, "el-status"));

  add_row (self, self->language_group, _("Home language"),
           language && *language ? language : _("Not recorded"), NULL);
  add_row (self, self->language_group, _("English learning"), el, NULL);
}

static void
fill_supports (BelStudentDetail *self,
               BelStudent       *student)
{
  static const struct {
    const char *field;
    const char *title;
    const char *description;
  } plans[] = {
    { "iep", N_("IEP"), N_("Individualized Education Program") },
    { "section-504", N_("504 plan"), N_("Accommodations under Section 504") },
    { "language-plan", N_("Language plan"), N_("Support for learning English") },
    { "behavior-plan", N_("Behavior plan"), N_("Agreed ways to help with behavior") },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      if (!bel_resource_get_bool (student, plans[i].field))
        continue;
      add_row (self, self->supports_group, _(plans[i].title), _("In place"), _(plans[i].description));
      any = TRUE;
    }
  if (!any)
    add_row (self, self->supports_group, _("Support plans"), _("None on record"), NULL);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
fill_attributes (BelStudentDetail *self,
                 BelStudent       *student)
{
  GHashTable *attributes = bel_resource_get_boxed (student, "attributes");
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  if (attributes != NULL)
    keys = g_hash_table_get_keys_as_array (attributes, &n);
  gtk_widget_set_visible (GTK_WIDGET (self->attributes_group), n > 0);
  if (n == 0)
    return;
  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup (keys[i]);
      const char *value = g_hash_table_lookup (attributes, keys[i]);

      /* Roster keys look like "home_room"; show them as "Home room". */
      g_strdelimit (title, "_-", ' ');
      if (*title != '\0')
        *title = g_ascii_toupper (*title);
      add_row (self, self->attributes_group, title, value ? value : "", NULL);
    }
}

void
bel_student_detail_set_student (BelStudentDetail *self,
                                BelStudent       *student,
                                const char       *advisor_name)
{
  g_autofree char *display = NULL;
  g_autofree char *full = NULL;
  const char *pronouns;

  g_return_if_fail (BEL_IS_STUDENT_DETAIL (self));

  g_set_object (&self->student, student);
  clear_rows (self);
  if (student == NULL)
    return;

  display = bel_student_dup_display_name (student);
  full = bel_student_dup_full_name (student);
  pronouns = bel_resource_get_string (student, "pronouns");

  adw_avatar_set_text (self->avatar, display);
  gtk_label_set_label (self->name_label, display);
  gtk_label_set_label (self->full_name_label, full);
  gtk_widget_set_visible (GTK_WIDGET (self->full_name_label), g_strcmp0 (display, full) != 0);
  gtk_label_set_label (self->pronouns_label, pronouns ? pronouns : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pronouns_label), pronouns != NULL && *pronouns != '\0');

  fill_school (self, student, advisor_name);
  fill_language (self, student);
  fill_supports (self, student);
  fill_attributes (self, student);
}

BelStudent *
bel_student_detail_get_student (BelStudentDetail *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_DETAIL (self), NULL);
  return self->student;
}
