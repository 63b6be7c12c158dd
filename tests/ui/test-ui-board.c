/* test-ui-board.c - the relationship map in the real app against a real belongingd
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).  Set
 * BEL_SHOT_DIR to save screenshots of the map and the comparison.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bel-application.h"
#include "bel-board-page.h"
#include "bel-client-board.h"
#include "bel-compare-view.h"
#include "bel-staff-picker.h"
#include "bel-students-page.h"
#include "bel-window.h"
#include "test-daemon.h"
#include "../bel-test-slowdown.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 40

typedef struct {
  BelApplication *app;
  BelWindow      *window;
  BelBoardPage   *page;
  BelBoardMap    *map;
  BelBoardModel  *board;
  BelClient      *http;      /* a second staff member, over plain HTTP */
} Fixture;

static TestDaemon *daemon_;

/* ---- helpers ---- */

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

static void
wait_until (Fixture *f, Condition condition, gconstpointer data, const char *what)
{
  gint64 deadline = bel_test_deadline (20);

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for: %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
settle (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = bel_test_deadline (20);

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

/* Renders @widget's window into DIR/name (BEL_SHOT_DIR), through the window's own renderer. */
static void
screenshot (gpointer    widget,
            const char *name)
{
  const char *dir = g_getenv ("BEL_SHOT_DIR");
  GtkWidget *window;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  settle (1500);
  window = GTK_WIDGET (gtk_widget_get_root (widget));
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The daemon's own view of the board, read by another account over HTTP. */
static JsonNode *
daemon_board (Fixture *f, gint64 round_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  bel_client_get_board_async (f->http, round_id, NULL, NULL, store_result, &result);
  node = bel_client_get_board_finish (f->http, wait_for (&result), &error);
  g_assert_no_error (error);
  return node;
}

static gboolean
daemon_has_mark (Fixture *f, gint64 student_id, gint64 account_id, const char *kind)
{
  g_autoptr(JsonNode) board = daemon_board (f, bel_board_model_get_round_id (f->board));
  JsonArray *students = json_object_get_array_member (json_node_get_object (board), "students");

  for (guint i = 0; i < json_array_get_length (students); i++)
    {
      JsonObject *s = json_array_get_object_element (students, i);
      JsonArray *ids;

      if (json_object_get_int_member (s, "student_id") != student_id)
        continue;
      /* The board leaves out a kind nobody marked. */
      if (!json_object_has_member (s, kind))
        return FALSE;
      ids = json_object_get_array_member (s, kind);
      for (guint j = 0; j < json_array_get_length (ids); j++)
        if (json_array_get_int_element (ids, j) == account_id)
          return TRUE;
      return FALSE;
    }
  g_assert_not_reached ();
}

static gboolean
board_shown (Fixture *f, gconstpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->map), BEL_TYPE_BOARD_MAP, "grid_stack"));

  f->board = bel_board_page_get_board (f->page);
  return f->board != NULL && bel_board_model_get_round (f->board) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "grid") == 0 &&
         bel_board_page_get_live (f->page);
}

static gboolean
page_is (Fixture *f, gconstpointer name)
{
  return g_strcmp0 (bel_window_get_page_name (f->window), name) == 0;
}

/* The window shows the students page when the school arrives; the board comes after. */
static gboolean
school_loaded (Fixture *f, gconstpointer data)
{
  BelStudentsPage *students = BEL_STUDENTS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (f->window), BEL_TYPE_WINDOW,
                                                                                "students_page"));
  return bel_students_page_get_school (students) != NULL;
}

static void
open_board_as (Fixture *f, const char *username)
{
  GtkWidget *sign_in = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), BEL_TYPE_WINDOW, "sign_in_page"));
  const char *rows[] = { "address_row", "username_row", "password_row" };
  const char *values[] = { daemon_->url, username, TEST_DEMO_PASSWORD };

  for (guint i = 0; i < 3; i++)
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (sign_in, G_OBJECT_TYPE (sign_in), rows[i])),
                           values[i]);
  g_assert_true (gtk_widget_activate_action (sign_in, "sign-in.submit", NULL));
  wait_until (f, page_is, "main", "the main page");
  wait_until (f, school_loaded, NULL, "the school");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-board", NULL));
  wait_until (f, page_is, "board", "the board page");
  /* The window builds the board page when it is first shown. */
  f->page = BEL_BOARD_PAGE (bel_window_get_page (f->window, "board"));
  g_assert_nonnull (f->page);
  f->map = bel_board_page_get_map (f->page);
  wait_until (f, board_shown, NULL, "the board, live");
  /* The window may load the school a second time (when the client first
   * connects): that leaves the person on the board. */
  settle (300);
  g_assert_true (page_is (f, "board"));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.BoardTest%u", BEL_APP_ID, ++n_apps);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  f->app = bel_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  g_application_activate (G_APPLICATION (f->app));
  f->window = BEL_WINDOW (gtk_application_get_windows (GTK_APPLICATION (f->app))->data);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);

  f->http = bel_client_new (daemon_->url);
  bel_client_sign_in_async (f->http, TEST_DEMO_TEACHER, TEST_DEMO_PASSWORD, NULL, store_result, &result);
  account = bel_client_sign_in_finish (f->http, wait_for (&result), NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->http);
  g_clear_object (&f->app);
}

/* The first card: with "No adult yet" first, a student nobody knows yet. */
static BelStudentCard *
first_card (Fixture *f)
{
  g_autoptr(BelBoardStudent) student = g_list_model_get_item (bel_board_map_get_shown (f->map), 0);
  BelStudentCard *card;

  g_assert_nonnull (student);
  card = bel_board_map_get_card (f->map, student);
  g_assert_nonnull (card);
  return card;
}

static gboolean
badge_is (Fixture *f, gconstpointer data)
{
  const struct { BelStudentCard *card; const char *text; } *want = data;
  return g_strcmp0 (bel_student_card_get_badge (want->card), want->text) == 0;
}

#define WAIT_BADGE(f, c, t) \
  wait_until (f, badge_is, &(struct { BelStudentCard *card; const char *text; }) { c, t }, "badge " t)

/* ---- tests ---- */

static void
test_drop_staff_chip_places_check (Fixture *f, gconstpointer data)
{
  BelStudentCard *card;
  BelBoardStudent *student;
  BelBoardStaff *teacher;
  GListModel *controllers;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  g_autofree char *name = NULL;

  open_board_as (f, TEST_DEMO_COUNSELOR);
  g_assert_true (bel_board_page_get_manager (f->page));
  card = first_card (f);
  student = bel_student_card_get_student (card);
  g_assert_cmpstr (bel_student_card_get_badge (card), ==, "0");
  name = bel_student_card_describe (student);
  g_assert_true (g_str_has_suffix (name, "no adult yet") || strstr (name, "no adult yet,") != NULL);
  screenshot (f->map, "board.png");

  /* The drop target's own path, with the model object a chip's drag carries. */
  teacher = ui_board_staff_named (f->board, "Chinedu Okafor");
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);
  g_value_init (&value, BEL_TYPE_BOARD_STAFF);
  g_value_set_object (&value, teacher);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  WAIT_BADGE (f, card, "1");
  g_assert_true (bel_board_student_has_mark (student, BEL_MARK_RELATIONSHIP, bel_board_staff_get_account_id (teacher)));
  settle (300);
  g_assert_true (daemon_has_mark (f, bel_board_student_get_id (student), bel_board_staff_get_account_id (teacher),
                                  "relationship"));
  g_free (name);
  name = bel_student_card_describe (student);
  g_assert_nonnull (strstr (name, "1 adult"));
}

static void
test_space_toggles_own_check (Fixture *f, gconstpointer data)
{
  BelStudentCard *card;
  BelBoardStudent *student;
  GtkEventController *keys = NULL;
  GListModel *controllers;
  GtkWidget *grid;
  gboolean handled = FALSE;
  gint64 me;

  open_board_as (f, TEST_DEMO_TEACHER);
  g_assert_false (bel_board_page_get_manager (f->page));
  me = bel_board_model_get_account_id (f->board);
  card = first_card (f);
  student = bel_student_card_get_student (card);
  g_assert_cmpstr (bel_student_card_get_badge (card), ==, "0");

  /* Focus the card's cell, then Space on the grid, as the keyboard does. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card))));
  grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->map), BEL_TYPE_BOARD_MAP, "grid_view"));
  controllers = gtk_widget_observe_controllers (grid);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_space, 0, 0, &handled);
  g_assert_true (handled);
  WAIT_BADGE (f, card, "1");
  settle (300);
  g_assert_true (daemon_has_mark (f, bel_board_student_get_id (student), me, "relationship"));

  /* Space again takes it back (on the same card, focused again in case the window moved focus). */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card))));
  handled = FALSE;
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_space, 0, 0, &handled);
  g_assert_true (handled);
  WAIT_BADGE (f, card, "0");
  settle (300);
  g_assert_false (daemon_has_mark (f, bel_board_student_get_id (student), me, "relationship"));
}

static void
test_menu_adds_check_for_colleague (Fixture *f, gconstpointer data)
{
  BelStudentCard *card;
  BelBoardStudent *student;
  GtkWidget *child;
  BelStaffPicker *picker = NULL;
  BelBoardStaff *colleague;

  open_board_as (f, TEST_DEMO_COUNSELOR);
  card = first_card (f);
  student = bel_student_card_get_student (card);
  colleague = ui_board_staff_named (f->board, "Mai Vang");

  /* "Add a check for…" from the card's menu, then type a name and press Enter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.pick-staff", NULL));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (card)); child; child = gtk_widget_get_next_sibling (child))
    if (BEL_IS_STAFF_PICKER (child))
      picker = BEL_STAFF_PICKER (child);
  g_assert_nonnull (picker);
  bel_staff_picker_set_search (picker, "mai va");
  g_assert_true (bel_staff_picker_pick_first (picker));

  WAIT_BADGE (f, card, "1");
  settle (300);
  g_assert_true (daemon_has_mark (f, bel_board_student_get_id (student), bel_board_staff_get_account_id (colleague),
                                  "relationship"));

  /* The menu's "Remove Mai Vang's check" is the drag off the card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "board.mark", "(xxsb)",
                                             bel_board_student_get_id (student),
                                             bel_board_staff_get_account_id (colleague), "relationship", FALSE));
  WAIT_BADGE (f, card, "0");
}

static gboolean
card_flashed (Fixture *f, gconstpointer card)
{
  return gtk_widget_has_css_class (GTK_WIDGET (card), "flash");
}

static void
test_marks_from_others_appear_live (Fixture *f, gconstpointer data)
{
  BelStudentCard *card;
  BelBoardStudent *student;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BelAccount *teacher = bel_client_get_account (f->http);
  gint64 start;

  open_board_as (f, TEST_DEMO_COUNSELOR);
  card = first_card (f);
  student = bel_student_card_get_student (card);

  /* Another staff member marks over HTTP: the card follows within a second, highlighted. */
  start = g_get_monotonic_time ();
  bel_client_set_mark_async (f->http, bel_board_model_get_round_id (f->board), bel_board_student_get_id (student),
                             bel_resource_get_id (teacher), BEL_MARK_RELATIONSHIP, TRUE, NULL, store_result, &result);
  g_assert_true (bel_client_set_mark_finish (f->http, wait_for (&result), &error));
  WAIT_BADGE (f, card, "1");
  g_assert_true (card_flashed (f, card));
  g_assert_cmpint (g_get_monotonic_time () - start, <, bel_test_slowdown () * G_USEC_PER_SEC);
}

static gboolean
comparison_loaded (Fixture *f, gconstpointer compare)
{
  return bel_compare_view_get_figure ((BelCompareView *) compare, "gained") >= 0;
}

static void
count_connections (JsonNode *board, GHashTable *adults, guint none_count[1])
{
  JsonArray *students = json_object_get_array_member (json_node_get_object (board), "students");

  none_count[0] = 0;
  for (guint i = 0; i < json_array_get_length (students); i++)
    {
      JsonObject *s = json_array_get_object_element (students, i);
      gint64 *id = g_new (gint64, 1);
      /* Left out when nobody marked the student */
      gint64 n = json_object_has_member (s, "relationship")
                 ? json_array_get_length (json_object_get_array_member (s, "relationship")) : 0;

      *id = json_object_get_int_member (s, "student_id");
      g_hash_table_insert (adults, id, GINT_TO_POINTER ((int) n));
      none_count[0] += n == 0;
    }
}

static void
test_comparison_figures (Fixture *f, gconstpointer data)
{
  BelCompareView *compare;
  AdwViewStack *stack;
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JsonNode) fall = NULL;
  g_autoptr(JsonNode) winter = NULL;
  guint none_before, none_after, gained = 0, lost = 0;
  GHashTableIter iter;
  gpointer key, value;

  open_board_as (f, TEST_DEMO_COUNSELOR);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->page), BEL_TYPE_BOARD_PAGE, "view_stack"));
  compare = BEL_COMPARE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->page), BEL_TYPE_BOARD_PAGE, "compare"));
  adw_view_stack_set_visible_child_name (stack, "compare");
  wait_until (f, comparison_loaded, compare, "the comparison");

  /* The demo's closed fall round (1) against the open winter round (2), counted from both boards. */
  fall = daemon_board (f, 1);
  winter = daemon_board (f, 2);
  count_connections (fall, before, &none_before);
  count_connections (winter, after, &none_after);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int a = GPOINTER_TO_INT (value);
      int b = GPOINTER_TO_INT (g_hash_table_lookup (before, key));
      gained += a > b;
      lost += a < b;
    }
  g_assert_cmpint (bel_compare_view_get_figure (compare, "none_before"), ==, none_before);
  g_assert_cmpint (bel_compare_view_get_figure (compare, "none_after"), ==, none_after);
  g_assert_cmpint (bel_compare_view_get_figure (compare, "gained"), ==, gained);
  g_assert_cmpint (bel_compare_view_get_figure (compare, "lost"), ==, lost);
  g_assert_cmpuint (g_list_model_get_n_items (bel_compare_view_get_students (compare)), >=, lost);
  g_assert_nonnull (strstr (bel_compare_view_get_summary (compare), "Students with no adult"));
  screenshot (compare, "compare.png");
}

static gboolean
file_exists (Fixture *f, gconstpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_pdf_and_csv_export (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("board-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *cwd = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint none;

  open_board_as (f, TEST_DEMO_COUNSELOR);
  g_assert_true (bel_board_page_export_pdf (f->page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);

  /* The CSV is the filtered list: here "No adult yet". */
  bel_board_map_set_connection (f->map, BEL_CONNECTION_NONE);
  bel_board_model_get_counts (f->board, &none, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bel_board_map_get_shown (f->map)), ==, none);
  /* as a counselor does: Export List…, then Export in the dialog, which
   * proposes the round's name in the folder the app runs in */
  cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board.export-csv", NULL));
  saved = ui_save_dialog_accept ();
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  csv = g_file_get_path (saved);
  expected = g_strdup_printf ("%s.csv", bel_resource_get_string (bel_board_model_get_round (f->board), "name"));
  g_assert_true (g_str_has_prefix (csv, dir));
  g_assert_true (g_str_has_suffix (csv, expected));
  wait_until (f, file_exists, csv, "the list to be saved");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Student,Grade,Advisory,Adults,Adults who know them,Concern,Advocate,Advocate status,Follow up by");
  g_assert_cmpuint (g_strv_length (lines), ==, none + 2);  /* header, rows, the empty string after the last CRLF */
  for (guint i = 1; i <= none; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      g_autoptr(BelBoardStudent) student = g_list_model_get_item (bel_board_map_get_shown (f->map), i - 1);
      g_assert_true (g_str_has_prefix (lines[i], bel_board_student_get_display_name (student)) ||
                     g_str_has_prefix (lines[i] + 1, bel_board_student_get_display_name (student)));
      g_assert_nonnull (strstr (lines[i], ",0,"));
    }
  g_unlink (pdf);
  g_unlink (csv);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);
  /* Page switches without a crossfade: what is asserted is what is shown. */
  if (g_getenv ("BEL_SHOT_DIR") == NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* BEL_TEST_STUDENTS: a bigger school for screenshots */
  daemon_ = test_daemon_new (g_getenv ("BEL_TEST_STUDENTS") ? atoi (g_getenv ("BEL_TEST_STUDENTS")) : N_STUDENTS);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/board/ui/drop-staff-chip-places-check", test_drop_staff_chip_places_check);
  ADD ("/board/ui/space-toggles-own-check", test_space_toggles_own_check);
  ADD ("/board/ui/menu-adds-check-for-colleague", test_menu_adds_check_for_colleague);
  ADD ("/board/ui/marks-from-others-appear-live", test_marks_from_others_appear_live);
  ADD ("/board/ui/comparison-figures", test_comparison_figures);
  ADD ("/board/ui/pdf-and-csv-export", test_pdf_and_csv_export);
#undef ADD

  status = g_test_run ();
  test_daemon_free (daemon_);
  return status;
}
