/* test-server-students.c - searching, filtering and paging the student list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include "bel-students.h"

#define N_EXTRA 60

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  char          *token;
  char          *path;
} Fixture;

static const char *given_names[] = { "Amara", "Bao", "Chiara", "Dmitri", "Émile", "Farah", "Guo", "Hana",
                                     "Ibrahim", "Jonas" };
static const char *family_names[] = { "Nguyen", "Okafor", "Østergaard", "Patel", "Quispe", "Rossi",
                                      "Santos", "Tanaka", "Ünal", "Wójcik", "Zhang", "O'Brien" };

static void
add_student (BelEngine   *engine,
             BelTestSeed *seed,
             guint        i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sis = g_strdup_printf ("X-%03u", i);
  g_autoptr(BelStudent) s = g_object_new (BEL_TYPE_STUDENT,
                                          "sis-id", sis,
                                          "given-name", given_names[i % G_N_ELEMENTS (given_names)],
                                          "family-name", family_names[i % G_N_ELEMENTS (family_names)],
                                          "preferred-name", i == 7 ? "Kiki" : NULL,
                                          "grade", (gint64) (9 + i % 4),
                                          "advisory-id", i % 3 == 0 ? seed->other_advisory_id : (gint64) 0,
                                          "active", i % 10 != 9,
                                          NULL);
  g_autoptr(BelStudent) created = bel_students_create (engine, bel_engine_system_actor (engine),
                                                       seed->school_id, s, &error);
  g_assert_no_error (error);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  {
    g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (f->d);
    g_autoptr(GError) error = NULL;
    g_autoptr(BelTransaction) tx = bel_engine_begin (engine, &error);

    for (guint i = 0; i < N_EXTRA; i++)
      add_student (engine, &f->seed, i);
    bel_transaction_commit (tx, &error);
    g_assert_no_error (error);
  }
  bel_test_daemon_start (f->d);
  f->token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  f->path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students", f->seed.school_id);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
  g_free (f->token);
  g_free (f->path);
}

static BelTestResponse *
list (Fixture    *f,
      const char *query)
{
  g_autofree char *path = g_strconcat (f->path, query ? "?" : "", query, NULL);

  return bel_test_daemon_request (f->d, "GET", path, f->token, NULL, NULL);
}

static gint64
total_for (Fixture    *f,
           const char *query)
{
  g_autoptr(BelTestResponse) r = list (f, query);

  g_assert_cmpuint (r->status, ==, 200);
  return bel_test_response_int (r, "total");
}

/* How many seeded students satisfy @pred (José Álvarez included as index -1). */
static gint64
expected (gboolean (*pred) (guint i))
{
  gint64 n = 0;

  for (guint i = 0; i < N_EXTRA; i++)
    n += pred (i) ? 1 : 0;
  return n;
}

static gboolean is_active (guint i) { return i % 10 != 9; }
static gboolean is_inactive (guint i) { return i % 10 == 9; }
static gboolean active_grade_10 (guint i) { return is_active (i) && 9 + i % 4 == 10; }
static gboolean active_in_herons (guint i) { return is_active (i) && i % 3 == 0; }
static gboolean active_nguyen (guint i) { return is_active (i) && i % G_N_ELEMENTS (family_names) == 0; }
static gboolean active_ostergaard (guint i) { return is_active (i) && i % G_N_ELEMENTS (family_names) == 2; }
static gboolean active_emile_unal (guint i)
{
  return is_active (i) && i % G_N_ELEMENTS (given_names) == 4 && i % G_N_ELEMENTS (family_names) == 8;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BelTestResponse) jose = list (f, "q=jose");
  JsonArray *items;

  g_assert_cmpuint (jose->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (jose), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "given_name"),
                   ==, "José");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "advisory_name"),
                   ==, "Falcons");

  /* Prefixes, any case, any accents, several words, the SIS id */
  g_assert_cmpint (total_for (f, "q=Jos"), ==, 1);
  g_assert_cmpint (total_for (f, "q=%C3%81LV"), ==, 1);        /* "ÁLV" */
  g_assert_cmpint (total_for (f, "q=alvarez%20jo"), ==, 1);
  g_assert_cmpint (total_for (f, "q=s-1001"), ==, 1);
  g_assert_cmpint (total_for (f, "q=1001"), ==, 1);
  g_assert_cmpint (total_for (f, "q=lvarez"), ==, 0);          /* not a prefix */
  g_assert_cmpint (total_for (f, "q=jose%20nguyen"), ==, 0);   /* every word must match */
  g_assert_cmpint (total_for (f, "q=nguy"), ==, expected (active_nguyen));
  g_assert_cmpint (total_for (f, "q=ostergaard"), ==, expected (active_ostergaard));
  g_assert_cmpint (total_for (f, "q=%C3%98ster"), ==, expected (active_ostergaard)); /* "Øster" */
  g_assert_cmpint (total_for (f, "q=emile%20unal"), ==, expected (active_emile_unal));
  g_assert_cmpint (total_for (f, "q=kiki"), ==, 1);            /* preferred name */
  g_assert_cmpint (total_for (f, "q=o%27brien"), >, 0);
  /* Only letters and digits count: LIKE wildcards match nothing by themselves */
  g_assert_cmpint (total_for (f, "q=%25"), ==, total_for (f, NULL));
  g_assert_cmpint (total_for (f, "q=jo_"), ==, total_for (f, "q=jo"));
  g_assert_cmpint (total_for (f, "q=j%25z"), ==, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *herons = g_strdup_printf ("advisory=%" G_GINT64_FORMAT, f->seed.other_advisory_id);
  g_autofree char *falcons = g_strdup_printf ("advisory=%" G_GINT64_FORMAT, f->seed.advisory_id);

  g_assert_cmpint (total_for (f, NULL), ==, expected (is_active) + 1);
  g_assert_cmpint (total_for (f, "active=false"), ==, expected (is_inactive));
  g_assert_cmpint (total_for (f, "grade=10"), ==, expected (active_grade_10));
  g_assert_cmpint (total_for (f, "grade=9&q=jose"), ==, 1);
  g_assert_cmpint (total_for (f, herons), ==, expected (active_in_herons));
  g_assert_cmpint (total_for (f, falcons), ==, 1);
}

static void
test_bad_parameters (Fixture       *f,
                     gconstpointer  data)
{
  const char *queries[] = { "limit=0", "limit=1001", "limit=ten", "grade=14", "grade=x",
                            "advisory=-3", "active=maybe", "cursor=bm90IGEgY3Vyc29y", "cursor=%25%25", "cursor=WzFd" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(BelTestResponse) r = list (f, queries[i]);
      g_test_message ("?%s", queries[i]);
      bel_test_assert_problem (r, 400);
    }
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  g_autofree char *last_key = NULL;
  gint64 total = -1;
  guint pages = 0;

  do
    {
      g_autofree char *escaped = cursor ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
      g_autofree char *query = cursor ? g_strdup_printf ("limit=7&active=true&cursor=%s", escaped)
                                      : g_strdup ("limit=7");
      g_autoptr(BelTestResponse) r = list (f, query);
      JsonObject *page;
      JsonArray *items;

      g_assert_cmpuint (r->status, ==, 200);
      page = bel_test_response_object (r);
      items = json_object_get_array_member (page, "items");
      if (total < 0)
        total = json_object_get_int_member (page, "total");
      g_assert_cmpint (json_object_get_int_member (page, "total"), ==, total);
      g_assert_cmpuint (json_array_get_length (items), <=, 7);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *s = json_array_get_object_element (items, i);
          gint64 *id = g_new (gint64, 1);
          g_autofree char *family = g_utf8_casefold (json_object_get_string_member (s, "family_name"), -1);

          *id = json_object_get_int_member (s, "id");
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          g_ptr_array_add (ids, id);
          /* Ordered by family name (compared loosely here: ASCII names only) */
          if (g_str_is_ascii (family) && last_key != NULL && g_str_is_ascii (last_key))
            g_assert_cmpint (g_strcmp0 (last_key, family), <=, 0);
          if (g_str_is_ascii (family))
            {
              g_free (last_key);
              last_key = g_steal_pointer (&family);
            }
        }
      g_free (cursor);
      cursor = json_object_get_null_member (page, "next_cursor") ? NULL
               : g_strdup (json_object_get_string_member (page, "next_cursor"));
      pages++;
    }
  while (cursor != NULL && pages < 100);

  g_assert_null (cursor);
  g_assert_cmpint (total, ==, expected (is_active) + 1);
  g_assert_cmpuint (g_hash_table_size (seen), ==, (guint) total);
  g_assert_cmpuint (pages, ==, (guint) ((total + 6) / 7));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/students/search-prefix-case-and-accents", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/server/students/filters", Fixture, NULL, setup, test_filters, teardown);
  g_test_add ("/server/students/bad-parameters-are-400", Fixture, NULL, setup, test_bad_parameters, teardown);
  g_test_add ("/server/students/cursor-paging-covers-every-row-once", Fixture, NULL, setup,
              test_paging, teardown);

  return g_test_run ();
}
