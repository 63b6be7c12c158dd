/* bel-checklist-item.h - one item of a school's check-in checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_CHECKLIST_ITEM (bel_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (BelChecklistItem, bel_checklist_item, BEL, CHECKLIST_ITEM, BelResource)

BelChecklistItem *bel_checklist_item_new (void);

G_END_DECLS
