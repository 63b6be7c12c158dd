/* bel-audit-entry.h - one row of a school's audit log (who did what, when, about whom)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_AUDIT_ENTRY (bel_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (BelAuditEntry, bel_audit_entry, BEL, AUDIT_ENTRY, BelResource)

G_END_DECLS
