/* bel-demo-names.h - the tables the demo school is drawn from
 *
 * A student's heritage decides their names, their likely home languages and
 * their roster ethnicity together, so a demo student called Hodan Warsame
 * speaks Somali or English at home, not Tagalog.  Weights are integers so the
 * draw is the same on every machine for a given seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *language;
  guint       weight;
} BelDemoLanguage;

/* Given names are "Name" or "Name|Nickname": the nickname may become the
 * student's preferred name. */
typedef struct {
  const char            *heritage;
  guint                  weight;            /* share of students, per mille */
  const char            *ethnicity;         /* as a US roster reports it */
  const char * const    *female;
  const char * const    *male;
  const char * const    *family;
  const BelDemoLanguage *languages;         /* ends with { NULL, 0 } */
  guint                  el_current_percent; /* of those not speaking English at home */
  guint                  el_former_percent;
  guint                  two_family_names_percent;
} BelDemoHeritage;

extern const BelDemoHeritage bel_demo_heritages[];
extern const guint           bel_demo_n_heritages;

/* Names some nonbinary students choose. */
extern const char * const bel_demo_chosen_names[];

typedef enum {
  BEL_DEMO_ROLE_ADMIN,     /* IT: server admin, no school role */
  BEL_DEMO_ROLE_LEADER,
  BEL_DEMO_ROLE_COUNSELOR,
  BEL_DEMO_ROLE_TEACHER,
} BelDemoRole;

typedef struct {
  const char  *display_name;
  BelDemoRole  role;
  const char  *title;
  const char  *room;        /* teachers: where their advisory meets */
} BelDemoStaffMember;

extern const BelDemoStaffMember bel_demo_staff[];
extern const guint              bel_demo_n_staff;

const char *bel_demo_role_name (BelDemoRole role);

G_END_DECLS
