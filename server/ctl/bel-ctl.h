/* bel-ctl.h - belongingctl: the admin command line, shared by its commands
 *
 * Every command works offline on the database file of a stopped belongingd,
 * acts as the engine's built-in system admin, and writes all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

/* Documented in --help and belongingctl(1). */
typedef enum {
  BEL_CTL_EXIT_OK      = 0,
  BEL_CTL_EXIT_FAILURE = 1,
  BEL_CTL_EXIT_USAGE   = 2,
  BEL_CTL_EXIT_DATA    = 3, /* the input (roster set, backup) is invalid; nothing was written */
  BEL_CTL_EXIT_RUNNING = 4, /* belongingd runs (restore) or does not answer (status) */
} BelCtlExit;

typedef struct _BelCtl BelCtl;

typedef int (*BelCtlCommandFunc) (BelCtl  *ctl,
                                  int      argc,
                                  char   **argv);

int         bel_ctl_main          (int          argc,
                                   char       **argv);

/* The command being run, e.g. "account add". */
const char *bel_ctl_get_command   (BelCtl      *ctl);

/* A context for a command's options: with the global ones, the exit codes and
 * the offline note in its --help. */
GOptionContext *bel_ctl_option_context (BelCtl             *ctl,
                                        const char         *parameters,
                                        const char         *summary,
                                        const GOptionEntry *entries);
/* Parses; on error prints one line and returns FALSE (exit code 2). */
gboolean    bel_ctl_parse         (BelCtl          *ctl,
                                   GOptionContext  *context,
                                   int             *argc,
                                   char          ***argv);

/* The configuration (--config, else the default file when it exists), with --database applied. */
BelConfig  *bel_ctl_load_config   (BelCtl      *ctl,
                                   GError     **error);
/* Opens the configured database, creating and migrating it unless
 * @must_exist. */
BelEngine  *bel_ctl_open_engine   (BelCtl      *ctl,
                                   gboolean     must_exist,
                                   GError     **error);

/* Prints "belongingctl: COMMAND: MESSAGE" on one line and returns the exit
 * code: 2 for a wrong command line (G_OPTION_ERROR) or an invalid value
 * (BEL_ERROR_INVALID), else 1. */
int         bel_ctl_report        (BelCtl       *ctl,
                                   const GError *error);
int         bel_ctl_usage_error   (BelCtl      *ctl,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);

/* Prints @rows (GStrv each, as many cells as @headers) as aligned columns. */
void        bel_ctl_print_table   (const char * const *headers,
                                   GPtrArray          *rows);

G_END_DECLS
