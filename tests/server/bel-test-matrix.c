/* bel-test-matrix.c - reading tests/data/authz-matrix.txt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-matrix.h"

#include <string.h>

static const char *role_names[BEL_MATRIX_N_ROLES] = {
  "anon", "outsider", "teacher", "advisor", "counselor", "leader", "admin",
};

const char *
bel_matrix_role_name (BelMatrixRole role)
{
  return role_names[role];
}

static void
entry_free (BelMatrixEntry *e)
{
  g_free (e->name);
  g_free (e->capture);
  g_free (e->method);
  g_free (e->path);
  g_free (e->body);
  for (guint i = 0; i < BEL_MATRIX_N_ROLES; i++)
    g_free (e->expect[i]);
  g_free (e);
}

void
bel_matrix_free (BelMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_ptr_array_unref (matrix->steps);
  g_ptr_array_unref (matrix->rows);
  g_free (matrix);
}

/* The next word of *@p (NULL at the end of the line), moving *@p past it. */
static char *
next_word (const char **p)
{
  const char *start;

  while (**p == ' ' || **p == '\t')
    (*p)++;
  if (**p == '\0')
    return NULL;
  start = *p;
  while (**p != '\0' && **p != ' ' && **p != '\t')
    (*p)++;
  return g_strndup (start, *p - start);
}

/* The rest of the line is a body when it starts like one. */
static char *
take_body (const char **p)
{
  const char *rest = *p;

  while (*rest == ' ' || *rest == '\t')
    rest++;
  if (rest[0] == '[' || (rest[0] == '{' && (rest[1] == '"' || rest[1] == '}')) ||
      g_str_has_prefix (rest, "form:") || g_str_has_prefix (rest, "csv:"))
    {
      *p = rest + strlen (rest);
      return g_strchomp (g_strdup (rest));
    }
  return NULL;
}

static gboolean
parse_role (const char    *word,
            BelMatrixRole *role)
{
  for (guint i = 0; i < BEL_MATRIX_N_ROLES; i++)
    if (g_strcmp0 (word, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
valid_status (const char *word)
{
  return word != NULL && strlen (word) == 3 && word[0] >= '1' && word[0] <= '5' &&
         ((g_ascii_isdigit (word[1]) && g_ascii_isdigit (word[2])) || g_str_equal (word + 1, "xx"));
}

static gboolean
parse_step (BelMatrixEntry *e,
            const char     *p)
{
  g_autofree char *role = NULL;

  e->name = next_word (&p);
  role = next_word (&p);
  e->method = next_word (&p);
  e->path = next_word (&p);
  if (e->path == NULL || !parse_role (role, &e->role))
    return FALSE;
  e->body = take_body (&p);
  if (e->body == NULL)
    {
      g_autofree char *word = next_word (&p);

      if (word != NULL && !g_str_has_prefix (word, "capture="))
        return FALSE;
      if (word != NULL)
        e->capture = g_strdup (word + strlen ("capture="));
      e->body = take_body (&p);
    }
  if (e->capture == NULL)
    e->capture = g_strdup ("id");
  return next_word (&p) == NULL;
}

static gboolean
parse_row (BelMatrixEntry *e,
           const char     *p)
{
  e->method = next_word (&p);
  e->path = next_word (&p);
  for (guint i = 0; i < BEL_MATRIX_N_ROLES; i++)
    {
      e->expect[i] = next_word (&p);
      if (!valid_status (e->expect[i]))
        return FALSE;
    }
  while ((e->body = take_body (&p)) == NULL)
    {
      g_autofree char *word = next_word (&p);

      if (word == NULL)
        return TRUE;
      if (g_str_equal (word, "signs-out"))
        e->signs_out = TRUE;
      else if (g_str_equal (word, "ws"))
        e->websocket = TRUE;
      else
        return FALSE;
    }
  return TRUE;
}

BelMatrix *
bel_matrix_load (const char  *path,
                 GError     **error)
{
  g_autoptr(BelMatrix) matrix = g_new0 (BelMatrix, 1);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *section = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  matrix->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  matrix->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      BelMatrixEntry *e;

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_equal (line, "[fixture]") || g_str_equal (line, "[routes]"))
        {
          section = line[1] == 'f' ? matrix->steps : matrix->rows;
          continue;
        }
      e = g_new0 (BelMatrixEntry, 1);
      e->line = i + 1;
      if (section == NULL || !(section == matrix->steps ? parse_step (e, line) : parse_row (e, line)))
        {
          entry_free (e);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: cannot read: %s", path, i + 1, line);
          return NULL;
        }
      g_ptr_array_add (section, e);
    }
  return g_steal_pointer (&matrix);
}

BelMatrixEntry *
bel_matrix_find_step (BelMatrix  *matrix,
                      const char *name)
{
  for (guint i = 0; i < matrix->steps->len; i++)
    {
      BelMatrixEntry *e = g_ptr_array_index (matrix->steps, i);

      if (g_str_equal (e->name, name))
        return e;
    }
  return NULL;
}

gboolean
bel_matrix_status_ok (const char *expect,
                      guint       status)
{
  g_autofree char *actual = g_strdup_printf ("%u", status);

  if (g_str_has_suffix (expect, "xx"))
    return actual[0] == expect[0];
  return g_str_equal (actual, expect);
}
