/* bel-handlers-schools.c - schools, staff, memberships and accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers.h"

#include "bel-accounts.h"
#include "bel-event-hub.h"
#include "bel-schools.h"

/* Replies with @resource, or with @error when it is NULL. */
void
bel_handle_schools_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = bel_schools_list (request->engine, request->actor, &error);

  bel_request_reply_list_result (request, schools, error);
}

void
bel_handle_schools_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSchool) school = NULL;
  g_autoptr(BelSchool) created = NULL;

  school = bel_request_decode (request, BEL_TYPE_SCHOOL, BEL_MODEL_CREATE, &error);
  if (school != NULL)
    created = bel_schools_create (request->engine, request->actor, school, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_schools_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSchool) school = bel_schools_get (request->engine, request->actor,
                                                 bel_request_get_id (request, "school_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, school, error);
}

void
bel_handle_staff_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = bel_schools_list_staff (request->engine, request->actor,
                                                       bel_request_get_id (request, "school_id"),
                                                       &error);

  bel_request_reply_list_result (request, staff, error);
}

void
bel_handle_membership_put (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelMembership) membership = NULL;
  g_autoptr(BelMembership) stored = NULL;

  membership = bel_request_decode (request, BEL_TYPE_MEMBERSHIP, BEL_MODEL_CREATE, &error);
  if (membership != NULL)
    stored = bel_memberships_put (request->engine, request->actor,
                                  bel_request_get_id (request, "school_id"),
                                  bel_request_get_id (request, "account_id"),
                                  membership, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, stored, error);
}

void
bel_handle_membership_delete (BelRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (bel_memberships_delete (request->engine, request->actor,
                              bel_request_get_id (request, "school_id"),
                              bel_request_get_id (request, "account_id"), &error))
    {
      /* A former member stops receiving the school's live events at once. */
      bel_event_hub_revalidate (bel_event_hub_get (request->engine));
      bel_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
    }
  else
    bel_request_reply_error (request, error);
}

void
bel_handle_accounts_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = bel_accounts_list (request->engine, request->actor, &error);

  bel_request_reply_list_result (request, accounts, error);
}

void
bel_handle_accounts_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelAccount) created = NULL;

  account = bel_request_decode (request, BEL_TYPE_ACCOUNT, BEL_MODEL_CREATE, &error);
  if (account != NULL)
    created = bel_accounts_create (request->engine, request->actor, account, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_accounts_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = bel_accounts_get (request->engine, request->actor,
                                                    bel_request_get_id (request, "account_id"),
                                                    &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, account, error);
}

void
bel_handle_accounts_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) changes = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_ACCOUNT, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    account = bel_accounts_update (request->engine, request->actor,
                                   bel_request_get_id (request, "account_id"), version,
                                   changes, (const char * const *) fields, &error);
  if (account != NULL)
    bel_event_hub_revalidate (bel_event_hub_get (request->engine)); /* e.g. disabled */
  bel_request_reply_result (request, SOUP_STATUS_OK, account, error);
}
