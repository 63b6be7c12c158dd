/* bel-board-summary.c - students with no adult, one, two or more, by group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-private.h"

#include <string.h>

typedef struct {
  const char *key;
  const char *label;
} FixedSubgroup;

/* The subgroups every summary lists, in this order, then the roster's
 * attributes (attr:KEY=VALUE) in key order. */
static const FixedSubgroup fixed_subgroups[] = {
  { "el", "English learners" },
  { "former_el", "Former English learners" },
  { "iep", "IEP" },
  { "504", "504 plan" },
  { "language_plan", "Language plan" },
  { "behavior_plan", "Behavior plan" },
};

void
bel_board_group_clear (BelBoardGroup *group)
{
  g_clear_pointer (&group->key, g_free);
  g_clear_pointer (&group->label, g_free);
}

void
bel_board_group_free (BelBoardGroup *group)
{
  bel_board_group_clear (group);
  g_free (group);
}

const char *
bel_board_connection_for (gint64 adult_count)
{
  if (adult_count <= 0)
    return "none";
  return adult_count == 1 ? "one" : "many";
}

static void
count_in (BelBoardGroup *group,
          guint          adults)
{
  group->students++;
  if (adults == 0)
    group->none++;
  else if (adults == 1)
    group->one++;
  else
    group->many++;
}

/* A group of @groups by @id (borrowed: it lives as long as the table); its
 * key and label are made only when it is new. */
static BelBoardGroup *
group_for (GHashTable    *groups,
           gconstpointer  id,
           char        *(*make_key) (gconstpointer id),
           const char    *label)
{
  BelBoardGroup *group = g_hash_table_lookup (groups, id);

  if (group == NULL)
    {
      group = g_new0 (BelBoardGroup, 1);
      group->key = make_key (id);
      group->label = g_strdup (label);
      g_hash_table_insert (groups, (gpointer) id, group);
    }
  return group;
}

static char *
grade_label (gint64 grade)
{
  if (grade == -1)
    return g_strdup ("Pre-kindergarten");
  if (grade == 0)
    return g_strdup ("Kindergarten");
  return g_strdup_printf ("Grade %" G_GINT64_FORMAT, grade);
}

static char *
grade_key (gconstpointer id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, *(const gint64 *) id);
}

static char *
advisory_key (gconstpointer id)
{
  gint64 advisory_id = *(const gint64 *) id;

  return advisory_id ? g_strdup_printf ("%" G_GINT64_FORMAT, advisory_id) : g_strdup ("none");
}

static char *
attribute_key (gconstpointer id)
{
  return g_strdup (id);
}

static gboolean
in_fixed_subgroup (const BelBoardStudent *s,
                   guint                  index)
{
  switch (index)
    {
    case 0:
      return g_strcmp0 (s->el_status, "current") == 0;
    case 1:
      return g_strcmp0 (s->el_status, "former") == 0;
    case 2:
      return s->iep;
    case 3:
      return s->section_504;
    case 4:
      return s->language_plan;
    case 5:
      return s->behavior_plan;
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  GHashTable    *grades;         /* &grade -> BelBoardGroup */
  GHashTable    *advisories;     /* &advisory_id -> BelBoardGroup */
  GHashTable    *attributes;     /* "attr:KEY=VALUE" -> BelBoardGroup */
  GHashTable    *advisory_names; /* &advisory_id -> name */
  BelBoardGroup  fixed[G_N_ELEMENTS (fixed_subgroups)];
} Counter;

static void
count_student (Counter               *c,
               const BelBoardStudent *s)
{
  guint adults = bel_board_student_adults (s);
  BelBoardGroup *grade = g_hash_table_lookup (c->grades, &s->grade);
  const char *advisory_name = s->advisory_id ? g_hash_table_lookup (c->advisory_names, &s->advisory_id)
                                             : "No advisory";

  if (grade == NULL)
    {
      g_autofree char *label = grade_label (s->grade);

      grade = group_for (c->grades, &s->grade, grade_key, label);
    }
  count_in (grade, adults);
  count_in (group_for (c->advisories, &s->advisory_id, advisory_key, advisory_name), adults);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_subgroups); i++)
    if (in_fixed_subgroup (s, i))
      count_in (&c->fixed[i], adults);
  for (guint i = 0; s->attributes != NULL && i < s->attributes->len; i++)
    {
      const BelBoardAttribute *attribute = g_ptr_array_index (s->attributes, i);

      count_in (group_for (c->attributes, attribute->key, attribute_key, attribute->label), adults);
    }
}

static int
compare_grade (gconstpointer a,
               gconstpointer b)
{
  gint64 ga = g_ascii_strtoll ((*(BelBoardGroup * const *) a)->key, NULL, 10);
  gint64 gb = g_ascii_strtoll ((*(BelBoardGroup * const *) b)->key, NULL, 10);

  return (ga > gb) - (ga < gb);
}

/* By name, "No advisory" last. */
static int
compare_advisory (gconstpointer a,
                  gconstpointer b)
{
  const BelBoardGroup *ga = *(BelBoardGroup * const *) a;
  const BelBoardGroup *gb = *(BelBoardGroup * const *) b;
  gboolean none_a = g_str_equal (ga->key, "none");
  gboolean none_b = g_str_equal (gb->key, "none");

  if (none_a != none_b)
    return none_a - none_b;
  return g_utf8_collate (ga->label ?: "", gb->label ?: "");
}

static int
compare_key (gconstpointer a,
             gconstpointer b)
{
  return strcmp ((*(BelBoardGroup * const *) a)->key, (*(BelBoardGroup * const *) b)->key);
}

/* Moves the groups of @table into a sorted array. */
static GPtrArray *
sorted_groups (GHashTable       *table,
               GCompareFunc      compare)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_board_group_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (out, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (out, compare);
  return out;
}

static gboolean
matches_connection (const BelBoardStudent *s,
                    const char            *connection)
{
  return connection == NULL ||
         g_str_equal (bel_board_connection_for (bel_board_student_adults (s)), connection);
}

static void
keep_connection (BelBoard   *board,
                 const char *connection)
{
  gsize n = 0;
  gpointer *all;
  GPtrArray *kept;

  if (connection == NULL)
    return;
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_board_student_free);
  all = g_ptr_array_steal (board->students, &n);
  for (gsize i = 0; i < n; i++)
    {
      if (matches_connection (all[i], connection))
        g_ptr_array_add (kept, all[i]);
      else
        bel_board_student_free (all[i]);
    }
  g_free (all);
  g_ptr_array_unref (board->students);
  board->students = kept;
}

guint
bel_board_student_adults (const BelBoardStudent *student)
{
  GArray *relationship = student->marks[BEL_MARK_KIND_RELATIONSHIP];

  return relationship ? relationship->len : 0;
}

void
bel_board_summarize (BelBoard   *board,
                     const char *connection)
{
  g_autoptr(GHashTable) grades = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) bel_board_group_free);
  g_autoptr(GHashTable) advisories = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                            (GDestroyNotify) bel_board_group_free);
  g_autoptr(GHashTable) attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) bel_board_group_free);
  g_autoptr(GHashTable) advisory_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  Counter c = { grades, advisories, attributes, advisory_names, { { 0 } } };
  g_autoptr(GPtrArray) by_attribute = NULL;

  for (guint i = 0; i < board->advisories->len; i++)
    {
      BelBoardAdvisory *advisory = &g_array_index (board->advisories, BelBoardAdvisory, i);

      g_hash_table_insert (advisory_names, &advisory->advisory_id, (gpointer) advisory->name);
    }
  bel_board_group_clear (&board->total);
  board->total = (BelBoardGroup) { g_strdup ("all"), g_strdup ("All students"), 0, 0, 0, 0 };
  for (guint i = 0; i < board->students->len; i++)
    {
      const BelBoardStudent *s = g_ptr_array_index (board->students, i);

      count_in (&board->total, bel_board_student_adults (s));
      count_student (&c, s);
    }
  g_clear_pointer (&board->by_grade, g_ptr_array_unref);
  g_clear_pointer (&board->by_advisory, g_ptr_array_unref);
  g_clear_pointer (&board->by_subgroup, g_ptr_array_unref);
  board->by_grade = sorted_groups (grades, compare_grade);
  board->by_advisory = sorted_groups (advisories, compare_advisory);
  board->by_subgroup = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_board_group_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_subgroups); i++)
    {
      BelBoardGroup *group = g_new (BelBoardGroup, 1);

      *group = c.fixed[i];
      group->key = g_strdup (fixed_subgroups[i].key);
      group->label = g_strdup (fixed_subgroups[i].label);
      g_ptr_array_add (board->by_subgroup, group);
    }
  by_attribute = sorted_groups (attributes, compare_key);
  g_ptr_array_extend_and_steal (board->by_subgroup, g_steal_pointer (&by_attribute));
  keep_connection (board, connection);
}
