/* fuzz-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include <locale.h>
#include <stdlib.h>

#include "bel-json.h"

void
bel_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_setenv ("G_SLICE", "always-malloc", FALSE);
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

JsonNode *
bel_fuzz_json (const uint8_t *data,
               size_t         size)
{
  return bel_json_parse ((const char *) data, (gssize) size, NULL);
}

char *
bel_fuzz_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}
