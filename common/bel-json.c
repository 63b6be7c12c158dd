/* bel-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-json.h"

#include <string.h>

#include "bel-error.h"

/* Whether the arrays and objects of @data nest at most @max deep.  Brackets
 * inside strings do not count; the text need not be valid JSON (the parser
 * says what is wrong with it afterwards). */
static gboolean
nesting_within (const char *data,
                gsize       length,
                guint       max)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonNode *
bel_json_parse (const char  *data,
                gssize       length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  size = length < 0 ? strlen (data) : (gsize) length;
  if (!nesting_within (data, size, BEL_JSON_MAX_DEPTH))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                   "arrays and objects are nested more than %d deep", BEL_JSON_MAX_DEPTH);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, size > 0 ? data : "", (gssize) size, &parse_error))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, parse_error->message);
      return NULL;
    }
  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "the text holds no JSON value");
  return root;
}
