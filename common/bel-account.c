/* bel-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-account.h"

#include <gio/gio.h>

#include "bel-membership.h"

const char * const bel_server_roles[] = { "none", "admin", NULL };

struct _BelAccount { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelAccount, bel_account, BEL_TYPE_RESOURCE)

static void
bel_account_class_init (BelAccountClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("username", BEL_FIELD_REQUIRED, 64, NULL),
    bel_field_string ("display-name", BEL_FIELD_REQUIRED, 120, NULL),
    bel_field_string ("email", BEL_FIELD_NULLABLE, 254, NULL),
    bel_field_string ("server-role", BEL_FIELD_NONE, 10, bel_server_roles),
    bel_field_bool ("active", BEL_FIELD_NONE, TRUE),
    bel_field_string ("password", BEL_FIELD_SECRET | BEL_FIELD_NULLABLE, 256, NULL),
    bel_field_list ("memberships", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, BEL_TYPE_MEMBERSHIP),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_account_init (BelAccount *self) { }

BelAccount *
bel_account_new (void)
{
  return g_object_new (BEL_TYPE_ACCOUNT, "server-role", "none", NULL);
}

gboolean
bel_account_is_admin (BelAccount *self)
{
  g_return_val_if_fail (BEL_IS_ACCOUNT (self), FALSE);
  return g_strcmp0 (bel_resource_get_string (self, "server-role"), "admin") == 0;
}

/* The account's membership of @school_id (not a new reference), or NULL. */
BelMembership *
bel_account_membership_in (BelAccount *self,
                           gint64      school_id)
{
  GListModel *memberships;

  g_return_val_if_fail (BEL_IS_ACCOUNT (self), NULL);
  memberships = bel_resource_get_object (self, "memberships");
  for (guint i = 0; memberships != NULL && i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(BelMembership) m = g_list_model_get_item (memberships, i);
      if (bel_resource_get_int (m, "school-id") == school_id)
        return m; /* the list keeps it */
    }
  return NULL;
}

/* Returns the account's role in @school_id, or NULL when not a member. */
const char *
bel_account_role_in (BelAccount *self,
                     gint64      school_id)
{
  BelMembership *m = bel_account_membership_in (self, school_id);

  return m != NULL ? bel_resource_get_string (m, "role") : NULL;
}
