/* test-demo-school.c - the demo school is believable and the same for a seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

#include "bel-demo.h"

static char *
students_as_json (BelDemo *demo)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < bel_demo_get_n_students (demo); i++)
    {
      JsonNode *node = bel_model_to_json (bel_demo_get_student (demo, i));
      json_object_set_int_member (json_node_get_object (node), "advisory_index",
                                  bel_demo_get_student_advisory (demo, i));
      json_array_add_element (array, node);
    }
  json_node_set_array (root, array);
  return json_to_string (root, FALSE);
}

static void
test_same_seed_same_school (void)
{
  g_autoptr(BelDemo) a = bel_demo_new (BEL_DEMO_DEFAULT_STUDENTS, BEL_DEMO_DEFAULT_SEED);
  g_autoptr(BelDemo) b = bel_demo_new (BEL_DEMO_DEFAULT_STUDENTS, BEL_DEMO_DEFAULT_SEED);
  g_autoptr(BelDemo) other = bel_demo_new (BEL_DEMO_DEFAULT_STUDENTS, 7);
  g_autofree char *json_a = students_as_json (a);
  g_autofree char *json_b = students_as_json (b);
  g_autofree char *json_other = students_as_json (other);

  g_assert_cmpstr (json_a, ==, json_b);
  g_assert_cmpstr (json_a, !=, json_other);
  for (guint i = 0; i < bel_demo_get_n_advisories (a); i++)
    g_assert_cmpstr (bel_resource_get_string (bel_demo_get_advisory (a, i), "name"), ==,
                     bel_resource_get_string (bel_demo_get_advisory (b, i), "name"));
}

static void
count (GHashTable *counts,
       const char *key)
{
  g_hash_table_insert (counts, (gpointer) key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

static guint
count_of (GHashTable *counts,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

static void
test_students_look_like_a_high_school (void)
{
  g_autoptr(BelDemo) demo = bel_demo_new (BEL_DEMO_DEFAULT_STUDENTS, BEL_DEMO_DEFAULT_SEED);
  g_autoptr(GHashTable) languages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) pronouns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ethnicities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) family_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sis_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint grades[4] = { 0 };
  guint el_current = 0, el_current_english = 0, iep = 0, sec504 = 0, both = 0;
  guint preferred = 0, language_plan = 0, behavior_plan = 0;
  guint n = bel_demo_get_n_students (demo);

  g_assert_cmpuint (n, ==, 400);
  for (guint i = 0; i < n; i++)
    {
      BelStudent *s = bel_demo_get_student (demo, i);
      gint64 grade = bel_resource_get_int (s, "grade");
      const char *language = bel_resource_get_string (s, "home-language");
      const char *sis_id = bel_resource_get_string (s, "sis-id");
      GHashTable *attributes = bel_resource_get_boxed (s, "attributes");

      g_assert_cmpint (grade, >=, 9);
      g_assert_cmpint (grade, <=, 12);
      grades[grade - 9]++;
      g_assert_nonnull (language);
      count (languages, language);
      g_assert_nonnull (bel_resource_get_string (s, "pronouns"));
      count (pronouns, bel_resource_get_string (s, "pronouns"));
      count (family_names, bel_resource_get_string (s, "family-name"));

      g_assert_true (g_regex_match_simple ("^S[0-9]{6}$", sis_id, 0, 0));
      g_assert_false (g_hash_table_contains (sis_ids, sis_id));
      g_hash_table_add (sis_ids, (gpointer) sis_id);

      g_assert_nonnull (attributes);
      g_assert_nonnull (g_hash_table_lookup (attributes, "gender"));
      g_assert_nonnull (g_hash_table_lookup (attributes, "ethnicity"));
      count (ethnicities, g_hash_table_lookup (attributes, "ethnicity"));

      if (g_str_equal (bel_resource_get_string (s, "el-status"), "current"))
        {
          el_current++;
          el_current_english += g_str_equal (language, "English");
        }
      iep += bel_resource_get_bool (s, "iep");
      sec504 += bel_resource_get_bool (s, "section-504");
      both += bel_resource_get_bool (s, "iep") && bel_resource_get_bool (s, "section-504");
      language_plan += bel_resource_get_bool (s, "language-plan");
      behavior_plan += bel_resource_get_bool (s, "behavior-plan");
      preferred += bel_resource_get_string (s, "preferred-name") != NULL;
    }

  g_test_message ("grades 9-12: %u %u %u %u; English %u, Spanish %u, %u languages; EL %u, IEP %u, "
                  "504 %u, language plans %u, behavior plans %u, preferred names %u, %u family names",
                  grades[0], grades[1], grades[2], grades[3], count_of (languages, "English"),
                  count_of (languages, "Spanish"), g_hash_table_size (languages), el_current, iep,
                  sec504, language_plan, behavior_plan, preferred, g_hash_table_size (family_names));

  /* A larger entering class; every grade well represented. */
  for (guint g = 0; g < 4; g++)
    g_assert_cmpuint (grades[g], >=, 70);
  g_assert_cmpuint (grades[0], >=, grades[3]);

  /* English about 60 %, Spanish about 20 %, then many others. */
  g_assert_cmpuint (count_of (languages, "English"), >=, 200);
  g_assert_cmpuint (count_of (languages, "English"), <=, 280);
  g_assert_cmpuint (count_of (languages, "Spanish"), >=, 56);
  g_assert_cmpuint (count_of (languages, "Spanish"), <=, 104);
  g_assert_cmpuint (g_hash_table_size (languages), >=, 8);
  for (guint i = 0; i < 6; i++)
    {
      const char *expected[] = { "Vietnamese", "Arabic", "Somali", "Tagalog", "Hmong", "Haitian Creole" };
      g_assert_cmpuint (count_of (languages, expected[i]), >, 0);
    }

  /* English learners come from homes speaking another language: about 12 %. */
  g_assert_cmpuint (el_current_english, ==, 0);
  g_assert_cmpuint (el_current, >=, 28);
  g_assert_cmpuint (el_current, <=, 72);
  /* IEP about 13 %, 504 about 6 %, never both; a few plans. */
  g_assert_cmpuint (iep, >=, 32);
  g_assert_cmpuint (iep, <=, 72);
  g_assert_cmpuint (sec504, >=, 10);
  g_assert_cmpuint (sec504, <=, 40);
  g_assert_cmpuint (both, ==, 0);
  g_assert_cmpuint (language_plan, >, 0);
  g_assert_cmpuint (behavior_plan, >, 0);
  g_assert_cmpuint (behavior_plan, <, 40);

  /* Mostly she/her and he/him, some they/them. */
  g_assert_cmpuint (count_of (pronouns, "she/her"), >=, 150);
  g_assert_cmpuint (count_of (pronouns, "he/him"), >=, 150);
  g_assert_cmpuint (count_of (pronouns, "they/them"), >, 0);
  g_assert_cmpuint (count_of (pronouns, "they/them"), <, 30);

  g_assert_cmpuint (preferred, >, 20);
  g_assert_cmpuint (g_hash_table_size (family_names), >, 150);
  g_assert_cmpuint (g_hash_table_size (ethnicities), >=, 6);
}

static void
test_staff_roles (void)
{
  g_autoptr(BelDemo) demo = bel_demo_new (BEL_DEMO_DEFAULT_STUDENTS, BEL_DEMO_DEFAULT_SEED);
  g_autoptr(GHashTable) usernames = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) roles = g_hash_table_new (g_str_hash, g_str_equal);
  guint admins = 0;

  g_assert_cmpuint (bel_demo_get_n_staff (demo), ==, 35);
  for (guint i = 0; i < bel_demo_get_n_staff (demo); i++)
    {
      BelAccount *account = bel_demo_get_staff (demo, i);
      BelMembership *membership = bel_demo_get_staff_membership (demo, i);
      const char *username = bel_resource_get_string (account, "username");

      g_assert_true (g_regex_match_simple ("^[a-z0-9][a-z0-9._-]*$", username, 0, 0));
      g_assert_false (g_hash_table_contains (usernames, username));
      g_hash_table_add (usernames, (gpointer) username);
      if (bel_account_is_admin (account))
        {
          admins++;
          g_assert_null (membership);
          continue;
        }
      g_assert_nonnull (membership);
      g_assert_nonnull (bel_resource_get_string (membership, "title"));
      count (roles, bel_resource_get_string (membership, "role"));
    }
  g_assert_cmpuint (admins, ==, 1);
  g_assert_cmpuint (count_of (roles, "leader"), >=, 2);
  g_assert_cmpuint (count_of (roles, "leader"), <=, 3);
  g_assert_cmpuint (count_of (roles, "counselor"), ==, 3);
  g_assert_cmpuint (count_of (roles, "teacher"), ==, 35 - 1 - count_of (roles, "leader") - 3);

  /* Accents and apostrophes become plain ASCII user names. */
  g_assert_true (g_hash_table_contains (usernames, "lucia.bermudez"));
  g_assert_true (g_hash_table_contains (usernames, "michael.obrien"));
  g_assert_true (g_hash_table_contains (usernames, "fatima.al-sayed"));
}

static void
check_advisories (guint n_students,
                  guint expected_groups,
                  guint min_size)
{
  g_autoptr(BelDemo) demo = bel_demo_new (n_students, BEL_DEMO_DEFAULT_SEED);
  guint n = bel_demo_get_n_advisories (demo);
  g_autofree guint *sizes = g_new0 (guint, n);
  g_autofree int *min_grade = g_new0 (int, n);
  g_autofree int *max_grade = g_new0 (int, n);
  g_autoptr(GHashTable) advisors = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (n, ==, expected_groups);
  for (guint a = 0; a < n; a++)
    {
      guint advisor = bel_demo_get_advisory_advisor (demo, a);
      BelMembership *m = bel_demo_get_staff_membership (demo, advisor);

      g_assert_nonnull (m);
      g_assert_cmpstr (bel_resource_get_string (m, "role"), ==, "teacher");
      g_assert_true (g_hash_table_add (advisors, GUINT_TO_POINTER (advisor)));
      g_assert_true (g_str_has_prefix (bel_resource_get_string (bel_demo_get_advisory (demo, a), "name"),
                                       g_strrstr (bel_resource_get_string (m, "display-name"), " ") + 1));
      min_grade[a] = 99;
    }
  for (guint i = 0; i < bel_demo_get_n_students (demo); i++)
    {
      guint a = bel_demo_get_student_advisory (demo, i);
      int grade = bel_resource_get_int (bel_demo_get_student (demo, i), "grade");

      g_assert_cmpuint (a, <, n);
      sizes[a]++;
      min_grade[a] = MIN (min_grade[a], grade);
      max_grade[a] = MAX (max_grade[a], grade);
    }
  for (guint a = 0; a < n; a++)
    {
      g_assert_cmpuint (sizes[a], >=, min_size);
      g_assert_cmpuint (sizes[a], <=, BEL_DEMO_ADVISORY_MAX);
      /* Kept by grade band: one grade, at most two adjacent ones. */
      g_assert_cmpint (max_grade[a] - min_grade[a], <=, 1);
    }
}

static void
test_advisories_of_fifteen_to_twenty (void)
{
  check_advisories (400, 20, 20);
  check_advisories (40, 2, 20);
  check_advisories (333, 17, 19);
  check_advisories (500, 25, 20);
}

static void
test_advisories_stay_in_one_grade (void)
{
  g_autoptr(BelDemo) demo = bel_demo_new (400, BEL_DEMO_DEFAULT_SEED);

  for (guint i = 0; i < bel_demo_get_n_students (demo); i++)
    {
      BelStudent *student = bel_demo_get_student (demo, i);
      guint first = i - i % 20;

      g_assert_cmpint (bel_resource_get_int (student, "grade"), ==,
                       bel_resource_get_int (bel_demo_get_student (demo, first), "grade"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/school/same-seed-same-students", test_same_seed_same_school);
  g_test_add_func ("/demo/school/students-look-like-a-high-school", test_students_look_like_a_high_school);
  g_test_add_func ("/demo/school/staff-across-roles", test_staff_roles);
  g_test_add_func ("/demo/school/advisories-of-fifteen-to-twenty", test_advisories_of_fifteen_to_twenty);
  g_test_add_func ("/demo/school/advisories-stay-in-one-grade", test_advisories_stay_in_one_grade);
  return g_test_run ();
}
