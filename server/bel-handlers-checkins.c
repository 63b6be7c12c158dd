/* bel-handlers-checkins.c - check-in settings, check-ins, duties, contacts,
 * family reach and advisory history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-checkins.h"

#include "bel-advisory-history.h"
#include "bel-cadence.h"
#include "bel-checkins.h"
#include "bel-contacts.h"
#include "bel-error.h"

/* ---- settings ---- */

void
bel_handle_checkin_settings_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCheckinSettings) settings =
    bel_cadence_get_settings (request->engine, request->actor, bel_request_get_id (request, "school_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, settings, error);
}

void
bel_handle_checkin_settings_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCheckinSettings) changes = NULL;
  g_autoptr(BelCheckinSettings) settings = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_CHECKIN_SETTINGS, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    settings = bel_cadence_update_settings (request->engine, request->actor,
                                            bel_request_get_id (request, "school_id"), version, changes,
                                            (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, settings, error);
}

/* ---- check-ins ---- */

void
bel_handle_checkins_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *follow_up = bel_request_get_query (request, "follow_up");
  BelCheckinQuery query = {
    .since = bel_request_get_query (request, "since"),
    .until = bel_request_get_query (request, "until"),
    .kind = bel_request_get_query (request, "kind"),
    .follow_up_only = g_strcmp0 (follow_up, "true") == 0,
  };

  if (follow_up != NULL && !g_str_equal (follow_up, "true") && !g_str_equal (follow_up, "false"))
    g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "follow_up: must be true or false");
  else if (bel_request_query_id (request, "student", &query.student_id, &error) &&
           bel_request_query_id (request, "account", &query.account_id, &error) &&
           bel_request_query_limit (request, &query.limit, &error))
    items = bel_checkins_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                               &query, &error);
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_checkins_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCheckin) checkin = bel_request_decode (request, BEL_TYPE_CHECKIN, BEL_MODEL_CREATE, &error);
  g_autoptr(BelCheckin) created = NULL;

  if (checkin != NULL)
    created = bel_checkins_create (request->engine, request->actor, bel_request_get_id (request, "student_id"),
                                   checkin, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_checkins_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCheckin) checkin = bel_checkins_get (request->engine, request->actor,
                                                    bel_request_get_id (request, "checkin_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, checkin, error);
}

void
bel_handle_checkin_duties (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BelDutyQuery query = {
    .as_of = bel_request_get_query (request, "as_of"),
    .since = bel_request_get_query (request, "since"),
    .state = bel_request_get_query (request, "state"),
  };

  if (bel_request_query_id (request, "account", &query.account_id, &error) &&
      bel_request_query_id (request, "advisory", &query.advisory_id, &error) &&
      bel_request_query_id (request, "student", &query.student_id, &error) &&
      bel_request_query_grade (request, &query.has_grade, &query.grade, &error))
    items = bel_cadence_duties (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                                &query, &error);
  bel_request_reply_list_result (request, items, error);
}

/* ---- contacts ---- */

void
bel_handle_contacts_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BelContactQuery query = {
    .since = bel_request_get_query (request, "since"),
    .until = bel_request_get_query (request, "until"),
    .good_news = bel_request_get_query (request, "good_news"),
  };

  if (bel_request_query_id (request, "student", &query.student_id, &error) &&
      bel_request_query_id (request, "account", &query.account_id, &error) &&
      bel_request_query_limit (request, &query.limit, &error))
    items = bel_contacts_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                               &query, &error);
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_contacts_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelContact) contact = bel_request_decode (request, BEL_TYPE_CONTACT, BEL_MODEL_CREATE, &error);
  g_autoptr(BelContact) created = NULL;

  if (contact != NULL)
    created = bel_contacts_create (request->engine, request->actor, bel_request_get_id (request, "student_id"),
                                   contact, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_contacts_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelContact) contact = bel_contacts_get (request->engine, request->actor,
                                                    bel_request_get_id (request, "contact_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, contact, error);
}

void
bel_handle_family_reach (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BelReachQuery query = {
    .as_of = bel_request_get_query (request, "as_of"),
    .state = bel_request_get_query (request, "state"),
  };

  if (bel_request_query_id (request, "advisory", &query.advisory_id, &error) &&
      bel_request_query_id (request, "advisor", &query.advisor_id, &error) &&
      bel_request_query_grade (request, &query.has_grade, &query.grade, &error))
    items = bel_contacts_family_reach (request->engine, request->actor,
                                       bel_request_get_id (request, "school_id"), &query, &error);
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_advisory_history (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bel_advisory_history (request->engine, request->actor,
                                                     bel_request_get_id (request, "student_id"), &error);

  bel_request_reply_list_result (request, items, error);
}
