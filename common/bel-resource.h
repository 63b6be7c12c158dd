/* bel-resource.h - base class of the model objects
 *
 * A BelResource keeps its property values itself, so a model type only declares
 * its properties (which are its JSON fields, see bel-model.h) and gains notify,
 * bindings and the JSON codec for free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bel-model.h"

G_BEGIN_DECLS

#define BEL_TYPE_RESOURCE (bel_resource_get_type ())
G_DECLARE_DERIVABLE_TYPE (BelResource, bel_resource, BEL, RESOURCE, GObject)

struct _BelResourceClass
{
  GObjectClass parent_class;
};

/* Installs the properties of a subclass and routes their storage to BelResource. */
void         bel_resource_class_install (GObjectClass  *klass,
                                         GParamSpec   **pspecs,
                                         guint          n_pspecs);

const char  *bel_resource_get_string    (gpointer       self,
                                         const char    *field);
gint64       bel_resource_get_int       (gpointer       self,
                                         const char    *field);
gboolean     bel_resource_get_bool      (gpointer       self,
                                         const char    *field);
gpointer     bel_resource_get_boxed     (gpointer       self,
                                         const char    *field);
gpointer     bel_resource_get_object    (gpointer       self,
                                         const char    *field);
/* A number field; a nullable one that is null reads as one below its minimum. */
gdouble      bel_resource_get_double    (gpointer       self,
                                         const char    *field);

/* Common fields of stored resources */
gint64       bel_resource_get_id        (gpointer       self);
gint64       bel_resource_get_version   (gpointer       self);

/* Helpers to declare fields tersely in class_init */
GParamSpec  *bel_field_string  (const char *name, BelFieldFlags flags, guint max_length,
                                const char * const *choices);
GParamSpec  *bel_field_int     (const char *name, BelFieldFlags flags, gint64 min, gint64 max);
GParamSpec  *bel_field_bool    (const char *name, BelFieldFlags flags, gboolean default_value);
GParamSpec  *bel_field_double  (const char *name, BelFieldFlags flags, gdouble min, gdouble max);
GParamSpec  *bel_field_map     (const char *name, BelFieldFlags flags);
GParamSpec  *bel_field_list    (const char *name, BelFieldFlags flags, GType item_type);

G_END_DECLS
