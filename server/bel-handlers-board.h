/* bel-handlers-board.h - route handlers of the relationship-map board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

/* bel-handlers-board.c */
void bel_handle_rounds_list       (BelRequest *request);
void bel_handle_rounds_create     (BelRequest *request);
void bel_handle_rounds_get        (BelRequest *request);
void bel_handle_rounds_patch      (BelRequest *request);
void bel_handle_mark_put          (BelRequest *request);
void bel_handle_mark_delete       (BelRequest *request);
void bel_handle_board             (BelRequest *request);
void bel_handle_compare           (BelRequest *request);

/* bel-handlers-advocates.c */
void bel_handle_advocates_list    (BelRequest *request);
void bel_handle_advocates_create  (BelRequest *request);
void bel_handle_advocates_get     (BelRequest *request);
void bel_handle_advocates_patch   (BelRequest *request);
void bel_handle_my_advocacy       (BelRequest *request);

G_END_DECLS
