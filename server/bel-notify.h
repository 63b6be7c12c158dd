/* bel-notify.h - tells systemd how belongingd is doing (sd_notify protocol)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sends @state (e.g. "READY=1\nSTATUS=Serving") to $NOTIFY_SOCKET; does
 * nothing, successfully, when not run by systemd with Type=notify. */
gboolean bel_notify (const char  *state,
                     GError     **error);

G_END_DECLS
