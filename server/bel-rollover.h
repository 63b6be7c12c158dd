/* bel-rollover.h - a school's new school year
 *
 * Grades advance by one; students in the last grade (12, or 13 where a school
 * has it) graduate: they become inactive and leave their advisory.  Advisories
 * loop by default: every other student stays with the same advisor, and the
 * advisory history (advisory_member) gets a row for the new year, so who was
 * in which advisory in which year is kept.  Nothing is deleted; profile
 * entries keep the school year and grade they were written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct {
  gint64  school_id;
  char   *school_name;
  char   *from_year;       /* NULL when the school had none */
  char   *to_year;
  guint   advanced;        /* students moved up a grade */
  guint   graduated;       /* became inactive */
  guint   looped;          /* stayed in their advisory for the new year */
  guint   left_advisory;   /* left their advisory (graduates, and everyone without looping) */
} BelRollover;

void         bel_rollover_free      (BelRollover *rollover);

/* "2026-2027" -> "2027-2028"; NULL when @year is not a school year. */
char        *bel_rollover_next_year (const char  *year);

/* Admin.  Moves the school to @to_year, which must be the year after its
 * current one (BEL_ERROR_CONFLICT otherwise, e.g. when run twice). */
BelRollover *bel_rollover_school    (BelEngine   *engine,
                                     BelAccount  *actor,
                                     gint64       school_id,
                                     const char  *to_year,
                                     gboolean     loop_advisories,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelRollover, bel_rollover_free)

G_END_DECLS
