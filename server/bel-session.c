/* bel-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-session.h"

#include <string.h>

void
bel_session_free (BelSession *session)
{
  if (session == NULL)
    return;
  if (session->token != NULL)
    memset (session->token, 0, strlen (session->token));
  g_free (session->token);
  g_clear_pointer (&session->expires_at, g_date_time_unref);
  g_clear_object (&session->account);
  g_free (session);
}
