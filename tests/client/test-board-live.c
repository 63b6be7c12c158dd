/* test-board-live.c - two staff members on one board see each other's marks live
 *
 * Each side is what the app runs: a BelClient, a BelBoardModel loaded with one
 * board request, and a BelEventStream feeding it, against a real belongingd.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bel-board-model.h"
#include "bel-client-board.h"
#include "bel-error.h"
#include "bel-event-stream.h"
#include "bel-school.h"
#include "test-daemon.h"
#include "../bel-test-slowdown.h"

#define N_STUDENTS 40

typedef struct {
  BelClient      *client;
  BelBoardModel  *board;
  BelEventStream *stream;
  gint64          account_id;
} Side;

static TestDaemon *daemon_;

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
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

typedef gboolean (*Condition) (gconstpointer data);

static void
wait_until (Condition condition, gconstpointer data, const char *what)
{
  gint64 deadline = bel_test_deadline (10);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gint64
open_round (BelClient *client, gint64 school_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;

  bel_client_list_rounds_async (client, school_id, NULL, store_result, &result);
  rounds = bel_client_list_rounds_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rounds->len; i++)
    if (g_strcmp0 (bel_resource_get_string (rounds->pdata[i], "status"), "open") == 0)
      return bel_resource_get_id (rounds->pdata[i]);
  g_assert_not_reached ();
}

static gboolean
is_connected (gconstpointer data)
{
  return bel_event_stream_get_connected (((Side *) data)->stream);
}

static void
side_init (Side *side, const char *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) board_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(JsonNode) board = NULL;
  gint64 school_id;

  side->client = bel_client_new (daemon_->url);
  bel_client_sign_in_async (side->client, username, TEST_DEMO_PASSWORD, NULL, store_result, &result);
  account = bel_client_sign_in_finish (side->client, wait_for (&result), NULL, &error);
  g_assert_no_error (error);
  side->account_id = bel_resource_get_id (account);
  g_clear_object (&result);
  bel_client_list_schools_async (side->client, NULL, store_result, &result);
  schools = bel_client_list_schools_finish (side->client, wait_for (&result), &error);
  g_assert_no_error (error);
  school_id = bel_resource_get_id (schools->pdata[0]);

  /* As the app does: subscribe first, then read the board. */
  side->stream = bel_event_stream_new (daemon_->url, bel_client_get_token (side->client), school_id);
  side->board = bel_board_model_new (side->account_id);
  g_signal_connect_swapped (side->stream, "event", G_CALLBACK (bel_board_model_apply_event), side->board);
  bel_event_stream_start (side->stream);
  wait_until (is_connected, side, "the live events");
  bel_client_get_board_async (side->client, open_round (side->client, school_id), NULL, NULL,
                              store_result, &board_result);
  board = bel_client_get_board_finish (side->client, wait_for (&board_result), &error);
  g_assert_no_error (error);
  g_assert_true (bel_board_model_load (side->board, board, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bel_board_model_get_students (side->board)), ==, N_STUDENTS);
}

static void
side_clear (Side *side)
{
  bel_event_stream_stop (side->stream);
  g_clear_object (&side->stream);
  g_clear_object (&side->board);
  g_clear_object (&side->client);
}

static BelBoardStudent *
unconnected_student (BelBoardModel *board)
{
  GListModel *students = bel_board_model_get_students (board);

  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(BelBoardStudent) student = g_list_model_get_item (students, i);
      if (bel_board_student_get_adult_count (student) == 0)
        return student;
    }
  g_assert_not_reached ();
}

static gboolean
set_mark (Side *by, gint64 student_id, gint64 account_id, BelMarkKind kind, gboolean present, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bel_client_set_mark_async (by->client, bel_board_model_get_round_id (by->board), student_id, account_id,
                             kind, present, NULL, store_result, &result);
  return bel_client_set_mark_finish (by->client, wait_for (&result), error);
}

typedef struct {
  Side       *side;
  gint64      student_id;
  gint64      account_id;
  BelMarkKind kind;
  gboolean    present;
} Expect;

static gboolean
mark_seen (gconstpointer data)
{
  const Expect *e = data;
  BelBoardStudent *student = bel_board_model_lookup_student (e->side->board, e->student_id);

  return bel_board_student_has_mark (student, e->kind, e->account_id) == e->present;
}

static void
test_two_staff_see_each_others_marks (void)
{
  Side counselor = { 0 }, teacher = { 0 };
  g_autoptr(GError) error = NULL;
  BelBoardStudent *student;
  gint64 id;
  guint none_before;

  side_init (&counselor, TEST_DEMO_COUNSELOR);
  side_init (&teacher, TEST_DEMO_TEACHER);
  student = unconnected_student (teacher.board);
  id = bel_board_student_get_id (student);
  bel_board_model_get_counts (counselor.board, &none_before, NULL, NULL);

  /* The teacher marks a student nobody knew: the counselor's board follows. */
  g_assert_true (set_mark (&teacher, id, teacher.account_id, BEL_MARK_RELATIONSHIP, TRUE, &error));
  g_assert_no_error (error);
  wait_until (mark_seen, &(Expect) { &counselor, id, teacher.account_id, BEL_MARK_RELATIONSHIP, TRUE },
              "the teacher's mark on the counselor's board");
  g_assert_cmpuint (bel_board_student_get_adult_count (bel_board_model_lookup_student (counselor.board, id)), ==, 1);
  {
    guint none_after;
    bel_board_model_get_counts (counselor.board, &none_after, NULL, NULL);
    g_assert_cmpuint (none_after, ==, none_before - 1);
  }
  g_assert_cmpuint (bel_board_staff_get_mark_count (bel_board_model_lookup_staff (counselor.board, teacher.account_id)),
                    >=, 1);

  /* The counselor places their own check on the same student: the teacher sees it. */
  g_assert_true (set_mark (&counselor, id, counselor.account_id, BEL_MARK_RELATIONSHIP, TRUE, &error));
  wait_until (mark_seen, &(Expect) { &teacher, id, counselor.account_id, BEL_MARK_RELATIONSHIP, TRUE },
              "the counselor's mark on the teacher's board");
  g_assert_cmpuint (bel_board_student_get_adult_count (bel_board_model_lookup_student (teacher.board, id)), ==, 2);

  /* The counselor removes the teacher's check on their behalf; the teacher sees it go. */
  g_assert_true (set_mark (&counselor, id, teacher.account_id, BEL_MARK_RELATIONSHIP, FALSE, &error));
  wait_until (mark_seen, &(Expect) { &teacher, id, teacher.account_id, BEL_MARK_RELATIONSHIP, FALSE },
              "the removal on the teacher's board");

  /* A teacher can't place a mark for a colleague, and nothing changes. */
  g_assert_false (set_mark (&teacher, id, counselor.account_id, BEL_MARK_PERSONAL, TRUE, &error));
  g_assert_error (error, BEL_ERROR, BEL_ERROR_FORBIDDEN);

  side_clear (&counselor);
  side_clear (&teacher);
}

static void
test_concern_marks_stay_private (void)
{
  Side counselor = { 0 }, teacher = { 0 }, other = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  side_init (&counselor, TEST_DEMO_COUNSELOR);
  side_init (&teacher, TEST_DEMO_TEACHER);
  side_init (&other, "mai.vang");
  id = bel_board_student_get_id (unconnected_student (counselor.board));

  /* A teacher's concern reaches the counselor, but not another teacher. */
  g_assert_true (set_mark (&teacher, id, teacher.account_id, BEL_MARK_CONCERN, TRUE, &error));
  wait_until (mark_seen, &(Expect) { &counselor, id, teacher.account_id, BEL_MARK_CONCERN, TRUE },
              "the concern on the counselor's board");
  g_assert_true (set_mark (&teacher, id, teacher.account_id, BEL_MARK_PERSONAL, TRUE, &error));
  wait_until (mark_seen, &(Expect) { &other, id, teacher.account_id, BEL_MARK_PERSONAL, TRUE },
              "the personal mark on another teacher's board");
  g_assert_false (bel_board_student_has_mark (bel_board_model_lookup_student (other.board, id),
                                              BEL_MARK_CONCERN, teacher.account_id));
  side_clear (&counselor);
  side_clear (&teacher);
  side_clear (&other);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  daemon_ = test_daemon_new (N_STUDENTS);
  g_test_add_func ("/board/live/two-staff-see-each-others-marks", test_two_staff_see_each_others_marks);
  g_test_add_func ("/board/live/concern-marks-stay-private", test_concern_marks_stay_private);
  status = g_test_run ();
  test_daemon_free (daemon_);
  return status;
}
