/* bel-oneroster.h - a 1EdTech OneRoster 1.1 or 1.2 CSV bulk set, read and checked
 *
 * BelOneRoster reads a directory or a ZIP file of CSV files (manifest.csv,
 * orgs.csv, academicSessions.csv, users.csv, classes.csv, courses.csv,
 * enrollments.csv, demographics.csv and, in 1.2, roles.csv) into plain
 * records, checking every value and every reference.  Each problem is kept
 * as one line "FILE:LINE: column N (NAME): reason"; a set with problems is
 * never applied (bel-roster-import.h).
 *
 * Only what Belonging needs is kept: names, grades, roles, classes,
 * enrollments, and the two demographic subgroups (gender, race/ethnicity)
 * that belonging surveys and "who is not connected" lists are broken down by.
 * Birth dates, birthplaces and passwords in the files are never read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BEL_ONEROSTER_MAX_PROBLEMS 100

typedef enum {
  BEL_OR_ROLE_NONE,       /* guardians, parents, aides, ...: not imported */
  BEL_OR_ROLE_STUDENT,
  BEL_OR_ROLE_TEACHER,
  BEL_OR_ROLE_COUNSELOR,
  BEL_OR_ROLE_LEADER,
} BelOrRole;

typedef struct {
  char     *sourced_id;
  guint     line;
  gboolean  active;
} BelOrRecord;

typedef struct {
  BelOrRecord  record;
  char        *name;
  gboolean     is_school;
  char        *school_year;  /* from academicSessions, e.g. "2026-2027", or NULL */
} BelOrOrg;

typedef struct {
  BelOrRecord  record;
  BelOrRole    role;
  char        *username;    /* staff: lowercase, as a Belonging username */
  char        *given_name;
  char        *family_name;
  char        *preferred_name;
  char        *pronouns;
  char        *email;
  int          grade;       /* students: -1 (pre-K) to 13 */
  GPtrArray   *orgs;        /* BelOrOrg * of the schools the user is in (not owned) */
  char        *gender;      /* from demographics.csv, or NULL */
  char        *ethnicity;
  gboolean     has_demographics;
} BelOrUser;

typedef struct {
  BelOrRecord  record;
  BelOrOrg    *school;      /* not owned */
  char        *title;
  char        *class_code;
  char        *course_title;
  char        *periods;
  char        *school_year;
} BelOrClass;

typedef struct {
  BelOrRecord  record;
  BelOrClass  *klass;       /* not owned */
  BelOrUser   *user;        /* not owned */
  char        *role;        /* student, teacher, aide, administrator */
  gboolean     primary;
  char        *begin_date;
  char        *end_date;
} BelOrEnrollment;

typedef struct {
  char       *version;      /* "1.1" or "1.2" */
  char       *source;       /* the directory or ZIP it was read from */
  GPtrArray  *orgs;         /* BelOrOrg */
  GPtrArray  *users;        /* BelOrUser */
  GPtrArray  *classes;      /* BelOrClass */
  GPtrArray  *enrollments;  /* BelOrEnrollment */
  gboolean    has_classes;  /* classes.csv was in the set */
  gboolean    has_enrollments;
  gboolean    has_demographics;
  guint       n_skipped_users; /* guardians, parents, aides, ... */
  GPtrArray  *problems;     /* "FILE:LINE: ..." strings */
  GPtrArray  *notes;        /* things worth saying that are not problems */
} BelOneRoster;

/* Reads and checks the set at @path (a directory or a .zip file).  Returns
 * NULL with @error only when it cannot be read at all; check ->problems. */
BelOneRoster *bel_oneroster_read (const char    *path,
                                  GError       **error);
/* Reads and checks a set already in memory: @files maps lowercase file names
 * ("users.csv") to GBytes; @source names the set in problems. */
BelOneRoster *bel_oneroster_read_files (GHashTable    *files,
                                        const char    *source);
void          bel_oneroster_free (BelOneRoster  *roster);

/* "PK" -> -1, "KG" -> 0, "09" -> 9 ...; FALSE when it is not a grade. */
gboolean      bel_oneroster_parse_grade (const char *text,
                                         int        *grade);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelOneRoster, bel_oneroster_free)

G_END_DECLS
