/* bel-audit-window.h - a school's audit log, for leaders
 *
 * Who read which private section of which student and when, record exports
 * and profile changes (GET /schools/{id}/audit), newest first, filtered by
 * what happened, section and period, with older pages on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_AUDIT_WINDOW (bel_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (BelAuditWindow, bel_audit_window, BEL, AUDIT_WINDOW, AdwWindow)

BelAuditWindow *bel_audit_window_new         (GtkWindow      *parent,
                                              BelClient      *client,
                                              gint64          school_id);
/* BelAuditEntry, newest first. */
GListModel     *bel_audit_window_get_entries (BelAuditWindow *self);
gboolean        bel_audit_window_get_loading (BelAuditWindow *self);
/* The sentence a row shows for @entry, e.g. "Tomás Rivera read Family background". */
char           *bel_audit_window_describe    (gpointer        entry);

G_END_DECLS
