/* bel-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-model.h"

#include <gio/gio.h>
#include <string.h>

#include "bel-error.h"

typedef struct {
  BelFieldFlags flags;
  guint max_length;
  const char * const *choices;
  GType item_type;
} FieldInfo;

static GQuark
field_info_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("bel-model-field"));
  return (GQuark) quark;
}

/* Declaring (in class_init, which GType runs once): may add the info. */
static FieldInfo *
field_info_ensure (GParamSpec *pspec)
{
  FieldInfo *info = g_param_spec_get_qdata (pspec, field_info_quark ());

  if (info == NULL)
    {
      info = g_new0 (FieldInfo, 1);
      info->max_length = BEL_MODEL_STRING_MAX_DEFAULT;
      g_param_spec_set_qdata_full (pspec, field_info_quark (), info, g_free);
    }
  return info;
}

/* Reading (from any thread): never writes, so threads may share the types. */
static const FieldInfo *
field_info (GParamSpec *pspec)
{
  static const FieldInfo plain = { .max_length = BEL_MODEL_STRING_MAX_DEFAULT };
  const FieldInfo *info = g_param_spec_get_qdata (pspec, field_info_quark ());

  return info != NULL ? info : &plain;
}

GParamSpec *
bel_model_field (GParamSpec         *pspec,
                 BelFieldFlags       flags,
                 guint               max_length,
                 const char * const *choices)
{
  FieldInfo *info = field_info_ensure (pspec);

  info->flags = flags;
  if (max_length > 0)
    info->max_length = max_length;
  info->choices = choices;
  return pspec;
}

void
bel_model_field_items (GParamSpec *pspec,
                       GType       item_type)
{
  field_info_ensure (pspec)->item_type = item_type;
}

static char *
json_name (const char *prop_name)
{
  char *name = g_strdup (prop_name);
  g_strdelimit (name, "-", '_');
  return name;
}

static char *
prop_name (const char *json_field)
{
  char *name = g_strdup (json_field);
  g_strdelimit (name, "_", '-');
  return name;
}

static JsonNode *
value_to_json (GParamSpec *pspec, const GValue *value)
{
  const FieldInfo *info = field_info (pspec);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      if (s == NULL)
        json_node_init_null (node);
      else
        json_node_set_string (node, s);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);
      if (v == 0 && (info->flags & BEL_FIELD_NULLABLE))
        json_node_init_null (node);
      else
        json_node_set_int (node, v);
    }
  else if (type == G_TYPE_INT)
    json_node_set_int (node, g_value_get_int (value));
  else if (type == G_TYPE_BOOLEAN)
    json_node_set_boolean (node, g_value_get_boolean (value));
  else if (type == G_TYPE_DOUBLE)
    {
      /* A nullable number stores null as its default, one below its range (bel_field_double). */
      gdouble v = g_value_get_double (value);
      if ((info->flags & BEL_FIELD_NULLABLE) && v == G_PARAM_SPEC_DOUBLE (pspec)->default_value)
        json_node_init_null (node);
      else
        json_node_set_double (node, v);
    }
  else if (type == G_TYPE_HASH_TABLE)
    {
      GHashTable *table = g_value_get_boxed (value);
      g_autoptr(JsonObject) obj = json_object_new ();
      g_autoptr(GList) keys = NULL;

      if (table != NULL)
        {
          keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) strcmp);
          for (GList *l = keys; l != NULL; l = l->next)
            json_object_set_string_member (obj, l->data, g_hash_table_lookup (table, l->data));
        }
      json_node_init_object (node, obj);
    }
  else if (type == G_TYPE_LIST_MODEL)
    {
      GListModel *list = g_value_get_object (value);
      g_autoptr(JsonArray) array = json_array_new ();
      guint n = list ? g_list_model_get_n_items (list) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          json_array_add_element (array, bel_model_to_json (item));
        }
      json_node_init_array (node, array);
    }
  else
    g_assert_not_reached ();
  return node;
}

JsonNode *
bel_model_to_json (gpointer object)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autofree GParamSpec **props = NULL;
  guint n_props;
  JsonNode *node;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  props = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);
  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *name = NULL;

      if (field_info (props[i])->flags & BEL_FIELD_SECRET)
        continue;
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (props[i]));
      g_object_get_property (object, props[i]->name, &value);
      name = json_name (props[i]->name);
      json_object_set_member (obj, name, value_to_json (props[i], &value));
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, obj);
  return node;
}

static const char *
json_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    case G_TYPE_DOUBLE: return "a number";
    default: return "an integer";
    }
}

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
string_to_value (GParamSpec *pspec, const FieldInfo *info, const char *field,
                 JsonNode *node, GValue *value, BelValidation *v)
{
  const char *s;
  glong len;

  if (JSON_NODE_HOLDS_NULL (node) && (info->flags & BEL_FIELD_NULLABLE))
    {
      g_value_set_string (value, NULL);
      return TRUE;
    }
  if (!holds (node, G_TYPE_STRING))
    {
      bel_validation_add (v, field, "must be a string, not %s", json_type_name (node));
      return FALSE;
    }
  s = json_node_get_string (node);
  len = g_utf8_strlen (s, -1);
  if (len > (glong) info->max_length)
    {
      bel_validation_add (v, field, "must be at most %u characters (got %ld)", info->max_length, len);
      return FALSE;
    }
  for (const char *p = s; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      {
        bel_validation_add (v, field, "must not contain control characters");
        return FALSE;
      }
  if ((info->flags & BEL_FIELD_REQUIRED) && *s == '\0')
    {
      bel_validation_add (v, field, "must not be empty");
      return FALSE;
    }
  if (info->choices != NULL && !g_strv_contains (info->choices, s))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) info->choices);
      bel_validation_add (v, field, "must be one of: %s", list);
      return FALSE;
    }
  g_value_set_string (value, s);
  return TRUE;
}

static gboolean
int64_to_value (GParamSpec *pspec, const FieldInfo *info, const char *field,
                JsonNode *node, GValue *value, BelValidation *v)
{
  GParamSpecInt64 *ispec = G_PARAM_SPEC_INT64 (pspec);
  gint64 n;

  if (JSON_NODE_HOLDS_NULL (node) && (info->flags & BEL_FIELD_NULLABLE))
    {
      g_value_set_int64 (value, 0);
      return TRUE;
    }
  if (!holds (node, G_TYPE_INT64))
    {
      bel_validation_add (v, field, "must be an integer, not %s", json_type_name (node));
      return FALSE;
    }
  n = json_node_get_int (node);
  if (n < ispec->minimum || n > ispec->maximum)
    {
      bel_validation_add (v, field, "must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                          ispec->minimum, ispec->maximum);
      return FALSE;
    }
  g_value_set_int64 (value, n);
  return TRUE;
}

static gboolean
double_to_value (GParamSpec *pspec, const FieldInfo *info, const char *field,
                 JsonNode *node, GValue *value, BelValidation *v)
{
  GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
  gboolean nullable = (info->flags & BEL_FIELD_NULLABLE) != 0;
  gdouble min = nullable ? dspec->default_value + 1.0 : dspec->minimum;
  gdouble n;

  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    {
      g_value_set_double (value, dspec->default_value);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || holds (node, G_TYPE_STRING) || holds (node, G_TYPE_BOOLEAN))
    {
      bel_validation_add (v, field, "must be a number, not %s", json_type_name (node));
      return FALSE;
    }
  n = json_node_get_double (node);
  if (!(n >= min && n <= dspec->maximum))
    {
      bel_validation_add (v, field, "must be between %g and %g", min, dspec->maximum);
      return FALSE;
    }
  g_value_set_double (value, n);
  return TRUE;
}

static gboolean
hash_to_value (const char *field, JsonNode *node, GValue *value, BelValidation *v)
{
  g_autoptr(GHashTable) table = NULL;
  JsonObject *obj;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bel_validation_add (v, field, "must be an object of strings, not %s", json_type_name (node));
      return FALSE;
    }
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  if (g_list_length (members) > 32)
    {
      bel_validation_add (v, field, "must have at most 32 entries");
      return FALSE;
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (obj, l->data);
      if (!holds (member, G_TYPE_STRING) || strlen (l->data) > 64 ||
          g_utf8_strlen (json_node_get_string (member), -1) > BEL_MODEL_STRING_MAX_DEFAULT)
        {
          g_autofree char *key = bel_error_excerpt (l->data, 64);

          bel_validation_add (v, field, "entry \"%s\" must be a string of at most %d characters",
                              key, BEL_MODEL_STRING_MAX_DEFAULT);
          return FALSE;
        }
      g_hash_table_insert (table, g_strdup (l->data), g_strdup (json_node_get_string (member)));
    }
  g_value_set_boxed (value, table);
  return TRUE;
}

static gboolean
list_to_value (const FieldInfo *info, const char *field, JsonNode *node, GValue *value,
               BelModelMode mode, BelValidation *v)
{
  g_autoptr(GListStore) store = g_list_store_new (info->item_type);
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node) && (info->flags & BEL_FIELD_NULLABLE))
    {
      g_value_set_object (value, store);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      bel_validation_add (v, field, "must be an array, not %s", json_type_name (node));
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) item = bel_model_new_from_json (info->item_type,
                                                          json_array_get_element (array, i),
                                                          mode, &error);
      if (item == NULL)
        {
          bel_validation_add (v, field, "item %u: %s", i, error->message);
          return FALSE;
        }
      g_list_store_append (store, item);
    }
  g_value_set_object (value, store);
  return TRUE;
}

static gboolean
node_to_value (GParamSpec *pspec, const char *field, JsonNode *node,
               GValue *value, BelModelMode mode, BelValidation *v)
{
  const FieldInfo *info = field_info (pspec);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    return string_to_value (pspec, info, field, node, value, v);
  if (type == G_TYPE_INT64)
    return int64_to_value (pspec, info, field, node, value, v);
  if (type == G_TYPE_BOOLEAN)
    {
      if (!holds (node, G_TYPE_BOOLEAN))
        {
          bel_validation_add (v, field, "must be true or false, not %s", json_type_name (node));
          return FALSE;
        }
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    return double_to_value (pspec, info, field, node, value, v);
  if (type == G_TYPE_INT)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || holds (node, G_TYPE_STRING) || holds (node, G_TYPE_BOOLEAN))
        {
          bel_validation_add (v, field, "must be a number, not %s", json_type_name (node));
          return FALSE;
        }
      g_value_set_int (value, (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT));
      return TRUE;
    }
  if (type == G_TYPE_HASH_TABLE)
    return hash_to_value (field, node, value, v);
  if (type == G_TYPE_LIST_MODEL)
    return list_to_value (info, field, node, value, mode, v);
  g_assert_not_reached ();
}

typedef struct {
  GParamSpec *pspec;
  GValue value;
} Change;

static void
change_clear (gpointer data)
{
  Change *c = data;
  g_value_unset (&c->value);
}

gboolean
bel_model_from_json (gpointer      object,
                     JsonNode     *node,
                     BelModelMode  mode,
                     GError      **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_autofree GParamSpec **props = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *obj;
  guint n_props;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  /* NULL: a member the JSON around it does not have, e.g. a reply without its "student" */
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                   "Expected a JSON object, got %s", node != NULL ? json_type_name (node) : "nothing");
      return FALSE;
    }
  g_array_set_clear_func (changes, change_clear);
  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      g_autofree char *pname = prop_name (field);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), pname);
      Change change = { pspec, G_VALUE_INIT };

      if (pspec == NULL || strchr (field, '-') != NULL)
        {
          if (mode != BEL_MODEL_TRUST)
            bel_validation_add (v, field, "is not a known field");
          continue;
        }
      if (mode != BEL_MODEL_TRUST && (field_info (pspec)->flags & BEL_FIELD_READONLY))
        {
          bel_validation_add (v, field, "is set by the server and cannot be written");
          continue;
        }
      if (node_to_value (pspec, field, json_object_get_member (obj, field),
                         &change.value, mode, v))
        g_array_append_val (changes, change);
      else
        g_value_unset (&change.value);
    }

  if (mode == BEL_MODEL_CREATE)
    {
      props = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);
      for (guint i = 0; i < n_props; i++)
        {
          g_autofree char *field = json_name (props[i]->name);
          if ((field_info (props[i])->flags & BEL_FIELD_REQUIRED) &&
              !json_object_has_member (obj, field))
            bel_validation_add (v, field, "is required");
        }
    }

  if (!bel_validation_finish (v, error))
    return FALSE;

  /* Only a request that is valid as a whole changes the object. */
  g_object_freeze_notify (object);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_object_set_property (object, c->pspec->name, &c->value);
    }
  g_object_thaw_notify (object);
  return TRUE;
}

gpointer
bel_model_new_from_json (GType          type,
                         JsonNode      *node,
                         BelModelMode   mode,
                         GError       **error)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);

  if (!bel_model_from_json (object, node, mode, error))
    return NULL;
  return g_steal_pointer (&object);
}

GPtrArray *
bel_model_list_from_json (GType      type,
                          JsonNode  *array,
                          GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *items;

  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "Expected a JSON array");
      return NULL;
    }
  items = json_node_get_array (array);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gpointer item = bel_model_new_from_json (type, json_array_get_element (items, i),
                                               BEL_MODEL_TRUST, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (out, item);
    }
  return g_steal_pointer (&out);
}

gboolean
bel_model_json_has_field (JsonNode   *node,
                          const char *field)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
         json_object_has_member (json_node_get_object (node), field);
}
