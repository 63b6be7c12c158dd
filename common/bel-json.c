/* bel-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-json.h"

#include <string.h>

#include "bel-error.h"

typedef enum {
  SHAPE_OK,
  SHAPE_TOO_DEEP,
  SHAPE_SEVERAL_VALUES,
  SHAPE_NUL,
  SHAPE_BAD_ESCAPE,
} Shape;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The code of the escape "\uXXXX" at @p (@left bytes from the backslash
 * on), or -1 when it is not a backslash, a "u" and four hex digits. */
static gint
escape_code (const char *p,
             gsize       left)
{
  gint code = 0;

  if (left < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      gint digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      code = code * 16 + digit;
    }
  return code;
}

/* Checks the escape "\u…" at @p; returns how many bytes after the backslash
 * it takes, or 0 for one json-glib must not see: not four hex digits,
 * half a surrogate pair (json-glib 1.6 leaks the string when a surrogate is
 * followed by a "\u" escape that is not its other half), "\u0000" (@nul is
 * set; json-glib silently cuts the string short). */
static gsize
check_u_escape (const char *p,
                gsize       left,
                gboolean   *nul)
{
  gint code = escape_code (p, left);

  *nul = code == 0;
  if (code <= 0 || (code >= 0xdc00 && code <= 0xdfff))
    return 0;
  if (code >= 0xd800 && code <= 0xdbff)
    {
      gint low = escape_code (p + 6, left - 6);
      return low >= 0xdc00 && low <= 0xdfff ? 11 : 0;
    }
  return 5;
}

/* What json-glib must not see: arrays and objects nested more than
 * @max_depth deep, more than one value at the top ("[] []"), which
 * json-glib 1.6 accepts while leaking every value but the first, and bad
 * "\u" escapes (check_u_escape()).  Brackets inside strings do not count;
 * the text need not be valid JSON (the parser says what else is wrong with
 * it). */
static Shape
text_shape (const char *data,
            gsize       length,
            guint       max_depth)
{
  gboolean in_string = FALSE;
  gboolean in_scalar = FALSE; /* a number or literal at the top */
  gboolean seen_value = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length && data[i + 1] == 'u')
            {
              gboolean nul;
              gsize taken = check_u_escape (data + i, length - i, &nul);

              if (taken == 0)
                return nul ? SHAPE_NUL : SHAPE_BAD_ESCAPE;
              i += taken;
            }
          else if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (in_scalar)
        {
          if (strchr ("\"[]{},:", c) == NULL && !is_space (c))
            continue;
          in_scalar = FALSE;
        }
      if (is_space (c))
        continue;
      if (depth == 0)
        {
          if (seen_value)
            return SHAPE_SEVERAL_VALUES;
          seen_value = TRUE;
          in_scalar = strchr ("\"[{", c) == NULL;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return SHAPE_TOO_DEEP;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return SHAPE_OK;
}

/* Whether every string and member name in @node is UTF-8: json-glib 1.6
 * turns a lone surrogate ("\udc00") or a bad escape ("\udent") into bytes
 * that are not, and reports success. */
static gboolean
node_is_utf8 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_utf8_validate (name, -1, NULL) || !node_is_utf8 (member))
          return FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!node_is_utf8 (json_array_get_element (array, i)))
          return FALSE;
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_validate (json_node_get_string (node), -1, NULL);
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
  switch (text_shape (data, size, BEL_JSON_MAX_DEPTH))
    {
    case SHAPE_TOO_DEEP:
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                   "arrays and objects are nested more than %d deep", BEL_JSON_MAX_DEPTH);
      return NULL;
    case SHAPE_SEVERAL_VALUES:
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "the text holds more than one JSON value");
      return NULL;
    case SHAPE_NUL:
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "strings must not contain \\u0000");
      return NULL;
    case SHAPE_BAD_ESCAPE:
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "a \\u escape is not four hex digits of a character (half a surrogate pair?)");
      return NULL;
    case SHAPE_OK:
      break;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, size > 0 ? data : "", (gssize) size, &parse_error))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, parse_error->message);
      return NULL;
    }
  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "the text holds no JSON value");
      return NULL;
    }
  if (!node_is_utf8 (root))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "a string is not UTF-8 (a \\u escape of half a surrogate pair?)");
      json_node_unref (root);
      return NULL;
    }
  return root;
}

static JsonNode *
value_member (JsonObject *object,
              const char *name,
              GType       type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type ? node : NULL;
}

const char *
bel_json_string_member (JsonObject *object,
                        const char *name,
                        const char *fallback)
{
  JsonNode *node = value_member (object, name, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : fallback;
}

gint64
bel_json_int_member (JsonObject *object,
                     const char *name,
                     gint64      fallback)
{
  JsonNode *node = value_member (object, name, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : fallback;
}

gboolean
bel_json_bool_member (JsonObject *object,
                      const char *name,
                      gboolean    fallback)
{
  JsonNode *node = value_member (object, name, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

JsonArray *
bel_json_array_member (JsonObject *object,
                       const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
bel_json_object_element (JsonArray *array,
                         guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gint64
bel_json_int_element (JsonArray *array,
                      guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : 0;
}
