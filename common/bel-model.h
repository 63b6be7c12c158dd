/* bel-model.h - one JSON codec for every model object, driven by GObject properties
 *
 * A model object's properties are its JSON fields: the property "preferred-name"
 * is the field "preferred_name".  Extra facts a codec needs (maximum length,
 * allowed values, who may write the field) are attached to the GParamSpec with
 * bel_model_field().  Both the daemon (decoding requests, encoding responses)
 * and the clients (decoding responses) use this one codec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  BEL_FIELD_NONE     = 0,
  BEL_FIELD_REQUIRED = 1 << 0, /* must be present when creating */
  BEL_FIELD_READONLY = 1 << 1, /* set by the server only; rejected in requests */
  BEL_FIELD_NULLABLE = 1 << 2, /* JSON null allowed: NULL string, 0 integer, empty list */
  BEL_FIELD_SECRET   = 1 << 3, /* accepted in requests, never written to JSON */
} BelFieldFlags;

typedef enum {
  BEL_MODEL_CREATE, /* a request creating an object: required fields, no read-only ones */
  BEL_MODEL_PATCH,  /* a request changing some fields: no read-only ones */
  BEL_MODEL_TRUST,  /* a response from the daemon: anything, unknown fields ignored */
} BelModelMode;

#define BEL_MODEL_STRING_MAX_DEFAULT 200

GParamSpec *bel_model_field        (GParamSpec         *pspec,
                                    BelFieldFlags       flags,
                                    guint               max_length,
                                    const char * const *choices);
void        bel_model_field_items  (GParamSpec         *pspec,
                                    GType               item_type);

JsonNode   *bel_model_to_json      (gpointer            object);
/* @node may be NULL (a member the reply lacks): that fails like any non-object. */
gboolean    bel_model_from_json    (gpointer            object,
                                    JsonNode           *node,
                                    BelModelMode        mode,
                                    GError            **error);
gpointer    bel_model_new_from_json (GType              type,
                                     JsonNode          *node,
                                     BelModelMode       mode,
                                     GError           **error);
GPtrArray  *bel_model_list_from_json (GType             type,
                                      JsonNode         *array,
                                      GError          **error);
gboolean    bel_model_json_has_field (JsonNode         *node,
                                      const char       *field);

G_END_DECLS
