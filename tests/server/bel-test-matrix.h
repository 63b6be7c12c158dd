/* bel-test-matrix.h - the authorization matrix file (tests/data/authz-matrix.txt)
 *
 * Its format is described at the top of the file itself: a [fixture] of named
 * steps and a [routes] table of rows, each a request with the status every
 * role must get.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  BEL_MATRIX_ANON,
  BEL_MATRIX_OUTSIDER,
  BEL_MATRIX_TEACHER,
  BEL_MATRIX_ADVISOR,
  BEL_MATRIX_COUNSELOR,
  BEL_MATRIX_LEADER,
  BEL_MATRIX_ADMIN,
  BEL_MATRIX_N_ROLES
} BelMatrixRole;

/* A request: a fixture step (name, role, capture) or a row (expect, options). */
typedef struct {
  guint          line;
  char          *name;                      /* steps */
  BelMatrixRole  role;                      /* steps */
  char          *capture;                   /* steps: "id" unless given */
  char          *method;
  char          *path;                      /* with placeholders */
  char          *body;                      /* NULL, JSON, "form:..." or "csv:..." */
  char          *expect[BEL_MATRIX_N_ROLES]; /* rows: "403" or "2xx" */
  gboolean       signs_out;                 /* rows: ends the caller's session */
  gboolean       websocket;                 /* rows */
} BelMatrixEntry;

typedef struct {
  GPtrArray *steps;  /* BelMatrixEntry, in file order */
  GPtrArray *rows;   /* BelMatrixEntry, in file order */
} BelMatrix;

const char *bel_matrix_role_name   (BelMatrixRole  role);
/* Reads and parses @path; NULL with the line at fault in @error. */
BelMatrix  *bel_matrix_load        (const char    *path,
                                    GError       **error);
void        bel_matrix_free        (BelMatrix     *matrix);
BelMatrixEntry *bel_matrix_find_step (BelMatrix   *matrix,
                                      const char  *name);
/* TRUE when @status satisfies @expect ("403", or "2xx" for any 2xx). */
gboolean    bel_matrix_status_ok   (const char    *expect,
                                    guint          status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelMatrix, bel_matrix_free)

G_END_DECLS
