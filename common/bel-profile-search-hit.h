/* bel-profile-search-hit.h - one match of a full-text search over profiles
 *
 * The snippet wraps the matched words in ** ("loves **robotics** club").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_PROFILE_SEARCH_HIT (bel_profile_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (BelProfileSearchHit, bel_profile_search_hit, BEL, PROFILE_SEARCH_HIT, BelResource)

G_END_DECLS
