/* bel-sign-in-page.h - server address, username and password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bel-client.h"

G_BEGIN_DECLS

#define BEL_TYPE_SIGN_IN_PAGE (bel_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (BelSignInPage, bel_sign_in_page, BEL, SIGN_IN_PAGE, GtkWidget)

void        bel_sign_in_page_set_client   (BelSignInPage *self,
                                           BelClient     *client);
void        bel_sign_in_page_set_defaults (BelSignInPage *self,
                                           const char    *server_address,
                                           const char    *username,
                                           gboolean       remember);
void        bel_sign_in_page_set_busy     (BelSignInPage *self,
                                           gboolean       busy);
void        bel_sign_in_page_show_error   (BelSignInPage *self,
                                           const char    *message);
void        bel_sign_in_page_reset        (BelSignInPage *self);
const char *bel_sign_in_page_get_username (BelSignInPage *self);
gboolean    bel_sign_in_page_get_remember (BelSignInPage *self);
char       *bel_sign_in_page_describe_error (const GError *error,
                                             const char   *server);

G_END_DECLS
