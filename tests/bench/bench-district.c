/* bench-district.c - a district on one server: roster import, every school's
 * board, and marks travelling between two daemons (issue #11)
 *
 * 1. Writes a synthetic district as a OneRoster 1.1 CSV set (bel-bench-roster.c:
 *    --schools schools, --students students and --staff staff over them, a few
 *    district staff in every school, --classes-per-student enrollments each)
 *    and times `belongingctl import oneroster` on an empty database, the way
 *    IT imports a district (docs/admin.md); gives the district counselor a
 *    password with `belongingctl account reset-password`.
 * 2. Through the engine (bel_marks_put, as bench-board does): an open round
 *    per school with about --marks-per-student marks per student (10% of the
 *    students with no adult, half of those with an advocate).
 * 3. Starts the real belongingd, signs in as the district counselor (a member
 *    of every school) and asks for each school's whole board --requests times;
 *    prints p50 / p99 per school (the daemon's Server-Timing and the round
 *    trip) as min / median / max over the schools, and with --verbose a row
 *    per school.
 * 4. On PostgreSQL only: a second belongingd on the same database; a
 *    WebSocket subscriber of the first school at each daemon; --propagation
 *    marks placed and removed through daemon B over HTTP, one after another;
 *    the time from B's HTTP acknowledgement to the event's arrival at A (and,
 *    for comparison, at B), p50 / p99 / max.
 *
 * SQLite by default; `--postgresql URL` takes the admin URL of a cluster
 * (`tools/pg-cluster start /tmp/pg-NAME PORT`) and makes a database there.
 * Every figure is printed with the database and /proc/loadavg.
 *
 *   meson test -C BUILD --benchmark --suite bench bench-district --verbose
 *   BUILD/tests/bench/bench-district                     # 50 schools, 100,000 students, 5,000 staff
 *   BUILD/tests/bench/bench-district --schools 2 --students 200 --staff 20 --requests 20
 *   BUILD/tests/bench/bench-district --postgresql "$(tools/pg-cluster start /tmp/pg-bench 5442)"
 *
 * A small run (the second line) takes well under a minute on either database.
 * --keep-database leaves the district's database behind and says where;
 * --existing-database LOCATION measures such a database again (boards,
 * propagation) without importing or marking, leaving out the schools with no
 * open round (those an earlier run that was stopped did not reach).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bel-advocates.h"
#include "bel-bench-propagation.h"
#include "bel-bench-roster.h"
#include "bel-bench-stats.h"
#include "bel-marks.h"
#include "bel-rounds.h"
#include "bel-schools.h"
#include "bel-students.h"
#include "bel-test-it.h"
#include "bel-test-ws.h"

static int opt_schools = 50;
static int opt_students = 100000;
static int opt_staff = 5000;
static int opt_classes = 4;
static int opt_marks = 6;
static int opt_requests = 100;
static int opt_propagation = 300;
static char *opt_postgresql = NULL;
static char *opt_existing = NULL;
static gboolean opt_keep = FALSE;
static gboolean opt_verbose = FALSE;

typedef struct {
  gint64  id;
  char   *name;
  GArray *staff;       /* gint64 account ids */
  GArray *students;    /* gint64, in the order they were listed */
  GArray *unconnected; /* gint64: students with no mark */
  gint64  round_id;
  guint   n_marks;
  double  server_p50, server_p99, cpu_p50, cpu_p99, trip_p50, trip_p99;
  gsize   bytes;
} School;

typedef struct {
  BelTestDaemon *d;
  const char    *database;   /* "SQLite" or "PostgreSQL" */
  GPtrArray     *schools;    /* School */
  gint64         counselor_id;
} District;

/* Run directly (not by meson test): belongingd and belongingctl of the build
 * tree this program is in, BUILD/tests/bench/bench-district. */
static void
find_build_root (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bench = NULL;
  g_autofree char *tests = NULL;
  g_autofree char *root = NULL;

  if (g_getenv ("BEL_BUILD_ROOT") != NULL || self == NULL)
    return;
  bench = g_path_get_dirname (self);
  tests = g_path_get_dirname (bench);
  root = g_path_get_dirname (tests);
  g_setenv ("BEL_BUILD_ROOT", root, TRUE);
}

static void
school_free (School *school)
{
  g_free (school->name);
  g_array_unref (school->staff);
  g_array_unref (school->students);
  g_array_unref (school->unconnected);
  g_free (school);
}

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static void
import_roster (District *district)
{
  BelBenchRosterSize size = { opt_schools, opt_students, opt_staff, opt_classes };
  BelBenchRosterStats stats;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("belonging-district-XXXXXX", &error);
  g_autofree char *password = NULL;
  g_autoptr(BelTestCtl) result = NULL;
  g_autoptr(BelTestCtl) reset = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 started;
  double seconds;
  guint records;

  check (error);
  started = g_get_monotonic_time ();
  bel_bench_roster_write (dir, &size, &stats);
  printf ("OneRoster set: %u students, %u staff (%u in every school), %u classes, %u enrollments: "
          "%u CSV rows, %.1f MB (written in %.1f s)\n", stats.students, stats.staff, stats.district_staff,
          stats.classes, stats.enrollments, stats.rows, stats.bytes / 1e6,
          (g_get_monotonic_time () - started) / 1e6);
  fflush (stdout);

  started = g_get_monotonic_time ();
  result = bel_test_it_ctl (district->d, 0, "import", "oneroster", dir, NULL);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  records = stats.students + stats.staff + stats.classes + stats.enrollments;
  lines = g_strsplit (result->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      printf ("  | %s\n", lines[i]);
  printf ("import (%s, belongingctl import oneroster): %.1f s, %.0f CSV rows/s, %.0f people/s "
          "(students and staff), %.0f records/s (people, classes, enrollments); %s\n",
          district->database, seconds, stats.rows / seconds, (stats.students + stats.staff) / seconds,
          records / seconds, bel_bench_load ());
  fflush (stdout);

  password = g_build_filename (dir, "password", NULL);
  if (!g_file_set_contents (password, BEL_TEST_PASSWORD "\n", -1, &error))
    check (error);
  reset = bel_test_it_ctl (district->d, 0, "account", "reset-password", BEL_BENCH_ROSTER_DISTRICT_COUNSELOR,
                           "--password-file", password, NULL);
  bel_bench_remove_tree (dir);
}

static GArray *
list_students (BelEngine *engine,
               gint64     school_id)
{
  GArray *students = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *cursor = NULL;

  do
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BelStudentPage) page = NULL;
      BelStudentQuery query;

      bel_student_query_init (&query);
      query.limit = BEL_STUDENT_QUERY_LIMIT_MAX;
      query.cursor = cursor;
      page = bel_students_list (engine, bel_engine_system_actor (engine), school_id, &query, &error);
      check (error);
      for (guint i = 0; i < page->items->len; i++)
        {
          gint64 id = bel_resource_get_id (g_ptr_array_index (page->items, i));
          g_array_append_val (students, id);
        }
      g_free (cursor);
      cursor = g_steal_pointer (&page->next_cursor);
    }
  while (cursor != NULL);
  return students;
}

static School *
load_school (BelEngine *engine,
             District  *district,
             BelSchool *row)
{
  School *school = g_new0 (School, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  school->id = bel_resource_get_id (row);
  school->name = g_strdup (bel_resource_get_string (row, "name"));
  school->staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  school->unconnected = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff = bel_schools_list_staff (engine, bel_engine_system_actor (engine), school->id, &error);
  check (error);
  for (guint i = 0; i < staff->len; i++)
    {
      gint64 id = bel_resource_get_int (g_ptr_array_index (staff, i), "account-id");

      g_array_append_val (school->staff, id);
      if (g_strcmp0 (bel_resource_get_string (g_ptr_array_index (staff, i), "username"),
                     BEL_BENCH_ROSTER_DISTRICT_COUNSELOR) == 0)
        district->counselor_id = id;
    }
  school->students = list_students (engine, school->id);
  if (school->staff->len == 0 || school->students->len < 10)
    g_error ("%s has %u staff and %u students: too few", school->name, school->staff->len,
             school->students->len);
  return school;
}

/* Relationship marks on 90% of the students (the rest have no adult yet),
 * plus 5% personal and 2% concern marks; an advocate for half of the others. */
static void
mark_school (BelEngine *engine,
             GRand     *rand,
             School    *school)
{
  BelAccount *system = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) round = g_object_new (BEL_TYPE_ROUND, "name", "Fall map", "status", "open", NULL);
  g_autoptr(BelRound) created = bel_rounds_create (engine, system, school->id, round, &error);
  guint connected = school->students->len * 9 / 10;
  guint target = (guint) opt_marks * school->students->len;

  check (error);
  school->round_id = bel_resource_get_id (created);
  for (guint attempts = 0; school->n_marks < target && attempts < target * 4; attempts++)
    {
      g_autoptr(BelMark) mark = NULL;
      guint r = g_rand_int_range (rand, 0, 100);
      const char *kind = r < 93 ? "relationship" : r < 98 ? "personal" : "concern";
      gint64 student = g_array_index (school->students, gint64, g_rand_int_range (rand, 0, connected));
      gint64 staff = g_array_index (school->staff, gint64, g_rand_int_range (rand, 0, school->staff->len));
      gboolean is_new = FALSE;

      mark = bel_marks_put (engine, system, school->round_id, student, staff, kind, &is_new, &error);
      check (error);
      school->n_marks += is_new ? 1 : 0;
    }
  for (guint i = connected; i < school->students->len; i++)
    {
      gint64 student = g_array_index (school->students, gint64, i);

      g_array_append_val (school->unconnected, student);
      if ((i - connected) % 2 == 0)
        {
          gint64 staff = g_array_index (school->staff, gint64, g_rand_int_range (rand, 0, school->staff->len));
          g_autoptr(BelAdvocate) advocate = g_object_new (BEL_TYPE_ADVOCATE, "account-id", staff,
                                                          "follow-up-on", "2027-02-01", NULL);
          g_autoptr(BelAdvocate) stored = bel_advocates_create (engine, system, student, advocate, &error);

          check (error);
        }
    }
}

/* --existing-database: the school's open round, made by an earlier run; its
 * unconnected students are the last tenth of the list, as mark_school left
 * them. FALSE when the run stopped before this school. */
static gboolean
find_round (BelEngine *engine,
            School    *school)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = bel_rounds_list (engine, bel_engine_system_actor (engine), school->id, &error);

  check (error);
  for (guint i = 0; i < rounds->len; i++)
    if (g_strcmp0 (bel_resource_get_string (g_ptr_array_index (rounds, i), "status"), "open") == 0)
      {
        school->round_id = bel_resource_get_id (g_ptr_array_index (rounds, i));
        for (guint s = school->students->len * 9 / 10; s < school->students->len; s++)
          g_array_append_val (school->unconnected, g_array_index (school->students, gint64, s));
        return TRUE;
      }
  return FALSE;
}

static void
make_rounds (District *district)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (district->d);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20262027);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bel_schools_list (engine, bel_engine_system_actor (engine), &error);
  gint64 started = g_get_monotonic_time ();
  guint marks = 0;
  double seconds;

  check (error);
  district->schools = g_ptr_array_new_with_free_func ((GDestroyNotify) school_free);
  for (guint i = 0; i < rows->len; i++)
    {
      School *school = load_school (engine, district, g_ptr_array_index (rows, i));
      g_autoptr(BelTransaction) tx = NULL;

      if (opt_existing != NULL)
        {
          if (find_round (engine, school))
            g_ptr_array_add (district->schools, school);
          else
            school_free (school);
          continue;
        }
      tx = bel_engine_begin (engine, &error);
      check (error);
      mark_school (engine, rand, school);
      bel_transaction_commit (tx, &error);
      check (error);
      marks += school->n_marks;
      g_ptr_array_add (district->schools, school);
    }
  if (district->counselor_id == 0 || district->schools->len == 0)
    g_error ("the district counselor is in no school, or no school has an open round");
  if (opt_existing != NULL)
    {
      printf ("existing district database: %u of %u schools have an open round; %s\n", district->schools->len,
              rows->len, bel_bench_load ());
      return;
    }
  seconds = (g_get_monotonic_time () - started) / 1e6;
  printf ("marks (%s, through the engine: bel_marks_put, one transaction per school): %u schools, "
          "%u marks in %.1f s (%.0f marks/s); %s\n", district->database, district->schools->len, marks,
          seconds, marks / seconds, bel_bench_load ());
  fflush (stdout);
}

static void
time_board (District   *district,
            const char *token,
            School     *school)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", school->round_id);
  g_autoptr(GArray) server = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) trip = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = -2; i < opt_requests; i++) /* two to warm up */
    {
      g_autoptr(SoupMessage) msg = bel_test_daemon_message (district->d, "GET", path, token, NULL, NULL);
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GBytes) body = soup_session_send_and_read (district->d->session, msg, NULL, NULL);
      double rt = (g_get_monotonic_time () - t0) / 1000.0;
      double st, ct;

      if (soup_message_get_status (msg) != 200 || body == NULL)
        g_error ("GET %s: %u", path, soup_message_get_status (msg));
      if (i < 0)
        continue;
      st = bel_bench_server_timing (msg, "app");
      ct = bel_bench_server_timing (msg, "cpu");
      g_array_append_val (server, st);
      g_array_append_val (cpu, ct);
      g_array_append_val (trip, rt);
      school->bytes = g_bytes_get_size (body);
    }
  bel_bench_sort (server);
  bel_bench_sort (cpu);
  bel_bench_sort (trip);
  school->server_p50 = bel_bench_percentile (server, 50);
  school->server_p99 = bel_bench_percentile (server, 99);
  school->cpu_p50 = bel_bench_percentile (cpu, 50);
  school->cpu_p99 = bel_bench_percentile (cpu, 99);
  school->trip_p50 = bel_bench_percentile (trip, 50);
  school->trip_p99 = bel_bench_percentile (trip, 99);
}

static void
print_spread (const char *what,
              GPtrArray  *schools,
              gsize       offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < schools->len; i++)
    g_array_append_val (values, G_STRUCT_MEMBER (double, g_ptr_array_index (schools, i), offset));
  bel_bench_sort (values);
  printf ("  %-36s min %7.2f   median %7.2f   max %7.2f ms\n", what, g_array_index (values, double, 0),
          bel_bench_percentile (values, 50), g_array_index (values, double, values->len - 1));
}

static void
measure_boards (District   *district,
                const char *token)
{
  GPtrArray *schools = district->schools;
  g_autofree char *load_before = g_strdup (bel_bench_load ());
  gint64 started = g_get_monotonic_time ();
  gsize bytes = 0;

  for (guint i = 0; i < schools->len; i++)
    {
      time_board (district, token, g_ptr_array_index (schools, i));
      bytes += ((School *) g_ptr_array_index (schools, i))->bytes;
    }
  printf ("\nboard requests (%s): %u schools x %d requests, one after another on one connection, "
          "as the district counselor (%.1f s; %zu KB per board on average)\n", district->database,
          schools->len, opt_requests, (g_get_monotonic_time () - started) / 1e6, bytes / schools->len / 1024);
  printf ("  before: %s; after: %s\n", load_before, bel_bench_load ());
  printf ("  over the schools' own figures:\n");
  print_spread ("server time (Server-Timing app) p50", schools, G_STRUCT_OFFSET (School, server_p50));
  print_spread ("server time (Server-Timing app) p99", schools, G_STRUCT_OFFSET (School, server_p99));
  print_spread ("server CPU (Server-Timing cpu) p50", schools, G_STRUCT_OFFSET (School, cpu_p50));
  print_spread ("server CPU (Server-Timing cpu) p99", schools, G_STRUCT_OFFSET (School, cpu_p99));
  print_spread ("round trip at the client p50", schools, G_STRUCT_OFFSET (School, trip_p50));
  print_spread ("round trip at the client p99", schools, G_STRUCT_OFFSET (School, trip_p99));
  if (!opt_verbose)
    return;
  printf ("\n  %-22s %8s %8s %8s | %-17s | %-17s | %-17s\n", "school", "students", "marks", "KB",
          "server p50 / p99", "CPU p50 / p99", "trip p50 / p99");
  for (guint i = 0; i < schools->len; i++)
    {
      School *school = g_ptr_array_index (schools, i);

      g_autofree char *marks = school->n_marks ? g_strdup_printf ("%u", school->n_marks) : g_strdup ("?");

      printf ("  %-22s %8u %8s %8zu | %7.2f / %7.2f | %7.2f / %7.2f | %7.2f / %7.2f\n", school->name,
              school->students->len, marks, school->bytes / 1024, school->server_p50, school->server_p99,
              school->cpu_p50, school->cpu_p99, school->trip_p50, school->trip_p99);
    }
}

/* The daemon stopped, the database is left where --existing-database finds it. */
static void
keep_database (BelTestDaemon *d)
{
  g_autofree char *kept = NULL;

  bel_test_daemon_stop (d);
  if (d->pg_database != NULL)
    {
      g_clear_pointer (&d->pg_database, g_free);
      kept = g_strdup (d->db_path);
    }
  else
    {
      kept = g_strdup_printf ("%s/belonging-district-%d.db", g_get_tmp_dir (), (int) getpid ());
      if (g_rename (d->db_path, kept) != 0)
        g_error ("%s: %s", kept, g_strerror (errno));
    }
  printf ("\nkept the database: --existing-database '%s'\n", kept);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "schools", 0, 0, G_OPTION_ARG_INT, &opt_schools, "Schools (50)", "N" },
    { "students", 0, 0, G_OPTION_ARG_INT, &opt_students, "Students over the district (100000)", "N" },
    { "staff", 0, 0, G_OPTION_ARG_INT, &opt_staff, "Staff over the district (5000)", "N" },
    { "classes-per-student", 0, 0, G_OPTION_ARG_INT, &opt_classes, "Class enrollments per student (4)", "N" },
    { "marks-per-student", 0, 0, G_OPTION_ARG_INT, &opt_marks, "Marks per student in each round (6)", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &opt_requests, "Board requests per school (100)", "N" },
    { "propagation", 0, 0, G_OPTION_ARG_INT, &opt_propagation,
      "Marks placed or removed through daemon B (300; PostgreSQL only)", "N" },
    { "postgresql", 0, 0, G_OPTION_ARG_STRING, &opt_postgresql,
      "Run on PostgreSQL: the admin URL of a cluster (tools/pg-cluster start)", "URL" },
    { "existing-database", 0, 0, G_OPTION_ARG_STRING, &opt_existing,
      "Measure a district an earlier run kept (a file, or a database of the --postgresql cluster): no import, "
      "no marks; schools without an open round are left out", "LOCATION" },
    { "keep-database", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the district's database and say where", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Also print a row per school", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- a district: roster import, boards, two daemons");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  District district = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-district: %s\n", error->message);
      return 2;
    }
  if (opt_schools < 1 || opt_schools > 99 || opt_students < 10 * opt_schools || opt_staff < 4 * opt_schools + 1 ||
      opt_classes < 0 || opt_classes > 8 || opt_marks < 1 || opt_requests < 1 || opt_propagation < 2)
    {
      g_printerr ("bench-district: 1 to 99 schools, at least 10 students and 4 staff per school, "
                  "0 to 8 classes per student, at least one mark per student and one request\n");
      return 2;
    }
  find_build_root ();
  /* the test fixture makes (and drops) a database of its own in that cluster */
  if (opt_postgresql != NULL)
    g_setenv ("BEL_TEST_POSTGRESQL", opt_postgresql, TRUE);
  else
    g_unsetenv ("BEL_TEST_POSTGRESQL");
  district.database = opt_postgresql != NULL ? "PostgreSQL" : "SQLite";
  district.d = bel_test_daemon_new ();
  printf ("bench-district on %s: %d schools, %d students, %d staff; %s\n", district.database, opt_schools,
          opt_students, opt_staff, bel_bench_load ());

  if (opt_existing != NULL)
    {
      g_free (district.d->db_path);
      district.d->db_path = g_strdup (opt_existing);
    }
  else
    import_roster (&district);
  make_rounds (&district);
  bel_test_daemon_start (district.d);
  token = bel_test_daemon_sign_in (district.d, BEL_BENCH_ROSTER_DISTRICT_COUNSELOR, BEL_TEST_PASSWORD);
  measure_boards (&district, token);
  if (opt_postgresql != NULL)
    bel_bench_propagation (district.d, token, district.counselor_id,
                           ((School *) g_ptr_array_index (district.schools, 0))->id,
                           ((School *) g_ptr_array_index (district.schools, 0))->round_id,
                           ((School *) g_ptr_array_index (district.schools, 0))->unconnected, opt_propagation);
  else
    printf ("\nmark propagation between two daemons: PostgreSQL only (--postgresql URL)\n");

  g_ptr_array_unref (district.schools);
  if (opt_keep && opt_existing == NULL)
    keep_database (district.d);
  bel_test_daemon_free (district.d);
  return 0;
}
