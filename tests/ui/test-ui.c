/* test-ui.c - the real app against a real belongingd, driven through its widgets and actions
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bel-application.h"
#include "bel-sign-in-page.h"
#include "bel-student-page.h"
#include "bel-students-page.h"
#include "bel-window.h"
#include "test-daemon.h"
#include "../bel-test-slowdown.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 60

typedef struct {
  TestDaemon      *daemon;
  BelApplication  *app;
  BelWindow       *window;
  BelSignInPage   *sign_in;
  BelStudentsPage *students;
} Fixture;

/* ---- helpers ---- */

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

static void
wait_until (Fixture      *f,
            Condition     condition,
            gconstpointer data,
            const char   *what)
{
  gint64 deadline = bel_test_deadline (30);

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for: %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gpointer
child (gpointer widget,
       GType    type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (gpointer    widget,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
label_text (gpointer widget,
            GType    type,
            const char *name)
{
  return gtk_label_get_label (child (widget, type, name));
}

static gboolean
page_is (Fixture *f, gconstpointer name)
{
  return g_strcmp0 (bel_window_get_page_name (f->window), name) == 0;
}

static gboolean
count_is (Fixture *f, gconstpointer text)
{
  return g_strcmp0 (label_text (f->students, BEL_TYPE_STUDENTS_PAGE, "count_label"), text) == 0;
}

static gboolean
list_stack_is (Fixture *f, gconstpointer name)
{
  GtkStack *stack = child (f->students, BEL_TYPE_STUDENTS_PAGE, "list_stack");
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

static gboolean
sign_in_error_shown (Fixture *f, gconstpointer data)
{
  GtkRevealer *revealer = child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "error_revealer");
  return gtk_revealer_get_reveal_child (revealer);
}

static gboolean
offline_is (Fixture *f, gconstpointer offline)
{
  return bel_window_get_offline (f->window) == GPOINTER_TO_INT (offline);
}

static gboolean
detail_shows (Fixture *f, gconstpointer name)
{
  BelStudentPage *detail = child (f->students, BEL_TYPE_STUDENTS_PAGE, "detail");
  return g_strcmp0 (label_text (detail, BEL_TYPE_STUDENT_PAGE, "name_label"), name) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (detail));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GList *windows;
  static guint n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", BEL_APP_ID, ++n_apps);

  f->daemon = test_daemon_new (N_STUDENTS);
  f->app = bel_application_new (G_APPLICATION_NON_UNIQUE);
  /* Each test's app exports its own D-Bus object path. */
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  g_application_activate (G_APPLICATION (f->app));

  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);
  f->window = BEL_WINDOW (windows->data);
  f->sign_in = child (f->window, BEL_TYPE_WINDOW, "sign_in_page");
  f->students = child (f->window, BEL_TYPE_WINDOW, "students_page");
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (page_is (f, "sign-in"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  test_daemon_free (f->daemon);
}

static void
fill_sign_in (Fixture    *f,
              const char *username,
              const char *password)
{
  set_text (child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "address_row"), f->daemon->url);
  set_text (child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "username_row"), username);
  set_text (child (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "password_row"), password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sign_in), "sign-in.submit", NULL));
}

static void
sign_in (Fixture *f)
{
  g_autofree char *all = g_strdup_printf ("%d students", N_STUDENTS);

  fill_sign_in (f, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD);
  wait_until (f, page_is, "main", "the students page");
  wait_until (f, count_is, all, "all students counted");
  g_assert_cmpuint (g_list_model_get_n_items (bel_students_page_get_students (f->students)), ==, N_STUDENTS);
}

/* ---- tests ---- */

static void
test_wrong_password_is_explained (Fixture *f, gconstpointer data)
{
  const char *message;

  fill_sign_in (f, TEST_DEMO_COUNSELOR, "not-the-password");
  wait_until (f, sign_in_error_shown, NULL, "the sign-in error");
  message = label_text (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "error_label");
  g_assert_nonnull (strstr (message, "username and password don't match"));
  g_assert_true (page_is (f, "sign-in"));
}

static void
test_disabled_account_is_explained (Fixture *f, gconstpointer data)
{
  g_autofree char *ctl = g_build_filename (g_getenv ("BEL_BUILD_ROOT"), "server", "ctl", "belongingctl", NULL);
  const char *argv[] = { ctl, "--database", f->daemon->database, "account", "disable", TEST_DEMO_TEACHER, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* belongingctl works offline, on a stopped daemon's database. */
  test_daemon_stop (f->daemon);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  test_daemon_start (f->daemon);

  fill_sign_in (f, TEST_DEMO_TEACHER, TEST_DEMO_PASSWORD);
  wait_until (f, sign_in_error_shown, NULL, "the sign-in error");
  g_assert_nonnull (strstr (label_text (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "error_label"),
                            "This account is turned off"));
}

static void
test_unreachable_server_is_explained (Fixture *f, gconstpointer data)
{
  g_autofree char *url = g_strdup (f->daemon->url);
  const char *message;

  test_daemon_stop (f->daemon);
  fill_sign_in (f, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD);
  wait_until (f, sign_in_error_shown, NULL, "the sign-in error");
  message = label_text (f->sign_in, BEL_TYPE_SIGN_IN_PAGE, "error_label");
  g_assert_nonnull (strstr (message, "Can't reach the server at"));
  g_assert_nonnull (strstr (message, url));
}

static void
test_search_and_open_a_student (Fixture *f, gconstpointer data)
{
  GListModel *model;
  g_autoptr(BelStudent) someone = NULL;
  g_autofree char *name = NULL;
  g_autofree char *family = NULL;
  GtkSearchEntry *search;
  GtkSelectionModel *selection;
  guint n;

  sign_in (f);
  model = bel_students_page_get_students (f->students);
  someone = g_list_model_get_item (model, N_STUDENTS / 3);
  name = bel_student_dup_display_name (someone);
  family = g_strdup (bel_resource_get_string (someone, "family-name"));

  /* Search as you type narrows the list, and the count says so. */
  search = child (f->students, BEL_TYPE_STUDENTS_PAGE, "search_entry");
  set_text (search, family);
  wait_until (f, list_stack_is, "list", "search results");
  {
    gint64 deadline = bel_test_deadline (10);
    while (g_list_model_get_n_items (model) == N_STUDENTS && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, N_STUDENTS);
  {
    g_autofree char *count = g_strdup_printf ("%u of %d students", n, N_STUDENTS);
    wait_until (f, count_is, count, "the filtered count");
  }

  /* Opening the student shows their record. */
  selection = gtk_list_view_get_model (child (f->students, BEL_TYPE_STUDENTS_PAGE, "list_view"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelStudent) item = g_list_model_get_item (model, i);
      if (bel_resource_get_id (item) == bel_resource_get_id (someone))
        gtk_selection_model_select_item (selection, i, TRUE);
    }
  wait_until (f, detail_shows, name, "the student's record");
}

static void
test_filters_and_empty_state (Fixture *f, gconstpointer data)
{
  GListModel *model;
  GtkDropDown *grades;
  g_autofree char *all = g_strdup_printf ("%d students", N_STUDENTS);

  sign_in (f);
  model = bel_students_page_get_students (f->students);

  /* The grade filter lists the school's grades and keeps only that grade. */
  grades = child (f->students, BEL_TYPE_STUDENTS_PAGE, "grade_dropdown");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (grades)), >=, 2);
  gtk_drop_down_set_selected (grades, 1);
  {
    gint64 deadline = bel_test_deadline (10);
    while ((g_list_model_get_n_items (model) == N_STUDENTS || count_is (f, all)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), <, N_STUDENTS);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BelStudent) s = g_list_model_get_item (model, i);
      g_autoptr(BelStudent) first = g_list_model_get_item (model, 0);
      g_assert_cmpint (bel_resource_get_int (s, "grade"), ==, bel_resource_get_int (first, "grade"));
    }

  /* Nothing matches: an empty state with a way back. */
  set_text (child (f->students, BEL_TYPE_STUDENTS_PAGE, "search_entry"), "Zzyzx-nobody");
  wait_until (f, list_stack_is, "empty", "the empty state");
  g_assert_true (gtk_widget_get_visible (child (f->students, BEL_TYPE_STUDENTS_PAGE, "clear_filters_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->students), "students.clear-filters", NULL));
  wait_until (f, count_is, all, "all students again");
  g_assert_cmpuint (gtk_drop_down_get_selected (grades), ==, 0);
}

static void
test_offline_banner_comes_and_goes (Fixture *f, gconstpointer data)
{
  g_autofree char *all = g_strdup_printf ("%d students", N_STUDENTS);

  sign_in (f);
  g_assert_false (bel_window_get_offline (f->window));

  test_daemon_stop (f->daemon);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->students), "students.reload", NULL));
  wait_until (f, offline_is, GINT_TO_POINTER (TRUE), "the offline banner");
  /* What was shown stays shown. */
  g_assert_cmpuint (g_list_model_get_n_items (bel_students_page_get_students (f->students)), ==, N_STUDENTS);

  test_daemon_start (f->daemon);
  wait_until (f, offline_is, GINT_TO_POINTER (FALSE), "the banner to go away");
  wait_until (f, count_is, all, "the list reloaded");
}

static void
test_sign_out_returns_to_sign_in (Fixture *f, gconstpointer data)
{
  sign_in (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-out", NULL));
  wait_until (f, page_is, "sign-in", "the sign-in page");
  g_assert_cmpuint (g_list_model_get_n_items (bel_students_page_get_students (f->students)), ==, 0);
}

/* Signing out at once, while the school is still loading, stays signed out:
 * the school's pages must not come back when its answer arrives. */
static void
test_sign_out_while_loading_stays_signed_out (Fixture *f, gconstpointer data)
{
  gint64 until;

  fill_sign_in (f, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD);
  wait_until (f, page_is, "main", "the students page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-out", NULL));
  g_assert_true (page_is (f, "sign-in"));
  /* Long enough for the school's answer from a local daemon (it takes milliseconds). */
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_true (page_is (f, "sign-in"));
  g_assert_cmpuint (g_list_model_get_n_items (bel_students_page_get_students (f->students)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/sign-in/wrong-password-is-explained", test_wrong_password_is_explained);
  ADD ("/ui/sign-in/unreachable-server-is-explained", test_unreachable_server_is_explained);
  ADD ("/ui/sign-in/disabled-account-is-explained", test_disabled_account_is_explained);
  ADD ("/ui/students/search-and-open-a-student", test_search_and_open_a_student);
  ADD ("/ui/students/filters-and-empty-state", test_filters_and_empty_state);
  ADD ("/ui/students/offline-banner-comes-and-goes", test_offline_banner_comes_and_goes);
  ADD ("/ui/sign-out/returns-to-sign-in", test_sign_out_returns_to_sign_in);
  ADD ("/ui/sign-out/while-the-school-loads-stays-signed-out", test_sign_out_while_loading_stays_signed_out);
#undef ADD

  return g_test_run ();
}
