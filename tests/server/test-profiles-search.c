/* test-profiles-search.c - full-text search, the handoff and the record export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-profiles.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bel-marks.h"
#include "bel-profile-sections.h"
#include "bel-rounds.h"

/* Strengths of 700 characters each: over two pages of the record. */
#define N_LONG_ENTRIES 12
#define SEARCH "/api/v1/schools/%" G_GINT64_FORMAT "/profile-search?q=%s"

static guint
n_items (BelTestResponse *r)
{
  return json_array_get_length (json_object_get_array_member (bel_test_response_object (r), "items"));
}

/* Sensitive words in the index itself: SQLite's FTS5 table; on PostgreSQL, a GIN
 * index that is not partial to non-sensitive rows. */
#define SENSITIVE_IN_INDEX "SELECT count(*) FROM profile_fts WHERE profile_fts MATCH 'bakery OR worried'"
#define SENSITIVE_IN_INDEX_PG \
  "SELECT count(*) FROM pg_index WHERE indexrelid = 'profile_entry_search'::regclass " \
  "AND pg_get_expr (indpred, indrelid) IS DISTINCT FROM '(sensitive = 0)'"

static void
test_search_finds_only_non_sensitive_text (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *extra = NULL;
  JsonObject *hit;
  gint64 id, old;

  id = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "interests_talents",
                                 "Builds model bridges out of popsicle sticks and enters the regional engineering fair", "");
  bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "family",
                            "Father works nights at the bakery; call after four", "");
  bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "wellbeing",
                            "Worried about the engineering fair deadline", "");
  old = bel_test_profiles_add_ok (fx, fx->teacher, fx->other_student_id, "strengths",
                                  "Writes sonnets in Korean and English", "");
  extra = g_strdup_printf ("\"supersedes_id\": %" G_GINT64_FORMAT, old);
  bel_test_profiles_add_ok (fx, fx->teacher, fx->other_student_id, "strengths",
                            "Writes poems in Korean and English", extra);

  /* Prefixes, any order, accents and case ignored; a snippet marks the words. */
  r = bel_test_profiles_get (fx, fx->stranger, 200, SEARCH, fx->seed.school_id, "ENGINEER%20bridg");
  g_assert_cmpuint (n_items (r), ==, 1);
  hit = json_array_get_object_element (json_object_get_array_member (bel_test_response_object (r), "items"), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "entry_id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (hit, "student_id"), ==, fx->seed.student_id);
  g_assert_cmpstr (json_object_get_string_member (hit, "student_name"), ==, "José Álvarez");
  g_assert_cmpstr (json_object_get_string_member (hit, "section"), ==, "interests_talents");
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "**bridges**"));

  /* Sensitive text is never found, not even by those who may read it. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->counselor, 200, SEARCH, fx->seed.school_id, "bakery");
  g_assert_cmpuint (n_items (r), ==, 0);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->counselor, 200, SEARCH, fx->seed.school_id, "worried");
  g_assert_cmpuint (n_items (r), ==, 0);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, bel_test_postgresql () ? SENSITIVE_IN_INDEX_PG : SENSITIVE_IN_INDEX),
                   ==, 0);
  /* Superseded text is not found; its correction is. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->teacher, 200, SEARCH, fx->seed.school_id, "sonnets");
  g_assert_cmpuint (n_items (r), ==, 0);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->teacher, 200, SEARCH, fx->seed.school_id, "poems%20korean");
  g_assert_cmpuint (n_items (r), ==, 1);

  /* FTS syntax is only words; other schools' staff search nothing here. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->teacher, 200, SEARCH, fx->seed.school_id, "%22bridges%20OR%20NEAR(");
  g_assert_cmpuint (n_items (r), ==, 0);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->teacher, 400, SEARCH, fx->seed.school_id, "%20%2B%2B");
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->outsider, 403, SEARCH, fx->seed.school_id, "bridges");
}

static void
test_search_pages (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) first = NULL;
  g_autoptr(BelTestResponse) second = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < 3; i++)
    bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "learning_preferences",
                              "Learns best with hands-on labs", "");
  first = bel_test_profiles_get (fx, fx->teacher, 200, "/api/v1/schools/%" G_GINT64_FORMAT
                                 "/profile-search?q=labs&limit=2", fx->seed.school_id);
  g_assert_cmpuint (n_items (first), ==, 2);
  second = bel_test_profiles_get (fx, fx->teacher, 200, "/api/v1/schools/%" G_GINT64_FORMAT
                                  "/profile-search?q=labs&limit=2&cursor=%s", fx->seed.school_id,
                                  bel_test_response_string (first, "next_cursor"));
  g_assert_cmpuint (n_items (second), ==, 1);
  g_assert_true (json_object_get_null_member (bel_test_response_object (second), "next_cursor"));
}

static void
add_round_with_marks (BelTestProfiles *fx)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (fx->daemon);
  BelAccount *system = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) round = g_object_new (BEL_TYPE_ROUND, "name", "Fall map", NULL);
  g_autoptr(BelRound) created = bel_rounds_create (engine, system, fx->seed.school_id, round, &error);
  g_autoptr(BelMark) a = NULL;
  g_autoptr(BelMark) b = NULL;
  g_autoptr(BelMark) c = NULL;
  gint64 round_id;

  g_assert_no_error (error);
  round_id = bel_resource_get_id (created);
  a = bel_marks_put (engine, system, round_id, fx->seed.student_id, fx->stranger_id, "relationship", NULL, &error);
  g_assert_no_error (error);
  b = bel_marks_put (engine, system, round_id, fx->seed.student_id, fx->stranger_id, "personal", NULL, &error);
  g_assert_no_error (error);
  /* A concern mark is not a sign of knowing the student well. */
  c = bel_marks_put (engine, system, round_id, fx->seed.student_id, fx->seed.counselor_id, "concern", NULL, &error);
  g_assert_no_error (error);
}

static JsonObject *
adult (JsonArray *adults,
       gint64     account_id)
{
  for (guint i = 0; i < json_array_get_length (adults); i++)
    if (json_object_get_int_member (json_array_get_object_element (adults, i), "account_id") == account_id)
      return json_array_get_object_element (adults, i);
  return NULL;
}

static void
test_handoff_is_strengths_first_with_the_adults (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *extra = NULL;
  JsonObject *obj, *strengths;
  JsonArray *sections, *adults, *hidden;
  gint64 first, latest, old;
  int last_index = -1;

  first = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths", "Kind to everyone", "");
  bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "areas_of_growth", "Asking for help early", "");
  old = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths", "Great at chess", "");
  extra = g_strdup_printf ("\"supersedes_id\": %" G_GINT64_FORMAT, old);
  latest = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths",
                                     "Great at chess; coaches the middle-school club", extra);
  bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "family", "Two homes, both supportive", "");
  add_round_with_marks (fx);

  r = bel_test_profiles_get (fx, fx->stranger, 200, "/api/v1/students/%" G_GINT64_FORMAT "/handoff",
                             fx->seed.student_id);
  obj = bel_test_response_object (r);
  sections = json_object_get_array_member (obj, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, bel_profile_n_sections - 3);
  strengths = json_array_get_object_element (sections, 0);
  g_assert_cmpstr (json_object_get_string_member (strengths, "section"), ==, "strengths");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (strengths, "entry"), "id"),
                   ==, latest);
  g_assert_cmpint (latest, !=, first);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      int index = bel_profile_section_index (json_object_get_string_member (json_array_get_object_element (sections, i),
                                                                           "section"));
      g_assert_cmpint (index, >, last_index);
      last_index = index;
    }
  hidden = json_object_get_array_member (obj, "hidden_sections");
  g_assert_cmpuint (json_array_get_length (hidden), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "student"), "given_name"),
                   ==, "José");
  g_assert_cmpstr (json_object_get_string_member (obj, "school_year"), ==, "2026-2027");

  adults = json_object_get_array_member (obj, "adults");
  g_assert_cmpuint (json_array_get_length (adults), ==, 3);
  g_assert_nonnull (adult (adults, fx->seed.teacher_id));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (adult (adults, fx->seed.teacher_id),
                                                                                "links"), 0), ==, "advisor");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (adult (adults, fx->ally_id),
                                                                                "links"), 0), ==, "advocate");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adult (adults, fx->stranger_id), "links")),
                    ==, 2);
  /* Most links first */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (adults, 0), "account_id"),
                   ==, fx->stranger_id);
  g_assert_null (adult (adults, fx->seed.counselor_id));

  /* The counselor's handoff has the family section too, in its place. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->counselor, 200, "/api/v1/students/%" G_GINT64_FORMAT "/handoff",
                             fx->seed.student_id);
  sections = json_object_get_array_member (bel_test_response_object (r), "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, bel_profile_n_sections);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 10), "section"),
                   ==, "family");
  g_assert_false (json_object_get_null_member (json_array_get_object_element (sections, 10), "entry"));
}

/* The entry ids of every section in an export. */
static GArray *
exported_ids (BelTestResponse *r)
{
  JsonArray *sections = json_object_get_array_member (bel_test_response_object (r), "sections");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonArray *entries = json_object_get_array_member (json_array_get_object_element (sections, i), "entries");
      for (guint j = 0; j < json_array_get_length (entries); j++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (entries, j), "id");
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
assert_same_ids (GArray  *got,
                 gint64  *want,
                 guint    n_want)
{
  g_array_sort (got, compare_ids);
  qsort (want, n_want, sizeof (gint64), compare_ids);
  g_assert_cmpmem (got->data, got->len * sizeof (gint64), want, n_want * sizeof (gint64));
}

static void
test_export_holds_exactly_the_readable_record (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) pdf = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  gint64 all[6];
  JsonObject *obj;

  all[0] = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths", "Curious about everything", "");
  extra = g_strdup_printf ("\"supersedes_id\": %" G_GINT64_FORMAT, all[0]);
  all[1] = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths",
                                     "Curious about everything, especially birds", extra);
  all[2] = bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "language", "Translates for his aunt",
                                     "\"home_language\": \"Spanish\", \"english_proficiency\": \"bridging\"");
  all[3] = bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "family", "Aunt is the contact", "");
  all[4] = bel_test_profiles_add_ok (fx, fx->counselor, fx->seed.student_id, "plans", "IEP for reading",
                                     "\"plan_type\": \"iep\", \"starts_on\": \"2026-09-10\"");
  /* Another student's entry is never in this record. */
  all[5] = bel_test_profiles_add_ok (fx, fx->teacher, fx->other_student_id, "strengths", "Sings", "");

  r = bel_test_profiles_get (fx, fx->stranger, 200, "/api/v1/students/%" G_GINT64_FORMAT "/export",
                             fx->seed.student_id);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "application/json");
  obj = bel_test_response_object (r);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (obj, "student"), "id"),
                   ==, fx->seed.student_id);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (obj, "exported_by"), "account_id"),
                   ==, fx->stranger_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "hidden_sections")), ==, 3);
  ids = exported_ids (r);
  assert_same_ids (ids, all, 3);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT count(*) FROM audit WHERE action = 'profile.export'"),
                   ==, 1);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->stranger_id, NULL), ==, 0);

  g_clear_pointer (&r, bel_test_response_free);
  g_clear_pointer (&ids, g_array_unref);
  r = bel_test_profiles_get (fx, fx->counselor, 200, "/api/v1/students/%" G_GINT64_FORMAT "/export?format=json",
                             fx->seed.student_id);
  ids = exported_ids (r);
  assert_same_ids (ids, all, 5);
  g_assert_cmpint (bel_test_profiles_reads (fx, fx->seed.counselor_id, NULL), ==, 3);

  /* The PDF: by Accept or by ?format=pdf, audited with its format. */
  export_path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/export", fx->seed.student_id);
  msg = bel_test_daemon_message (fx->daemon, "GET", export_path, fx->counselor, NULL, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/pdf");
  pdf = bel_test_daemon_send (fx->daemon, msg);
  g_assert_cmpuint (pdf->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (pdf->headers, NULL), ==, "application/pdf");
  g_assert_cmpuint (g_bytes_get_size (pdf->body), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf->body, NULL), 5, "%PDF-", 5);
  g_assert_cmpint (bel_test_profiles_sql_int (fx, "SELECT count(*) FROM audit WHERE action = 'profile.export' "
                                              "AND detail LIKE 'format=pdf;%'"), ==, 1);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->stranger, 200, "/api/v1/students/%" G_GINT64_FORMAT "/export?format=pdf",
                             fx->seed.student_id);
  g_assert_cmpmem (g_bytes_get_data (r->body, NULL), 5, "%PDF-", 5);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->outsider, 403, "/api/v1/students/%" G_GINT64_FORMAT "/export",
                             fx->seed.student_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_profiles_get (fx, fx->counselor, 400, "/api/v1/students/%" G_GINT64_FORMAT "/export?format=docx",
                             fx->seed.student_id);
}

/* The words of @pdf, as pdftotext reads them. */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  int fd = g_file_open_tmp ("belonging-export-XXXXXX.pdf", &path, &error);
  const char *argv[] = { "pdftotext", NULL, "-", NULL };
  int status = 0;

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  argv[1] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  return g_steal_pointer (&text);
}

/* A record longer than a page loses nothing at the page breaks: every
 * entry's last word is in the PDF. */
static void
test_export_pdf_keeps_every_word_across_pages (void)
{
  g_autoptr(BelTestProfiles) fx = bel_test_profiles_new ();
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *text = NULL;
  guint pages = 0;

  for (guint i = 0; i < N_LONG_ENTRIES; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);

      while (body->len < 700)
        g_string_append (body, "Stays after class to help set up the science room and asks careful questions. ");
      g_string_append_printf (body, "Lastword%u", i);
      bel_test_profiles_add_ok (fx, fx->teacher, fx->seed.student_id, "strengths", body->str, "");
    }
  r = bel_test_profiles_get (fx, fx->counselor, 200, "/api/v1/students/%" G_GINT64_FORMAT "/export?format=pdf",
                             fx->seed.student_id);
  text = pdf_text (r->body);
  for (const char *p = text; (p = strchr (p, '\f')) != NULL; p++)
    pages++;
  g_assert_cmpuint (pages, >=, 3);
  for (guint i = 0; i < N_LONG_ENTRIES; i++)
    {
      g_autofree char *word = g_strdup_printf ("Lastword%u", i);

      if (strstr (text, word) == NULL)
        g_error ("The PDF lost the end of entry %u of %u (%u pages)", i, N_LONG_ENTRIES, pages);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profiles/search/finds-only-non-sensitive-text", test_search_finds_only_non_sensitive_text);
  g_test_add_func ("/profiles/search/pages", test_search_pages);
  g_test_add_func ("/profiles/handoff/strengths-first-with-the-adults",
                   test_handoff_is_strengths_first_with_the_adults);
  g_test_add_func ("/profiles/export/exactly-the-readable-record", test_export_holds_exactly_the_readable_record);
  g_test_add_func ("/profiles/export/pdf-keeps-every-word-across-pages", test_export_pdf_keeps_every_word_across_pages);

  return g_test_run ();
}
