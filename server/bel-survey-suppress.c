/* bel-survey-suppress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-suppress.h"

gint64
bel_survey_suppress_partition (const gint64 *counts,
                               gboolean     *suppressed,
                               guint         n_cells,
                               gint64        min)
{
  gint64 pooled = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < n_cells; i++)
    {
      if (counts[i] > 0 && counts[i] < min)
        suppressed[i] = TRUE;
      if (suppressed[i] && counts[i] > 0)
        {
          pooled += counts[i];
          any = TRUE;
        }
    }
  while (any && pooled < min)
    {
      gint smallest = -1;

      for (guint i = 0; i < n_cells; i++)
        if (!suppressed[i] && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest]))
          smallest = (gint) i;
      if (smallest < 0)
        break;
      suppressed[smallest] = TRUE;
      pooled += counts[smallest];
    }
  return pooled;
}

gboolean
bel_survey_suppress_overlapping (gint64 count,
                                 gint64 total,
                                 gint64 min)
{
  gint64 rest = total - count;

  return (count > 0 && count < min) || (rest > 0 && rest < min);
}
