/* bench-board.c - the one-request board of a large school, over HTTP
 *
 * Builds a synthetic school in a temporary database through the engine
 * (--students students, --staff staff, --marks marks in one open round: about
 * 10% of students with no adult, a few personal and concern marks, some
 * advocates), starts the real belongingd on it, signs in as a counselor and
 * asks for the whole board --requests times, one after another on one
 * keep-alive connection.  It prints the daemon's own time for each request
 * (its Server-Timing header: reading the database and writing the JSON) and
 * the round trip seen by the client, as p50 / p90 / p99 / max, and the
 * requests per second.  When `wrk` is installed it also runs
 * `wrk -t2 -c8 -d<--wrk-seconds>s` against the same URL and prints its report.
 *
 *   meson test -C BUILD --benchmark --suite bench bench-board --verbose
 *   BUILD/tests/bench/bench-board --students 2000 --staff 150 --marks 12000 --requests 300
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bel-accounts.h"
#include "bel-advisories.h"
#include "bel-advocates.h"
#include "bel-bench-stats.h"
#include "bel-marks.h"
#include "bel-password.h"
#include "bel-rounds.h"
#include "bel-students.h"
#include "bel-test-daemon.h"

static int opt_students = 2000;
static int opt_staff = 150;
static int opt_marks = 12000;
static int opt_requests = 300;
static int opt_wrk_seconds = 10;
static char *opt_save = NULL;

typedef struct {
  GArray *staff;    /* gint64 account ids */
  GArray *students; /* gint64 */
  gint64  round_id;
  guint   n_marks;
} School;

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static void
add_staff (BelEngine   *engine,
           BelTestSeed *seed,
           const char  *hash,
           School      *school)
{
  g_array_append_val (school->staff, seed->leader_id);
  g_array_append_val (school->staff, seed->counselor_id);
  g_array_append_val (school->staff, seed->teacher_id);
  for (int i = school->staff->len; i < opt_staff; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *username = g_strdup_printf ("staff%03d", i);
      g_autofree char *name = g_strdup_printf ("Staff Member %03d", i);
      g_autoptr(BelAccount) account = g_object_new (BEL_TYPE_ACCOUNT, "username", username, "display-name", name,
                                                    "server-role", "none", "active", TRUE, NULL);
      g_autoptr(BelAccount) created = bel_accounts_create_with_hash (engine, bel_engine_system_actor (engine),
                                                                     account, hash, &error);
      g_autoptr(BelMembership) membership = NULL;
      g_autoptr(BelMembership) stored = NULL;
      gint64 id;

      check (error);
      id = bel_resource_get_id (created);
      membership = g_object_new (BEL_TYPE_MEMBERSHIP, "role", i % 25 == 0 ? "counselor" : "teacher",
                                 "title", "Teacher", NULL);
      stored = bel_memberships_put (engine, bel_engine_system_actor (engine), seed->school_id, id,
                                    membership, &error);
      check (error);
      g_array_append_val (school->staff, id);
    }
}

static GArray *
add_advisories (BelEngine   *engine,
                BelTestSeed *seed,
                School      *school)
{
  GArray *advisories = g_array_new (FALSE, FALSE, sizeof (gint64));
  int n = MAX (1, opt_students / 20);

  g_array_append_val (advisories, seed->advisory_id);
  g_array_append_val (advisories, seed->other_advisory_id);
  for (int i = advisories->len; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Advisory %03d", i);
      g_autoptr(BelAdvisory) advisory = g_object_new (BEL_TYPE_ADVISORY, "name", name, "advisor-id",
                                                      g_array_index (school->staff, gint64,
                                                                     i % school->staff->len), NULL);
      g_autoptr(BelAdvisory) created = bel_advisories_create (engine, bel_engine_system_actor (engine),
                                                              seed->school_id, advisory, &error);
      gint64 id;

      check (error);
      id = bel_resource_get_id (created);
      g_array_append_val (advisories, id);
    }
  return advisories;
}

static void
add_students (BelEngine   *engine,
              BelTestSeed *seed,
              GRand       *rand,
              School      *school)
{
  static const char *given[] = { "Amara", "Bao", "Chiara", "Dmitri", "Émile", "Farah", "Guo", "Hana", "Ibrahim",
                                 "Jonas", "Keanu", "Lucía", "Mateo", "Noor", "Oluwaseun", "Priya" };
  static const char *family[] = { "Nguyen", "Okafor", "Østergaard", "Patel", "Quispe", "Rossi", "Santos",
                                  "Tanaka", "Ünal", "Wójcik", "Zhang", "O'Brien", "García", "Kim" };
  static const char *el[] = { "none", "none", "none", "none", "current", "former" };
  g_autoptr(GArray) advisories = add_advisories (engine, seed, school);

  g_array_append_val (school->students, seed->student_id);
  for (int i = school->students->len; i < opt_students; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sis = g_strdup_printf ("B%06d", i);
      g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(BelStudent) student = NULL;
      g_autoptr(BelStudent) created = NULL;
      gint64 id;

      g_hash_table_insert (attributes, "gender", g_rand_boolean (rand) ? "Female" : "Male");
      student = g_object_new (BEL_TYPE_STUDENT,
                              "sis-id", sis,
                              "given-name", given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                              "family-name", family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))],
                              "grade", (gint64) g_rand_int_range (rand, 9, 13),
                              "advisory-id", g_array_index (advisories, gint64, i % advisories->len),
                              "el-status", el[g_rand_int_range (rand, 0, G_N_ELEMENTS (el))],
                              "iep", g_rand_int_range (rand, 0, 100) < 13,
                              "section-504", g_rand_int_range (rand, 0, 100) < 6,
                              "attributes", attributes,
                              "active", TRUE,
                              NULL);
      created = bel_students_create (engine, bel_engine_system_actor (engine), seed->school_id, student, &error);
      check (error);
      id = bel_resource_get_id (created);
      g_array_append_val (school->students, id);
    }
}

/* Relationship marks on 90% of the students (the rest have no adult yet),
 * plus 5% personal and 2% concern marks, until --marks marks exist. */
static void
add_marks (BelEngine *engine,
           GRand     *rand,
           School    *school)
{
  guint connected = MAX (1, school->students->len * 9 / 10);
  guint target = (guint) opt_marks;
  guint attempts = 0;

  while (school->n_marks < target && attempts++ < target * 4)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BelMark) mark = NULL;
      guint r = g_rand_int_range (rand, 0, 100);
      const char *kind = r < 93 ? "relationship" : r < 98 ? "personal" : "concern";
      gint64 student = g_array_index (school->students, gint64, g_rand_int_range (rand, 0, connected));
      gint64 staff = g_array_index (school->staff, gint64, g_rand_int_range (rand, 0, school->staff->len));
      gboolean created = FALSE;

      mark = bel_marks_put (engine, bel_engine_system_actor (engine), school->round_id, student, staff, kind,
                            &created, &error);
      check (error);
      if (created)
        school->n_marks++;
    }
}

static void
add_advocates (BelEngine *engine,
               GRand     *rand,
               School    *school)
{
  /* A counselor assigned an advocate to half of the unconnected students. */
  for (guint i = school->students->len * 9 / 10; i < school->students->len; i += 2)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BelAdvocate) advocate = g_object_new (BEL_TYPE_ADVOCATE,
                                                      "account-id", g_array_index (school->staff, gint64,
                                                                                   g_rand_int_range (rand, 0, school->staff->len)),
                                                      "follow-up-on", "2027-02-01", NULL);
      g_autoptr(BelAdvocate) created = bel_advocates_create (engine, bel_engine_system_actor (engine),
                                                             g_array_index (school->students, gint64, i),
                                                             advocate, &error);
      check (error);
    }
}

static void
build_school (BelTestDaemon *d,
              School        *school)
{
  BelTestSeed seed;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20262027);
  g_autoptr(BelRound) round = g_object_new (BEL_TYPE_ROUND, "name", "Benchmark map", "status", "open", NULL);
  g_autoptr(BelRound) created = NULL;
  g_autofree char *hash = NULL;

  bel_test_daemon_seed (d, &seed);
  engine = bel_test_daemon_open_engine (d);
  hash = bel_password_hash ("bench-password-unused", &error);
  check (error);
  tx = bel_engine_begin (engine, &error);
  check (error);
  add_staff (engine, &seed, hash, school);
  add_students (engine, &seed, rand, school);
  created = bel_rounds_create (engine, bel_engine_system_actor (engine), seed.school_id, round, &error);
  check (error);
  school->round_id = bel_resource_get_id (created);
  add_marks (engine, rand, school);
  add_advocates (engine, rand, school);
  bel_transaction_commit (tx, &error);
  check (error);
}

static void
print_times (const char *what,
             GArray     *ms)
{
  bel_bench_sort (ms);
  printf ("%-44s p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", what,
          bel_bench_percentile (ms, 50), bel_bench_percentile (ms, 90), bel_bench_percentile (ms, 99),
          g_array_index (ms, double, ms->len - 1));
}

static void
measure (BelTestDaemon *d,
         const char    *token,
         const char    *path,
         const char    *label,
         int            requests)
{
  g_autoptr(GArray) server = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) round_trip = g_array_new (FALSE, FALSE, sizeof (double));
  gsize size = 0;
  gint64 started;
  double seconds;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(SoupMessage) msg = bel_test_daemon_message (d, "GET", path, token, NULL, NULL);
      g_autoptr(GBytes) body = soup_session_send_and_read (d->session, msg, NULL, NULL);

      if (soup_message_get_status (msg) != 200)
        g_error ("GET %s: %u", path, soup_message_get_status (msg));
    }
  started = g_get_monotonic_time ();
  for (int i = 0; i < requests; i++)
    {
      g_autoptr(SoupMessage) msg = bel_test_daemon_message (d, "GET", path, token, NULL, NULL);
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GBytes) body = soup_session_send_and_read (d->session, msg, NULL, NULL);
      double rt = (g_get_monotonic_time () - t0) / 1000.0;
      double st, ct;

      if (soup_message_get_status (msg) != 200 || body == NULL)
        g_error ("GET %s: %u", path, soup_message_get_status (msg));
      st = bel_bench_server_timing (msg, "app");
      ct = bel_bench_server_timing (msg, "cpu");
      g_array_append_val (cpu, ct);
      size = g_bytes_get_size (body);
      g_array_append_val (server, st);
      g_array_append_val (round_trip, rt);
    }
  seconds = (g_get_monotonic_time () - started) / 1e6;
  printf ("\n%s: %d requests, %zu bytes each\n", label, requests, size);
  print_times ("  server time (Server-Timing app)", server);
  print_times ("  server CPU time (Server-Timing cpu)", cpu);
  print_times ("  round trip at the client", round_trip);
  printf ("  %-42s %.1f\n", "requests/s, one connection, sequential", requests / seconds);
}

/* wrk's report, when wrk is installed; the token goes to wrk only, never to the output. */
static void
run_wrk (BelTestDaemon *d,
         const char    *token,
         const char    *path)
{
  g_autofree char *wrk = g_find_program_in_path ("wrk");
  g_autofree char *header = NULL;
  g_autofree char *url = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (wrk == NULL)
    {
      printf ("\nwrk is not installed (apt-get install wrk): skipping its requests/s\n");
      return;
    }
  header = g_strdup_printf ("Authorization: Bearer %s", token);
  url = g_strconcat (d->url, path, NULL);
  duration = g_strdup_printf ("%ds", opt_wrk_seconds);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                              wrk, "-t2", "-c8", "-d", duration, "--latency", "-H", header, url, NULL);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    {
      printf ("\nwrk failed: %s\n", error->message);
      return;
    }
  printf ("\nwrk -t2 -c8 -d%s --latency (board request):\n%s", duration, out);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "students", 0, 0, G_OPTION_ARG_INT, &opt_students, "Students (2000)", "N" },
    { "staff", 0, 0, G_OPTION_ARG_INT, &opt_staff, "Staff (150)", "N" },
    { "marks", 0, 0, G_OPTION_ARG_INT, &opt_marks, "Marks in the round (12000)", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &opt_requests, "Board requests to time (300)", "N" },
    { "wrk-seconds", 0, 0, G_OPTION_ARG_INT, &opt_wrk_seconds, "How long wrk runs, 0 for not at all (10)", "S" },
    { "save-database", 0, 0, G_OPTION_ARG_FILENAME, &opt_save, "Also copy the school's database to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the board request of a large school");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelTestDaemon) d = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autofree char *filtered = NULL;
  School school = { 0 };
  gint64 started;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_students = CLAMP (opt_students, 10, 20000);
  opt_staff = CLAMP (opt_staff, 3, 1000);
  opt_requests = CLAMP (opt_requests, 1, 100000);

  school.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  school.students = g_array_new (FALSE, FALSE, sizeof (gint64));
  d = bel_test_daemon_new ();
  started = g_get_monotonic_time ();
  build_school (d, &school);
  printf ("school: %u students, %u staff, %u marks in one open round (built in %.1f s)\n",
          school.students->len, school.staff->len, school.n_marks,
          (g_get_monotonic_time () - started) / 1e6);

  if (opt_save != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (d->db_path);
      g_autoptr(GFile) to = g_file_new_for_path (opt_save);

      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, "counselor", BEL_TEST_PASSWORD);
  path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", school.round_id);
  filtered = g_strdup_printf ("%s?connection=none", path);
  measure (d, token, path, "GET board (every student)", opt_requests);
  measure (d, token, filtered, "GET board?connection=none", MAX (1, opt_requests / 3));
  if (opt_wrk_seconds > 0)
    run_wrk (d, token, path);

  g_array_unref (school.staff);
  g_array_unref (school.students);
  return 0;
}
