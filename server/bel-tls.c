/* bel-tls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-tls.h"

#include "bel-error.h"

gboolean
bel_tls_setup (BelConfig        *config,
               GInetAddress     *address,
               GTlsCertificate **certificate,
               GError          **error)
{
  const char *certificate_file = bel_config_get_tls_certificate (config);
  const char *key_file = bel_config_get_tls_key (config);
  g_autoptr(GError) local_error = NULL;

  if (certificate_file == NULL || key_file == NULL)
    {
      g_autofree char *listen = NULL;

      if (g_inet_address_get_is_loopback (address) || bel_config_get_allow_plain_http (config))
        return TRUE;
      listen = g_inet_address_to_string (address);
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   "[server] listen=%s without tls_certificate and tls_key would send passwords and "
                   "student data unencrypted over the network: set both (HTTPS), or listen on 127.0.0.1 "
                   "behind a TLS proxy, or set allow_plain_http=true if the network is protected otherwise",
                   listen);
      return FALSE;
    }
  *certificate = g_tls_certificate_new_from_files (certificate_file, key_file, &local_error);
  if (*certificate == NULL)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   "[server] tls_certificate %s / tls_key %s: %s", certificate_file, key_file,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
