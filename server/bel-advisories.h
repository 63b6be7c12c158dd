/* bel-advisories.h - advisory groups and their members
 *
 * Members of the school read; counselors, leaders and admins create and change.
 * Students join an advisory through their advisory-id (bel-students.h); the
 * store keeps the history of who was in which advisory in which school year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-advisory.h"
#include "bel-engine.h"

G_BEGIN_DECLS

/* GPtrArray of BelAdvisory (with advisor-name and member-count), by name. */
GPtrArray   *bel_advisories_list   (BelEngine           *engine,
                                    BelAccount          *actor,
                                    gint64               school_id,
                                    GError             **error);
/* With members (active students, by family then given name). */
BelAdvisory *bel_advisories_get    (BelEngine           *engine,
                                    BelAccount          *actor,
                                    gint64               advisory_id,
                                    GError             **error);
/* Uses name, room, advisor-id (a member of the school), since-year. */
BelAdvisory *bel_advisories_create (BelEngine           *engine,
                                    BelAccount          *actor,
                                    gint64               school_id,
                                    BelAdvisory         *advisory,
                                    GError             **error);
BelAdvisory *bel_advisories_update (BelEngine           *engine,
                                    BelAccount          *actor,
                                    gint64               advisory_id,
                                    gint64               expected_version,
                                    BelAdvisory         *changes,
                                    const char * const  *fields,
                                    GError             **error);

G_END_DECLS
