/* bel-bench-roster.c - the synthetic district's OneRoster set
 *
 * Each school gets a principal, a counselor for about every 33 staff and
 * teachers for the rest; a few district staff (counselors and a district
 * administrator) belong to every school. Students are spread evenly over
 * the schools and grades 9-12; each is enrolled in --classes-per-student
 * classes of about 25, each class taught by one of the school's teachers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-bench-roster.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define CLASS_SIZE 25
#define N_COURSES  8

static const char *given_names[] = { "Amara", "Bao", "Chiara", "Dmitri", "Émile", "Farah", "Guo", "Hana",
                                     "Ibrahim", "Jonas", "Keanu", "Lucía", "Mateo", "Noor", "Oluwaseun",
                                     "Priya", "Rosa", "Søren", "Tomás", "Yusuf" };
static const char *family_names[] = { "Nguyen", "Okafor", "Østergaard", "Patel", "Quispe", "Rossi", "Santos",
                                      "Tanaka", "Ünal", "Wójcik", "Zhang", "O'Brien", "García", "Kim",
                                      "Haddad", "Begay", "Mensah" };

typedef struct {
  FILE                *file;
  const char          *name;
  BelBenchRosterStats *stats;
} Csv;

static void
csv_open (Csv                 *csv,
          const char          *dir,
          const char          *name,
          const char          *header,
          BelBenchRosterStats *stats)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  csv->file = fopen (path, "w");
  if (csv->file == NULL)
    g_error ("%s: %s", path, g_strerror (errno));
  csv->name = name;
  csv->stats = stats;
  fprintf (csv->file, "%s\n", header);
}

static void
csv_row (Csv        *csv,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
csv_row (Csv        *csv,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (csv->file, format, args);
  va_end (args);
  fputc ('\n', csv->file);
  csv->stats->rows++;
}

static void
csv_close (Csv *csv)
{
  long size = ftell (csv->file);

  if (size > 0)
    csv->stats->bytes += (guint64) size;
  if (fclose (csv->file) != 0)
    g_error ("%s: %s", csv->name, g_strerror (errno));
}

/* @total spread over @parts: part @i's share. */
static int
share (int total,
       int parts,
       int i)
{
  return total / parts + (i < total % parts ? 1 : 0);
}

static int
district_staff (const BelBenchRosterSize *size)
{
  return CLAMP (size->staff / 1000, 1, 10);
}

static void
write_fixed_files (const char               *dir,
                   const BelBenchRosterSize *size,
                   BelBenchRosterStats      *stats)
{
  static const char *files[] = { "orgs", "academicSessions", "courses", "classes", "users", "enrollments",
                                 "demographics" };
  Csv csv;

  csv_open (&csv, dir, "manifest.csv", "propertyName,value", stats);
  csv_row (&csv, "manifest.version,1.0");
  csv_row (&csv, "oneroster.version,1.1");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    csv_row (&csv, "file.%s,bulk", files[i]);
  csv_row (&csv, "source.systemName,Belonging district benchmark");
  csv_close (&csv);

  csv_open (&csv, dir, "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", stats);
  csv_row (&csv, "org-district,active,2026-08-01T00:00:00Z,Benchmark Unified School District,district,BUSD,");
  for (int s = 0; s < size->schools; s++)
    csv_row (&csv, "org-s%02d,active,2026-08-01T00:00:00Z,District School %02d,school,DS%02d,org-district",
             s, s, s);
  csv_close (&csv);

  csv_open (&csv, dir, "academicSessions.csv",
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear", stats);
  csv_row (&csv, "ses-2027,active,2026-08-01T00:00:00Z,2026-2027,schoolYear,2026-08-24,2027-06-11,,2027");
  csv_close (&csv);

  csv_open (&csv, dir, "courses.csv",
            "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,"
            "subjects,subjectCodes", stats);
  for (int c = 0; c < N_COURSES; c++)
    csv_row (&csv, "crs-%d,active,,ses-2027,Course %d,C%d,\"09,10,11,12\",org-district,,", c, c, c);
  csv_close (&csv);
}

/* users.csv and demographics.csv; the staff of school @s are users
 * "stf-SS-NNN", index 0 the principal, then counselors, then teachers. */
static void
write_users (const char               *dir,
             const BelBenchRosterSize *size,
             BelBenchRosterStats      *stats)
{
  g_autoptr(GString) all_schools = g_string_new (NULL);
  int n_district = district_staff (size);
  int first_student = 0;
  Csv users, demographics;

  csv_open (&users, dir, "users.csv",
            "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
            "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password", stats);
  csv_open (&demographics, dir, "demographics.csv",
            "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,"
            "blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,"
            "hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,"
            "publicSchoolResidenceStatus", stats);
  for (int s = 0; s < size->schools; s++)
    g_string_append_printf (all_schools, "%sorg-s%02d", s ? "," : "", s);
  for (int i = 0; i < n_district; i++)
    csv_row (&users, "dst-%d,active,,true,\"%s\",%s,district.%s%d,,District,Staff %d,,,,,,,,", i,
             all_schools->str, i == 1 ? "districtAdministrator" : "counselor",
             i == 1 ? "leader" : "counselor", i == 1 ? 1 : (i == 0 ? 1 : i), i);
  stats->staff += (guint) n_district;
  stats->district_staff = (guint) n_district;

  for (int s = 0; s < size->schools; s++)
    {
      int n_staff = share (size->staff - n_district, size->schools, s);
      int n_students = share (size->students, size->schools, s);
      int n_counselors = MAX (1, n_staff / 33);

      for (int i = 0; i < n_staff; i++)
        {
          const char *role = i == 0 ? "principal" : i <= n_counselors ? "counselor" : "teacher";

          csv_row (&users, "stf-%02d-%03d,active,,true,org-s%02d,%s,stf%02d.%03d,,%s,%s,,,,,,,,", s, i, s, role,
                   s, i, given_names[(s + i) % G_N_ELEMENTS (given_names)],
                   family_names[(s * 7 + i) % G_N_ELEMENTS (family_names)]);
        }
      stats->staff += (guint) n_staff;
      for (int i = 0; i < n_students; i++)
        {
          int g = first_student + i;

          csv_row (&users, "stu-%06d,active,,true,org-s%02d,student,stu-%06d,,%s,%s,,,,,,,%02d,", g, s, g,
                   given_names[(g * 7) % G_N_ELEMENTS (given_names)],
                   family_names[(g / 3) % G_N_ELEMENTS (family_names)], 9 + g % 4);
          csv_row (&demographics, "stu-%06d,active,,,%s,false,%s,%s,false,%s,false,%s,US,,,", g,
                   g % 2 ? "female" : "male", g % 5 == 0 ? "true" : "false", g % 7 == 0 ? "true" : "false",
                   g % 3 == 0 ? "true" : "false", g % 4 == 0 ? "true" : "false");
        }
      first_student += n_students;
    }
  stats->students = (guint) first_student;
  csv_close (&users);
  csv_close (&demographics);
}

/* Sections of about CLASS_SIZE students; student i of a school takes, in
 * each of the classes_per_student periods, section i % sections. */
static void
write_classes (const char               *dir,
               const BelBenchRosterSize *size,
               BelBenchRosterStats      *stats)
{
  int n_district = district_staff (size);
  int first_student = 0;
  Csv classes, enrollments;

  csv_open (&classes, dir, "classes.csv",
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
            "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods", stats);
  csv_open (&enrollments, dir, "enrollments.csv",
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
            "beginDate,endDate", stats);
  for (int s = 0; s < size->schools; s++)
    {
      int n_staff = share (size->staff - n_district, size->schools, s);
      int n_students = share (size->students, size->schools, s);
      int n_counselors = MAX (1, n_staff / 33);
      int first_teacher = MIN (n_counselors + 1, n_staff - 1);
      int n_teachers = MAX (1, n_staff - first_teacher);
      int sections = MAX (1, (n_students + CLASS_SIZE - 1) / CLASS_SIZE);

      for (int period = 0; period < size->classes_per_student; period++)
        for (int k = 0; k < sections; k++)
          {
            int c = period * sections + k;
            int teacher = first_teacher + c % n_teachers;

            csv_row (&classes, "cls-%02d-%04d,active,,Course %d section %d,,crs-%d,C%d-%d,scheduled,,org-s%02d,"
                     "ses-2027,,,%d", s, c, period % N_COURSES, k, period % N_COURSES, period, k, s, period + 1);
            csv_row (&enrollments, "enr-%02d-%04d-t,active,,cls-%02d-%04d,org-s%02d,stf-%02d-%03d,teacher,true,,",
                     s, c, s, c, s, s, teacher);
            stats->classes++;
            stats->enrollments++;
          }
      for (int i = 0; i < n_students && size->classes_per_student > 0; i++)
        for (int period = 0; period < size->classes_per_student; period++)
          {
            int g = first_student + i;

            csv_row (&enrollments, "enr-%06d-%d,active,,cls-%02d-%04d,org-s%02d,stu-%06d,student,false,2026-08-24,",
                     g, period, s, period * sections + i % sections, s, g);
            stats->enrollments++;
          }
      first_student += n_students;
    }
  csv_close (&classes);
  csv_close (&enrollments);
}

void
bel_bench_roster_write (const char               *dir,
                        const BelBenchRosterSize *size,
                        BelBenchRosterStats      *stats)
{
  memset (stats, 0, sizeof *stats);
  write_fixed_files (dir, size, stats);
  write_users (dir, size, stats);
  write_classes (dir, size, stats);
}
