/* bel-bench-proc.h - what /proc says about a process the benchmarks started
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The number after @key ("VmRSS:") in /proc/PID/status, or -1. */
gint64 bel_bench_proc_status_value (const char *pid,
                                    const char *key);
/* The open file descriptors of the process. */
gint64 bel_bench_proc_open_files   (const char *pid);

G_END_DECLS
