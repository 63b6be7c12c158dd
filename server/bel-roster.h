/* bel-roster.h - what a student information system's roster adds: roster ids,
 * classes and enrollments (schemas/sql/0005-roster.sql)
 *
 * Server admins write (belongingctl import oneroster); nothing is deleted:
 * what leaves the roster becomes inactive.  An active teacher enrollment in a
 * class that also has the student actively enrolled is the "teaching link"
 * other engines may use for least-privilege reads (bel_roster_teaches()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef enum {
  BEL_ROSTER_UNCHANGED,
  BEL_ROSTER_CREATED,
  BEL_ROSTER_UPDATED,
} BelRosterChange;

typedef struct {
  const char *sis_id;
  const char *title;
  const char *class_code;
  const char *course_title;
  const char *periods;
  const char *school_year;
  gboolean    active;
} BelRosterClass;

typedef struct {
  const char *sis_id;
  gint64      student_id;  /* for role "student" */
  gint64      account_id;  /* for the other roles */
  const char *role;        /* student, teacher, aide, administrator */
  gboolean    primary;
  const char *begin_date;
  const char *end_date;
  gboolean    active;
} BelRosterEnrollment;

/* Lookups by roster id: the id, 0 when there is none, -1 on error. */
gint64      bel_roster_school_by_sis     (BelEngine   *engine,
                                          const char  *sis_id,
                                          GError     **error);
/* The school's roster id (NULL with no error when it has none). */
char       *bel_roster_school_sis        (BelEngine   *engine,
                                          gint64       school_id,
                                          GError     **error);
gint64      bel_roster_account_by_sis    (BelEngine   *engine,
                                          const char  *sis_id,
                                          GError     **error);
gint64      bel_roster_student_by_sis    (BelEngine   *engine,
                                          gint64       school_id,
                                          const char  *sis_id,
                                          GError     **error);

/* Admin.  Records the roster id of a school or an account. */
gboolean    bel_roster_link_school       (BelEngine   *engine,
                                          BelAccount  *actor,
                                          gint64       school_id,
                                          const char  *sis_id,
                                          GError     **error);
gboolean    bel_roster_link_account      (BelEngine   *engine,
                                          BelAccount  *actor,
                                          gint64       account_id,
                                          const char  *sis_id,
                                          GError     **error);

/* Roster id -> id (GINT_TO_POINTER is not enough: ids are gint64, so values
 * are gint64 *) of the school's active students. */
GHashTable *bel_roster_active_students   (BelEngine   *engine,
                                          gint64       school_id,
                                          GError     **error);
/* Roster id -> gint64 * id of the active accounts with a roster id that are
 * members of the school and not server admins. */
GHashTable *bel_roster_active_staff      (BelEngine   *engine,
                                          gint64       school_id,
                                          GError     **error);

/* Admin.  Inserts or updates the class by its roster id; returns its id (-1 on error). */
gint64      bel_roster_put_class         (BelEngine            *engine,
                                          BelAccount           *actor,
                                          gint64                school_id,
                                          const BelRosterClass *klass,
                                          BelRosterChange      *change,
                                          GError              **error);
gint64      bel_roster_put_enrollment    (BelEngine                 *engine,
                                          BelAccount                *actor,
                                          gint64                     class_id,
                                          const BelRosterEnrollment *enrollment,
                                          BelRosterChange           *change,
                                          GError                   **error);
/* Admin.  Makes the school's active classes (and their enrollments) whose
 * roster id is not in @keep inactive; returns how many classes, -1 on error. */
int         bel_roster_deactivate_classes     (BelEngine   *engine,
                                               BelAccount  *actor,
                                               gint64       school_id,
                                               GHashTable  *keep,
                                               GError     **error);
/* Likewise for the active enrollments of the school's classes. */
int         bel_roster_deactivate_enrollments (BelEngine   *engine,
                                               BelAccount  *actor,
                                               gint64       school_id,
                                               GHashTable  *keep,
                                               GError     **error);

/* Counts of the school's active classes and enrollments (for status). */
gboolean    bel_roster_count             (BelEngine   *engine,
                                          gint64       school_id,
                                          gint64      *n_classes,
                                          gint64      *n_enrollments,
                                          GError     **error);

/* Whether @account_id actively teaches a class @student_id is actively enrolled in. */
gboolean    bel_roster_teaches           (BelEngine   *engine,
                                          gint64       account_id,
                                          gint64       student_id,
                                          GError     **error);

G_END_DECLS
