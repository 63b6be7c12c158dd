/* bel-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-text.h"

#include <string.h>

/* Letters that carry no combining mark to strip, but that people type without
 * their stroke: "Østergaard" is found by "oster", "Łukasz" by "luk". */
static const char *
strip_stroke (gunichar c)
{
  switch (c)
    {
    case 0x00F8: return "o";  /* ø */
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x00DF: return "ss"; /* ß */
    case 0x0111: return "d";  /* đ */
    case 0x00F0: return "d";  /* ð */
    case 0x0142: return "l";  /* ł */
    case 0x0131: return "i";  /* ı */
    case 0x00FE: return "th"; /* þ */
    case 0x0127: return "h";  /* ħ */
    default: return NULL;
    }
}

char *
bel_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      c = g_unichar_tolower (c);
      if (strip_stroke (c) != NULL)
        g_string_append (out, strip_stroke (c));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

GStrv
bel_text_words (const char *text)
{
  g_autofree char *folded = bel_text_fold (text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return g_strv_builder_end (builder);
}
