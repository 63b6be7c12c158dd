/* bel-board-student.h - one student on a round's board, with their marks
 *
 * Built from a BoardStudent of GET /rounds/{id}/board and kept current by
 * the live events; every change bumps "revision" (and notifies the counts), so
 * a card that binds to it redraws.  The board sends advisory and staff names
 * once; a student takes its own from BelBoardNames by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-board-staff.h"

G_BEGIN_DECLS

typedef enum {
  BEL_MARK_RELATIONSHIP,
  BEL_MARK_PERSONAL,
  BEL_MARK_CONCERN,
  BEL_N_MARK_KINDS
} BelMarkKind;

const char *bel_mark_kind_to_string   (BelMarkKind  kind);
gboolean    bel_mark_kind_from_string (const char  *text,
                                       BelMarkKind *kind);

#define BEL_TYPE_BOARD_STUDENT (bel_board_student_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardStudent, bel_board_student, BEL, BOARD_STUDENT, GObject)

/* The names a board sends once, by id; either table may be NULL. */
typedef struct {
  GHashTable *advisories; /* gint64 * advisory id -> advisory name */
  GHashTable *staff;      /* gint64 * account id -> BelBoardStaff */
} BelBoardNames;

BelBoardStudent *bel_board_student_new_from_json   (JsonObject          *object,
                                                    const BelBoardNames *names);
/* Takes every field of @object; returns whether anything changed. */
gboolean         bel_board_student_update_from_json (BelBoardStudent     *self,
                                                    JsonObject          *object,
                                                    const BelBoardNames *names);

gint64       bel_board_student_get_id            (BelBoardStudent *self);
const char  *bel_board_student_get_display_name  (BelBoardStudent *self);
const char  *bel_board_student_get_sort_name     (BelBoardStudent *self);
int          bel_board_student_get_grade         (BelBoardStudent *self);
gint64       bel_board_student_get_advisory_id   (BelBoardStudent *self);
const char  *bel_board_student_get_advisory_name (BelBoardStudent *self);
const char  *bel_board_student_get_el_status     (BelBoardStudent *self);
gboolean     bel_board_student_get_iep           (BelBoardStudent *self);
gboolean     bel_board_student_get_section_504   (BelBoardStudent *self);
guint        bel_board_student_get_adult_count   (BelBoardStudent *self);
guint        bel_board_student_get_revision      (BelBoardStudent *self);
/* The adults (account ids, ascending) with a mark of @kind. */
const GArray *bel_board_student_get_marks        (BelBoardStudent *self,
                                                  BelMarkKind      kind);
gboolean     bel_board_student_has_mark          (BelBoardStudent *self,
                                                  BelMarkKind      kind,
                                                  gint64           account_id);
/* Returns TRUE when the mark changed. */
gboolean     bel_board_student_set_mark          (BelBoardStudent *self,
                                                  BelMarkKind      kind,
                                                  gint64           account_id,
                                                  gboolean         present);
/* Searchable words: names, lower-cased and without accents. */
const char  *bel_board_student_get_search_key    (BelBoardStudent *self);

/* The current advocate, or 0 / NULL */
gint64       bel_board_student_get_advocate_id      (BelBoardStudent *self);
gint64       bel_board_student_get_advocate_account (BelBoardStudent *self);
const char  *bel_board_student_get_advocate_name    (BelBoardStudent *self);
const char  *bel_board_student_get_advocate_status  (BelBoardStudent *self);
const char  *bel_board_student_get_follow_up_on     (BelBoardStudent *self);
/* @advocate is a BoardAdvocate or an Advocate JSON object, or NULL for none;
 * an ended advocate clears it.  The name comes from the staff of @names,
 * else from the object's display_name. */
void         bel_board_student_set_advocate_json    (BelBoardStudent     *self,
                                                     JsonObject          *advocate,
                                                     const BelBoardNames *names);

G_END_DECLS
