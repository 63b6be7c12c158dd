/* fuzz-replies.c - the hand-written decoders of the daemon's replies in common/
 *
 * Input: the body of a reply.  It is decoded as an error reply (problem+json,
 * bel_client_problem_error(), for a 4xx status picked by its length) and as
 * a student's handoff (bel_handoff_new_from_json()), whose every part is
 * then read the way the handoff view reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <string.h>

#include "bel-client-private.h"
#include "bel-error.h"
#include "bel-handoff.h"

static void
decode_problem (const uint8_t *data,
                size_t         size)
{
  static const guint statuses[] = { 400, 401, 403, 404, 409, 412, 413, 422, 500, 503 };
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GError) error = bel_client_problem_error (statuses[size % G_N_ELEMENTS (statuses)], body);

  g_assert_nonnull (error);
  g_assert_true (error->domain == BEL_ERROR && g_utf8_validate (error->message, -1, NULL));
}

/* What the decoded values add up to, so that reading them is not optimized away. */
static volatile gsize sink;

static void
read_handoff (BelHandoff *handoff)
{
  const char * const *hidden = bel_handoff_get_hidden_sections (handoff);
  gsize total = 0;

  g_assert_nonnull (bel_handoff_get_student (handoff));
  total += strlen (bel_handoff_get_school_year (handoff) ? bel_handoff_get_school_year (handoff) : "");
  total += strlen (bel_handoff_get_generated_at (handoff) ? bel_handoff_get_generated_at (handoff) : "");
  for (guint i = 0; i < bel_handoff_get_n_sections (handoff); i++)
    {
      const BelHandoffSection *section = bel_handoff_get_section (handoff, i);
      total += section->section ? strlen (section->section) : 0;
      total += section->title ? strlen (section->title) : 0;
      total += section->entry ? (gsize) bel_resource_get_id (section->entry) : 0;
    }
  for (guint i = 0; hidden != NULL && hidden[i] != NULL; i++)
    total += strlen (hidden[i]);
  for (guint i = 0; i < bel_handoff_get_n_adults (handoff); i++)
    {
      const BelHandoffAdult *adult = bel_handoff_get_adult (handoff, i);
      total += bel_handoff_adult_has_link (adult, "advisor");
      total += adult->display_name ? strlen (adult->display_name) : 0;
    }
  sink += total;
}

static void
decode_handoff (const uint8_t *data,
                size_t         size)
{
  g_autoptr(JsonNode) node = bel_fuzz_json (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelHandoff) handoff = NULL;

  if (node == NULL)
    return;
  handoff = bel_handoff_new_from_json (node, &error);
  if (handoff == NULL)
    {
      g_assert_true (error != NULL && error->domain == BEL_ERROR);
      return;
    }
  g_assert_no_error (error);
  read_handoff (handoff);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  bel_fuzz_init ();
  decode_problem (data, size);
  decode_handoff (data, size);
  return 0;
}
