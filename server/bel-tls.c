/* bel-tls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-tls.h"

#include "bel-error.h"

gboolean
bel_tls_setup (SoupServer               *soup,
               BelConfig                *config,
               SoupServerListenOptions  *options,
               GError                  **error)
{
  const char *certificate_file = bel_config_get_tls_certificate (config);
  const char *key_file = bel_config_get_tls_key (config);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) local_error = NULL;

  if (certificate_file == NULL || key_file == NULL)
    return TRUE;
  certificate = g_tls_certificate_new_from_files (certificate_file, key_file, &local_error);
  if (certificate == NULL)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   "[server] tls_certificate %s / tls_key %s: %s", certificate_file, key_file,
                   local_error->message);
      return FALSE;
    }
  soup_server_set_tls_certificate (soup, certificate);
  *options |= SOUP_SERVER_LISTEN_HTTPS;
  return TRUE;
}
