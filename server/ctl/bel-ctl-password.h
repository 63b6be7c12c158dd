/* bel-ctl-password.h - reading a new account's password for belongingctl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef char BelCtlPassword;

/* From @file when given; else from standard input when it is not a terminal
 * (one line; the trailing newline is dropped); else asks twice on the
 * terminal without echo. */
BelCtlPassword *bel_ctl_read_password (const char      *file,
                                       const char      *username,
                                       GError         **error);
/* Wipes the password from memory before freeing it. */
void            bel_ctl_password_free (BelCtlPassword  *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelCtlPassword, bel_ctl_password_free)

G_END_DECLS
