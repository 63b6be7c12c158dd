/* bel-ctl-commands.h - the commands of belongingctl, one file per area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-ctl.h"

G_BEGIN_DECLS

int bel_ctl_demo         (BelCtl *ctl, int argc, char **argv); /* bel-ctl-demo.c */
int bel_ctl_account_add  (BelCtl *ctl, int argc, char **argv); /* bel-ctl-account.c */
int bel_ctl_account_list (BelCtl *ctl, int argc, char **argv);
int bel_ctl_school_add   (BelCtl *ctl, int argc, char **argv); /* bel-ctl-school.c */
int bel_ctl_school_list  (BelCtl *ctl, int argc, char **argv);
/* bel-ctl-account-admin.c */
int bel_ctl_account_disable        (BelCtl *ctl, int argc, char **argv);
int bel_ctl_account_enable         (BelCtl *ctl, int argc, char **argv);
int bel_ctl_account_reset_password (BelCtl *ctl, int argc, char **argv);
int bel_ctl_account_grant          (BelCtl *ctl, int argc, char **argv);
int bel_ctl_account_revoke         (BelCtl *ctl, int argc, char **argv);
int bel_ctl_import_oneroster       (BelCtl *ctl, int argc, char **argv); /* bel-ctl-import.c */
int bel_ctl_rollover               (BelCtl *ctl, int argc, char **argv); /* bel-ctl-rollover.c */
int bel_ctl_backup                 (BelCtl *ctl, int argc, char **argv); /* bel-ctl-backup.c */
int bel_ctl_restore                (BelCtl *ctl, int argc, char **argv);
int bel_ctl_check                  (BelCtl *ctl, int argc, char **argv);
int bel_ctl_status                 (BelCtl *ctl, int argc, char **argv); /* bel-ctl-status.c */
int bel_ctl_migrate_to             (BelCtl *ctl, int argc, char **argv); /* bel-ctl-migrate.c */

G_END_DECLS
