/* bel-json.h - reading JSON text that a peer sent
 *
 * json-glib parses nested arrays and objects recursively, so a few hundred
 * kilobytes of "[[[[" overflow the stack of whoever parses them.  Everything
 * that reads JSON from the other side of a connection (request bodies,
 * replies, live events, cursors) goes through bel_json_parse(), which refuses
 * text nested deeper than BEL_JSON_MAX_DEPTH before json-glib sees it, and
 * text with more than one value ("[] [] []"): json-glib 1.6 takes the first
 * and leaks the others, so a 1 MB body of them cost the daemon 50 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Far deeper than any document of the API (the deepest is about 5 levels). */
#define BEL_JSON_MAX_DEPTH 64

/* The value of the JSON text @data (@length bytes, or NUL-terminated when
 * -1).  NULL with @error (BEL_ERROR_BAD_REQUEST) when it is not JSON, holds
 * no value or more than one, or is nested too deeply. */
JsonNode *bel_json_parse (const char  *data,
                          gssize       length,
                          GError     **error);

/* Members and elements read leniently, as the decoders of replies and events
 * do: the member @name of @object (which may be NULL) when it has that JSON
 * type, else @fallback (NULL for an array).  Unlike
 * json_object_get_*_member_with_default(), an object or an array where a
 * value should be is not a critical. */
const char *bel_json_string_member  (JsonObject  *object,
                                     const char  *name,
                                     const char  *fallback);
gint64      bel_json_int_member     (JsonObject  *object,
                                     const char  *name,
                                     gint64       fallback);
gboolean    bel_json_bool_member    (JsonObject  *object,
                                     const char  *name,
                                     gboolean     fallback);
JsonArray  *bel_json_array_member   (JsonObject  *object,
                                     const char  *name);
/* Element @index of @array if it is an object (an integer), else NULL (0). */
JsonObject *bel_json_object_element (JsonArray   *array,
                                     guint        index);
gint64      bel_json_int_element    (JsonArray   *array,
                                     guint        index);

G_END_DECLS
