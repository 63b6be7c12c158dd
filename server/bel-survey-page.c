/* bel-survey-page.c - the page students answer a survey on
 *
 *   GET  /survey            the code form
 *   POST /survey            code -> the questions, in the student's home language when translated
 *   POST /survey/answers    the answers -> thanks; the code is used up
 *   GET  /survey/style.css
 *
 * Plain HTML forms, no JavaScript.  Every response carries a strict
 * Content-Security-Policy (no scripts, no framing), nosniff and no-referrer.
 * Forms are CSRF-safe: each carries a token that is an HMAC, under a key
 * drawn when the daemon starts, of its purpose, the code it is for, an expiry
 * and a random value also kept in a SameSite=Strict, HttpOnly cookie, so a
 * form posted from another site or without the cookie is refused.  Wrong
 * codes are counted per client address, in the database (bel-rate-limit.h),
 * so across every daemon on it; too many in a while answer 429, and when they
 * cannot be counted the page answers 503 rather than take unlimited guesses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-surveys.h"

#include <sodium.h>
#include <string.h>

#include "bel-error.h"
#include "bel-rate-limit.h"
#include "bel-survey-page-private.h"
#include "bel-survey-taking.h"
#include "bel-surveys-private.h"

#define COOKIE_NAME      "bel_survey"
#define TOKEN_LIFETIME   (3 * 60 * 60)
#define MAX_CODE_FAILURES 50 /* a classroom often shares one address */
#define FAILURE_WINDOW   (10 * 60)

static guint8 form_key[32];

static void
ensure_state (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not start");
      randombytes_buf (form_key, sizeof form_key);
      g_once_init_leave (&done, 1);
    }
}

/* ---- tokens and the cookie ---- */

static char *
token_mac (const char *purpose,
           const char *bind,
           const char *nonce,
           gint64      expiry)
{
  g_autofree char *message = g_strdup_printf ("%s\n%s\n%s\n%" G_GINT64_FORMAT, purpose, bind ? bind : "",
                                              nonce, expiry);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, form_key, sizeof form_key, message, -1);
}

static char *
token_new (const char *purpose,
           const char *bind,
           const char *nonce)
{
  gint64 expiry = g_get_real_time () / G_USEC_PER_SEC + TOKEN_LIFETIME;
  g_autofree char *mac = token_mac (purpose, bind, nonce, expiry);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%s", expiry, mac);
}

static gboolean
token_valid (const char *token,
             const char *purpose,
             const char *bind,
             const char *nonce)
{
  g_autofree char *mac = NULL;
  const char *dot;
  gint64 expiry;

  if (token == NULL || nonce == NULL || (dot = strchr (token, '.')) == NULL)
    return FALSE;
  expiry = g_ascii_strtoll (token, NULL, 10);
  if (expiry < g_get_real_time () / G_USEC_PER_SEC)
    return FALSE;
  mac = token_mac (purpose, bind, nonce, expiry);
  return strlen (dot + 1) == strlen (mac) && sodium_memcmp (dot + 1, mac, strlen (mac)) == 0;
}

/* The nonce of our cookie, or NULL. */
static char *
cookie_nonce (BelRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *header = soup_message_headers_get_one (headers, "Cookie");
  g_auto(GStrv) parts = header ? g_strsplit (header, ";", -1) : NULL;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      if (g_str_has_prefix (part, COOKIE_NAME "=") && strlen (part) == strlen (COOKIE_NAME) + 1 + 32)
        return g_strdup (part + strlen (COOKIE_NAME) + 1);
    }
  return NULL;
}

/* The request's nonce, set as a new cookie when it has none. */
static char *
ensure_nonce (BelRequest *request)
{
  char *nonce = cookie_nonce (request);
  guint8 raw[16];
  char hex[sizeof raw * 2 + 1];
  g_autofree char *cookie = NULL;

  if (nonce != NULL)
    return nonce;
  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (hex, sizeof hex, raw, sizeof raw);
  cookie = g_strdup_printf (COOKIE_NAME "=%s; Path=/survey; HttpOnly; SameSite=Strict", hex);
  soup_message_headers_append (soup_server_message_get_response_headers (request->msg), "Set-Cookie", cookie);
  return g_strdup (hex);
}

/* ---- replies ---- */

static const char *const page_headers[] = {
  "Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                             "frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options", "nosniff",
  "Referrer-Policy", "no-referrer",
  "X-Frame-Options", "DENY",
  NULL
};

const char *const *
bel_survey_page_headers (void)
{
  return page_headers;
}

gboolean
bel_survey_page_path (const char *path)
{
  return g_strcmp0 (path, "/survey") == 0 || g_str_has_prefix (path, "/survey/");
}

void
bel_survey_page_set_headers (SoupMessageHeaders *headers)
{
  for (guint i = 0; page_headers[i] != NULL; i += 2)
    soup_message_headers_replace (headers, page_headers[i], page_headers[i + 1]);
}

static void
security_headers (BelRequest *request)
{
  bel_survey_page_set_headers (soup_server_message_get_response_headers (request->msg));
}

static void
reply_html (BelRequest *request,
            guint       status,
            GString    *html)
{
  gsize len = html->len;

  security_headers (request);
  soup_server_message_set_status (request->msg, status, NULL);
  soup_server_message_set_response (request->msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_string_free (html, FALSE), len);
}

/* The code form, with @message (may be NULL) as an alert. */
static void
reply_code_form (BelRequest        *request,
                 guint              status,
                 const BelPageText *text,
                 const char        *message)
{
  g_autofree char *nonce = ensure_nonce (request);
  g_autofree char *token = token_new ("start", NULL, nonce);

  reply_html (request, status, bel_survey_page_code_form (text, token, message));
}

/* ---- form bodies ---- */

static GHashTable *
read_form (BelRequest  *request,
           GError     **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNSUPPORTED_MEDIA,
                           "Send the form as application/x-www-form-urlencoded");
      return NULL;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (request->msg));
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data ? data : "", size);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "The form is not UTF-8");
      return NULL;
    }
  return soup_form_decode (text);
}

static const char *
client_key (BelRequest *request)
{
  return request->client_address ? request->client_address : "unknown";
}

/* Made for each call: the counts are in the store. */
static BelRateLimit *
code_limit (void)
{
  return bel_rate_limit_new ("survey-code", MAX_CODE_FAILURES, FAILURE_WINDOW);
}

/* TRUE when the address may try a code now; answers 429 (or 503) otherwise. */
static gboolean
check_rate (BelRequest        *request,
            const BelPageText *text)
{
  g_autoptr(BelRateLimit) limit = code_limit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *seconds = NULL;
  gint64 wait = 0;

  if (!bel_rate_limit_check (limit, bel_engine_get_store (request->engine), client_key (request),
                             g_get_real_time () / G_USEC_PER_SEC, &wait, &error))
    {
      reply_code_form (request, bel_error_to_status (error), text, text->failed);
      return FALSE;
    }
  if (wait == 0)
    return TRUE;
  seconds = g_strdup_printf ("%" G_GINT64_FORMAT, wait);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), "Retry-After", seconds);
  reply_code_form (request, 429, text, text->too_many);
  return FALSE;
}

/* Common checks of both POSTs: form, rate, token.  NULL when answered already. */
static GHashTable *
accept_post (BelRequest *request,
             const char *purpose,
             char      **code_out)
{
  const BelPageText *english = bel_survey_page_text (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = read_form (request, &error);
  g_autofree char *nonce = cookie_nonce (request);
  g_autofree char *code = NULL;

  if (form == NULL)
    {
      reply_code_form (request, bel_error_to_status (error), english, english->reload);
      return NULL;
    }
  if (!check_rate (request, english))
    return NULL;
  code = bel_survey_code_normalize (g_hash_table_lookup (form, "code"));
  if (!token_valid (g_hash_table_lookup (form, "token"), purpose,
                    g_str_equal (purpose, "answers") ? code : NULL, nonce))
    {
      reply_code_form (request, SOUP_STATUS_FORBIDDEN, english, english->reload);
      return NULL;
    }
  *code_out = g_steal_pointer (&code);
  return g_steal_pointer (&form);
}

/* FALSE when the wrong code could not be counted: answered 503 already. */
static gboolean
count_wrong_code (BelRequest        *request,
                  const BelPageText *text)
{
  g_autoptr(BelRateLimit) limit = code_limit ();
  g_autoptr(GError) error = NULL;

  if (bel_rate_limit_fail (limit, bel_engine_get_store (request->engine), client_key (request),
                           g_get_real_time () / G_USEC_PER_SEC, &error))
    return TRUE;
  reply_code_form (request, bel_error_to_status (error), text, text->failed);
  return FALSE;
}

static void
reply_code_error (BelRequest        *request,
                  const BelPageText *text,
                  const GError      *error)
{
  const char *message = text->not_found;

  if ((g_error_matches (error, BEL_ERROR, BEL_ERROR_NOT_FOUND) || g_error_matches (error, BEL_ERROR, BEL_ERROR_CONFLICT)) &&
      !count_wrong_code (request, text))
    return;
  if (g_error_matches (error, BEL_ERROR, BEL_ERROR_CONFLICT))
    message = strstr (error->message, "closed") != NULL ? text->closed : text->used;
  else if (!g_error_matches (error, BEL_ERROR, BEL_ERROR_NOT_FOUND))
    message = text->failed;
  reply_code_form (request, bel_error_to_status (error), text, message);
}

/* ---- handlers ---- */

void
bel_handle_survey_page (BelRequest *request)
{
  ensure_state ();
  reply_code_form (request, SOUP_STATUS_OK, bel_survey_page_text (NULL), NULL);
}

void
bel_handle_survey_style (BelRequest *request)
{
  const char *css = bel_survey_page_css ();

  security_headers (request);
  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg, "text/css; charset=utf-8", SOUP_MEMORY_STATIC, css,
                                    strlen (css));
}

/* The form posted for @purpose and the ticket of its code, or NULL when the
 * request was refused (the reply is sent). */
static BelSurveyTicket *
accept_ticket (BelRequest  *request,
               const char  *purpose,
               GHashTable **form,
               char       **code)
{
  g_autoptr(GError) error = NULL;
  BelSurveyTicket *ticket;

  ensure_state ();
  *form = accept_post (request, purpose, code);
  if (*form == NULL)
    return NULL;
  ticket = bel_survey_ticket_find (request->engine, *code, &error);
  if (ticket == NULL)
    reply_code_error (request, bel_survey_page_text (NULL), error);
  return ticket;
}

void
bel_handle_survey_start (BelRequest *request)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(BelSurveyTicket) ticket = NULL;
  g_autoptr(GPtrArray) adults = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *nonce = NULL;
  g_autofree char *answers_token = NULL;
  g_autofree char *start_token = NULL;
  const char *language;

  ticket = accept_ticket (request, "start", &form, &code);
  if (ticket == NULL)
    return;
  adults = bel_survey_adult_choices (request->engine, ticket->school_id, &error);
  if (adults == NULL)
    {
      reply_code_error (request, bel_survey_page_text (NULL), error);
      return;
    }
  /* "en" asks for English; otherwise the student's home language */
  language = g_strcmp0 (g_hash_table_lookup (form, "lang"), "en") == 0 ? NULL : ticket->language;
  nonce = cookie_nonce (request);
  answers_token = token_new ("answers", code, nonce);
  start_token = token_new ("start", NULL, nonce);
  reply_html (request, SOUP_STATUS_OK,
              bel_survey_page_questions (ticket, adults, language, code, answers_token, start_token));
}

static gboolean
collect_answers (GHashTable  *form,
                 BelSurvey   *survey,
                 GHashTable  *values,
                 GArray      *adults)
{
  g_autoptr(GPtrArray) likert = bel_survey_items_of_kind (survey, "likert");
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < likert->len; i++)
    {
      gint64 item_id = bel_resource_get_id (g_ptr_array_index (likert, i));
      g_autofree char *name = g_strdup_printf ("item_%" G_GINT64_FORMAT, item_id);
      const char *text = g_hash_table_lookup (form, name);
      guint64 v = 0;

      if (text == NULL || *text == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (text, 10, 1, 5, &v, NULL))
        return FALSE;
      g_hash_table_insert (values, g_memdup2 (&item_id, sizeof item_id), GINT_TO_POINTER ((gint) v));
    }
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 id = 0;

      if (!g_str_has_prefix (key, "adult_"))
        continue;
      if (!g_ascii_string_to_unsigned ((const char *) key + 6, 10, 1, G_MAXINT64, &id, NULL))
        return FALSE;
      g_array_append_val (adults, id);
    }
  return TRUE;
}

void
bel_handle_survey_answers (BelRequest *request)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(BelSurveyTicket) ticket = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) adults = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  const BelPageText *text;

  ticket = accept_ticket (request, "answers", &form, &code);
  if (ticket == NULL)
    return;
  text = bel_survey_page_text (g_strcmp0 (g_hash_table_lookup (form, "lang"), "en") == 0 ? NULL : ticket->language);
  if (!collect_answers (form, ticket->survey, values, adults))
    {
      reply_code_form (request, SOUP_STATUS_BAD_REQUEST, text, text->failed);
      return;
    }
  if (!bel_survey_submit (request->engine, code, values, adults, NULL, &error))
    {
      reply_code_error (request, text, error);
      return;
    }
  reply_html (request, SOUP_STATUS_OK, bel_survey_page_thanks (text));
}
