/* bel-account.h - a person who signs in: staff or IT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-membership.h"
#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_ACCOUNT (bel_account_get_type ())
G_DECLARE_FINAL_TYPE (BelAccount, bel_account, BEL, ACCOUNT, BelResource)

BelAccount *bel_account_new (void);
gboolean    bel_account_is_admin (BelAccount *self);
const char *bel_account_role_in (BelAccount *self,
                                 gint64      school_id);
BelMembership *bel_account_membership_in (BelAccount *self,
                                          gint64      school_id);

extern const char * const bel_server_roles[];

G_END_DECLS
