/* bel-audit-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-audit-entry.h"

struct _BelAuditEntry { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelAuditEntry, bel_audit_entry, BEL_TYPE_RESOURCE)

#define RO_NULL (BEL_FIELD_READONLY | BEL_FIELD_NULLABLE)

static void
bel_audit_entry_class_init (BelAuditEntryClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("at", BEL_FIELD_READONLY, 40, NULL),
    bel_field_int ("actor-id", RO_NULL, 0, G_MAXINT64),
    bel_field_string ("actor-name", RO_NULL, 120, NULL),
    bel_field_string ("action", BEL_FIELD_READONLY, 60, NULL),
    bel_field_int ("student-id", RO_NULL, 0, G_MAXINT64),
    bel_field_string ("student-name", RO_NULL, 200, NULL),
    bel_field_string ("section", RO_NULL, 40, NULL),
    bel_field_string ("detail", RO_NULL, 500, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_audit_entry_init (BelAuditEntry *self) { }
