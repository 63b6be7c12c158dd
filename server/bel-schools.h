/* bel-schools.h - schools and their staff lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-school.h"

G_BEGIN_DECLS

/* Schools the actor belongs to (all for an admin), by name. GPtrArray of BelSchool. */
GPtrArray *bel_schools_list       (BelEngine           *engine,
                                   BelAccount          *actor,
                                   GError             **error);
/* Members and admins. */
BelSchool *bel_schools_get        (BelEngine           *engine,
                                   BelAccount          *actor,
                                   gint64               school_id,
                                   GError             **error);
/* Admin. Uses name, short-name, school-year of @school. */
BelSchool *bel_schools_create     (BelEngine           *engine,
                                   BelAccount          *actor,
                                   BelSchool           *school,
                                   GError             **error);
/* Admin or leader of the school. Copies @fields (JSON or property names) of
 * @changes; @expected_version 0 means "any version". */
BelSchool *bel_schools_update     (BelEngine           *engine,
                                   BelAccount          *actor,
                                   gint64               school_id,
                                   gint64               expected_version,
                                   BelSchool           *changes,
                                   const char * const  *fields,
                                   GError             **error);
/* Members and admins; GPtrArray of BelMembership by display name. */
GPtrArray *bel_schools_list_staff (BelEngine           *engine,
                                   BelAccount          *actor,
                                   gint64               school_id,
                                   GError             **error);

G_END_DECLS
