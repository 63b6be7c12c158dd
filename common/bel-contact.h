/* bel-contact.h - a contact with a student's caregiver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_CONTACT (bel_contact_get_type ())
G_DECLARE_FINAL_TYPE (BelContact, bel_contact, BEL, CONTACT, BelResource)

BelContact *bel_contact_new (void);

/* call, message, conference, student_led_conference, home_visit_in_person, home_visit_virtual */
extern const char * const bel_contact_channels[];

G_END_DECLS
