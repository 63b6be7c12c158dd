/* bel-application.h - the Belonging desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_APPLICATION (bel_application_get_type ())
G_DECLARE_FINAL_TYPE (BelApplication, bel_application, BEL, APPLICATION, AdwApplication)

BelApplication *bel_application_new          (GApplicationFlags flags);
BelClient      *bel_application_get_client   (BelApplication   *self);
GSettings      *bel_application_get_settings (BelApplication   *self);
const char     *bel_application_get_server   (BelApplication   *self);

G_END_DECLS
