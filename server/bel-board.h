/* bel-board.h - the relationship-map board of a round, in one request
 *
 * The board is every student of the round with their marks by kind and the
 * current advocate; the staff with how many students each marked (everyone
 * the students' marks and advocates name, so a client joins names by account
 * id); the advisories the students are in; and summaries of students with no
 * adult, one adult, and two or more, by grade, advisory and subgroup.  It is
 * read with a few set-based queries, whatever the school's size.
 *
 * Filters narrow the students.  The summary counts the students that match
 * every filter except @connection, so a client filtered to "no adult yet"
 * still shows how many have one or more.  Concern marks are visible to
 * counselors, leaders and admins, and to the staff member marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-engine.h"
#include "bel-round.h"

G_BEGIN_DECLS

typedef struct {
  gboolean    has_grade;
  gint64      grade;
  gint64      advisory_id; /* 0 = any */
  const char *subgroup;    /* el, former_el, iep, 504, language_plan, behavior_plan, attr:KEY=VALUE */
  const char *connection;  /* none, one, many */
  const char *q;           /* words, each the start of a name word or the SIS id */
} BelBoardQuery;

typedef enum {
  BEL_MARK_KIND_RELATIONSHIP,
  BEL_MARK_KIND_PERSONAL,
  BEL_MARK_KIND_CONCERN,
  BEL_MARK_N_KINDS,
} BelMarkKind;

/* A roster attribute a student has, as a summary group. */
typedef struct {
  char *key;   /* "attr:KEY=VALUE" */
  char *label; /* "KEY: VALUE" */
} BelBoardAttribute;

/* Strings point into the board's string chunk; an empty kind of mark is NULL. */
typedef struct {
  gint64      student_id;
  const char *given_name;
  const char *family_name;
  const char *preferred_name;
  gint64      grade;
  gint64      advisory_id;
  const char *el_status;
  gboolean    iep;
  gboolean    section_504;
  gboolean    language_plan;
  gboolean    behavior_plan;
  GArray     *marks[BEL_MARK_N_KINDS]; /* gint64 account ids, ascending, or NULL */
  GPtrArray  *attributes;              /* BelBoardAttribute (shared), or NULL */
  /* the current advocate, advocate_id 0 for none */
  gint64      advocate_id;
  gint64      advocate_account_id;
  const char *advocate_status;
  const char *follow_up_on;
} BelBoardStudent;

typedef struct {
  gint64      advisory_id;
  const char *name;
} BelBoardAdvisory;

typedef struct {
  gint64  account_id;
  char   *display_name;
  char   *role;   /* NULL for someone who marked or advocates but is no longer staff */
  char   *title;
  gint64  mark_count;
  char   *sort_key; /* the display name's collation key */
} BelBoardStaff;

typedef struct {
  char   *key;    /* the value of the matching filter: "10", advisory id or "none", "iep", "attr:K=V" */
  char   *label;
  gint64  students;
  gint64  none;
  gint64  one;
  gint64  many;
} BelBoardGroup;

typedef struct {
  BelRound     *round;
  GStringChunk *strings;     /* the students' and advisories' strings */
  GPtrArray    *students;    /* BelBoardStudent matching every filter, by family then given name */
  GPtrArray    *staff;       /* BelBoardStaff, by display name */
  GArray       *advisories;  /* BelBoardAdvisory of the students, by id */
  BelBoardGroup total;    /* over every filter but connection */
  GPtrArray *by_grade;    /* BelBoardGroup */
  GPtrArray *by_advisory;
  GPtrArray *by_subgroup;
} BelBoard;

void      bel_board_free    (BelBoard            *board);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelBoard, bel_board_free)

/* Members of the round's school and admins. */
BelBoard *bel_board_get     (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               round_id,
                             const BelBoardQuery *query,
                             GError             **error);
/* {round, students, staff, advisories, summary} as the REST contract has it. */
JsonNode *bel_board_to_json (BelBoard            *board);

/* The number of adults a relationship count is filed under: "none", "one", "many". */
const char *bel_board_connection_for (gint64 adult_count);

G_END_DECLS
