/* bel-engine-private.h - what the engine modules share: roles, audit, patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-store-private.h"

G_BEGIN_DECLS

typedef enum {
  BEL_ROLE_TEACHER   = 1 << 0,
  BEL_ROLE_COUNSELOR = 1 << 1,
  BEL_ROLE_LEADER    = 1 << 2,
  BEL_ROLE_ANY       = BEL_ROLE_TEACHER | BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER,
} BelRoleMask;

gboolean  bel_engine_require_admin       (BelAccount          *actor,
                                          GError             **error);
/* 404 when the school does not exist, 403 when the actor is neither an
 * admin nor a member of it in one of @roles. */
gboolean  bel_engine_require_school_role (BelEngine           *self,
                                          BelAccount          *actor,
                                          gint64               school_id,
                                          BelRoleMask          roles,
                                          GError             **error);
gboolean  bel_engine_school_exists       (BelEngine           *self,
                                          gint64               school_id,
                                          GError             **error);
/* Appends an audit row; @student_id 0 for none.  Never put secrets in @detail. */
gboolean  bel_engine_audit               (BelEngine           *self,
                                          BelAccount          *actor,
                                          const char          *action,
                                          gint64               student_id,
                                          const char          *detail);
/* The actor's id as stored (0, bound as NULL, for the system actor). */
gint64    bel_engine_actor_id            (BelAccount          *actor);
/* Copies the named properties (JSON or property names) from @source to
 * @target; a name that is not a property of @target is a 422 field error. */
gboolean  bel_engine_copy_fields         (gpointer             target,
                                          gpointer             source,
                                          const char * const  *fields,
                                          GError             **error);
gboolean  bel_engine_fields_contain      (const char * const  *fields,
                                          const char          *property);
gboolean  bel_engine_check_version       (gint64               expected,
                                          gint64               actual,
                                          GError             **error);

/* A boolean field, its declared default when it was never set. */
gboolean  bel_engine_get_bool            (gpointer             resource,
                                          const char          *property);
gboolean  bel_engine_is_blank            (const char          *text);
/* Steps a write; a UNIQUE/constraint failure becomes BEL_ERROR_CONFLICT with @conflict_message. */
gboolean  bel_engine_step_unique         (BelStore            *store,
                                          BelStmt        *stmt,
                                          const char          *conflict_message,
                                          GError             **error);
/* Builds a model object from the current row of a statement. */
typedef gpointer (*BelRowFunc) (BelStmt *stmt);

/* Runs @sql with @id bound to its one parameter and builds the object from
 * the first row; a 404 "No @noun with id @id" when there is none. */
gpointer  bel_engine_load_row            (BelEngine           *self,
                                          const char          *sql,
                                          gint64               id,
                                          BelRowFunc           from_row,
                                          const char          *noun,
                                          GError             **error);
/* A new reference to the first row of @items, the result of a lookup by id:
 * NULL when @items is NULL (the error is set already), a 404 "No @noun with
 * id @id" when it is empty. */
gpointer  bel_engine_first_row           (GPtrArray           *items,
                                          const char          *noun,
                                          gint64               id,
                                          GError             **error);

G_END_DECLS
