/* fuzz.h - what every fuzz target shares
 *
 * Each fuzz-*.c file is one target: LLVMFuzzerTestOneInput() feeds one input
 * to one parser the way the program does.  Built with -Dfuzzing=true it is a
 * libFuzzer binary; otherwise fuzz-replay.c gives it a main() that replays
 * the seed corpus and the regression inputs (tests/fuzz/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int       LLVMFuzzerTestOneInput (const uint8_t *data,
                                  size_t         size);

/* Once per process: criticals and warnings abort (a bad input must never
 * reach a g_return_if_fail), GSlice hands out plain malloc() blocks that
 * AddressSanitizer can check. */
void      bel_fuzz_init          (void);
/* The JSON value of @size bytes at @data, read as the program reads what a
 * peer sends (bel_json_parse()); NULL when it is not JSON. */
JsonNode *bel_fuzz_json          (const uint8_t *data,
                                  size_t         size);
/* @data as a NUL-terminated string (what a GBytes message or header gives). */
char     *bel_fuzz_string        (const uint8_t *data,
                                  size_t         size);

G_END_DECLS
