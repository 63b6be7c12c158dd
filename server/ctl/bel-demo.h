/* bel-demo.h - a believable demo high school, the same for the same seed
 *
 * BelDemo only draws the school: model objects not yet stored, linked by
 * index (a student's advisory, an advisory's advisor).  bel-demo-writer.h
 * stores them through the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-account.h"
#include "bel-advisory.h"
#include "bel-membership.h"
#include "bel-school.h"
#include "bel-student.h"

G_BEGIN_DECLS

#define BEL_DEMO_DEFAULT_STUDENTS 400
#define BEL_DEMO_MAX_STUDENTS     5000
#define BEL_DEMO_DEFAULT_SEED     20262027u
#define BEL_DEMO_PASSWORD         "belonging-demo"
#define BEL_DEMO_SCHOOL_YEAR      "2026-2027"
#define BEL_DEMO_ADVISORY_MAX     20

#define BEL_TYPE_DEMO (bel_demo_get_type ())
G_DECLARE_FINAL_TYPE (BelDemo, bel_demo, BEL, DEMO, GObject)

BelDemo       *bel_demo_new                   (guint    n_students,
                                               guint32  seed);

BelSchool     *bel_demo_get_school            (BelDemo *self);

guint          bel_demo_get_n_staff           (BelDemo *self);
BelAccount    *bel_demo_get_staff             (BelDemo *self,
                                               guint    index);
/* The staff member's role and title in the school; NULL for IT. */
BelMembership *bel_demo_get_staff_membership  (BelDemo *self,
                                               guint    index);

guint          bel_demo_get_n_students        (BelDemo *self);
BelStudent    *bel_demo_get_student           (BelDemo *self,
                                               guint    index);
guint          bel_demo_get_student_advisory  (BelDemo *self,
                                               guint    index);

guint          bel_demo_get_n_advisories      (BelDemo *self);
BelAdvisory   *bel_demo_get_advisory          (BelDemo *self,
                                               guint    index);
/* Index of the advisory's advisor among the staff. */
guint          bel_demo_get_advisory_advisor  (BelDemo *self,
                                               guint    index);

/* "Lucía Bermúdez" -> "lucia.bermudez" */
char          *bel_demo_username_for          (const char *display_name);

G_END_DECLS
