/* bel-demo-writer.h - stores a BelDemo through the engine, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-demo.h"
#include "bel-engine.h"

G_BEGIN_DECLS

/* Stores the school, its staff (password BEL_DEMO_PASSWORD, hashed once),
 * advisories and students in one transaction, as the system actor.  A staff
 * username that already exists is reused as is (its password unchanged) and
 * flagged in @reused (gboolean per staff member).  Sets the stored ids on the
 * demo's advisories (advisor-id) and students (advisory-id). */
BelSchool *bel_demo_write (BelDemo    *demo,
                           BelEngine  *engine,
                           GArray    **reused,
                           GError    **error);

G_END_DECLS
