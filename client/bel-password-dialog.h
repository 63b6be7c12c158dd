/* bel-password-dialog.h - "Change Password": the signed-in person's own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-dialog.h"
#include "bel-client.h"

G_BEGIN_DECLS

/* Fields for tests: "current", "new", "repeat" (AdwPasswordEntryRow).
 * "saved" is emitted (with no resource) once the daemon has changed it. */
BelCareDialog *bel_password_dialog_new (GtkWidget *parent,
                                        BelClient *client);

G_END_DECLS
