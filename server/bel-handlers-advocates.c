/* bel-handlers-advocates.c - advocates and "my advocacy"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-board.h"

#include "bel-advocates.h"
#include "bel-error.h"

void
bel_handle_advocates_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *account = bel_request_get_query (request, "account");
  guint64 account_id = 0;
  BelAdvocateQuery query = {
    .status = bel_request_get_query (request, "status"),
    .due_before = bel_request_get_query (request, "due_before"),
  };

  if (account != NULL && !g_ascii_string_to_unsigned (account, 10, 1, G_MAXINT64, &account_id, NULL))
    g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "account: must be an account id");
  else
    {
      query.account_id = (gint64) account_id;
      items = bel_advocates_list (request->engine, request->actor,
                                  bel_request_get_id (request, "school_id"), &query, &error);
    }
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_advocates_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvocate) advocate = NULL;
  g_autoptr(BelAdvocate) created = NULL;

  advocate = bel_request_decode (request, BEL_TYPE_ADVOCATE, BEL_MODEL_CREATE, &error);
  if (advocate != NULL)
    created = bel_advocates_create (request->engine, request->actor,
                                    bel_request_get_id (request, "student_id"), advocate, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_advocates_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvocate) advocate = bel_advocates_get (request->engine, request->actor,
                                                       bel_request_get_id (request, "advocate_id"),
                                                       &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, advocate, error);
}

void
bel_handle_advocates_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvocate) changes = NULL;
  g_autoptr(BelAdvocate) advocate = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_ADVOCATE, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    advocate = bel_advocates_update (request->engine, request->actor,
                                     bel_request_get_id (request, "advocate_id"), version,
                                     changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, advocate, error);
}

void
bel_handle_my_advocacy (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bel_advocates_list_mine (request->engine, request->actor, &error);

  bel_request_reply_list_result (request, items, error);
}
