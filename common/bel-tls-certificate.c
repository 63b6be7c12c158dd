/* bel-tls-certificate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-tls-certificate.h"

#include <glib/gi18n-lib.h>

char *
bel_tls_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *text = g_string_sized_new (3 * sizeof digest);

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der != NULL)
    g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (text, "%s%02X", i ? ":" : "", digest[i]);
  return g_string_free (text, FALSE);
}

gboolean
bel_tls_certificate_is_self_signed (GTlsCertificate *certificate)
{
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), FALSE);

  subject = g_tls_certificate_get_subject_name (certificate);
  issuer = g_tls_certificate_get_issuer_name (certificate);
  return subject != NULL && g_strcmp0 (subject, issuer) == 0;
}

static char *
format_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* TRANSLATORS: a certificate's first or last valid day, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y"));
}

char *
bel_tls_certificate_format_validity (GTlsCertificate *certificate)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  from = g_tls_certificate_get_not_valid_before (certificate);
  until = g_tls_certificate_get_not_valid_after (certificate);
  if (from == NULL || until == NULL)
    return NULL;
  first = format_day (from);
  last = format_day (until);
  /* TRANSLATORS: from the first to the last day a certificate is valid */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static void
add_reason (GString    *text,
            const char *reason)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, reason);
}

char *
bel_tls_certificate_describe_problems (GTlsCertificate     *certificate,
                                       GTlsCertificateFlags errors,
                                       const char          *host)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  from = g_tls_certificate_get_not_valid_before (certificate);
  until = g_tls_certificate_get_not_valid_after (certificate);
  if (from != NULL && g_date_time_compare (now, from) < 0)
    errors |= G_TLS_CERTIFICATE_NOT_ACTIVATED;
  if (until != NULL && g_date_time_compare (now, until) > 0)
    errors |= G_TLS_CERTIFICATE_EXPIRED;
  if (bel_tls_certificate_is_self_signed (certificate))
    errors |= G_TLS_CERTIFICATE_UNKNOWN_CA;

  if (errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    {
      if (bel_tls_certificate_is_self_signed (certificate))
        add_reason (text, _("It is self-signed: the server vouches for itself, and no authority this computer knows has checked it."));
      else
        add_reason (text, _("It was issued by an authority this computer doesn't know."));
    }
  if (errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    {
      g_autofree char *reason = g_strdup_printf (_("It was made for another server name than “%s”."),
                                                 host ? host : "");
      add_reason (text, reason);
    }
  if (errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    {
      g_autofree char *day = format_day (from);
      g_autofree char *reason = g_strdup_printf (_("It isn't valid yet: it starts on %s."), day);
      add_reason (text, reason);
    }
  if (errors & G_TLS_CERTIFICATE_EXPIRED)
    {
      g_autofree char *day = format_day (until);
      g_autofree char *reason = g_strdup_printf (_("It expired on %s."), day);
      add_reason (text, reason);
    }
  if (errors & G_TLS_CERTIFICATE_REVOKED)
    add_reason (text, _("The authority that issued it has revoked it."));
  if (errors & G_TLS_CERTIFICATE_INSECURE)
    add_reason (text, _("It uses a weak, insecure algorithm."));
  if (text->len == 0)
    add_reason (text, _("This computer could not check it."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
