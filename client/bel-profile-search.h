/* bel-profile-search.h - full-text search across a school's profiles
 *
 * Searches the current, non-sensitive entries the reader may read
 * (GET /schools/{id}/profile-search), shows each match with its snippet, and
 * emits "open-student" with the student's id when one is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_PROFILE_SEARCH (bel_profile_search_get_type ())
G_DECLARE_FINAL_TYPE (BelProfileSearch, bel_profile_search, BEL, PROFILE_SEARCH, AdwWindow)

BelProfileSearch *bel_profile_search_new        (GtkWindow        *parent,
                                                 BelClient        *client,
                                                 gint64            school_id);
void              bel_profile_search_set_query  (BelProfileSearch *self,
                                                 const char       *query);
/* BelProfileSearchHit, best first. */
GListModel       *bel_profile_search_get_hits   (BelProfileSearch *self);
gboolean          bel_profile_search_get_loading (BelProfileSearch *self);
/* Opens the match at @position, as a click would. */
void              bel_profile_search_activate   (BelProfileSearch *self,
                                                 guint             position);

G_END_DECLS
