/* bel-resource.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-resource.h"

#include <gio/gio.h>

typedef struct {
  GHashTable *values; /* GParamSpec* -> GValue* */
} BelResourcePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BelResource, bel_resource, G_TYPE_OBJECT)

static void
value_free (gpointer data)
{
  GValue *value = data;
  g_value_unset (value);
  g_free (value);
}

static void
bel_resource_finalize (GObject *object)
{
  BelResourcePrivate *priv = bel_resource_get_instance_private (BEL_RESOURCE (object));

  g_hash_table_unref (priv->values);
  G_OBJECT_CLASS (bel_resource_parent_class)->finalize (object);
}

static void
bel_resource_class_init (BelResourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_resource_finalize;
}

static void
bel_resource_init (BelResource *self)
{
  BelResourcePrivate *priv = bel_resource_get_instance_private (self);

  priv->values = g_hash_table_new_full (NULL, NULL, NULL, value_free);
}

static void
resource_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BelResourcePrivate *priv = bel_resource_get_instance_private (BEL_RESOURCE (object));
  const GValue *stored = g_hash_table_lookup (priv->values, pspec);

  if (stored != NULL)
    g_value_copy (stored, value);
  else
    g_param_value_set_default (pspec, value);
}

static void
resource_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BelResourcePrivate *priv = bel_resource_get_instance_private (BEL_RESOURCE (object));
  GValue *stored = g_hash_table_lookup (priv->values, pspec);

  if (stored != NULL && g_param_values_cmp (pspec, stored, value) == 0 &&
      !G_VALUE_HOLDS_BOXED (value) && !G_VALUE_HOLDS_OBJECT (value))
    return;
  if (stored == NULL)
    {
      stored = g_new0 (GValue, 1);
      g_value_init (stored, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_hash_table_insert (priv->values, pspec, stored);
    }
  g_value_copy (value, stored);
  g_object_notify_by_pspec (object, pspec);
}

void
bel_resource_class_install (GObjectClass  *klass,
                            GParamSpec   **pspecs,
                            guint          n_pspecs)
{
  klass->get_property = resource_get_property;
  klass->set_property = resource_set_property;
  for (guint i = 0; i < n_pspecs; i++)
    g_object_class_install_property (klass, i + 1, pspecs[i]);
}

static const GValue *
lookup (gpointer self, const char *field, GType expected)
{
  BelResourcePrivate *priv;
  GParamSpec *pspec;
  const GValue *stored;

  g_return_val_if_fail (BEL_IS_RESOURCE (self), NULL);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), field);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), expected), NULL);
  priv = bel_resource_get_instance_private (BEL_RESOURCE (self));
  stored = g_hash_table_lookup (priv->values, pspec);
  /* A field never set reads as its declared default, as g_object_get() would. */
  return stored ? stored : g_param_spec_get_default_value (pspec);
}

const char *
bel_resource_get_string (gpointer self, const char *field)
{
  const GValue *v = lookup (self, field, G_TYPE_STRING);
  return v ? g_value_get_string (v) : NULL;
}

gint64
bel_resource_get_int (gpointer self, const char *field)
{
  const GValue *v = lookup (self, field, G_TYPE_INT64);
  return v ? g_value_get_int64 (v) : 0;
}

gboolean
bel_resource_get_bool (gpointer self, const char *field)
{
  const GValue *v = lookup (self, field, G_TYPE_BOOLEAN);
  return v ? g_value_get_boolean (v) : FALSE;
}

gpointer
bel_resource_get_boxed (gpointer self, const char *field)
{
  const GValue *v = lookup (self, field, G_TYPE_BOXED);
  return v ? g_value_get_boxed (v) : NULL;
}

gpointer
bel_resource_get_object (gpointer self, const char *field)
{
  const GValue *v = lookup (self, field, G_TYPE_OBJECT);
  return v ? g_value_get_object (v) : NULL;
}

gint64
bel_resource_get_id (gpointer self)
{
  return bel_resource_get_int (self, "id");
}

gint64
bel_resource_get_version (gpointer self)
{
  return bel_resource_get_int (self, "version");
}

#define FIELD_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

GParamSpec *
bel_field_string (const char *name, BelFieldFlags flags, guint max_length,
                  const char * const *choices)
{
  return bel_model_field (g_param_spec_string (name, NULL, NULL, NULL, FIELD_PARAM_FLAGS),
                          flags, max_length, choices);
}

GParamSpec *
bel_field_int (const char *name, BelFieldFlags flags, gint64 min, gint64 max)
{
  gint64 def = CLAMP (0, min, max);
  return bel_model_field (g_param_spec_int64 (name, NULL, NULL, min, max, def, FIELD_PARAM_FLAGS),
                          flags, 0, NULL);
}

GParamSpec *
bel_field_double (const char *name, BelFieldFlags flags, gdouble min, gdouble max)
{
  /* Nullable: null is stored as the default, one below the range the JSON may use. */
  gdouble low = (flags & BEL_FIELD_NULLABLE) ? min - 1.0 : min;

  return bel_model_field (g_param_spec_double (name, NULL, NULL, low, max, low, FIELD_PARAM_FLAGS),
                          flags, 0, NULL);
}

gdouble
bel_resource_get_double (gpointer self, const char *field)
{
  GParamSpec *pspec;
  const GValue *v = lookup (self, field, G_TYPE_DOUBLE);

  if (v != NULL)
    return g_value_get_double (v);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), field);
  return G_PARAM_SPEC_DOUBLE (pspec)->default_value;
}

GParamSpec *
bel_field_bool (const char *name, BelFieldFlags flags, gboolean default_value)
{
  return bel_model_field (g_param_spec_boolean (name, NULL, NULL, default_value, FIELD_PARAM_FLAGS),
                          flags, 0, NULL);
}

GParamSpec *
bel_field_map (const char *name, BelFieldFlags flags)
{
  return bel_model_field (g_param_spec_boxed (name, NULL, NULL, G_TYPE_HASH_TABLE, FIELD_PARAM_FLAGS),
                          flags, 0, NULL);
}

GParamSpec *
bel_field_list (const char *name, BelFieldFlags flags, GType item_type)
{
  GParamSpec *pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, FIELD_PARAM_FLAGS);

  bel_model_field (pspec, flags, 0, NULL);
  bel_model_field_items (pspec, item_type);
  return pspec;
}
