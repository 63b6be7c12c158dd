/* bel-test-ctl.h - runs the real belongingctl of the build tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  int   status;  /* exit status */
  char *out;
  char *err;
} BelTestCtl;

/* Runs belongingctl with the NULL-terminated arguments, feeding @input (may
 * be NULL: empty) to its standard input, so it never waits for a terminal. */
BelTestCtl *bel_test_ctl_run  (const char *input,
                               const char *first_arg,
                               ...) G_GNUC_NULL_TERMINATED;
BelTestCtl *bel_test_ctl_runv (const char         *input,
                               const char * const *args);
void        bel_test_ctl_free (BelTestCtl *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelTestCtl, bel_test_ctl_free)

G_END_DECLS
