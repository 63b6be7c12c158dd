/* bel-bench-roster.h - a synthetic district as a OneRoster 1.1 CSV bulk set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The district-wide counselor every benchmark signs in as: a member of every school. */
#define BEL_BENCH_ROSTER_DISTRICT_COUNSELOR "district.counselor1"

typedef struct {
  int schools;
  int students;            /* over the whole district */
  int staff;               /* over the whole district, district-wide staff included */
  int classes_per_student; /* enrollments per student (0: no classes) */
} BelBenchRosterSize;

typedef struct {
  guint students;
  guint staff;             /* accounts: teachers, counselors, leaders */
  guint district_staff;    /* of them, members of every school */
  guint classes;
  guint enrollments;
  guint rows;              /* CSV rows of every file, headers excluded */
  guint64 bytes;
} BelBenchRosterStats;

/* Writes manifest.csv, orgs.csv, academicSessions.csv, courses.csv,
 * classes.csv, users.csv, demographics.csv and enrollments.csv into @dir
 * (which must exist). Deterministic: the same size gives the same files. */
void bel_bench_roster_write (const char               *dir,
                             const BelBenchRosterSize *size,
                             BelBenchRosterStats      *stats);

G_END_DECLS
