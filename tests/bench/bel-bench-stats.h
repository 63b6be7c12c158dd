/* bel-bench-stats.h - percentiles and the machine's load, for the benchmarks' figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Sorts a GArray of double, ascending. */
void        bel_bench_sort        (GArray     *values);
/* The @p-th percentile (0-100, nearest rank) of a sorted GArray of double; 0 when empty. */
double      bel_bench_percentile  (GArray     *sorted,
                                   double      p);
/* The duration of @metric ("app", "cpu") in the response's Server-Timing
 * header ("app;dur=12.345, cpu;dur=10.2"), in ms; g_error() when missing. */
double      bel_bench_server_timing (SoupMessage *msg,
                                     const char  *metric);
/* "load average 1.02 1.80 2.21" from /proc/loadavg; a static buffer, valid until the next call. */
const char *bel_bench_load        (void);
/* Removes @path and everything below it. */
void        bel_bench_remove_tree (const char *path);

G_END_DECLS
