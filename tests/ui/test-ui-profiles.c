/* test-ui-profiles.c - student profiles in the real app against a real belongingd
 *
 * A teacher opens a profile and adds a strength, which appears signed and
 * dated (and the daemon has it); the family section is locked for a teacher
 * who is not the student's advisor or advocate, readable by a counselor, and
 * the leader's audit log shows that read; the handoff prints to a non-empty
 * one-page PDF and the record exports; an edit that lost a race is explained.
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bel-audit-window.h"
#include "bel-entry-editor.h"
#include "bel-error.h"
#include "bel-handoff-print.h"
#include "bel-handoff-view.h"
#include "bel-profile-entry-row.h"
#include "bel-profile-format.h"
#include "bel-profile-search.h"
#include "bel-profile-timeline.h"
#include "bel-student-page.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 24
#define LEADER     "angela.whitfield"

/* ---- helpers ---- */

static BelStudentPage *
student_page (UiFixture *f)
{
  return ui_child (f->students, BEL_TYPE_STUDENTS_PAGE, "detail");
}

static BelProfileTimeline *
timeline (UiFixture *f)
{
  return ui_child (student_page (f), BEL_TYPE_STUDENT_PAGE, "timeline");
}

static gboolean
profile_shown (UiFixture *f, gconstpointer student_id)
{
  BelStudentPage *page = student_page (f);
  BelStudent *student = bel_student_page_get_student (page);
  GtkStack *stack = ui_child (page, BEL_TYPE_STUDENT_PAGE, "profile_stack");

  return student != NULL && bel_resource_get_id (student) == *(const gint64 *) student_id &&
         !bel_student_page_get_loading (page) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "profile") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (page));
}

static void
open_student (UiFixture *f,
              gint64     student_id)
{
  bel_students_page_open_student (f->students, student_id);
  ui_wait_until (f, profile_shown, &student_id, "the student's profile");
}

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/* A student whose sensitive sections @client may not read. */
static gint64
student_hidden_from (BelClient *client)
{
  g_autoptr(JsonNode) list = ui_http_request (client, "GET", "/api/v1/schools/1/students?limit=100", NULL, NULL);
  JsonArray *items = json_object_get_array_member (object_of (list), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");
      g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile?section=family", id);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) family = ui_http_request (client, "GET", path, NULL, &error);

      if (g_error_matches (error, BEL_ERROR, BEL_ERROR_FORBIDDEN))
        return id;
    }
  g_error ("Every demo student's family section is readable by the teacher");
  return 0;
}

static JsonNode *
entry_body (const char *section,
            const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "section");
  json_builder_add_string_value (builder, section);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Dialogs are transient for the window, not windows of the application. */
static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static gboolean
window_closed (UiFixture *f, gconstpointer data)
{
  return bel_student_page_get_editor (student_page (f)) == NULL;
}

static GtkWidget *
row_with_body (BelProfileTimeline *tl,
               gpointer            unused,
               const char         *text)
{
  GtkWidget *found = NULL;

  /* Walk the timeline's widgets for a row showing @text. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (tl)); w != NULL && found == NULL;)
    {
      if (BEL_IS_PROFILE_ENTRY_ROW (w) &&
          g_strcmp0 (bel_resource_get_string (bel_profile_entry_row_get_entry (BEL_PROFILE_ENTRY_ROW (w)), "body"),
                     text) == 0)
        found = w;
      if (!BEL_IS_PROFILE_ENTRY_ROW (w) && gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != GTK_WIDGET (tl))
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == GTK_WIDGET (tl)) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return found;
}

static gboolean
row_shown (UiFixture *f, gconstpointer text)
{
  GtkWidget *row = row_with_body (timeline (f), NULL, text);
  return row != NULL && gtk_widget_get_mapped (row);
}

/* ---- tests ---- */

static void
test_teacher_adds_a_strength (UiFixture *f, gconstpointer data)
{
  g_autoptr(BelClient) http = ui_http_sign_in (f, TEST_DEMO_COUNSELOR);
  const char *text = "Explains her robotics design to younger students with patience and joy.";
  BelEntryEditor *editor;
  GtkWidget *row;
  g_auto(GStrv) order = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *date = bel_profile_format_date (today);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) profile = NULL;
  JsonArray *sections;
  gboolean stored = FALSE;
  gint64 student_id = 3;

  ui_sign_in (f, TEST_DEMO_TEACHER);
  open_student (f, student_id);

  /* Asset-based order: strengths first, the sensitive sections last. */
  order = bel_profile_timeline_dup_order (timeline (f));
  g_assert_cmpuint (g_strv_length (order), ==, 12);
  g_assert_cmpstr (order[0], ==, "strengths");
  g_assert_cmpstr (order[1], ==, "interests_talents");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (student_page (f)), "student.add-entry", "s", "strengths"));
  editor = BEL_ENTRY_EDITOR (bel_student_page_get_editor (student_page (f)));
  g_assert_nonnull (editor);
  g_assert_cmpstr (bel_entry_editor_get_section (editor), ==, "strengths");
  ui_wait_until (f, ui_on_screen, editor, "the editor on screen");
  bel_entry_editor_set_text (editor, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ui_wait_until (f, window_closed, NULL, "the editor to close after saving");
  ui_wait_until (f, row_shown, text, "the new strength in the timeline");

  /* Signed and dated. */
  row = row_with_body (timeline (f), NULL, text);
  g_assert_nonnull (strstr (bel_profile_entry_row_get_byline (BEL_PROFILE_ENTRY_ROW (row)), "Chinedu Okafor"));
  g_assert_nonnull (strstr (bel_profile_entry_row_get_byline (BEL_PROFILE_ENTRY_ROW (row)), date));

  /* And the daemon has it, under the teacher's name. */
  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile", student_id);
  profile = ui_http_request (http, "GET", path, NULL, NULL);
  sections = json_object_get_array_member (object_of (profile), "sections");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      JsonArray *entries = json_object_get_array_member (section, "entries");

      for (guint j = 0; j < json_array_get_length (entries); j++)
        {
          JsonObject *entry = json_array_get_object_element (entries, j);
          if (g_strcmp0 (json_object_get_string_member (entry, "body"), text) == 0)
            {
              g_assert_cmpstr (json_object_get_string_member (section, "section"), ==, "strengths");
              g_assert_cmpstr (json_object_get_string_member (entry, "author_name"), ==, "Chinedu Okafor");
              stored = TRUE;
            }
        }
    }
  g_assert_true (stored);
}

static gboolean
audit_loaded (UiFixture *f, gconstpointer window)
{
  BelAuditWindow *audit = (BelAuditWindow *) window;

  return !bel_audit_window_get_loading (audit) &&
         g_list_model_get_n_items (bel_audit_window_get_entries (audit)) > 0;
}

static void
test_family_is_private_and_its_reads_audited (UiFixture *f, gconstpointer data)
{
  g_autoptr(BelClient) teacher = ui_http_sign_in (f, TEST_DEMO_TEACHER);
  g_autoptr(BelClient) counselor = ui_http_sign_in (f, TEST_DEMO_COUNSELOR);
  gint64 student_id = student_hidden_from (teacher);
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", student_id);
  const char *family = "Lives with her aunt, who likes a call on Fridays after five.";
  g_autoptr(JsonNode) body = entry_body ("family", family);
  g_autoptr(JsonNode) added = ui_http_request (counselor, "POST", path, body, NULL);
  BelAuditWindow *audit;
  GListModel *entries;
  gboolean seen = FALSE;

  g_assert_nonnull (added);

  /* A teacher without a link to the student sees a respectful lock, no text. */
  ui_sign_in (f, TEST_DEMO_TEACHER);
  open_student (f, student_id);
  g_assert_true (bel_profile_timeline_section_locked (timeline (f), "family"));
  g_assert_true (bel_profile_timeline_section_locked (timeline (f), "wellbeing"));
  g_assert_false (bel_profile_timeline_section_locked (timeline (f), "strengths"));
  g_assert_null (row_with_body (timeline (f), NULL, family));
  ui_sign_out (f);

  /* A counselor reads it. */
  ui_sign_in (f, TEST_DEMO_COUNSELOR);
  open_student (f, student_id);
  g_assert_false (bel_profile_timeline_section_locked (timeline (f), "family"));
  ui_wait_until (f, row_shown, family, "the family entry for the counselor");
  ui_sign_out (f);

  /* The leader sees that read in the audit log. */
  ui_sign_in (f, LEADER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->students), "students.audit-log", NULL));
  audit = find_toplevel (BEL_TYPE_AUDIT_WINDOW);
  g_assert_nonnull (audit);
  ui_wait_until (f, audit_loaded, audit, "the audit log");
  entries = bel_audit_window_get_entries (audit);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (entries, i);
      g_autofree char *sentence = bel_audit_window_describe (entry);

      if (bel_resource_get_int (entry, "student-id") == student_id &&
          g_strcmp0 (bel_resource_get_string (entry, "section"), "family") == 0 &&
          g_strcmp0 (sentence, "Tomás Rivera read Family background") == 0)
        seen = TRUE;
      /* The teacher never read this student's private sections. */
      if (bel_resource_get_int (entry, "student-id") == student_id)
        g_assert_cmpstr (bel_resource_get_string (entry, "actor-name"), !=, "Chinedu Okafor");
    }
  g_assert_true (seen);
}

static void
test_teacher_has_no_audit_log (UiFixture *f, gconstpointer data)
{
  ui_sign_in (f, TEST_DEMO_TEACHER);
  /* The action is disabled (its menu item hidden): nothing opens. */
  gtk_widget_activate_action (GTK_WIDGET (f->students), "students.audit-log", NULL);
  ui_spin (300);
  g_assert_null (find_toplevel (BEL_TYPE_AUDIT_WINDOW));
}

static gboolean
handoff_loaded (UiFixture *f, gconstpointer data)
{
  GtkWindow *view = bel_student_page_get_handoff (student_page (f));
  return view != NULL && bel_handoff_view_get_handoff (BEL_HANDOFF_VIEW (view)) != NULL;
}

static gboolean
file_written (UiFixture *f, gconstpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) &&
         g_object_get_data (G_OBJECT (student_page (f)), "bel-last-export") != NULL;
}

static void
assert_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
}

static void
test_handoff_pdf_and_record_export (UiFixture *f, gconstpointer data)
{
  g_autoptr(BelClient) counselor = ui_http_sign_in (f, TEST_DEMO_COUNSELOR);
  gint64 student_id = 5;
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", student_id);
  g_autoptr(JsonNode) body = entry_body ("strengths", "A steady, generous teammate in every group project.");
  g_autoptr(JsonNode) added = ui_http_request (counselor, "POST", path, body, NULL);
  g_autofree char *dir = g_dir_make_tmp ("belonging-handoff-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handoff.pdf", NULL);
  g_autofree char *record = g_build_filename (dir, "record.pdf", NULL);
  g_autoptr(GFile) record_file = g_file_new_for_path (record);
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  BelHandoff *handoff;

  ui_sign_in (f, TEST_DEMO_TEACHER);
  open_student (f, student_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (student_page (f)), "student.handoff", NULL));
  ui_wait_until (f, handoff_loaded, NULL, "the handoff");
  handoff = bel_handoff_view_get_handoff (BEL_HANDOFF_VIEW (bel_student_page_get_handoff (student_page (f))));

  /* Strengths first, and the strength is in the printed text. */
  g_assert_cmpstr (bel_handoff_get_section (handoff, 0)->section, ==, "strengths");
  markup = bel_handoff_print_markup (handoff);
  g_assert_nonnull (strstr (markup, "A steady, generous teammate"));

  g_assert_true (bel_handoff_export_pdf (handoff, pdf, &error));
  g_assert_no_error (error);
  assert_pdf (pdf);

  bel_student_page_export_to (student_page (f), "pdf", record_file);
  ui_wait_until (f, file_written, record, "the exported record");
  assert_pdf (record);

  g_unlink (pdf);
  g_unlink (record);
  g_rmdir (dir);
}

static gboolean
conflict_shown (UiFixture *f, gconstpointer editor)
{
  return gtk_revealer_get_reveal_child (ui_child ((gpointer) editor, BEL_TYPE_ENTRY_EDITOR, "conflict_revealer"));
}

static void
test_stale_edit_is_explained (UiFixture *f, gconstpointer data)
{
  g_autoptr(BelClient) teacher = ui_http_sign_in (f, TEST_DEMO_TEACHER);
  gint64 student_id = 4;
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", student_id);
  g_autoptr(JsonNode) body = entry_body ("interests_talents", "Sings in the gospel choir.");
  g_autoptr(JsonNode) added = ui_http_request (teacher, "POST", path, body, NULL);
  gint64 entry_id = json_object_get_int_member (object_of (added), "id");
  g_autofree char *entry_path = g_strdup_printf ("/api/v1/profile-entries/%" G_GINT64_FORMAT, entry_id);
  g_autoptr(JsonNode) change = entry_body ("interests_talents", "Sings in the gospel choir and leads warm-ups.");
  g_autoptr(JsonNode) patched = NULL;
  BelEntryEditor *editor;

  ui_sign_in (f, TEST_DEMO_TEACHER);
  open_student (f, student_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (student_page (f)), "student.edit-entry", "x", entry_id));
  editor = BEL_ENTRY_EDITOR (bel_student_page_get_editor (student_page (f)));
  g_assert_nonnull (editor);

  /* Meanwhile the same author changes it elsewhere. */
  json_object_remove_member (object_of (change), "section");
  patched = ui_http_request_if_match (teacher, "PATCH", entry_path, change, 1, NULL);
  g_assert_cmpint (json_object_get_int_member (object_of (patched), "version"), ==, 2);

  ui_wait_until (f, ui_on_screen, editor, "the editor on screen");
  bel_entry_editor_set_text (editor, "Sings in the choir.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ui_wait_until (f, conflict_shown, editor, "the newer text");
  g_assert_cmpstr (gtk_label_get_label (ui_child (editor, BEL_TYPE_ENTRY_EDITOR, "newer_label")), ==,
                   "Sings in the gospel choir and leads warm-ups.");

  /* Saving again replaces it, on purpose. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ui_wait_until (f, window_closed, NULL, "the editor to close");
  ui_wait_until (f, row_shown, "Sings in the choir.", "the edited entry");
}

static gboolean
hits_ready (UiFixture *f, gconstpointer search)
{
  return !bel_profile_search_get_loading ((BelProfileSearch *) search) &&
         g_list_model_get_n_items (bel_profile_search_get_hits ((BelProfileSearch *) search)) > 0;
}

static void
test_search_opens_the_student (UiFixture *f, gconstpointer data)
{
  g_autoptr(BelClient) teacher = ui_http_sign_in (f, TEST_DEMO_TEACHER);
  gint64 student_id = 7;
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", student_id);
  g_autoptr(JsonNode) body = entry_body ("interests_talents", "Builds intricate origami cranes for friends.");
  g_autoptr(JsonNode) added = ui_http_request (teacher, "POST", path, body, NULL);
  BelProfileSearch *search = NULL;

  ui_sign_in (f, TEST_DEMO_TEACHER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->students), "students.search-profiles", NULL));
  search = find_toplevel (BEL_TYPE_PROFILE_SEARCH);
  g_assert_nonnull (search);
  bel_profile_search_set_query (search, "origami");
  ui_wait_until (f, hits_ready, search, "the search results");
  g_assert_cmpuint (g_list_model_get_n_items (bel_profile_search_get_hits (search)), ==, 1);
  bel_profile_search_activate (search, 0);
  ui_wait_until (f, profile_shown, &student_id, "the student found");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, GUINT_TO_POINTER (N_STUDENTS), ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/ui/profiles/teacher-adds-a-strength-signed-and-dated", test_teacher_adds_a_strength);
  ADD ("/ui/profiles/family-is-private-and-its-reads-audited", test_family_is_private_and_its_reads_audited);
  ADD ("/ui/profiles/teacher-has-no-audit-log", test_teacher_has_no_audit_log);
  ADD ("/ui/profiles/handoff-pdf-and-record-export", test_handoff_pdf_and_record_export);
  ADD ("/ui/profiles/stale-edit-is-explained", test_stale_edit_is_explained);
  ADD ("/ui/profiles/search-opens-the-student", test_search_opens_the_student);
#undef ADD

  return g_test_run ();
}
