/* bel-audit-log.h - a school's audit log, for its leaders
 *
 * The school's log is every audit row about one of its students (sensitive
 * profile reads, exports, profile writes, roster changes, advocate
 * assignments), newest first.  Leaders of the school and server admins read
 * it; nobody changes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-audit-entry.h"
#include "bel-engine.h"

G_BEGIN_DECLS

#define BEL_AUDIT_LIMIT_DEFAULT 100
#define BEL_AUDIT_LIMIT_MAX     1000

typedef struct {
  gint64      actor_id;   /* 0 = anyone */
  gint64      student_id; /* 0 = any */
  const char *action;     /* e.g. "profile.read"; NULL = any */
  const char *section;    /* profile section named in the detail; NULL = any */
  const char *since;      /* YYYY-MM-DD or RFC 3339, inclusive; NULL = no bound */
  const char *until;      /* YYYY-MM-DD or RFC 3339, exclusive; NULL = no bound */
  guint       limit;
  const char *cursor;     /* next_cursor of the previous page */
} BelAuditQuery;

typedef struct {
  GPtrArray *items;       /* BelAuditEntry, newest first */
  char      *next_cursor; /* NULL on the last page */
} BelAuditPage;

void          bel_audit_page_free (BelAuditPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelAuditPage, bel_audit_page_free)

BelAuditPage *bel_audit_log_list  (BelEngine           *engine,
                                   BelAccount          *actor,
                                   gint64               school_id,
                                   const BelAuditQuery *query,
                                   GError             **error);

G_END_DECLS
