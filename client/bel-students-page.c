/* bel-students-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-students-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-advisory.h"
#include "bel-format.h"
#include "bel-audit-window.h"
#include "bel-profile-format.h"
#include "bel-profile-search.h"
#include "bel-student-page.h"
#include "bel-student-list.h"
#include "bel-student-row.h"
#include "bel-surveys-page.h"

struct _BelStudentsPage
{
  GtkWidget           parent_instance;

  BelClient          *client;
  BelSchool          *school;
  BelStudentList     *students;
  GtkSingleSelection *selection;
  GPtrArray          *advisories;    /* BelAdvisory, index + 1 = dropdown position */
  GArray             *grades;        /* int, index + 1 = dropdown position */
  GCancellable       *cancellable;   /* advisories and the selected student */
  gint64              all_total;     /* students of the school, for "12 of 400" */
  gboolean            updating_filters;
  gboolean            open_first;    /* Enter was pressed while the search ran */
  gboolean            stale;         /* to load again when next shown */
  char               *loaded_query;  /* the filters of the last load, to skip repeats */

  AdwLeaflet         *leaflet;
  GtkRevealer        *offline_revealer;
  AdwWindowTitle     *list_title;
  AdwWindowTitle     *detail_title;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *grade_dropdown;
  GtkDropDown        *advisory_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *clear_filters_button;
  GtkWidget          *surveys_button;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  BelStudentPage     *detail;
};

G_DEFINE_FINAL_TYPE (BelStudentsPage, bel_students_page, GTK_TYPE_WIDGET)

static void offline_child_revealed (BelStudentsPage *self);

static gboolean
filters_active (BelStudentsPage *self)
{
  const char *q = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (q != NULL && *q != '\0') ||
         gtk_drop_down_get_selected (self->grade_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->advisory_dropdown) > 0;
}

static int
selected_grade (BelStudentsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->grade_dropdown);

  if (pos == 0 || pos == GTK_INVALID_LIST_POSITION || pos > self->grades->len)
    return BEL_CLIENT_ANY_GRADE;
  return g_array_index (self->grades, int, pos - 1);
}

static BelAdvisory *
selected_advisory (BelStudentsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->advisory_dropdown);

  if (pos == 0 || pos == GTK_INVALID_LIST_POSITION || pos > self->advisories->len)
    return NULL;
  return g_ptr_array_index (self->advisories, pos - 1);
}

static void
load_students (BelStudentsPage *self,
               gboolean         force)
{
  BelAdvisory *advisory = selected_advisory (self);
  gint64 advisory_id = advisory ? bel_resource_get_id (advisory) : 0;
  g_autofree char *q = NULL;
  g_autofree char *query = NULL;

  if (self->school == NULL || self->client == NULL)
    return;
  q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  query = g_strdup_printf ("%d/%" G_GINT64_FORMAT "/%s", selected_grade (self), advisory_id, q);
  if (!force && g_strcmp0 (query, self->loaded_query) == 0)
    return;
  g_free (self->loaded_query);
  self->loaded_query = g_steal_pointer (&query);
  bel_student_list_load (self->students, bel_resource_get_id (self->school), q,
                         selected_grade (self), advisory_id);
}

static void
update_count (BelStudentsPage *self)
{
  g_autofree char *text = NULL;
  guint shown = (guint) bel_student_list_get_total (self->students);
  gboolean filtered = filters_active (self);

  if (!filtered && !bel_student_list_get_loading (self->students))
    self->all_total = shown;
  text = bel_format_student_count (shown, MAX ((guint) self->all_total, shown), filtered);
  gtk_label_set_label (self->count_label, text);
}

/* Remembers the grades of the school from an unfiltered list, for the grade filter. */
static void
update_grades (BelStudentsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->students);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GtkStringList) labels = NULL;
  gboolean present[BEL_GRADE_MAX - BEL_GRADE_MIN + 1] = { FALSE };

  if (filters_active (self) || bel_student_list_get_loading (self->students))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BelStudent) student = g_list_model_get_item (model, i);
      gint64 grade = bel_resource_get_int (student, "grade");

      if (grade >= BEL_GRADE_MIN && grade <= BEL_GRADE_MAX)
        present[grade - BEL_GRADE_MIN] = TRUE;
    }
  for (int grade = BEL_GRADE_MIN; grade <= BEL_GRADE_MAX; grade++)
    if (present[grade - BEL_GRADE_MIN])
      g_array_append_val (seen, grade);
  /* Empty arrays have no data at all: memcmp() of NULL is undefined. */
  if (seen->len == self->grades->len &&
      (seen->len == 0 || memcmp (seen->data, self->grades->data, seen->len * sizeof (int)) == 0))
    return;

  g_array_set_size (self->grades, 0);
  g_array_append_vals (self->grades, seen->data, seen->len);
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("All grades"));
  for (guint i = 0; i < seen->len; i++)
    {
      g_autofree char *label = bel_format_grade (g_array_index (seen, int, i));
      gtk_string_list_append (labels, label);
    }
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->grade_dropdown, 0);
  self->updating_filters = FALSE;
}

static void
update_state (BelStudentsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->students));
  const GError *error = bel_student_list_get_error (self->students);
  gboolean loading = bel_student_list_get_loading (self->students);
  gboolean filtered = filters_active (self);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (loading || self->stale || self->school == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else
    {
      adw_status_page_set_title (self->empty_page,
                                 filtered ? _("No students match") : _("No students yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Try another name, or clear the filters.")
                                                : _("Students appear here once the school's roster is imported."));
      gtk_widget_set_visible (self->clear_filters_button, filtered);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  update_count (self);
}

static void open_first_student (BelStudentsPage *self);

static void
students_changed (BelStudentsPage *self)
{
  update_state (self);
  if (bel_student_list_get_loading (self->students))
    return;
  update_grades (self);
  if (self->open_first)
    open_first_student (self);
}

/* ---- the selected student ---- */

static void
student_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BelStudentsPage *self = user_data;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(GError) error = NULL;
  BelStudent *shown;

  student = bel_client_get_student_finish (BEL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  shown = bel_student_page_get_student (self->detail);
  if (student == NULL || shown == NULL || bel_resource_get_id (shown) != bel_resource_get_id (student))
    return;
  bel_student_page_set_student (self->detail, student);
}

static void
show_student (BelStudentsPage *self,
              BelStudent      *student)
{
  g_autofree char *display = bel_student_dup_display_name (student);

  adw_window_title_set_title (self->detail_title, display);
  bel_student_page_set_student (self->detail, student);
  gtk_stack_set_visible_child_name (self->detail_stack, "student");
  /* The list row may be older than the record; ask for the current one. */
  bel_client_get_student_async (self->client, bel_resource_get_id (student), self->cancellable,
                                student_fetched_cb, self);
}

static void
selection_changed (BelStudentsPage *self)
{
  BelStudent *student = gtk_single_selection_get_selected_item (self->selection);

  /* A reloading list drops the selection; the record stays on screen. */
  if (student == NULL)
    return;
  show_student (self, student);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
list_activated (BelStudentsPage *self,
                guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

/* ---- advisories ---- */

static void
advisories_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BelStudentsPage *self = user_data;
  g_autoptr(GPtrArray) advisories = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = NULL;
  BelAdvisory *current;
  gint64 current_id;
  guint selected = 0;

  advisories = bel_client_list_advisories_finish (BEL_CLIENT (source), result, &error);
  if (advisories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Advisories not loaded: %s", error->message);
      return;
    }

  current = selected_advisory (self);
  current_id = current ? bel_resource_get_id (current) : 0;
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("All advisories"));
  for (guint i = 0; i < advisories->len; i++)
    {
      gtk_string_list_append (labels, bel_resource_get_string (advisories->pdata[i], "name"));
      if (bel_resource_get_id (advisories->pdata[i]) == current_id)
        selected = i + 1;
    }
  g_ptr_array_unref (self->advisories);
  self->advisories = g_steal_pointer (&advisories);
  gtk_widget_set_visible (self->surveys_button,
                          self->school != NULL &&
                          bel_surveys_page_may_see (bel_client_get_account (self->client),
                                                    bel_resource_get_id (self->school), self->advisories));

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->advisory_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->advisory_dropdown, selected);
  self->updating_filters = FALSE;
}

/* ---- filters and actions ---- */

static void
filters_changed (BelStudentsPage *self)
{
  if (self->updating_filters)
    return;
  load_students (self, FALSE);
  update_state (self);
}

static void
clear_filters (BelStudentsPage *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->grade_dropdown, 0);
  gtk_drop_down_set_selected (self->advisory_dropdown, 0);
  self->updating_filters = FALSE;
  filters_changed (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BelStudentsPage *self = BEL_STUDENTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clear_filters (BEL_STUDENTS_PAGE (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bel_students_page_reload (BEL_STUDENTS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (BEL_STUDENTS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
open_first_student (BelStudentsPage *self)
{
  self->open_first = FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->students)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Enter in the search opens the first student found, once the search is done. */
static void
search_activated (BelStudentsPage *self)
{
  filters_changed (self);
  if (bel_student_list_get_loading (self->students))
    self->open_first = TRUE;
  else
    open_first_student (self);
}

static void
stop_search (BelStudentsPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- list rows ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, bel_student_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  bel_student_row_set_student (BEL_STUDENT_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

/* ---- profile search and the audit log ---- */

static void
opened_student_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BelStudentsPage *self = user_data;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(GError) error = NULL;

  student = bel_client_get_student_finish (BEL_CLIENT (source), result, &error);
  if (student == NULL)
    return;
  show_student (self, student);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Shows a student who may not be in the filtered list (from a profile search). */
void
bel_students_page_open_student (BelStudentsPage *self,
                                gint64           student_id)
{
  g_return_if_fail (BEL_IS_STUDENTS_PAGE (self));
  if (self->client != NULL)
    bel_client_get_student_async (self->client, student_id, self->cancellable, opened_student_cb, self);
}

static void
search_profiles_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BelStudentsPage *self = BEL_STUDENTS_PAGE (widget);
  BelProfileSearch *search;

  if (self->school == NULL)
    return;
  search = bel_profile_search_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                   bel_resource_get_id (self->school));
  g_signal_connect_object (search, "open-student", G_CALLBACK (bel_students_page_open_student), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (search));
}

static void
audit_log_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BelStudentsPage *self = BEL_STUDENTS_PAGE (widget);

  if (self->school == NULL)
    return;
  gtk_window_present (GTK_WINDOW (bel_audit_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                                        bel_resource_get_id (self->school))));
}

/* ---- object ---- */

static void
bel_students_page_dispose (GObject *object)
{
  BelStudentsPage *self = BEL_STUDENTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_STUDENTS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->students != NULL)
    g_signal_handlers_disconnect_by_data (self->students, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->students);
  g_clear_object (&self->school);
  g_clear_object (&self->client);
  g_clear_pointer (&self->advisories, g_ptr_array_unref);
  g_clear_pointer (&self->grades, g_array_unref);
  g_clear_pointer (&self->loaded_query, g_free);
  G_OBJECT_CLASS (bel_students_page_parent_class)->dispose (object);
}

/* The list loads when the page is first shown: signing in to go to the map
 * loads no 2,000 students that nobody looks at. */
static void
bel_students_page_map (GtkWidget *widget)
{
  BelStudentsPage *self = BEL_STUDENTS_PAGE (widget);

  GTK_WIDGET_CLASS (bel_students_page_parent_class)->map (widget);
  if (self->stale)
    bel_students_page_reload (self);
}

static void
bel_students_page_class_init (BelStudentsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_students_page_dispose;
  widget_class->map = bel_students_page_map;

  g_type_ensure (BEL_TYPE_STUDENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-students-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, advisory_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, surveys_button);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BelStudentsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, offline_child_revealed);
  gtk_widget_class_bind_template_callback (widget_class, list_activated);

  gtk_widget_class_install_action (widget_class, "students.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "students.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "students.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "students.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "students.search-profiles", NULL, search_profiles_action);
  gtk_widget_class_install_action (widget_class, "students.audit-log", NULL, audit_log_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
bel_students_page_init (BelStudentsPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->advisories = g_ptr_array_new_with_free_func (g_object_unref);
  self->grades = g_array_new (FALSE, FALSE, sizeof (int));
  self->cancellable = g_cancellable_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  /* Window-wide while the page is shown, wherever the focus is. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", "students.search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>r|F5", "students.reload");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Left", "students.back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>f", "students.search-profiles");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
bel_students_page_set_client (BelStudentsPage *self,
                              BelClient       *client)
{
  g_return_if_fail (BEL_IS_STUDENTS_PAGE (self));
  g_return_if_fail (self->client == NULL);

  self->client = g_object_ref (client);
  self->students = bel_student_list_new (client);
  bel_student_page_set_client (self->detail, client);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->students)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->students, "items-changed", G_CALLBACK (students_changed), self);
  g_signal_connect_swapped (self->students, "notify::loading", G_CALLBACK (students_changed), self);
  g_signal_connect_swapped (self->students, "notify::error", G_CALLBACK (update_state), self);
}

static void
reset_filters (BelStudentsPage *self)
{
  const char *all_grades[] = { _("All grades"), NULL };
  const char *all_advisories[] = { _("All advisories"), NULL };
  g_autoptr(GtkStringList) grades = gtk_string_list_new (all_grades);
  g_autoptr(GtkStringList) advisories = gtk_string_list_new (all_advisories);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (grades));
  gtk_drop_down_set_model (self->advisory_dropdown, G_LIST_MODEL (advisories));
  self->updating_filters = FALSE;
}

void
bel_students_page_set_school (BelStudentsPage *self,
                              BelSchool       *school)
{
  g_return_if_fail (BEL_IS_STUDENTS_PAGE (self));
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->school, school);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "students.search-profiles", school != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "students.audit-log",
                                 school != NULL &&
                                 bel_profile_account_can_audit (bel_client_get_account (self->client),
                                                                bel_resource_get_id (school)));
  g_ptr_array_set_size (self->advisories, 0);
  g_array_set_size (self->grades, 0);
  gtk_widget_set_visible (self->surveys_button, FALSE);
  reset_filters (self);
  bel_student_page_set_student (self->detail, NULL);
  adw_window_title_set_title (self->detail_title, "");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");

  if (school == NULL)
    {
      self->stale = FALSE;
      bel_student_list_clear (self->students);
      adw_window_title_set_title (self->list_title, _("Belonging"));
      return;
    }
  self->all_total = bel_resource_get_int (school, "student-count");
  adw_window_title_set_title (self->list_title, bel_resource_get_string (school, "name"));
  bel_students_page_reload (self);
}

BelSchool *
bel_students_page_get_school (BelStudentsPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENTS_PAGE (self), NULL);
  return self->school;
}

/* On screen, and not leaving it in the window's stack transition. */
static gboolean
on_screen (BelStudentsPage *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         (!GTK_IS_STACK (parent) || gtk_stack_get_visible_child (GTK_STACK (parent)) == GTK_WIDGET (self));
}

/* Loads everything again, keeping the filters: after a reconnection, or on
 * Ctrl+R; when the page is hidden, once it is shown. */
void
bel_students_page_reload (BelStudentsPage *self)
{
  BelStudent *shown;

  g_return_if_fail (BEL_IS_STUDENTS_PAGE (self));

  if (self->school == NULL)
    return;
  self->stale = !on_screen (self);
  if (self->stale)
    {
      update_state (self);
      return;
    }
  bel_client_list_advisories_async (self->client, bel_resource_get_id (self->school),
                                    self->cancellable, advisories_cb, self);
  load_students (self, TRUE);
  update_state (self);
  shown = bel_student_page_get_student (self->detail);
  if (shown != NULL)
    bel_client_get_student_async (self->client, bel_resource_get_id (shown), self->cancellable,
                                  student_fetched_cb, self);
}

GListModel *
bel_students_page_get_students (BelStudentsPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->students);
}

/* Shows that the list may be out of date while the daemon can't be reached. */
void
bel_students_page_set_offline (BelStudentsPage *self,
                               gboolean         offline)
{
  g_return_if_fail (BEL_IS_STUDENTS_PAGE (self));
  if (offline)
    gtk_widget_set_visible (GTK_WIDGET (self->offline_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->offline_revealer, offline);
}

/* Hidden once it slid away, so that assistive technologies no longer see it. */
static void
offline_child_revealed (BelStudentsPage *self)
{
  if (!gtk_revealer_get_child_revealed (self->offline_revealer) &&
      !gtk_revealer_get_reveal_child (self->offline_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->offline_revealer), FALSE);
}

gboolean
bel_students_page_get_surveys_available (BelStudentsPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENTS_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->surveys_button);
}

gboolean
bel_students_page_get_offline (BelStudentsPage *self)
{
  g_return_val_if_fail (BEL_IS_STUDENTS_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->offline_revealer);
}
