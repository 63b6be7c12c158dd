/* bel-demo.c - draws the demo school from bel-demo-names.c
 *
 * Every random choice comes from one GRand seeded by the caller, in a fixed
 * order, with integer weights: the same seed gives the same school anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo.h"

#include <gio/gio.h>

#include "bel-demo-names.h"

#define SCHOOL_NAME       "Riverside Community High School"
#define SCHOOL_SHORT_NAME "Riverside HS"
#define STAFF_EMAIL_DOMAIN "riverside.example.org"
#define FIRST_YEAR 2026 /* of BEL_DEMO_SCHOOL_YEAR */

struct _BelDemo
{
  GObject    parent_instance;

  GRand     *rand;
  BelSchool *school;
  GPtrArray *staff;             /* BelAccount */
  GPtrArray *memberships;       /* BelMembership or NULL, parallel to staff */
  GPtrArray *students;          /* BelStudent, grade 9 first */
  GArray    *student_advisory;  /* guint, parallel to students */
  GPtrArray *advisories;        /* BelAdvisory */
  GArray    *advisory_advisor;  /* guint staff index, parallel to advisories */
  GHashTable *sis_ids;          /* only for uniqueness, never iterated */
};

G_DEFINE_FINAL_TYPE (BelDemo, bel_demo, G_TYPE_OBJECT)

/* Grades 9-12: a larger entering class, some attrition by grade 12. */
static const guint grade_share[] = { 30, 25, 25, 20 };

static void
bel_demo_finalize (GObject *object)
{
  BelDemo *self = BEL_DEMO (object);

  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_object (&self->school);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->memberships, g_ptr_array_unref);
  g_clear_pointer (&self->students, g_ptr_array_unref);
  g_clear_pointer (&self->student_advisory, g_array_unref);
  g_clear_pointer (&self->advisories, g_ptr_array_unref);
  g_clear_pointer (&self->advisory_advisor, g_array_unref);
  g_clear_pointer (&self->sis_ids, g_hash_table_unref);

  G_OBJECT_CLASS (bel_demo_parent_class)->finalize (object);
}

static void
bel_demo_class_init (BelDemoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_demo_finalize;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
bel_demo_init (BelDemo *self)
{
  self->staff = g_ptr_array_new_with_free_func (g_object_unref);
  self->memberships = g_ptr_array_new_with_free_func (unref_if_set);
  self->students = g_ptr_array_new_with_free_func (g_object_unref);
  self->student_advisory = g_array_new (FALSE, FALSE, sizeof (guint));
  self->advisories = g_ptr_array_new_with_free_func (g_object_unref);
  self->advisory_advisor = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sis_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- drawing ---- */

static gboolean
chance (BelDemo *self,
        guint    percent)
{
  return (guint) g_rand_int_range (self->rand, 0, 100) < percent;
}

static guint
strv_pick (BelDemo            *self,
           const char * const *strv)
{
  return g_rand_int_range (self->rand, 0, g_strv_length ((char **) strv));
}

static const BelDemoHeritage *
pick_heritage (BelDemo *self)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < bel_demo_n_heritages; i++)
    total += bel_demo_heritages[i].weight;
  r = g_rand_int_range (self->rand, 0, total);
  for (guint i = 0; i < bel_demo_n_heritages; i++)
    {
      if (r < bel_demo_heritages[i].weight)
        return &bel_demo_heritages[i];
      r -= bel_demo_heritages[i].weight;
    }
  g_assert_not_reached ();
}

static const char *
pick_language (BelDemo               *self,
               const BelDemoLanguage *languages)
{
  guint total = 0;
  guint r;

  for (guint i = 0; languages[i].language != NULL; i++)
    total += languages[i].weight;
  r = g_rand_int_range (self->rand, 0, total);
  for (guint i = 0; languages[i].language != NULL; i++)
    {
      if (r < languages[i].weight)
        return languages[i].language;
      r -= languages[i].weight;
    }
  g_assert_not_reached ();
}

/* Splits "Name|Nickname" into its halves; the nickname may be NULL. */
static void
split_given (const char  *entry,
             char       **given,
             char       **nickname)
{
  const char *bar = strchr (entry, '|');

  *given = bar ? g_strndup (entry, bar - entry) : g_strdup (entry);
  *nickname = bar ? g_strdup (bar + 1) : NULL;
}

static char *
draw_family_name (BelDemo               *self,
                  const BelDemoHeritage *heritage)
{
  guint first = strv_pick (self, heritage->family);
  guint second;

  if (!chance (self, heritage->two_family_names_percent))
    return g_strdup (heritage->family[first]);
  second = strv_pick (self, heritage->family);
  if (second == first)
    return g_strdup (heritage->family[first]);
  return g_strdup_printf ("%s %s", heritage->family[first], heritage->family[second]);
}

static char *
draw_sis_id (BelDemo *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("S%06d", g_rand_int_range (self->rand, 100000, 1000000));

      if (g_hash_table_add (self->sis_ids, id))
        return g_strdup (id);
    }
}

typedef enum { FEMALE, MALE, NONBINARY } Gender;

static Gender
draw_gender (BelDemo *self)
{
  guint r = g_rand_int_range (self->rand, 0, 1000);

  if (r < 25)
    return NONBINARY;
  return r < 512 ? FEMALE : MALE;
}

static const char *
pronouns_for (BelDemo *self,
              Gender   gender)
{
  gboolean also_they = chance (self, 2);

  switch (gender)
    {
    case FEMALE:
      return also_they ? "she/they" : "she/her";
    case MALE:
      return also_they ? "he/they" : "he/him";
    case NONBINARY:
    default:
      return "they/them";
    }
}

static const char *
ethnicity_for (BelDemo               *self,
               const BelDemoHeritage *heritage)
{
  /* Multiracial students are reported as such whatever their name suggests. */
  if (chance (self, 7))
    return "Two or more races";
  return heritage->ethnicity;
}

static void
draw_programs (BelDemo    *self,
               BelStudent *student,
               const char *el_status)
{
  guint r = g_rand_int_range (self->rand, 0, 100);
  gboolean iep = r < 13;
  gboolean section_504 = !iep && r < 19;
  gboolean behavior_plan = chance (self, iep ? 12 : 2);
  gboolean language_plan = g_str_equal (el_status, "current") && chance (self, 30);

  g_object_set (student,
                "iep", iep,
                "section-504", section_504,
                "behavior-plan", behavior_plan,
                "language-plan", language_plan,
                NULL);
}

static const char *
draw_el_status (BelDemo               *self,
                const BelDemoHeritage *heritage,
                const char            *language)
{
  guint r = g_rand_int_range (self->rand, 0, 100);

  if (g_str_equal (language, "English"))
    return "none";
  if (r < heritage->el_current_percent)
    return "current";
  if (r < heritage->el_current_percent + heritage->el_former_percent)
    return "former";
  return "none";
}

static char *
draw_preferred_name (BelDemo    *self,
                     Gender      gender,
                     const char *nickname)
{
  if (gender == NONBINARY && chance (self, 60))
    return g_strdup (bel_demo_chosen_names[strv_pick (self, bel_demo_chosen_names)]);
  if (nickname != NULL && chance (self, 40))
    return g_strdup (nickname);
  return NULL;
}

static BelStudent *
draw_student (BelDemo *self,
              int      grade)
{
  const BelDemoHeritage *heritage = pick_heritage (self);
  Gender gender = draw_gender (self);
  gboolean female_name = gender == FEMALE || (gender == NONBINARY && chance (self, 50));
  const char * const *names = female_name ? heritage->female : heritage->male;
  g_autofree char *given = NULL;
  g_autofree char *nickname = NULL;
  g_autofree char *family = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *sis_id = NULL;
  const char *language;
  const char *el_status;
  g_autoptr(GHashTable) attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  BelStudent *student = bel_student_new ();

  split_given (names[strv_pick (self, names)], &given, &nickname);
  family = draw_family_name (self, heritage);
  preferred = draw_preferred_name (self, gender, nickname);
  language = pick_language (self, heritage->languages);
  el_status = draw_el_status (self, heritage, language);
  sis_id = draw_sis_id (self);

  g_hash_table_insert (attributes, g_strdup ("gender"),
                       g_strdup (gender == FEMALE ? "Female" : gender == MALE ? "Male" : "Nonbinary"));
  g_hash_table_insert (attributes, g_strdup ("ethnicity"), g_strdup (ethnicity_for (self, heritage)));

  g_object_set (student,
                "sis-id", sis_id,
                "given-name", given,
                "family-name", family,
                "preferred-name", preferred,
                "pronouns", pronouns_for (self, gender),
                "grade", (gint64) grade,
                "home-language", language,
                "el-status", el_status,
                "attributes", attributes,
                "active", TRUE,
                NULL);
  draw_programs (self, student, el_status);
  return student;
}

/* Splits @n in proportion to @weights by largest remainder, so the parts add
 * up to @n; ties go to the earlier part. */
static void
split_by_weights (guint        n,
                  const guint *weights,
                  guint        n_weights,
                  guint       *parts)
{
  g_autofree gboolean *topped = g_new0 (gboolean, n_weights);
  guint total = 0;
  guint assigned = 0;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];
  for (guint i = 0; i < n_weights; i++)
    {
      parts[i] = n * weights[i] / total;
      assigned += parts[i];
    }
  /* Fewer than n_weights are left over, so each part takes at most one. */
  for (; assigned < n; assigned++)
    {
      guint best = n_weights;

      for (guint i = 0; i < n_weights; i++)
        if (!topped[i] && (best == n_weights ||
                           (n * weights[i]) % total > (n * weights[best]) % total))
          best = i;
      topped[best] = TRUE;
      parts[best]++;
    }
}

/* ---- staff ---- */

char *
bel_demo_username_for (const char *display_name)
{
  g_autofree char *ascii = g_str_to_ascii (display_name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  g_auto(GStrv) words = g_strsplit (lower, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint w = 0; words[w] != NULL; w++)
    {
      if (w == 1)
        g_string_append_c (out, '.');
      else if (w > 1)
        g_string_append_c (out, '-');
      for (const char *c = words[w]; *c; c++)
        if (g_ascii_isalnum (*c) || *c == '-')
          g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

static void
add_staff (BelDemo *self)
{
  for (guint i = 0; i < bel_demo_n_staff; i++)
    {
      const BelDemoStaffMember *member = &bel_demo_staff[i];
      g_autofree char *username = bel_demo_username_for (member->display_name);
      g_autofree char *email = g_strdup_printf ("%s@%s", username, STAFF_EMAIL_DOMAIN);
      BelAccount *account = bel_account_new ();
      BelMembership *membership = NULL;

      g_object_set (account,
                    "username", username,
                    "display-name", member->display_name,
                    "email", email,
                    "server-role", member->role == BEL_DEMO_ROLE_ADMIN ? "admin" : "none",
                    "active", TRUE,
                    NULL);
      if (member->role != BEL_DEMO_ROLE_ADMIN)
        {
          membership = bel_membership_new ();
          g_object_set (membership,
                        "username", username,
                        "display-name", member->display_name,
                        "role", bel_demo_role_name (member->role),
                        "title", member->title,
                        NULL);
        }
      g_ptr_array_add (self->staff, account);
      g_ptr_array_add (self->memberships, membership);
    }
}

/* ---- advisories ---- */

static const char *
last_word (const char *display_name)
{
  const char *space = strrchr (display_name, ' ');

  return space ? space + 1 : display_name;
}

static void
add_advisory (BelDemo *self,
              guint    number,
              guint    advisor,
              int      grade)
{
  const BelDemoStaffMember *member = &bel_demo_staff[advisor];
  guint cycle = number / bel_demo_n_staff;
  g_autofree char *label = cycle == 0
    ? g_strdup_printf ("%s advisory", last_word (member->display_name))
    : g_strdup_printf ("%s advisory %u", last_word (member->display_name), cycle + 1);
  g_autofree char *name = g_ascii_isdigit (member->room[0])
    ? g_strdup_printf ("%s, room %s", label, member->room)
    : g_strdup_printf ("%s, %s", label, member->room);
  /* Advisories loop with their students from grade 9. */
  int start = FIRST_YEAR - (grade - 9);
  g_autofree char *since = g_strdup_printf ("%d-%d", start, start + 1);
  BelAdvisory *advisory = bel_advisory_new ();

  g_object_set (advisory,
                "name", name,
                "room", member->room,
                "advisor-name", member->display_name,
                "since-year", since,
                NULL);
  g_ptr_array_add (self->advisories, advisory);
  g_array_append_val (self->advisory_advisor, advisor);
}

/* The grades (offsets from grade 9) each advisory takes: one grade each as soon
 * as there are four advisories or more, else bands of adjacent grades. */
static void
advisory_bands (guint  n_groups,
                guint *first,
                guint *last)
{
  static const guint bands[4][3][2] = {
    { { 0, 3 } },
    { { 0, 1 }, { 2, 3 } },
    { { 0, 0 }, { 1, 1 }, { 2, 3 } },
  };
  guint per_grade[4];
  guint group = 0;

  if (n_groups < 4)
    {
      for (guint j = 0; j < n_groups; j++)
        first[j] = bands[n_groups - 1][j][0], last[j] = bands[n_groups - 1][j][1];
      return;
    }
  split_by_weights (n_groups, grade_share, 4, per_grade);
  for (guint g = 0; g < 4; g++)
    for (guint k = 0; k < per_grade[g]; k++, group++)
      first[group] = last[group] = g;
}

/* Advisories of at most BEL_DEMO_ADVISORY_MAX students and near-equal size,
 * each filled with students of its grade band, grade 9 first. */
static void
add_students_and_advisories (BelDemo *self,
                             guint    n)
{
  guint n_groups = MAX (1, (n + BEL_DEMO_ADVISORY_MAX - 1) / BEL_DEMO_ADVISORY_MAX);
  g_autofree guint *first = g_new0 (guint, n_groups);
  g_autofree guint *last = g_new0 (guint, n_groups);
  g_autoptr(GArray) advisors = g_array_new (FALSE, FALSE, sizeof (guint));

  if (n == 0)
    return;
  for (guint i = 0; i < bel_demo_n_staff; i++)
    if (bel_demo_staff[i].role == BEL_DEMO_ROLE_TEACHER && bel_demo_staff[i].room != NULL)
      g_array_append_val (advisors, i);

  advisory_bands (n_groups, first, last);
  for (guint group = 0; group < n_groups; group++)
    {
      guint size = n / n_groups + (group < n % n_groups ? 1 : 0);
      guint counts[4];

      add_advisory (self, group, g_array_index (advisors, guint, group % advisors->len),
                    9 + first[group]);
      split_by_weights (size, grade_share + first[group], last[group] - first[group] + 1, counts);
      for (guint g = first[group]; g <= last[group]; g++)
        for (guint k = 0; k < counts[g - first[group]]; k++)
          {
            g_ptr_array_add (self->students, draw_student (self, 9 + g));
            g_array_append_val (self->student_advisory, group);
          }
    }
}

/* ---- public ---- */

BelDemo *
bel_demo_new (guint   n_students,
              guint32 seed)
{
  BelDemo *self;

  g_return_val_if_fail (n_students <= BEL_DEMO_MAX_STUDENTS, NULL);

  self = g_object_new (BEL_TYPE_DEMO, NULL);
  self->rand = g_rand_new_with_seed (seed);
  self->school = bel_school_new ();
  g_object_set (self->school,
                "name", SCHOOL_NAME,
                "short-name", SCHOOL_SHORT_NAME,
                "school-year", BEL_DEMO_SCHOOL_YEAR,
                NULL);
  add_staff (self);
  add_students_and_advisories (self, n_students);
  return self;
}

BelSchool *
bel_demo_get_school (BelDemo *self)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), NULL);
  return self->school;
}

guint
bel_demo_get_n_staff (BelDemo *self)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), 0);
  return self->staff->len;
}

BelAccount *
bel_demo_get_staff (BelDemo *self,
                    guint    index)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), NULL);
  g_return_val_if_fail (index < self->staff->len, NULL);
  return g_ptr_array_index (self->staff, index);
}

BelMembership *
bel_demo_get_staff_membership (BelDemo *self,
                               guint    index)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), NULL);
  g_return_val_if_fail (index < self->memberships->len, NULL);
  return g_ptr_array_index (self->memberships, index);
}

guint
bel_demo_get_n_students (BelDemo *self)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), 0);
  return self->students->len;
}

BelStudent *
bel_demo_get_student (BelDemo *self,
                      guint    index)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), NULL);
  g_return_val_if_fail (index < self->students->len, NULL);
  return g_ptr_array_index (self->students, index);
}

guint
bel_demo_get_student_advisory (BelDemo *self,
                               guint    index)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), 0);
  g_return_val_if_fail (index < self->student_advisory->len, 0);
  return g_array_index (self->student_advisory, guint, index);
}

guint
bel_demo_get_n_advisories (BelDemo *self)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), 0);
  return self->advisories->len;
}

BelAdvisory *
bel_demo_get_advisory (BelDemo *self,
                       guint    index)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), NULL);
  g_return_val_if_fail (index < self->advisories->len, NULL);
  return g_ptr_array_index (self->advisories, index);
}

guint
bel_demo_get_advisory_advisor (BelDemo *self,
                               guint    index)
{
  g_return_val_if_fail (BEL_IS_DEMO (self), 0);
  g_return_val_if_fail (index < self->advisory_advisor->len, 0);
  return g_array_index (self->advisory_advisor, guint, index);
}
