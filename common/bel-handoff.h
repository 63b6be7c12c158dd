/* bel-handoff.h - a student's handoff for next year's teachers
 *
 * Decoded from GET /students/{id}/handoff: the student, the latest current
 * entry of every section the reader may read (strengths first; a section may
 * have no entry yet), the sensitive sections left out for this reader, and
 * the adults who know the student well (most links first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-profile-entry.h"
#include "bel-student.h"

G_BEGIN_DECLS

typedef struct {
  gint64   account_id;
  char    *display_name;
  char    *title;        /* nullable */
  GStrv    links;        /* "advisor", "advocate", "relationship", "personal" */
} BelHandoffAdult;

typedef struct {
  char            *section;
  char            *title;
  gboolean         sensitive;
  BelProfileEntry *entry; /* nullable: nothing written yet */
} BelHandoffSection;

#define BEL_TYPE_HANDOFF (bel_handoff_get_type ())
G_DECLARE_FINAL_TYPE (BelHandoff, bel_handoff, BEL, HANDOFF, GObject)

BelHandoff        *bel_handoff_new_from_json      (JsonNode   *node,
                                                   GError    **error);

BelStudent        *bel_handoff_get_student        (BelHandoff *self);
const char        *bel_handoff_get_school_year    (BelHandoff *self);
const char        *bel_handoff_get_generated_at   (BelHandoff *self);
guint              bel_handoff_get_n_sections     (BelHandoff *self);
const BelHandoffSection *bel_handoff_get_section  (BelHandoff *self,
                                                   guint       index);
/* The sensitive section names this reader may not read (NULL-terminated). */
const char * const *bel_handoff_get_hidden_sections (BelHandoff *self);
guint              bel_handoff_get_n_adults       (BelHandoff *self);
const BelHandoffAdult *bel_handoff_get_adult      (BelHandoff *self,
                                                   guint       index);
gboolean           bel_handoff_adult_has_link     (const BelHandoffAdult *adult,
                                                   const char            *link);

G_END_DECLS
