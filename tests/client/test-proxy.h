/* test-proxy.h - a proxy in front of a test daemon that holds answers back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TestProxy TestProxy;

/* Listens on a free loopback port and passes every request, and the live
 * events WebSocket of the demo's schools, on to @upstream (plain HTTP). */
TestProxy  *test_proxy_new       (const char *upstream);
const char *test_proxy_get_url   (TestProxy  *proxy);

/* Holds the answers to "@method @path" (no query) back for @ms
 * milliseconds, so that they arrive after the others. */
void        test_proxy_hold_back (TestProxy  *proxy,
                                  const char *method,
                                  const char *path,
                                  guint       ms);
/* "GET /api/v1/me", ... in the order the app was given the answers. */
GPtrArray  *test_proxy_get_log   (TestProxy  *proxy);
void        test_proxy_free      (TestProxy  *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestProxy, test_proxy_free)

G_END_DECLS
