/* test-ui-district.c - two app windows on two daemons that share one PostgreSQL
 *
 * A district runs several belongingd behind one address (docs/admin.md §10).
 * Here a counselor's window talks to daemon A and a teacher's to daemon B,
 * both on one PostgreSQL database: a check the teacher places on the board
 * appears on the counselor's board live, and the counselor's check for a
 * colleague appears on the teacher's.  PostgreSQL only (BEL_TEST_POSTGRESQL:
 * tools/test runs it so); skipped on SQLite, where one daemon owns the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-model.h"
#include "bel-board-page.h"
#include "bel-board-map.h"
#include "bel-board-staff.h"
#include "bel-board-student.h"
#include "bel-student-card.h"
#include "bel-ui-test-util.h"
#include "../bel-test-pg.h"

#define N_STUDENTS 40

typedef struct {
  UiFixture     a;   /* the counselor, at daemon A */
  UiFixture     b;   /* the teacher, at daemon B */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->a.n_students = f->b.n_students = N_STUDENTS;
  f->a.daemon = test_daemon_new (N_STUDENTS);
  f->b.daemon = test_daemon_new_sharing (f->a.daemon);
  ui_fixture_open_app (&f->a);
  ui_fixture_open_app (&f->b);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->b.window));
  gtk_window_destroy (GTK_WINDOW (f->a.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->b.app);
  g_clear_object (&f->a.app);
  test_daemon_free (f->b.daemon);  /* the one that shares first */
  test_daemon_free (f->a.daemon);
}

static gboolean
board_live (UiFixture *u, gconstpointer data)
{
  BelBoardPage *page = ui_page (u, "board");

  return page != NULL && bel_board_page_get_board (page) != NULL &&
         bel_board_model_get_round (bel_board_page_get_board (page)) != NULL &&
         bel_board_page_get_live (page);
}

static BelBoardModel *
open_board (UiFixture *u, const char *username)
{
  ui_sign_in_at (u, u->daemon->url, username);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (u->window), "win.show-board", NULL));
  ui_wait_until (u, ui_page_is, "board", "the board page");
  ui_wait_until (u, board_live, NULL, "the board, live");
  return bel_board_page_get_board (ui_page (u, "board"));
}

static BelBoardStudent *
student_in (BelBoardModel *board, gint64 id)
{
  GListModel *students = bel_board_model_get_students (board);

  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(BelBoardStudent) s = g_list_model_get_item (students, i);
      if (bel_board_student_get_id (s) == id)
        return s;
    }
  g_assert_not_reached ();
}

typedef struct {
  BelBoardModel *board;
  gint64         student_id;
  gint64         account_id;
  gboolean       marked;
} Mark;

static gboolean
mark_is (UiFixture *u, gconstpointer data)
{
  const Mark *m = data;

  return bel_board_student_has_mark (student_in (m->board, m->student_id), BEL_MARK_RELATIONSHIP,
                                     m->account_id) == m->marked;
}

/* Places (or takes back) a check through the board's own action, as the card's menu does. */
static void
mark (UiFixture *u, BelBoardStudent *student, gint64 account_id, gboolean on)
{
  BelBoardMap *map = bel_board_page_get_map (ui_page (u, "board"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "board.mark", "(xxsb)",
                                             bel_board_student_get_id (student), account_id,
                                             "relationship", on));
}

static void
test_marks_cross_daemons (Fixture *f, gconstpointer data)
{
  BelBoardModel *counselor, *teacher;
  g_autoptr(BelBoardStudent) first = NULL;
  gint64 student_id, teacher_id, colleague_id;

  g_assert_cmpstr (f->a.daemon->url, !=, f->b.daemon->url);
  counselor = open_board (&f->a, TEST_DEMO_COUNSELOR);
  teacher = open_board (&f->b, TEST_DEMO_TEACHER);

  /* The teacher, at B, checks a student nobody knows yet: the counselor, at A, sees it. */
  first = g_list_model_get_item (bel_board_map_get_shown (bel_board_page_get_map (ui_page (&f->b, "board"))), 0);
  student_id = bel_board_student_get_id (first);
  teacher_id = bel_board_model_get_account_id (teacher);
  g_assert_false (bel_board_student_has_mark (student_in (counselor, student_id), BEL_MARK_RELATIONSHIP, teacher_id));
  mark (&f->b, first, teacher_id, TRUE);
  ui_wait_until (&f->b, mark_is, &(Mark) { teacher, student_id, teacher_id, TRUE }, "the teacher's own check");
  ui_wait_until (&f->a, mark_is, &(Mark) { counselor, student_id, teacher_id, TRUE },
                 "the teacher's check at the other daemon");

  /* The counselor, at A, checks for a colleague: the teacher, at B, sees it; then takes it back. */
  colleague_id = bel_board_staff_get_account_id (ui_board_staff_named (counselor, "Mai Vang"));
  mark (&f->a, student_in (counselor, student_id), colleague_id, TRUE);
  ui_wait_until (&f->b, mark_is, &(Mark) { teacher, student_id, colleague_id, TRUE },
                 "the counselor's check at the other daemon");
  mark (&f->a, student_in (counselor, student_id), colleague_id, FALSE);
  ui_wait_until (&f->b, mark_is, &(Mark) { teacher, student_id, colleague_id, FALSE },
                 "the check taken back, at the other daemon");
  g_assert_true (bel_board_student_has_mark (student_in (teacher, student_id), BEL_MARK_RELATIONSHIP, teacher_id));
}

static void
skip_without_postgresql (void)
{
  g_test_skip ("Several daemons share a PostgreSQL database only (set BEL_TEST_POSTGRESQL)");
}

int
main (int argc, char **argv)
{
  ui_test_init (&argc, &argv);
  if (bel_test_postgresql ())
    g_test_add ("/district/ui/marks-cross-daemons", Fixture, NULL, fixture_set_up, test_marks_cross_daemons,
                fixture_tear_down);
  else
    g_test_add_func ("/district/ui/marks-cross-daemons", skip_without_postgresql);
  return g_test_run ();
}
