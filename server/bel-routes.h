/* bel-routes.h - the REST routes: method + path pattern -> handler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

typedef void (*BelHandler) (BelRequest *request);

typedef enum {
  BEL_ROUTE_NONE   = 0,
  BEL_ROUTE_PUBLIC = 1 << 0, /* no bearer token needed */
  BEL_ROUTE_BODY   = 1 << 1, /* takes a JSON body */
  BEL_ROUTE_MAIN   = 1 << 2, /* runs on the main loop, not a worker thread (bel-server.h) */
} BelRouteFlags;

typedef struct {
  const char    *method;
  const char    *pattern; /* "/api/v1/students/{student_id}"; *_id parameters are ids */
  BelHandler     handler;
  BelRouteFlags  flags;
} BelRoute;

const BelRoute *bel_routes_get   (guint       *n_routes);
/* The route for @method and @path, with its parameters in @params.  NULL
 * when none: then *@path_known tells whether another method would match,
 * and @allow (if given) receives those methods, comma-separated. */
const BelRoute *bel_routes_match (const char  *method,
                                  const char  *path,
                                  GHashTable  *params,
                                  gboolean    *path_known,
                                  GString     *allow);
/* "METHOD /path/{param}" lines, one per route, as in openapi.yaml. */
char           *bel_routes_dump  (void);

G_END_DECLS
