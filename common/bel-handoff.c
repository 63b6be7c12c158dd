/* bel-handoff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-handoff.h"

#include <glib/gi18n-lib.h>

#include "bel-error.h"
#include "bel-json.h"
#include "bel-model.h"

struct _BelHandoff
{
  GObject     parent_instance;

  BelStudent *student;
  char       *school_year;
  char       *generated_at;
  GPtrArray  *sections;  /* BelHandoffSection */
  GStrv       hidden;
  GPtrArray  *adults;    /* BelHandoffAdult */
};

G_DEFINE_FINAL_TYPE (BelHandoff, bel_handoff, G_TYPE_OBJECT)

static void
section_free (BelHandoffSection *section)
{
  g_free (section->section);
  g_free (section->title);
  g_clear_object (&section->entry);
  g_free (section);
}

static void
adult_free (BelHandoffAdult *adult)
{
  g_free (adult->display_name);
  g_free (adult->title);
  g_strfreev (adult->links);
  g_free (adult);
}

static void
bel_handoff_finalize (GObject *object)
{
  BelHandoff *self = BEL_HANDOFF (object);

  g_clear_object (&self->student);
  g_free (self->school_year);
  g_free (self->generated_at);
  g_ptr_array_unref (self->sections);
  g_strfreev (self->hidden);
  g_ptr_array_unref (self->adults);
  G_OBJECT_CLASS (bel_handoff_parent_class)->finalize (object);
}

static void
bel_handoff_class_init (BelHandoffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_handoff_finalize;
}

static void
bel_handoff_init (BelHandoff *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->adults = g_ptr_array_new_with_free_func ((GDestroyNotify) adult_free);
}

static GStrv
strings_of (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static gboolean
read_sections (BelHandoff  *self,
               JsonArray   *array,
               GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *entry;
      BelHandoffSection *section;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      section = g_new0 (BelHandoffSection, 1);
      g_ptr_array_add (self->sections, section);
      section->section = g_strdup (bel_json_string_member (object, "section", NULL));
      section->title = g_strdup (bel_json_string_member (object, "title", NULL));
      section->sensitive = bel_json_bool_member (object, "sensitive", FALSE);
      entry = json_object_get_member (object, "entry");
      if (entry != NULL && JSON_NODE_HOLDS_OBJECT (entry))
        {
          section->entry = bel_model_new_from_json (BEL_TYPE_PROFILE_ENTRY, entry, BEL_MODEL_TRUST, error);
          if (section->entry == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

static void
read_adults (BelHandoff *self,
             JsonArray  *array)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      BelHandoffAdult *adult;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      adult = g_new0 (BelHandoffAdult, 1);
      adult->account_id = bel_json_int_member (object, "account_id", 0);
      adult->display_name = g_strdup (bel_json_string_member (object, "display_name", NULL));
      adult->title = g_strdup (bel_json_string_member (object, "title", NULL));
      adult->links = strings_of (bel_json_array_member (object, "links"));
      g_ptr_array_add (self->adults, adult);
    }
}

BelHandoff *
bel_handoff_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(BelHandoff) self = NULL;
  JsonObject *object;
  JsonNode *student;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED,
                           _("The server sent a handoff Belonging could not read."));
      return NULL;
    }
  object = json_node_get_object (node);
  self = g_object_new (BEL_TYPE_HANDOFF, NULL);
  student = json_object_get_member (object, "student");
  self->student = bel_model_new_from_json (BEL_TYPE_STUDENT, student, BEL_MODEL_TRUST, error);
  if (self->student == NULL)
    return NULL;
  self->school_year = g_strdup (bel_json_string_member (object, "school_year", NULL));
  self->generated_at = g_strdup (bel_json_string_member (object, "generated_at", NULL));
  if (!read_sections (self, bel_json_array_member (object, "sections"), error))
    return NULL;
  self->hidden = strings_of (bel_json_array_member (object, "hidden_sections"));
  read_adults (self, bel_json_array_member (object, "adults"));
  return g_steal_pointer (&self);
}

BelStudent *
bel_handoff_get_student (BelHandoff *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), NULL);
  return self->student;
}

const char *
bel_handoff_get_school_year (BelHandoff *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), NULL);
  return self->school_year;
}

const char *
bel_handoff_get_generated_at (BelHandoff *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), NULL);
  return self->generated_at;
}

guint
bel_handoff_get_n_sections (BelHandoff *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), 0);
  return self->sections->len;
}

const BelHandoffSection *
bel_handoff_get_section (BelHandoff *self,
                         guint       index)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return self->sections->pdata[index];
}

const char * const *
bel_handoff_get_hidden_sections (BelHandoff *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), NULL);
  return (const char * const *) self->hidden;
}

guint
bel_handoff_get_n_adults (BelHandoff *self)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), 0);
  return self->adults->len;
}

const BelHandoffAdult *
bel_handoff_get_adult (BelHandoff *self,
                       guint       index)
{
  g_return_val_if_fail (BEL_IS_HANDOFF (self), NULL);
  g_return_val_if_fail (index < self->adults->len, NULL);
  return self->adults->pdata[index];
}

gboolean
bel_handoff_adult_has_link (const BelHandoffAdult *adult,
                            const char            *link)
{
  g_return_val_if_fail (adult != NULL, FALSE);
  return adult->links != NULL && g_strv_contains ((const char * const *) adult->links, link);
}
