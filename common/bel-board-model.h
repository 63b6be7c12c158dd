/* bel-board-model.h - the board of one round, kept current by live events
 *
 *   model = bel_board_model_new (my_account_id);
 *   bel_board_model_load (model, board_json);          // GET /rounds/{id}/board
 *   g_signal_connect (stream, "event", ..)  -> bel_board_model_apply_event (model, event);
 *
 * "students" and "staff" are GListModels of BelBoardStudent and BelBoardStaff
 * whose objects stay the same across reloads of the same round (they update
 * in place and notify), so widgets bound to them follow every change.
 * "student-changed" (student, remote) is emitted for each change a live
 * event (remote) or bel_board_model_set_mark() (local) made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bel-board-staff.h"
#include "bel-board-student.h"
#include "bel-round.h"

G_BEGIN_DECLS

#define BEL_TYPE_BOARD_MODEL (bel_board_model_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardModel, bel_board_model, BEL, BOARD_MODEL, GObject)

BelBoardModel   *bel_board_model_new            (gint64          account_id);
gboolean         bel_board_model_load           (BelBoardModel  *self,
                                                 JsonNode       *board,
                                                 GError        **error);
/* Returns TRUE when the event changed the board. */
gboolean         bel_board_model_apply_event    (BelBoardModel  *self,
                                                 JsonNode       *event);
gboolean         bel_board_model_set_mark       (BelBoardModel  *self,
                                                 BelBoardStudent *student,
                                                 BelMarkKind     kind,
                                                 gint64          account_id,
                                                 gboolean        present);
void             bel_board_model_clear          (BelBoardModel  *self);

gint64           bel_board_model_get_account_id (BelBoardModel  *self);
BelRound        *bel_board_model_get_round      (BelBoardModel  *self);
gint64           bel_board_model_get_round_id   (BelBoardModel  *self);
gboolean         bel_board_model_get_editable   (BelBoardModel  *self);
GListModel      *bel_board_model_get_students   (BelBoardModel  *self);
GListModel      *bel_board_model_get_staff      (BelBoardModel  *self);
BelBoardStudent *bel_board_model_lookup_student (BelBoardModel  *self,
                                                 gint64          student_id);
BelBoardStaff   *bel_board_model_lookup_staff   (BelBoardModel  *self,
                                                 gint64          account_id);
/* Students with no adult, one, two or more. */
void             bel_board_model_get_counts     (BelBoardModel  *self,
                                                 guint          *none,
                                                 guint          *one,
                                                 guint          *many);
/* The summary's groups of the last load: a JSON array of {key, label, ...}
 * for "by_grade", "by_advisory" or "by_subgroup"; NULL before a load. */
JsonArray       *bel_board_model_get_groups     (BelBoardModel  *self,
                                                 const char     *name);

G_END_DECLS
