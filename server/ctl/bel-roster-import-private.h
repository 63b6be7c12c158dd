/* bel-roster-import-private.h - what the files of the roster import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine-private.h"
#include "bel-roster-import.h"

G_BEGIN_DECLS

typedef struct {
  BelEngine            *engine;
  BelAccount           *actor;
  BelOneRoster         *roster;
  BelRosterImportStats *stats;
  BelRosterProgress     progress;
  gpointer              user_data;
  guint                 done;
  guint                 total;
  GHashTable           *schools;      /* BelOrOrg * -> gint64 * school id */
  GHashTable           *student_ids;  /* BelOrUser * -> gint64 * */
  GHashTable           *account_ids;  /* BelOrUser * -> gint64 * */
  GHashTable           *class_ids;    /* BelOrClass * -> gint64 * */
  GHashTable           *present;      /* sourcedIds of the set's active users */
} BelImport;

gint64   *bel_import_id        (gint64      id);
void      bel_import_step      (BelImport  *im);
/* Prefixes "FILE:LINE: " to @error and returns FALSE. */
gboolean  bel_import_fail_at   (GError    **error,
                                const char *file,
                                guint       line);
gint64    bel_import_school_of (BelImport  *im,
                                BelOrUser  *user);

/* bel-roster-import-students.c */
gboolean  bel_import_students  (BelImport  *im,
                                GError    **error);
gboolean  bel_import_classes   (BelImport  *im,
                                GError    **error);

G_END_DECLS
