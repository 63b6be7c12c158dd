/* bel-profile-section-entries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profile-section-entries.h"

#include "bel-profile-entry.h"
#include "bel-profile-sections.h"

struct _BelProfileSectionEntries { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelProfileSectionEntries, bel_profile_section_entries, BEL_TYPE_RESOURCE)

static void
bel_profile_section_entries_class_init (BelProfileSectionEntriesClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("section", BEL_FIELD_REQUIRED, 40, bel_profile_section_names),
    bel_field_string ("title", BEL_FIELD_REQUIRED, 120, NULL),
    bel_field_bool ("sensitive", BEL_FIELD_NONE, FALSE),
    bel_field_bool ("readable", BEL_FIELD_NONE, TRUE),
    bel_field_list ("entries", BEL_FIELD_NULLABLE, BEL_TYPE_PROFILE_ENTRY),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_profile_section_entries_init (BelProfileSectionEntries *self) { }

GListModel *
bel_profile_section_entries_get_entries (BelProfileSectionEntries *self)
{
  GListModel *entries;

  g_return_val_if_fail (BEL_IS_PROFILE_SECTION_ENTRIES (self), NULL);

  entries = bel_resource_get_object (self, "entries");
  if (entries == NULL)
    {
      g_autoptr(GListStore) empty = g_list_store_new (BEL_TYPE_PROFILE_ENTRY);
      g_object_set (self, "entries", empty, NULL);
      entries = bel_resource_get_object (self, "entries");
    }
  return entries;
}
