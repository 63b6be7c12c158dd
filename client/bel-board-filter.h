/* bel-board-filter.h - which students of the board are shown
 *
 * A GtkFilter over BelBoardStudent: connection (no adult, one, two or more),
 * grade, advisory, subgroup and the words of the search.  Subgroups the board
 * rows don't carry (plans, roster attributes) come as a set of student ids the
 * daemon chose (GET /board?subgroup=).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-board-student.h"

G_BEGIN_DECLS

typedef enum {
  BEL_CONNECTION_ANY = -1,
  BEL_CONNECTION_NONE = 0,
  BEL_CONNECTION_ONE = 1,
  BEL_CONNECTION_MANY = 2,
} BelConnection;

#define BEL_BOARD_FILTER_ANY_GRADE G_MININT

#define BEL_TYPE_BOARD_FILTER (bel_board_filter_get_type ())
G_DECLARE_FINAL_TYPE (BelBoardFilter, bel_board_filter, BEL, BOARD_FILTER, GtkFilter)

BelBoardFilter *bel_board_filter_new            (void);
void            bel_board_filter_set_connection (BelBoardFilter *self,
                                                 BelConnection   connection);
BelConnection   bel_board_filter_get_connection (BelBoardFilter *self);
void            bel_board_filter_set_grade      (BelBoardFilter *self,
                                                 int             grade);
void            bel_board_filter_set_advisory   (BelBoardFilter *self,
                                                 gint64          advisory_id);
/* el, former_el, iep, 504 are decided here; any other key needs @members
 * (student ids; NULL until they are known, which shows nobody). NULL key: all. */
void            bel_board_filter_set_subgroup   (BelBoardFilter *self,
                                                 const char     *key,
                                                 GHashTable     *members);
const char     *bel_board_filter_get_subgroup   (BelBoardFilter *self);
/* Whether @key is decided from the board rows alone. */
gboolean        bel_board_filter_subgroup_is_local (const char  *key);
void            bel_board_filter_set_search     (BelBoardFilter *self,
                                                 const char     *text);
gboolean        bel_board_filter_get_active     (BelBoardFilter *self);
/* The same criteria without the connection, for the counts of each group. */
gboolean        bel_board_filter_match_except_connection (BelBoardFilter  *self,
                                                          BelBoardStudent *student);

G_END_DECLS
