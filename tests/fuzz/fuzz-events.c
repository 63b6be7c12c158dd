/* fuzz-events.c - the live events of a school as the app reads them
 *
 * Input: WebSocket text messages from the daemon, one per line.  Each goes
 * through bel_event_stream_parse() (the "message" handler of
 * BelEventStream) with the seq of the last event taken, and every event it
 * accepts is applied to a board (bel_board_model_apply_event()), loaded
 * afresh for each input that has one with a real board (winter-map.json of
 * the fuzz-board corpus, built in as a resource) whose students and staff
 * the events may name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <string.h>

#include "bel-board-model.h"
#include "bel-event-stream.h"

#include "fuzz-resources.h"

/* The board's JSON, read once: every input starts from the same board. */
static JsonNode *
board_json (void)
{
  static JsonNode *board;

  if (board == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data ("/app/belonging/fuzz/board.json", 0, &error);

      g_assert_no_error (error);
      board = bel_fuzz_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_nonnull (board);
    }
  return board;
}

static BelBoardModel *
new_board (void)
{
  g_autoptr(BelBoardModel) model = bel_board_model_new (1);
  g_autoptr(GError) error = NULL;

  g_assert_true (bel_board_model_load (model, board_json (), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&model);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BelBoardModel) model = NULL;
  const uint8_t *end = data + size;
  gint64 last_seq = -1;

  bel_fuzz_init ();
  while (data < end)
    {
      const uint8_t *nl = memchr (data, '\n', end - data);
      const uint8_t *stop = nl != NULL ? nl : end;
      g_autoptr(GBytes) message = g_bytes_new (data, stop - data);
      g_autoptr(JsonNode) event = NULL;
      gint64 seq;

      event = bel_event_stream_parse (message, last_seq, &seq);
      if (event != NULL)
        {
          g_assert_cmpint (seq, >, last_seq);
          last_seq = seq;
          /* Loaded for the first event taken, not for every input: most
           * inputs have none, and 30,000 inputs took 26.6 CPU s with a
           * board loaded for each, 9.6 s this way (docs/reliability.md). */
          if (model == NULL)
            model = new_board ();
          bel_board_model_apply_event (model, event);
        }
      data = nl != NULL ? nl + 1 : end;
    }
  return 0;
}
