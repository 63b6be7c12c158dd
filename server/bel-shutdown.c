/* bel-shutdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-shutdown.h"

#include "bel-event-hub.h"
#include "bel-notify.h"
#include "bel-prometheus.h"
#include "bel-store-private.h"

void
bel_shutdown_ready (void)
{
  g_autoptr(GError) error = NULL;

  if (!bel_notify ("READY=1\nSTATUS=Serving", &error))
    g_warning ("Could not notify systemd: %s", error->message);
}

static gboolean
drain_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bel_shutdown_run (BelServer *server,
                  BelEngine *engine)
{
  BelPrometheus *metrics = bel_prometheus_get_default ();
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout;

  bel_notify ("STOPPING=1\nSTATUS=Stopping", NULL);
  bel_event_hub_close_all (bel_event_hub_get (engine));
  bel_server_disconnect (server);

  timeout = g_timeout_add_seconds (BEL_SHUTDOWN_DRAIN_SECONDS, drain_timeout, &timed_out);
  while (bel_prometheus_get_in_flight (metrics) > 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_warning ("Stopping with %u requests unfinished", bel_prometheus_get_in_flight (metrics));
  else
    g_source_remove (timeout);
  bel_server_stop_workers (server);
  bel_store_forbid_thread (NULL);

  if (!bel_store_checkpoint (bel_engine_get_store (engine), &error))
    g_warning ("%s", error->message);
  bel_store_close (bel_engine_get_store (engine));
}
