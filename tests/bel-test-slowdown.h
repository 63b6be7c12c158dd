/* bel-test-slowdown.h - how long the tests wait, scaled for slow runs
 *
 * tools/sanitize (asan and valgrind) sets BEL_TEST_SLOWDOWN (about
 * how many times slower than usual the programs run there) so that waiting for
 * a daemon, a window or a live event does not give up early.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline guint
bel_test_slowdown (void)
{
  const char *text = g_getenv ("BEL_TEST_SLOWDOWN");
  guint64 factor = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 1;

  return factor >= 1 && factor <= 1000 ? (guint) factor : 1;
}

/* The monotonic time @seconds (times the slowdown) from now. */
static inline gint64
bel_test_deadline (guint seconds)
{
  return g_get_monotonic_time () + (gint64) seconds * bel_test_slowdown () * G_USEC_PER_SEC;
}
