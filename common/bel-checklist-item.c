/* bel-checklist-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-checklist-item.h"

struct _BelChecklistItem { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelChecklistItem, bel_checklist_item, BEL_TYPE_RESOURCE)

static void
bel_checklist_item_class_init (BelChecklistItemClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("key", BEL_FIELD_REQUIRED, 40, NULL),
    bel_field_string ("label", BEL_FIELD_REQUIRED, 80, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_checklist_item_init (BelChecklistItem *self) { }

BelChecklistItem *
bel_checklist_item_new (void)
{
  return g_object_new (BEL_TYPE_CHECKLIST_ITEM, NULL);
}
