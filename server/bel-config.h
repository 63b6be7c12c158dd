/* bel-config.h - belongingd settings: defaults, then a key file, then options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BEL_TYPE_CONFIG (bel_config_get_type ())
G_DECLARE_FINAL_TYPE (BelConfig, bel_config, BEL, CONFIG, GObject)

BelConfig  *bel_config_new                  (void);
gboolean    bel_config_load_file            (BelConfig   *self,
                                             const char  *path,
                                             gboolean     must_exist,
                                             GError     **error);

const char *bel_config_get_database         (BelConfig   *self);
void        bel_config_set_database         (BelConfig   *self,
                                             const char  *path);
const char *bel_config_get_listen           (BelConfig   *self);
void        bel_config_set_listen           (BelConfig   *self,
                                             const char  *address);
guint       bel_config_get_port             (BelConfig   *self);
void        bel_config_set_port             (BelConfig   *self,
                                             guint        port);
gsize       bel_config_get_max_body_size    (BelConfig   *self);
/* [server] limits on connections (bel-connections.h) */
gsize       bel_config_get_max_header_size  (BelConfig   *self); /* bytes */
guint       bel_config_get_max_connections  (BelConfig   *self);
guint       bel_config_get_request_timeout  (BelConfig   *self); /* seconds */
guint       bel_config_get_idle_timeout     (BelConfig   *self); /* seconds */
gint64      bel_config_get_session_lifetime (BelConfig   *self); /* seconds */
guint       bel_config_get_max_failures     (BelConfig   *self);
/* Whether @address (an IP address as text) is one of [server] trusted_proxies:
 * a load balancer or TLS proxy whose X-Forwarded-For names the client. */
gboolean    bel_config_is_trusted_proxy     (BelConfig   *self,
                                             const char  *address);
/* Threads that run requests, each with its own database connection. */
guint       bel_config_get_workers          (BelConfig   *self);
gint64      bel_config_get_failure_window   (BelConfig   *self); /* seconds */
/* [events]: live event subscribers (bel-event-hub.h) */
guint       bel_config_get_events_queue_limit   (BelConfig *self); /* frames */
guint       bel_config_get_events_ping_interval (BelConfig *self); /* seconds */
/* [server] tls_certificate, tls_key: PEM files; both set = HTTPS (NULL: plain HTTP) */
const char *bel_config_get_tls_certificate      (BelConfig *self);
const char *bel_config_get_tls_key              (BelConfig *self);
void        bel_config_set_tls                  (BelConfig  *self,
                                                 const char *certificate,
                                                 const char *key);
/* [server] allow_plain_http: serve plain HTTP on an address other than
 * loopback (refused by default: see bel_tls_setup()) */
gboolean    bel_config_get_allow_plain_http     (BelConfig *self);

G_END_DECLS
