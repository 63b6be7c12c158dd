/* bel-compare.h - two rounds of a school compared, student by student
 *
 * The earlier round (by the time it opened, else was created) is "from",
 * the later one "to", whichever order they are asked in.  The students are
 * those of both rounds; each one's number of adults before and after, and
 * whether they gained, lost or kept the same number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-engine.h"
#include "bel-round.h"

G_BEGIN_DECLS

typedef struct {
  gint64  student_id;
  char   *display_name;
  gint64  grade;
  gint64  before;
  gint64  after;
} BelCompareRow;

typedef struct {
  BelRound *from;
  BelRound *to;
  gint64    students;
  gint64    gained;
  gint64    lost;
  gint64    unchanged;
  gint64    none_before;
  gint64    none_after;
  gint64    one_before;
  gint64    one_after;
  gint64    many_before;
  gint64    many_after;
  GArray   *rows;     /* BelCompareRow, by family then given name */
} BelComparison;

void           bel_comparison_free    (BelComparison  *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelComparison, bel_comparison_free)

/* Members of the school and admins; both rounds must be of one school
 * (BEL_ERROR_NOT_FOUND otherwise). */
BelComparison *bel_compare_rounds     (BelEngine      *engine,
                                       BelAccount     *actor,
                                       gint64          round_id,
                                       gint64          other_round_id,
                                       GError        **error);
/* {from, to, totals, students} as the REST contract has it. */
JsonNode      *bel_comparison_to_json (BelComparison  *comparison);

/* "gained", "lost" or "same" */
const char    *bel_compare_change     (const BelCompareRow *row);

G_END_DECLS
