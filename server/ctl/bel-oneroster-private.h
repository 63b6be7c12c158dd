/* bel-oneroster-private.h - what the files of the OneRoster reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-csv.h"
#include "bel-oneroster.h"

G_BEGIN_DECLS

typedef struct {
  BelOneRoster *roster;
  GHashTable   *files;     /* lowercase name -> GBytes */
  GHashTable   *manifest;  /* propertyName -> value */
  GHashTable   *orgs;      /* sourcedId -> BelOrOrg * */
  GHashTable   *sessions;  /* sourcedId -> school year "2026-2027" */
  GHashTable   *courses;   /* sourcedId -> title */
  GHashTable   *users;     /* sourcedId -> BelOrUser * */
  GHashTable   *classes;   /* sourcedId -> BelOrClass * */
  GHashTable   *known;     /* "file\x1fsourcedId" of every row, even invalid ones */
  GHashTable   *broken;    /* files that could not be read at all */
} BelOrReader;

/* One problem; @column -1 for a whole row, @row NULL for the whole file. */
void         bel_or_problem     (BelOrReader  *rd,
                                 BelCsvTable  *table,
                                 BelCsvRow    *row,
                                 int           column,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (5, 6);
/* The table of @file ("users.csv"): NULL (and a problem when @required) when
 * the set does not have it or it cannot be parsed. */
BelCsvTable *bel_or_table       (BelOrReader  *rd,
                                 const char   *file,
                                 gboolean      required);
/* The column called one of @names; -1 and a problem when @required and missing. */
int          bel_or_column      (BelOrReader        *rd,
                                 BelCsvTable        *table,
                                 const char * const *names,
                                 gboolean            required);
/* Reads sourcedId and status into @record; FALSE (with a problem) when invalid
 * or a duplicate in @seen (sourcedId -> line). */
gboolean     bel_or_read_record (BelOrReader  *rd,
                                 BelCsvTable  *table,
                                 BelCsvRow    *row,
                                 GHashTable   *seen,
                                 BelOrRecord  *record);
/* A value that must not be empty on an active row. */
const char  *bel_or_required    (BelOrReader  *rd,
                                 BelCsvTable  *table,
                                 BelCsvRow    *row,
                                 int           column,
                                 gboolean      active);
/* Whether @id is not in @file at all; FALSE when @file could not be read,
 * so that one broken file does not cause a problem on every reference. */
gboolean     bel_or_missing     (BelOrReader  *rd,
                                 const char   *file,
                                 const char   *id);
/* NULL for "" */
char        *bel_or_dup         (const char   *value);

/* bel-oneroster-users.c */
void         bel_or_read_users        (BelOrReader *rd);
void         bel_or_read_demographics (BelOrReader *rd);
void         bel_or_read_enrollments  (BelOrReader *rd);
void         bel_or_user_free         (BelOrUser   *user);
void         bel_or_enrollment_free   (BelOrEnrollment *enrollment);

G_END_DECLS
