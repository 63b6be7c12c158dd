/* bel-contact-dialog.h - log a contact with a student's caregiver
 *
 * Caregiver and relationship, channel, the language used and whether an
 * interpreter helped, good news or a concern, and the outcome.  Fields for
 * tests: "caregiver", "relationship" (AdwEntryRow), "channel" (AdwComboRow),
 * "language", "interpreter", "good-news" (GtkSwitch), "concern", "outcome".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-care-dialog.h"
#include "bel-client.h"

G_BEGIN_DECLS

/* "saved" carries the stored BelContact. */
BelCareDialog *bel_contact_dialog_new (GtkWidget  *parent,
                                       BelClient  *client,
                                       gint64      student_id,
                                       const char *student_name,
                                       const char *home_language,
                                       gboolean    good_news);

G_END_DECLS
