/* fuzz-board.c - the board of a round as the app reads it (bel-board-model.h)
 *
 * Input: the body of GET /rounds/{id}/board.  It is loaded into a board
 * model, read the way the board page reads it (counts, groups, every card and
 * staff chip), and loaded a second time, which updates the same round's
 * cards in place instead of making new ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <string.h>

#include "bel-board-model.h"
#include "bel-error.h"

static volatile gsize sink;

static void
read_board (BelBoardModel *model)
{
  static const char * const groups[] = { "by_grade", "by_advisory", "by_subgroup" };
  GListModel *students = bel_board_model_get_students (model);
  GListModel *staff = bel_board_model_get_staff (model);
  guint none, one, many;
  gsize total = 0;

  bel_board_model_get_counts (model, &none, &one, &many);
  g_assert_cmpuint (none + one + many, ==, g_list_model_get_n_items (students));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      JsonArray *array = bel_board_model_get_groups (model, groups[i]);
      total += array ? json_array_get_length (array) : 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(BelBoardStudent) student = g_list_model_get_item (students, i);
      const char *name = bel_board_student_get_display_name (student);

      total += strlen (bel_board_student_get_search_key (student));
      total += name ? strlen (name) : 0;
      total += bel_board_student_get_adult_count (student);
      for (guint kind = 0; kind < BEL_N_MARK_KINDS; kind++)
        total += bel_board_student_get_marks (student, kind)->len;
      g_assert_true (bel_board_model_lookup_student (model, bel_board_student_get_id (student)) != NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(BelBoardStaff) adult = g_list_model_get_item (staff, i);
      const char *name = bel_board_staff_get_display_name (adult);

      total += strlen (bel_board_staff_get_search_key (adult));
      total += name ? strlen (name) : 0;
      g_assert_true (bel_board_model_lookup_staff (model, bel_board_staff_get_account_id (adult)) != NULL);
    }
  total += bel_board_model_get_editable (model);
  sink += total;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(BelBoardModel) model = bel_board_model_new (1);
  g_autoptr(GError) error = NULL;

  bel_fuzz_init ();
  node = bel_fuzz_json (data, size);
  if (node == NULL)
    return 0;
  if (!bel_board_model_load (model, node, &error))
    {
      g_assert_true (error != NULL && error->domain == BEL_ERROR);
      return 0;
    }
  read_board (model);
  g_assert_true (bel_board_model_load (model, node, &error));
  g_assert_no_error (error);
  read_board (model);
  bel_board_model_clear (model);
  return 0;
}
