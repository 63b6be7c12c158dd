/* bel-test-profiles.h - a seeded school for the profile tests
 *
 * On top of bel_test_daemon_seed(): "stranger", a teacher of the school with
 * no link to the student; "ally", a teacher who is the student's current
 * advocate; and a second student, Mina Park (grade 10, no advisory).  The
 * seed's "teacher" is the student's advisor (Falcons).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-test-daemon.h"

G_BEGIN_DECLS

typedef struct {
  BelTestDaemon *daemon;
  BelTestSeed    seed;
  gint64         stranger_id;
  gint64         ally_id;
  gint64         other_student_id;
  char          *admin;     /* tokens */
  char          *leader;
  char          *counselor;
  char          *teacher;   /* the advisor */
  char          *stranger;
  char          *ally;      /* the advocate */
  char          *outsider;  /* teacher of the other school */
} BelTestProfiles;

BelTestProfiles *bel_test_profiles_new       (void);
/* Seeded, the daemon not started: start it, then sign everyone in. */
BelTestProfiles *bel_test_profiles_new_stopped (void);
void             bel_test_profiles_sign_in   (BelTestProfiles *fx);
void             bel_test_profiles_free      (BelTestProfiles *fx);

/* POSTs {section, body} (plus @extra_json members, "" for none) to the
 * student's profile; returns the response. */
BelTestResponse *bel_test_profiles_add       (BelTestProfiles *fx,
                                              const char      *token,
                                              gint64           student_id,
                                              const char      *section,
                                              const char      *body,
                                              const char      *extra_json);
/* As above, asserting 201; returns the new entry's id. */
gint64           bel_test_profiles_add_ok    (BelTestProfiles *fx,
                                              const char      *token,
                                              gint64           student_id,
                                              const char      *section,
                                              const char      *body,
                                              const char      *extra_json);
/* Runs SQL returning one integer on the daemon's database (bound to nothing). */
gint64           bel_test_profiles_sql_int   (BelTestProfiles *fx,
                                              const char      *sql);
/* Runs SQL changing the database; returns FALSE (and the message) when SQLite refuses. */
gboolean         bel_test_profiles_sql_exec  (BelTestProfiles *fx,
                                              const char      *sql,
                                              char           **message);
/* The number of audit rows "profile.read" of @account_id about @section (NULL: any). */
gint64           bel_test_profiles_reads     (BelTestProfiles *fx,
                                              gint64           account_id,
                                              const char      *section);
/* GET @path with @token, asserting @status; returns the response. */
BelTestResponse *bel_test_profiles_get       (BelTestProfiles *fx,
                                              const char      *token,
                                              guint            status,
                                              const char      *path_format,
                                              ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelTestProfiles, bel_test_profiles_free)

G_END_DECLS
