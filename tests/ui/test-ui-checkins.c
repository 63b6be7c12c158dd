/* test-ui-checkins.c - check-ins, family contacts, the meeting and support plans
 * in the real app against a real belongingd
 *
 * Runs under run-ui-test.sh (Xvfb + a private D-Bus session).  Set
 * BEL_SHOT_DIR to save screenshots of the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bel-application.h"
#include "bel-care-dialog.h"
#include "bel-checkins-page.h"
#include "bel-meeting-page.h"
#include "bel-observations-view.h"
#include "bel-support-plan-view.h"
#include "bel-students-page.h"
#include "bel-window.h"
#include "test-daemon.h"
#include "../bel-test-slowdown.h"
#include "bel-ui-test-util.h"

#define N_STUDENTS 40

static guint n_interactions;   /* one person's actions in the current case */
static BelClient *http;        /* the same person, over plain HTTP */

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("BEL_SHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  ui_spin (500);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static JsonArray *
items_of (JsonNode *node)
{
  return json_object_get_array_member (json_node_get_object (node), "items");
}

/* One person's action: counted, so a test can hold the app to a budget. */
static void
interact (UiFixture *f, GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_sensitive (widget));
  n_interactions++;
  gtk_widget_activate (widget);
}

static void
type_text (UiFixture *f, GtkWidget *editable, const char *text)
{
  n_interactions++;
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static JsonNode *
http_get (UiFixture *f, const char *path)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = ui_http_request (http, "GET", path, NULL, &error);

  g_assert_no_error (error);
  return node;
}

static void
sign_in_as (UiFixture *f, const char *username)
{
  ui_sign_in (f, username);
  http = ui_http_sign_in (f, username);
}

static void
fixture_set_up (UiFixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (BEL_APP_ID);

  /* the size a laptop's window has, for the screenshots */
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  n_interactions = 0;
  ui_fixture_set_up (f, data);
}

static void
fixture_tear_down (UiFixture *f, gconstpointer data)
{
  g_clear_object (&http);
  ui_fixture_tear_down (f, data);
}

static gboolean
toggle_active (UiFixture *f, gconstpointer toggle)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

/* ---- check-ins ---- */

static BelCheckinsPage *
checkins_page (UiFixture *f)
{
  return ui_page (f, "checkins");
}

static gboolean
checkins_loaded (UiFixture *f, gconstpointer data)
{
  return !bel_checkins_page_get_loading (checkins_page (f));
}

static GtkWidget *
row_of (GtkListBox *list, gint64 student_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id")) == student_id)
      return row;
  return NULL;
}

static gboolean
dialog_open (UiFixture *f, gconstpointer data)
{
  BelCareDialog *dialog = bel_checkins_page_get_dialog (checkins_page (f));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_closed (UiFixture *f, gconstpointer data)
{
  return bel_checkins_page_get_dialog (checkins_page (f)) == NULL;
}

static gboolean
student_left_due (UiFixture *f, gconstpointer data)
{
  gint64 student_id = *(const gint64 *) data;

  return checkins_loaded (f, NULL) && row_of (bel_checkins_page_get_due_list (checkins_page (f)), student_id) == NULL;
}

static void
open_checkins (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-checkins", NULL));
  ui_wait_until (f, ui_page_is, "checkins", "the check-ins page");
  ui_wait_until (f, checkins_loaded, NULL, "the check-in lists");
}

static void
test_log_checkin (UiFixture *f, gconstpointer data)
{
  BelCheckinsPage *page;
  GtkListBox *due;
  GtkWidget *row;
  BelCareDialog *dialog;
  gint64 student_id;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) checkins = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *stored;

  sign_in_as (f, TEST_DEMO_TEACHER);
  open_checkins (f);
  page = checkins_page (f);
  due = bel_checkins_page_get_due_list (page);
  screenshot ("checkins.png");

  /* The daemon's own list of this teacher's duties matches the page. */
  path = g_strdup_printf ("/api/v1/schools/1/checkin-duties?state=attention&account=%" G_GINT64_FORMAT,
                          bel_resource_get_id (bel_client_get_account (http)));
  before = http_get (f, path);
  g_assert_cmpuint (json_array_get_length (items_of (before)), >, 0);
  row = gtk_widget_get_first_child (GTK_WIDGET (due));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));
  g_assert_cmpint (student_id, >, 0);

  /* Log it: open, two checklist items, a note, a follow-up, log. */
  n_interactions = 0;
  interact (f, g_object_get_data (G_OBJECT (row), "action-button"));
  ui_wait_until (f, dialog_open, NULL, "the check-in dialog");
  dialog = bel_checkins_page_get_dialog (page);
  interact (f, bel_care_dialog_get_field (dialog, "check:academics"));
  interact (f, bel_care_dialog_get_field (dialog, "check:life_outside_school"));
  type_text (f, bel_care_dialog_get_field (dialog, "note"), "Plays in the band now; asked about tryouts");
  interact (f, bel_care_dialog_get_field (dialog, "follow-up"));
  if (g_getenv ("BEL_SHOT_DIR") != NULL)
    screenshot ("checkin-dialog.png");
  interact (f, bel_care_dialog_get_save_button (dialog));
  g_assert_cmpuint (n_interactions, <, 10);
  ui_wait_until (f, dialog_closed, NULL, "the dialog to close");
  ui_wait_until (f, student_left_due, &student_id, "the student to leave the due list");

  /* The daemon has it */
  g_free (path);
  path = g_strdup_printf ("/api/v1/schools/1/checkins?student=%" G_GINT64_FORMAT "&limit=1", student_id);
  checkins = http_get (f, path);
  g_assert_cmpuint (json_array_get_length (items_of (checkins)), ==, 1);
  stored = json_array_get_object_element (items_of (checkins), 0);
  g_assert_cmpstr (json_object_get_string_member (stored, "note"), ==, "Plays in the band now; asked about tryouts");
  g_assert_true (json_object_get_boolean_member (stored, "follow_up_needed"));
  g_assert_true (json_object_has_member (json_object_get_object_member (stored, "answers"), "academics"));
  g_assert_true (json_object_has_member (json_object_get_object_member (stored, "answers"), "life_outside_school"));
  g_free (path);
  path = g_strdup_printf ("/api/v1/schools/1/checkin-duties?state=due&student=%" G_GINT64_FORMAT, student_id);
  after = http_get (f, path);
  g_assert_cmpuint (json_array_get_length (items_of (after)), ==, 0);
}

static gboolean
family_listed (UiFixture *f, gconstpointer data)
{
  gint64 student_id = *(const gint64 *) data;

  return checkins_loaded (f, NULL) && row_of (bel_checkins_page_get_family_list (checkins_page (f)), student_id) != NULL;
}

static gboolean
family_gone (UiFixture *f, gconstpointer data)
{
  return !family_listed (f, data) && checkins_loaded (f, NULL);
}

static gboolean
everyone_loaded (UiFixture *f, gconstpointer data)
{
  return gtk_toggle_button_get_active (bel_checkins_page_get_everyone_toggle (checkins_page (f))) &&
         checkins_loaded (f, NULL);
}

static void
test_log_family_contact (UiFixture *f, gconstpointer data)
{
  GtkListBox *families;
  GtkWidget *row;
  BelCareDialog *dialog;
  gint64 student_id;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) contacts = NULL;
  JsonObject *stored;

  sign_in_as (f, TEST_DEMO_COUNSELOR);
  open_checkins (f);
  /* A counselor advises nobody: the whole school */
  interact (f, GTK_WIDGET (bel_checkins_page_get_everyone_toggle (checkins_page (f))));
  ui_wait_until (f, everyone_loaded, NULL, "everyone's lists");
  families = bel_checkins_page_get_family_list (checkins_page (f));
  row = gtk_widget_get_first_child (GTK_WIDGET (families));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));

  n_interactions = 0;
  interact (f, g_object_get_data (G_OBJECT (row), "action-button"));
  ui_wait_until (f, dialog_open, NULL, "the contact dialog");
  dialog = bel_checkins_page_get_dialog (checkins_page (f));
  g_assert_false (gtk_widget_is_sensitive (bel_care_dialog_get_save_button (dialog)));
  type_text (f, bel_care_dialog_get_field (dialog, "caregiver"), "Rosa Example");
  type_text (f, bel_care_dialog_get_field (dialog, "relationship"), "grandmother");
  type_text (f, bel_care_dialog_get_field (dialog, "outcome"), "Told her about the science fair poster");
  interact (f, bel_care_dialog_get_save_button (dialog));
  g_assert_cmpuint (n_interactions, <, 10);
  ui_wait_until (f, dialog_closed, NULL, "the dialog to close");
  ui_wait_until (f, family_gone, &student_id, "the family to leave the list");

  path = g_strdup_printf ("/api/v1/schools/1/contacts?student=%" G_GINT64_FORMAT "&limit=1", student_id);
  contacts = http_get (f, path);
  stored = json_array_get_object_element (items_of (contacts), 0);
  g_assert_cmpstr (json_object_get_string_member (stored, "caregiver_name"), ==, "Rosa Example");
  g_assert_true (json_object_get_boolean_member (stored, "good_news"));
  g_assert_cmpstr (json_object_get_string_member (stored, "channel"), ==, "call");
}

/* ---- the meeting ---- */

static BelMeetingPage *
meeting_page (UiFixture *f)
{
  return ui_page (f, "meeting");
}

static gboolean
meeting_loaded (UiFixture *f, gconstpointer data)
{
  return !bel_meeting_page_get_loading (meeting_page (f)) &&
         gtk_widget_get_first_child (bel_meeting_page_get_ranking (meeting_page (f))) != NULL;
}

static gboolean
meeting_dialog_open (UiFixture *f, gconstpointer data)
{
  BelCareDialog *dialog = bel_meeting_page_get_dialog (meeting_page (f));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
meeting_dialog_closed (UiFixture *f, gconstpointer data)
{
  return bel_meeting_page_get_dialog (meeting_page (f)) == NULL;
}

static void
open_meeting (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-meeting", NULL));
  ui_wait_until (f, ui_page_is, "meeting", "the meeting page");
  ui_wait_until (f, meeting_loaded, NULL, "the ranking");
}

static GtkWidget *
card_of (UiFixture *f, gint64 student_id)
{
  for (GtkWidget *card = gtk_widget_get_first_child (bel_meeting_page_get_ranking (meeting_page (f)));
       card != NULL; card = gtk_widget_get_next_sibling (card))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "student-id")) == student_id)
      return card;
  return NULL;
}

/* The texts of the labels inside @widget, joined by newlines */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static void
test_meeting_lists_top_students (UiFixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) meeting = NULL;
  JsonArray *items;
  guint n_cards = 0;

  sign_in_as (f, TEST_DEMO_COUNSELOR);
  screenshot ("students.png");
  open_meeting (f);
  screenshot ("meeting.png");

  meeting = http_get (f, "/api/v1/schools/1/meeting?limit=25");
  items = items_of (meeting);
  g_assert_cmpuint (json_array_get_length (items), >=, 3);
  for (GtkWidget *c = gtk_widget_get_first_child (bel_meeting_page_get_ranking (meeting_page (f))); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n_cards++;
  g_assert_cmpuint (n_cards, ==, json_array_get_length (items));

  /* The top students, in the daemon's order, each with every reason's label and evidence and their adults */
  for (guint i = 0; i < 5 && i < json_array_get_length (items); i++)
    {
      JsonObject *student = json_array_get_object_element (items, i);
      JsonArray *reasons = json_object_get_array_member (student, "reasons");
      JsonArray *adults = json_object_get_array_member (student, "adults");
      GtkWidget *card = card_of (f, json_object_get_int_member (student, "student_id"));
      GtkWidget *nth = gtk_widget_get_first_child (bel_meeting_page_get_ranking (meeting_page (f)));
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint j = 0; j < i; j++)
        nth = gtk_widget_get_next_sibling (nth);
      g_assert_true (card == nth);
      g_assert_cmpuint (json_array_get_length (reasons), >, 0);
      collect_text (card, text);
      g_assert_nonnull (strstr (text->str, json_object_get_string_member (student, "student_name")));
      for (guint j = 0; j < json_array_get_length (reasons); j++)
        {
          JsonObject *reason = json_array_get_object_element (reasons, j);

          g_assert_nonnull (strstr (text->str, json_object_get_string_member (reason, "label")));
          if (json_object_get_string_member (reason, "evidence") != NULL)
            g_assert_nonnull (strstr (text->str, json_object_get_string_member (reason, "evidence")));
        }
      for (guint j = 0; j < json_array_get_length (adults); j++)
        g_assert_nonnull (strstr (text->str, json_object_get_string_member (json_array_get_object_element (adults, j),
                                                                            "display_name")));
    }

  /* The meeting notes as a PDF */
  {
    g_autofree char *dir = g_dir_make_tmp ("bel-meeting-XXXXXX", NULL);
    g_autofree char *pdf = g_build_filename (dir, "notes.pdf", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;
    gsize length = 0;

    g_assert_true (bel_meeting_page_export_pdf (meeting_page (f), pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_unlink (pdf);
    g_rmdir (dir);
    if (g_getenv ("BEL_SHOT_DIR") != NULL)
      {
        g_autofree char *keep = g_build_filename (g_getenv ("BEL_SHOT_DIR"), "meeting-notes.pdf", NULL);

        g_assert_true (bel_meeting_page_export_pdf (meeting_page (f), keep, NULL));
      }
  }

  /* A grade team: only that grade */
  {
    JsonObject *top = json_array_get_object_element (items, 0);
    int grade = json_object_get_int_member (top, "grade");
    g_autofree char *path = g_strdup_printf ("/api/v1/schools/1/meeting?limit=25&grade=%d", grade);
    g_autoptr(JsonNode) team = http_get (f, path);
    guint n = 0;

    bel_meeting_page_set_grade (meeting_page (f), grade);
    ui_wait_until (f, meeting_loaded, NULL, "the grade team's ranking");
    for (GtkWidget *c = gtk_widget_get_first_child (bel_meeting_page_get_ranking (meeting_page (f))); c != NULL;
         c = gtk_widget_get_next_sibling (c))
      n++;
    g_assert_cmpuint (n, ==, json_array_get_length (items_of (team)));
    g_assert_nonnull (card_of (f, json_object_get_int_member (top, "student_id")));
  }
}

static gboolean
card_has_plan (UiFixture *f, gconstpointer data)
{
  GtkWidget *card = card_of (f, *(const gint64 *) data);

  return meeting_loaded (f, NULL) && card != NULL && g_object_get_data (G_OBJECT (card), "plan-id") != NULL;
}

static gboolean
plan_view_loaded (UiFixture *f, gconstpointer data)
{
  BelCareDialog *dialog = bel_meeting_page_get_dialog (meeting_page (f));

  return dialog != NULL && bel_support_plan_view_get_loaded (dialog);
}

static JsonObject *
plan_of (UiFixture *f, gint64 student_id, const char *status, JsonNode **keep)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/1/support-plans?status=%s&student=%" G_GINT64_FORMAT,
                                           status, student_id);
  JsonArray *items;

  *keep = http_get (f, path);
  items = items_of (*keep);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return json_array_get_object_element (items, 0);
}

static void
test_plan_lifecycle (UiFixture *f, gconstpointer data)
{
  GtkWidget *card = NULL;
  BelCareDialog *dialog;
  gint64 student_id = 0;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) reviewed = NULL;
  g_autoptr(JsonNode) closed = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autofree char *path = NULL;
  JsonObject *plan;
  JsonObject *action;

  sign_in_as (f, TEST_DEMO_COUNSELOR);
  open_meeting (f);
  /* The first student without an open plan */
  for (card = gtk_widget_get_first_child (bel_meeting_page_get_ranking (meeting_page (f))); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    if (g_object_get_data (G_OBJECT (card), "plan-id") == NULL)
      break;
  g_assert_nonnull (card);
  student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "student-id"));

  interact (f, g_object_get_data (G_OBJECT (card), "plan-button"));
  ui_wait_until (f, meeting_dialog_open, NULL, "the plan dialog");
  dialog = bel_meeting_page_get_dialog (meeting_page (f));
  type_text (f, bel_care_dialog_get_field (dialog, "concern"), "Missed three check-ins and seems withdrawn");
  interact (f, bel_care_dialog_get_field (dialog, "tier-3"));
  ui_wait_until (f, toggle_active, bel_care_dialog_get_field (dialog, "tier-3"), "tier 3");
  type_text (f, bel_care_dialog_get_field (dialog, "action-0"), "Daily hello at the door");
  type_text (f, bel_care_dialog_get_field (dialog, "action-due-0"), "2030-01-15");
  type_text (f, bel_care_dialog_get_field (dialog, "review-on"), "2030-02-01");
  screenshot ("plan-dialog.png");
  interact (f, bel_care_dialog_get_save_button (dialog));
  ui_wait_until (f, meeting_dialog_closed, NULL, "the plan dialog to close");
  ui_wait_until (f, card_has_plan, &student_id, "the card to show the plan");

  plan = plan_of (f, student_id, "active", &created);
  g_assert_cmpstr (json_object_get_string_member (plan, "concern"), ==, "Missed three check-ins and seems withdrawn");
  g_assert_cmpint (json_object_get_int_member (plan, "tier"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (plan, "owner_id"), ==,
                   bel_resource_get_id (bel_client_get_account (http)));
  g_assert_cmpstr (json_object_get_string_member (plan, "review_on"), ==, "2030-02-01");
  path = g_strdup_printf ("/api/v1/support-plans/%" G_GINT64_FORMAT, json_object_get_int_member (plan, "id"));
  full = http_get (f, path);
  action = json_array_get_object_element (json_object_get_array_member (json_node_get_object (full), "actions"), 0);
  g_assert_cmpstr (json_object_get_string_member (action, "description"), ==, "Daily hello at the door");
  g_assert_cmpstr (json_object_get_string_member (action, "due_on"), ==, "2030-01-15");

  /* Review it */
  interact (f, g_object_get_data (G_OBJECT (card_of (f, student_id)), "plan-button"));
  ui_wait_until (f, plan_view_loaded, NULL, "the plan");
  dialog = bel_meeting_page_get_dialog (meeting_page (f));
  type_text (f, bel_care_dialog_get_field (dialog, "review-note"), "Came to two check-ins; smiling more");
  type_text (f, bel_care_dialog_get_field (dialog, "next-review-on"), "2030-03-01");
  interact (f, bel_care_dialog_get_save_button (dialog));
  ui_wait_until (f, meeting_dialog_closed, NULL, "the plan to close");
  plan = plan_of (f, student_id, "active", &reviewed);
  g_assert_cmpstr (json_object_get_string_member (plan, "review_on"), ==, "2030-03-01");

  /* Close it */
  ui_wait_until (f, card_has_plan, &student_id, "the card after the review");
  interact (f, g_object_get_data (G_OBJECT (card_of (f, student_id)), "plan-button"));
  ui_wait_until (f, plan_view_loaded, NULL, "the plan again");
  dialog = bel_meeting_page_get_dialog (meeting_page (f));
  screenshot ("plan-view.png");
  type_text (f, bel_care_dialog_get_field (dialog, "outcome"), "Back on track with her advisor");
  interact (f, bel_care_dialog_get_field (dialog, "complete"));
  ui_wait_until (f, meeting_dialog_closed, NULL, "the plan to close");
  plan = plan_of (f, student_id, "completed", &closed);
  g_assert_cmpstr (json_object_get_string_member (plan, "outcome"), ==, "Back on track with her advisor");
}

/* ---- observations on the student page ---- */

typedef struct {
  BelObservationsView *view;
  guint                rows;
} ObservationsWait;

static guint
n_observation_rows (BelObservationsView *view)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (bel_observations_view_get_list (view))); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "observation-id") != NULL)
      n++;
  return n;
}

static gboolean
observations_shown (UiFixture *f, gconstpointer data)
{
  const ObservationsWait *wait = data;

  return !bel_observations_view_get_loading (wait->view) && n_observation_rows (wait->view) == wait->rows;
}

static gboolean
observation_dialog_open (UiFixture *f, gconstpointer data)
{
  BelCareDialog *dialog = bel_observations_view_get_dialog ((BelObservationsView *) data);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
observation_dialog_closed (UiFixture *f, gconstpointer data)
{
  return bel_observations_view_get_dialog ((BelObservationsView *) data) == NULL;
}

static void
test_observations_of_several_adults (UiFixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) student_node = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) flags = NULL;
  g_autoptr(GHashTable) adults = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 student_id = 0;
  guint best = 0;
  GtkWidget *window;
  BelObservationsView *view;
  BelCareDialog *dialog;
  ObservationsWait wait;
  JsonObject *newest;

  sign_in_as (f, TEST_DEMO_COUNSELOR);
  /* The student whom the most adults noted something about */
  all = http_get (f, "/api/v1/schools/1/observations?limit=1000");
  for (guint i = 0; i < json_array_get_length (items_of (all)); i++)
    {
      JsonObject *o = json_array_get_object_element (items_of (all), i);
      gint64 id = json_object_get_int_member (o, "student_id");
      GHashTable *who = g_hash_table_lookup (adults, &id);

      if (who == NULL)
        {
          who = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (adults, g_memdup2 (&id, sizeof id), who);
        }
      g_hash_table_add (who, GSIZE_TO_POINTER ((gsize) json_object_get_int_member (o, "account_id")));
    }
  g_hash_table_iter_init (&iter, adults);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_size (value) > best)
      {
        best = g_hash_table_size (value);
        student_id = *(gint64 *) key;
      }
  g_assert_cmpuint (best, >=, 2);

  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, student_id);
  student_node = http_get (f, path);
  student = bel_model_new_from_json (BEL_TYPE_STUDENT, student_node, BEL_MODEL_TRUST, &error);
  g_assert_no_error (error);
  g_free (path);
  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/observations", student_id);
  before = http_get (f, path);

  /* The view as the student page holds it */
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  view = g_object_new (BEL_TYPE_OBSERVATIONS_VIEW, NULL);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (f->window));
  bel_observations_view_set_client (view, bel_application_get_client (f->app));
  bel_observations_view_set_student (view, student);
  gtk_window_present (GTK_WINDOW (window));
  wait.view = view;
  wait.rows = json_array_get_length (items_of (before));
  ui_wait_until (f, observations_shown, &wait, "the student's observations");
  screenshot ("observations.png");

  /* Add a concern that raises a flag */
  n_interactions = 0;
  interact (f, bel_observations_view_get_button (view, "observation"));
  ui_wait_until (f, observation_dialog_open, view, "the observation dialog");
  dialog = bel_observations_view_get_dialog (view);
  interact (f, bel_care_dialog_get_field (dialog, "kind-concern"));
  ui_wait_until (f, toggle_active, bel_care_dialog_get_field (dialog, "kind-concern"), "a concern");
  n_interactions++;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (bel_care_dialog_get_field (dialog, "body"))),
                            "Wore a T-shirt in the snow again; no winter coat", -1);
  g_assert_true (gtk_widget_get_visible (bel_care_dialog_get_field (dialog, "raise-flag-row")));
  interact (f, bel_care_dialog_get_field (dialog, "raise-flag"));
  interact (f, bel_care_dialog_get_save_button (dialog));
  g_assert_cmpuint (n_interactions, <, 10);
  ui_wait_until (f, observation_dialog_closed, view, "the dialog to close");
  wait.rows++;
  ui_wait_until (f, observations_shown, &wait, "the new observation");

  after = http_get (f, path);
  newest = json_array_get_object_element (items_of (after), 0);
  g_assert_cmpstr (json_object_get_string_member (newest, "kind"), ==, "concern");
  g_assert_cmpstr (json_object_get_string_member (newest, "body"), ==, "Wore a T-shirt in the snow again; no winter coat");
  g_assert_cmpint (json_object_get_int_member (newest, "flag_id"), >, 0);
  g_free (path);
  path = g_strdup_printf ("/api/v1/schools/1/flags?status=open&student=%" G_GINT64_FORMAT, student_id);
  flags = http_get (f, path);
  g_assert_cmpuint (json_array_get_length (items_of (flags)), >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, GUINT_TO_POINTER (N_STUDENTS), fixture_set_up, func, fixture_tear_down)
  ADD ("/checkins/ui/log-checkin-leaves-due-list", test_log_checkin);
  ADD ("/checkins/ui/log-family-contact", test_log_family_contact);
  ADD ("/checkins/ui/meeting-lists-top-students", test_meeting_lists_top_students);
  ADD ("/checkins/ui/plan-lifecycle", test_plan_lifecycle);
  ADD ("/checkins/ui/observations-of-several-adults", test_observations_of_several_adults);
#undef ADD

  return g_test_run ();
}
