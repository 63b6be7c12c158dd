/* bel-checkins-page.h - "My students this week": whom to check in with, whom to call
 *
 * Students due or overdue for a check-in (missed periods stand out in red),
 * students who missed check-ins earlier, and families not yet reached with
 * good news this quarter, with their home language.  A check-in or a family
 * contact is logged from each row; the lists reload from the daemon after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-care-dialog.h"
#include "bel-client.h"
#include "bel-school.h"

G_BEGIN_DECLS

#define BEL_TYPE_CHECKINS_PAGE (bel_checkins_page_get_type ())
G_DECLARE_FINAL_TYPE (BelCheckinsPage, bel_checkins_page, BEL, CHECKINS_PAGE, GtkWidget)

void           bel_checkins_page_set_client  (BelCheckinsPage *self,
                                              BelClient       *client);
void           bel_checkins_page_set_school  (BelCheckinsPage *self,
                                              BelSchool       *school);
void           bel_checkins_page_reload      (BelCheckinsPage *self);
/* TRUE while lists are being fetched. */
gboolean       bel_checkins_page_get_loading (BelCheckinsPage *self);

/* For tests: the lists (rows carry "student-id" and their button "action-button"),
 * the "Everyone" toggle, and the dialog opened last (NULL once closed). */
GtkListBox    *bel_checkins_page_get_due_list    (BelCheckinsPage *self);
GtkListBox    *bel_checkins_page_get_missed_list (BelCheckinsPage *self);
GtkListBox    *bel_checkins_page_get_family_list (BelCheckinsPage *self);
GtkToggleButton *bel_checkins_page_get_everyone_toggle (BelCheckinsPage *self);
BelCareDialog *bel_checkins_page_get_dialog      (BelCheckinsPage *self);

G_END_DECLS
