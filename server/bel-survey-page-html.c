/* bel-survey-page-html.c - the students' survey page as HTML, in English or Spanish
 *
 * Everything dynamic goes through g_markup_escape_text().  The page works
 * without JavaScript and without the style sheet, keeps to one column on a
 * small screen, labels every control, and groups each question's choices in
 * a fieldset whose legend is the question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-page-private.h"

#include <string.h>

#include "bel-surveys-private.h"

static const BelPageText english = {
  .lang = "en",
  .title = "Student survey",
  .intro = "Type the code from your slip to start.",
  .code_label = "Your code",
  .code_help = "Ten letters and numbers, like ACD34-EFG67. Dashes and spaces don't matter.",
  .start = "Start",
  .not_found = "This code does not work. Check it against your slip and try again.",
  .used = "This code has been used already. Answers can't be changed afterwards.",
  .closed = "This survey is closed.",
  .too_many = "Too many wrong codes from this device. Wait a few minutes, or ask your teacher.",
  .reload = "This form has expired. Please type your code again.",
  .failed = "Something went wrong. Please try again, or ask your teacher.",
  .confidential = "Your answers are confidential: staff only see results for groups of students, "
                  "never your own answers.",
  .anonymous = "Your answers are anonymous: they are not kept with your name.",
  .skip_hint = "You can skip any question.",
  .scale = { "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree" },
  .adults_hint = "Choose as many as you like, or none.",
  .adults_shared = "Your counselors will see which adults you choose, so they can help you connect with them.",
  .adults_counted = "The adults you choose are counted without your name.",
  .send = "Send my answers",
  .thanks_title = "Thank you!",
  .thanks = "Your answers were saved. You can close this page now.",
};

static const BelPageText spanish = {
  .lang = "es",
  .title = "Encuesta para estudiantes",
  .intro = "Escribe el código de tu papelito para empezar.",
  .code_label = "Tu código",
  .code_help = "Diez letras y números, como ACD34-EFG67. Los guiones y espacios no importan.",
  .start = "Empezar",
  .not_found = "Este código no funciona. Revísalo con tu papelito e inténtalo de nuevo.",
  .used = "Este código ya se usó. Las respuestas no se pueden cambiar después.",
  .closed = "Esta encuesta está cerrada.",
  .too_many = "Demasiados códigos equivocados desde este aparato. Espera unos minutos o pregunta a tu maestro.",
  .reload = "Este formulario venció. Escribe tu código otra vez.",
  .failed = "Algo salió mal. Inténtalo de nuevo o pregunta a tu maestro.",
  .confidential = "Tus respuestas son confidenciales: el personal solo ve resultados de grupos de estudiantes, "
                  "nunca tus propias respuestas.",
  .anonymous = "Tus respuestas son anónimas: no se guardan con tu nombre.",
  .skip_hint = "Puedes saltar cualquier pregunta.",
  .scale = { "Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo",
             "Totalmente de acuerdo" },
  .adults_hint = "Elige todos los que quieras, o ninguno.",
  .adults_shared = "Tus consejeros verán qué adultos eliges, para ayudarte a conectar con ellos.",
  .adults_counted = "Los adultos que eliges se cuentan sin tu nombre.",
  .send = "Enviar mis respuestas",
  .thanks_title = "¡Gracias!",
  .thanks = "Tus respuestas se guardaron. Ya puedes cerrar esta página.",
};

const BelPageText *
bel_survey_page_text (const char *language)
{
  if (language != NULL && (g_ascii_strcasecmp (language, "Spanish") == 0 ||
                           g_ascii_strcasecmp (language, "Español") == 0 ||
                           g_ascii_strcasecmp (language, "es") == 0))
    return &spanish;
  return &english;
}

static const char css[] =
  ":root{color-scheme:light;--fg:#1d1d1f;--bg:#fafafa;--accent:#1b5fc1;--line:#c8c8cc}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.5 system-ui,'Cantarell',sans-serif}\n"
  "main{max-width:42rem;margin:0 auto;padding:1rem 1rem 3rem}\n"
  "h1{font-size:1.6rem;margin:.5rem 0 1rem}\n"
  "p.note{background:#eef3fb;border-left:4px solid var(--accent);padding:.5rem .75rem}\n"
  "p.alert{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .75rem;font-weight:600}\n"
  "label.code{display:block;font-weight:600;margin:.5rem 0 .25rem}\n"
  "input[type=text]{font:inherit;font-size:1.4rem;letter-spacing:.1em;text-transform:uppercase;"
  "width:100%;max-width:20rem;padding:.5rem;border:2px solid var(--line);border-radius:6px}\n"
  "fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 1rem;padding:.75rem 1rem;background:#fff}\n"
  "legend{font-weight:600;padding:0 .25rem}\n"
  ".scale label,.adults label{display:flex;gap:.6rem;align-items:center;min-height:2.75rem;padding:.15rem 0}\n"
  ".adults{list-style:none;margin:0;padding:0;max-height:22rem;overflow-y:auto}\n"
  "input[type=radio],input[type=checkbox]{width:1.4rem;height:1.4rem;flex:none}\n"
  "button{font:inherit;font-weight:600;padding:.7rem 1.4rem;border-radius:8px;border:0;background:var(--accent);"
  "color:#fff;min-height:2.75rem;cursor:pointer}\n"
  "button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}\n"
  ":focus-visible{outline:3px solid #e8a400;outline-offset:2px}\n"
  "form.inline{margin:0 0 1rem}\n"
  "@media (min-width:40rem){.scale{display:grid;grid-template-columns:repeat(5,1fr);gap:.5rem}"
  ".scale label{flex-direction:column;text-align:center;font-size:.95rem}}\n";

const char *
bel_survey_page_css (void)
{
  return css;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static GString *
page_begin (const char *lang,
            const char *title)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"");

  append_escaped (out, lang);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
  append_escaped (out, title);
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" href=\"/survey/style.css\">\n</head>\n"
                        "<body>\n<main>\n<h1>");
  append_escaped (out, title);
  g_string_append (out, "</h1>\n");
  return out;
}

static GString *
page_end (GString *out)
{
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return out;
}

static void
hidden (GString    *out,
        const char *name,
        const char *value)
{
  g_string_append_printf (out, "<input type=\"hidden\" name=\"%s\" value=\"", name);
  append_escaped (out, value);
  g_string_append (out, "\">\n");
}

GString *
bel_survey_page_code_form (const BelPageText *text,
                           const char        *token,
                           const char        *message)
{
  GString *out = page_begin (text->lang, text->title);

  if (message != NULL)
    {
      g_string_append (out, "<p class=\"alert\" role=\"alert\">");
      append_escaped (out, message);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p>");
  append_escaped (out, text->intro);
  g_string_append (out, "</p>\n<form method=\"post\" action=\"/survey\">\n");
  hidden (out, "token", token);
  g_string_append (out, "<label class=\"code\" for=\"code\">");
  append_escaped (out, text->code_label);
  g_string_append (out, "</label>\n<p id=\"code-help\">");
  append_escaped (out, text->code_help);
  g_string_append (out, "</p>\n<input type=\"text\" id=\"code\" name=\"code\" required autocomplete=\"off\" "
                        "autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"24\" "
                        "aria-describedby=\"code-help\" autofocus>\n<p><button type=\"submit\">");
  append_escaped (out, text->start);
  g_string_append (out, "</button></p>\n</form>\n");
  return page_end (out);
}

/* The item's text in @language (by name, any case), else its own text. */
static const char *
item_text (BelSurveyItem *item,
           const char    *language,
           gboolean      *translated)
{
  GHashTable *translations = bel_resource_get_boxed (item, "translations");
  GHashTableIter iter;
  gpointer key, value;

  *translated = FALSE;
  if (language != NULL && translations != NULL)
    {
      g_hash_table_iter_init (&iter, translations);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_ascii_strcasecmp (key, language) == 0)
          {
            *translated = TRUE;
            return value;
          }
    }
  return bel_resource_get_string (item, "text");
}

static void
likert_item (GString           *out,
             const BelPageText *text,
             BelSurveyItem     *item,
             guint              number,
             const char        *language)
{
  gint64 id = bel_resource_get_id (item);
  gboolean translated;
  const char *question = item_text (item, language, &translated);

  g_string_append_printf (out, "<fieldset>\n<legend>%u. ", number);
  append_escaped (out, question);
  g_string_append (out, "</legend>\n<div class=\"scale\">\n");
  for (guint v = 1; v <= 5; v++)
    {
      g_string_append_printf (out, "<label><input type=\"radio\" name=\"item_%" G_GINT64_FORMAT "\" value=\"%u\"> "
                                   "<span>", id, v);
      append_escaped (out, text->scale[v - 1]);
      g_string_append (out, "</span></label>\n");
    }
  g_string_append (out, "</div>\n</fieldset>\n");
}

static void
adults_item (GString           *out,
             const BelPageText *text,
             BelSurveyItem     *item,
             guint              number,
             const char        *language,
             GPtrArray         *adults,
             gboolean           confidential)
{
  gboolean translated;

  g_string_append_printf (out, "<fieldset>\n<legend>%u. ", number);
  append_escaped (out, item_text (item, language, &translated));
  g_string_append (out, "</legend>\n<p>");
  append_escaped (out, text->adults_hint);
  g_string_append (out, " ");
  append_escaped (out, confidential ? text->adults_shared : text->adults_counted);
  g_string_append (out, "</p>\n<ul class=\"adults\">\n");
  for (guint i = 0; i < adults->len; i++)
    {
      BelSurveyAdult *adult = g_ptr_array_index (adults, i);
      g_string_append_printf (out, "<li><label><input type=\"checkbox\" name=\"adult_%" G_GINT64_FORMAT "\" "
                                   "value=\"1\"> <span>", adult->id);
      append_escaped (out, adult->name);
      g_string_append (out, "</span></label></li>\n");
    }
  g_string_append (out, "</ul>\n</fieldset>\n");
}

/* A button that shows the questions in English (when they are not). */
static void
english_button (GString    *out,
                const char *code,
                const char *start_token)
{
  g_string_append (out, "<form class=\"inline\" method=\"post\" action=\"/survey\">\n");
  hidden (out, "token", start_token);
  hidden (out, "code", code);
  hidden (out, "lang", "en");
  g_string_append (out, "<button class=\"secondary\" type=\"submit\" lang=\"en\">Read in English</button>\n</form>\n");
}

/* Whether anything on the questions page is in @language rather than English. */
static gboolean
page_translated (const BelPageText *text,
                 GListModel        *items,
                 const char        *language)
{
  if (language == NULL || g_ascii_strcasecmp (language, "English") == 0)
    return FALSE;
  if (g_strcmp0 (text->lang, "en") != 0)
    return TRUE;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);
      gboolean translated;

      item_text (item, language, &translated);
      if (translated)
        return TRUE;
    }
  return FALSE;
}

GString *
bel_survey_page_questions (BelSurveyTicket *ticket,
                           GPtrArray       *adults,
                           const char      *language,
                           const char      *code,
                           const char      *answers_token,
                           const char      *start_token)
{
  const BelPageText *text = bel_survey_page_text (language);
  BelSurvey *survey = ticket->survey;
  gboolean confidential = g_strcmp0 (bel_resource_get_string (survey, "mode"), "confidential") == 0;
  GListModel *items = bel_resource_get_object (survey, "items");
  GString *out = page_begin (text->lang, bel_resource_get_string (survey, "title"));
  guint n = items ? g_list_model_get_n_items (items) : 0;

  if (page_translated (text, items, language))
    english_button (out, code, start_token);
  g_string_append (out, "<p class=\"note\">");
  append_escaped (out, confidential ? text->confidential : text->anonymous);
  g_string_append (out, " ");
  append_escaped (out, text->skip_hint);
  g_string_append (out, "</p>\n<form method=\"post\" action=\"/survey/answers\">\n");
  hidden (out, "token", answers_token);
  hidden (out, "code", code);
  hidden (out, "lang", language == NULL ? "en" : "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelSurveyItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (bel_resource_get_string (item, "kind"), "adults") == 0)
        adults_item (out, text, item, i + 1, language, adults, confidential);
      else
        likert_item (out, text, item, i + 1, language);
    }
  g_string_append (out, "<p><button type=\"submit\">");
  append_escaped (out, text->send);
  g_string_append (out, "</button></p>\n</form>\n");
  return page_end (out);
}

GString *
bel_survey_page_thanks (const BelPageText *text)
{
  GString *out = page_begin (text->lang, text->thanks_title);

  g_string_append (out, "<p role=\"status\">");
  append_escaped (out, text->thanks);
  g_string_append (out, "</p>\n");
  return page_end (out);
}
