/* bench-board-ui.c - the app on a 2,000-student board: time to the first full frame, RSS, scrolling
 *
 * Builds the synthetic school of bench-board (2,000 students, 150 staff,
 * 12,000 marks) with `bench-board --save-database`, starts the real
 * belongingd on it, then runs the real app in this process (under
 * run-ui-test.sh: Xvfb, cairo renderer) and prints:
 *   - sign-in → first full board frame: from submitting the sign-in form to
 *     the frame clock's first "after-paint" with the grid of cards on screen;
 *   - the process's RSS with the 2,000-card board shown, and after scrolling
 *     through every card;
 *   - frame times while scrolling from the top to the bottom of the grid.
 * With BEL_BENCH_SHOT=PREFIX it also takes screenshots (ImageMagick's import)
 * of the first full board frame and of the last cards, PREFIX-first.png and
 * PREFIX-last.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "bel-application.h"
#include "bel-board-page.h"
#include "bel-window.h"

#define PASSWORD "correct horse battery"   /* bench-board's accounts (tests/server/bel-test-daemon.h) */

static gint64 painted_at;
static GArray *frame_times;

static void
spawn_daemon (const char *database, GSubprocess **daemon, char **url)
{
  g_autofree char *exe = g_build_filename (g_getenv ("BEL_BUILD_ROOT"), "server", "belongingd", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  *daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              exe, "--database", database, "--port", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (*daemon));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "belongingd: listening on "));
  *url = g_strdup (line + strlen ("belongingd: listening on "));
}

static void
make_school (const char *database)
{
  g_autofree char *exe = g_build_filename (g_getenv ("BEL_BUILD_ROOT"), "tests", "bench", "bench-board", NULL);
  const char *argv[] = { exe, "--requests", "1", "--wrk-seconds", "0", "--save-database", database, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static const char *
load_average (void)
{
  static char text[64];
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "?";
  fields = g_strsplit (contents, " ", 4);
  if (g_strv_length (fields) < 3)
    return "?";
  g_snprintf (text, sizeof text, "%s %s %s", fields[0], fields[1], fields[2]);
  return text;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static void
after_paint (GdkFrameClock *clock, gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (painted_at == 0 && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (clock), "armed")))
    painted_at = now;
  if (frame_times != NULL)
    {
      static gint64 last;
      if (last != 0)
        {
          double ms = (now - last) / 1000.0;
          g_array_append_val (frame_times, ms);
        }
      last = now;
    }
}

static void
iterate_until (gboolean (*done) (gpointer), gpointer data, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
on_board_page (gpointer window)
{
  return g_strcmp0 (bel_window_get_page_name (window), "main") == 0 ||
         g_strcmp0 (bel_window_get_page_name (window), "board") == 0;
}

static gboolean
grid_shown (gpointer page)
{
  BelBoardModel *board = bel_board_page_get_board (page);
  GtkWidget *map = GTK_WIDGET (bel_board_page_get_map (page));
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (map, BEL_TYPE_BOARD_MAP, "grid_stack"));

  return board != NULL && g_list_model_get_n_items (bel_board_model_get_students (board)) > 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "grid") == 0;
}

static gboolean
painted (gpointer data)
{
  return painted_at != 0;
}

/* The frame counts as full when the first card on the board was drawn with
 * its student's name; says how many cards the grid built for it. */
static guint
check_cards (GtkWidget *page)
{
  BelBoardMap *map = bel_board_page_get_map (BEL_BOARD_PAGE (page));
  GtkWidget *grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (map), BEL_TYPE_BOARD_MAP, "grid_view"));
  g_autoptr(BelBoardStudent) first = g_list_model_get_item (bel_board_map_get_shown (map), 0);
  BelStudentCard *card = bel_board_map_get_card (map, first);
  guint n = 0;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)) && gtk_widget_get_width (GTK_WIDGET (card)) > 0);
  g_assert_true (bel_student_card_get_student (card) == first);
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    n++;
  return n;
}

/* BEL_BENCH_SHOT=PREFIX: the screen as it is now, in PREFIX-WHEN.png */
static void
take_shot (const char *when)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", g_getenv ("BEL_BENCH_SHOT"), when);
  const char *argv[] = { "import", "-window", "root", file, NULL };
  g_autoptr(GError) error = NULL;

  if (g_getenv ("BEL_BENCH_SHOT") == NULL)
    return;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char *argv[])
{
  g_autofree char *schemas = g_build_filename (g_getenv ("BEL_BUILD_ROOT"), "schemas", NULL);
  g_autofree char *dir = g_dir_make_tmp ("bench-board-ui-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "school.db", NULL);
  g_autoptr(GSubprocess) daemon = NULL;
  g_autofree char *url = NULL;
  BelApplication *app;
  BelWindow *window;
  GtkWidget *sign_in, *page, *grid;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  const char *rows[] = { "address_row", "username_row", "password_row" };
  gint64 started;
  double cpu_started;
  long rss_shown, rss_scrolled;
  guint n;

  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  g_print ("# building the synthetic school (bench-board --save-database)…\n");
  make_school (database);
  spawn_daemon (database, &daemon, &url);

  app = bel_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (app), BEL_APP_ID ".Bench");
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = BEL_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  g_print ("# RSS before signing in: %ld MiB\n", rss_kib () / 1024);

  sign_in = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BEL_TYPE_WINDOW, "sign_in_page"));
  {
    const char *values[] = { url, "counselor", PASSWORD };
    for (guint i = 0; i < 3; i++)
      gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (sign_in, G_OBJECT_TYPE (sign_in), rows[i])),
                             values[i]);
  }

  /* sign-in → first full board frame */
  started = g_get_monotonic_time ();
  cpu_started = cpu_ms ();
  gtk_widget_activate_action (sign_in, "sign-in.submit", NULL);
  iterate_until (on_board_page, window, "the main page");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-board", NULL);
  page = bel_window_get_page (window, "board");
  g_assert_nonnull (page);
  iterate_until (grid_shown, page, "the board's cards");
  g_object_set_data (G_OBJECT (clock), "armed", GINT_TO_POINTER (TRUE));
  gtk_widget_queue_draw (GTK_WIDGET (window));
  iterate_until (painted, NULL, "the first full frame");
  n = g_list_model_get_n_items (bel_board_model_get_students (bel_board_page_get_board (BEL_BOARD_PAGE (page))));
  g_print ("students on the board: %u, cards the grid built: %u\n", n, check_cards (page));
  g_print ("sign-in -> first full board frame: %.0f ms wall, %.0f ms of the app's CPU (load average %s)\n",
           (painted_at - started) / 1000.0, cpu_ms () - cpu_started, load_average ());
  rss_shown = rss_kib ();
  take_shot ("first");
  g_print ("RSS with the board shown: %ld MiB (renderer %s)\n", rss_shown / 1024,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* Scroll through every card, a screenful at a time, and time the frames. */
  grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bel_board_page_get_map (BEL_BOARD_PAGE (page))),
                                                    BEL_TYPE_BOARD_MAP, "grid_view"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gint64 frame_start = g_get_monotonic_time ();
      guint frames = frame_times->len;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 3);
      while (frame_times->len == frames && g_get_monotonic_time () - frame_start < G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
    }
  rss_scrolled = rss_kib ();
  take_shot ("last");
  g_array_sort (frame_times, compare_double);
  if (frame_times->len > 0)
    g_print ("scrolling to the last card: %u frames, frame interval p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
             frame_times->len, g_array_index (frame_times, double, frame_times->len / 2),
             g_array_index (frame_times, double, frame_times->len * 95 / 100),
             g_array_index (frame_times, double, frame_times->len - 1));
  g_print ("RSS after scrolling through every card: %ld MiB\n", rss_scrolled / 1024);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
  g_subprocess_send_signal (daemon, SIGTERM);
  g_subprocess_wait (daemon, NULL, NULL);
  g_unlink (database);
  g_rmdir (dir);
  return 0;
}
