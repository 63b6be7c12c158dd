/* bel-care-dialog.h - the modal form used for check-ins, contacts, observations and plans
 *
 * A BelCareDialog is a small window with Cancel and a suggested save button
 * in its header, preference groups below, and a banner for errors.  The form
 * code adds its rows with bel_care_dialog_add(), names the widgets a test may
 * drive with bel_care_dialog_set_field(), and listens to "save"; when the
 * daemon has stored it, the form calls bel_care_dialog_saved() with the
 * stored resource, which emits "saved" and closes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BEL_TYPE_CARE_DIALOG (bel_care_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BelCareDialog, bel_care_dialog, BEL, CARE_DIALOG, AdwWindow)

BelCareDialog *bel_care_dialog_new        (GtkWidget     *parent,
                                           const char    *title,
                                           const char    *subtitle,
                                           const char    *save_label);
void           bel_care_dialog_add        (BelCareDialog *self,
                                           GtkWidget     *group);
GtkWidget     *bel_care_dialog_get_save_button (BelCareDialog *self);
void           bel_care_dialog_set_can_save (BelCareDialog *self,
                                           gboolean       can_save);
/* Insensitive with a spinner while the daemon works. */
void           bel_care_dialog_set_busy   (BelCareDialog *self,
                                           gboolean       busy);
void           bel_care_dialog_show_error (BelCareDialog *self,
                                           const char    *message);
/* Emits "saved" with @resource and closes the window. */
void           bel_care_dialog_saved      (BelCareDialog *self,
                                           GObject       *resource);

/* Named widgets of the form (for the form code and tests) */
void           bel_care_dialog_set_field  (BelCareDialog *self,
                                           const char    *name,
                                           GtkWidget     *widget);
GtkWidget     *bel_care_dialog_get_field  (BelCareDialog *self,
                                           const char    *name);

G_END_DECLS
