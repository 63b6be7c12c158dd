/* bel-ctl-password.h - reading a new account's password for belongingctl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* From @file when given; else from standard input when it is not a terminal
 * (one line; the trailing newline is dropped); else asks twice on the
 * terminal without echo.  Free the result with bel_ctl_password_free(). */
char *bel_ctl_read_password (const char  *file,
                             const char  *username,
                             GError     **error);
void  bel_ctl_password_free (char        *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (char, bel_ctl_password_free)

G_END_DECLS
