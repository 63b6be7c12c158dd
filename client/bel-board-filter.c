/* bel-board-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-board-filter.h"

#include <string.h>

struct _BelBoardFilter
{
  GtkFilter     parent_instance;

  BelConnection connection;
  int           grade;
  gint64        advisory_id;
  char         *subgroup;
  GHashTable   *members;   /* gint64* set, for the subgroups of the daemon */
  GStrv         words;     /* folded search words */
};

G_DEFINE_FINAL_TYPE (BelBoardFilter, bel_board_filter, GTK_TYPE_FILTER)

gboolean
bel_board_filter_subgroup_is_local (const char *key)
{
  return g_strcmp0 (key, "el") == 0 || g_strcmp0 (key, "former_el") == 0 ||
         g_strcmp0 (key, "iep") == 0 || g_strcmp0 (key, "504") == 0;
}

static gboolean
match_subgroup (BelBoardFilter  *self,
                BelBoardStudent *student)
{
  gint64 id;

  if (self->subgroup == NULL)
    return TRUE;
  if (g_strcmp0 (self->subgroup, "el") == 0)
    return g_strcmp0 (bel_board_student_get_el_status (student), "current") == 0;
  if (g_strcmp0 (self->subgroup, "former_el") == 0)
    return g_strcmp0 (bel_board_student_get_el_status (student), "former") == 0;
  if (g_strcmp0 (self->subgroup, "iep") == 0)
    return bel_board_student_get_iep (student);
  if (g_strcmp0 (self->subgroup, "504") == 0)
    return bel_board_student_get_section_504 (student);
  id = bel_board_student_get_id (student);
  return self->members != NULL && g_hash_table_contains (self->members, &id);
}

gboolean
bel_board_filter_match_except_connection (BelBoardFilter  *self,
                                          BelBoardStudent *student)
{
  const char *key;

  if (self->grade != BEL_BOARD_FILTER_ANY_GRADE && bel_board_student_get_grade (student) != self->grade)
    return FALSE;
  if (self->advisory_id != 0 && bel_board_student_get_advisory_id (student) != self->advisory_id)
    return FALSE;
  if (!match_subgroup (self, student))
    return FALSE;
  key = bel_board_student_get_search_key (student);
  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    if (strstr (key, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
bel_board_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  BelBoardFilter *self = BEL_BOARD_FILTER (filter);
  BelBoardStudent *student = item;

  if (self->connection != BEL_CONNECTION_ANY &&
      MIN (bel_board_student_get_adult_count (student), 2) != (guint) self->connection)
    return FALSE;
  return bel_board_filter_match_except_connection (self, student);
}

static GtkFilterMatch
bel_board_filter_get_strictness (GtkFilter *filter)
{
  return bel_board_filter_get_active (BEL_BOARD_FILTER (filter)) ? GTK_FILTER_MATCH_SOME
                                                                  : GTK_FILTER_MATCH_ALL;
}

static void
bel_board_filter_finalize (GObject *object)
{
  BelBoardFilter *self = BEL_BOARD_FILTER (object);

  g_free (self->subgroup);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_strfreev (self->words);
  G_OBJECT_CLASS (bel_board_filter_parent_class)->finalize (object);
}

static void
bel_board_filter_class_init (BelBoardFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_board_filter_finalize;
  GTK_FILTER_CLASS (klass)->match = bel_board_filter_match;
  GTK_FILTER_CLASS (klass)->get_strictness = bel_board_filter_get_strictness;
}

static void
bel_board_filter_init (BelBoardFilter *self)
{
  self->connection = BEL_CONNECTION_ANY;
  self->grade = BEL_BOARD_FILTER_ANY_GRADE;
}

BelBoardFilter *
bel_board_filter_new (void)
{
  return g_object_new (BEL_TYPE_BOARD_FILTER, NULL);
}

void
bel_board_filter_set_connection (BelBoardFilter *self,
                                 BelConnection   connection)
{
  g_return_if_fail (BEL_IS_BOARD_FILTER (self));
  if (self->connection == connection)
    return;
  self->connection = connection;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

BelConnection
bel_board_filter_get_connection (BelBoardFilter *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_FILTER (self), BEL_CONNECTION_ANY);
  return self->connection;
}

void
bel_board_filter_set_grade (BelBoardFilter *self,
                            int             grade)
{
  g_return_if_fail (BEL_IS_BOARD_FILTER (self));
  if (self->grade == grade)
    return;
  self->grade = grade;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

void
bel_board_filter_set_advisory (BelBoardFilter *self,
                               gint64          advisory_id)
{
  g_return_if_fail (BEL_IS_BOARD_FILTER (self));
  if (self->advisory_id == advisory_id)
    return;
  self->advisory_id = advisory_id;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

void
bel_board_filter_set_subgroup (BelBoardFilter *self,
                               const char     *key,
                               GHashTable     *members)
{
  g_return_if_fail (BEL_IS_BOARD_FILTER (self));
  if (key != NULL && *key == '\0')
    key = NULL;
  g_free (self->subgroup);
  self->subgroup = g_strdup (key);
  g_clear_pointer (&self->members, g_hash_table_unref);
  self->members = members ? g_hash_table_ref (members) : NULL;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
bel_board_filter_get_subgroup (BelBoardFilter *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_FILTER (self), NULL);
  return self->subgroup;
}

void
bel_board_filter_set_search (BelBoardFilter *self,
                             const char     *text)
{
  g_autofree char *ascii = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (BEL_IS_BOARD_FILTER (self));
  ascii = g_str_to_ascii (text ? text : "", "C");
  folded = g_ascii_strdown (ascii, -1);
  words = g_strsplit_set (folded, " \t,", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  g_strfreev (self->words);
  self->words = g_strv_builder_end (builder);
  if (self->words[0] == NULL)
    g_clear_pointer (&self->words, g_strfreev);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
bel_board_filter_get_active (BelBoardFilter *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_FILTER (self), FALSE);
  return self->connection != BEL_CONNECTION_ANY || self->grade != BEL_BOARD_FILTER_ANY_GRADE ||
         self->advisory_id != 0 || self->subgroup != NULL || self->words != NULL;
}
