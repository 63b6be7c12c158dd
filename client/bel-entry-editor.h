/* bel-entry-editor.h - write, edit or correct a profile entry
 *
 * A modal window with a section picker and a multiline editor.  Adding and
 * correcting POST a new entry (a correction supersedes the old one, which
 * stays); editing PATCHes the reader's own entry within 24 hours with
 * If-Match, and a 412 shows the newer text before the next Save overwrites
 * it.  Emits "saved" with the entry the daemon returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"
#include "bel-profile-entry.h"

G_BEGIN_DECLS

#define BEL_TYPE_ENTRY_EDITOR (bel_entry_editor_get_type ())
G_DECLARE_FINAL_TYPE (BelEntryEditor, bel_entry_editor, BEL, ENTRY_EDITOR, AdwWindow)

/* @sections: the section names the reader may write, in display order;
 * @section (nullable) is chosen first. */
BelEntryEditor *bel_entry_editor_new_add     (GtkWindow          *parent,
                                              BelClient          *client,
                                              gint64              student_id,
                                              const char * const *sections,
                                              const char         *section);
BelEntryEditor *bel_entry_editor_new_edit    (GtkWindow          *parent,
                                              BelClient          *client,
                                              BelProfileEntry    *entry);
BelEntryEditor *bel_entry_editor_new_correct (GtkWindow          *parent,
                                              BelClient          *client,
                                              BelProfileEntry    *entry);

const char     *bel_entry_editor_get_section (BelEntryEditor     *self);
void            bel_entry_editor_set_text    (BelEntryEditor     *self,
                                              const char         *text);
/* Whether a save is on its way to the daemon. */
gboolean        bel_entry_editor_get_busy    (BelEntryEditor     *self);

G_END_DECLS
