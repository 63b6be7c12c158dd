/* bel-ui-test-util.h - the real app against a real belongingd, for in-process UI tests
 *
 * A fixture starts a demo daemon and the app (its own application id, so
 * each test exports its own D-Bus path), signs in through the sign-in page
 * like a person, and waits for what a person would see.  A separate
 * BelClient checks what the daemon stored, over HTTP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bel-application.h"
#include "bel-board-model.h"
#include "bel-client.h"
#include "bel-sign-in-page.h"
#include "bel-students-page.h"
#include "bel-window.h"
#include "test-daemon.h"

G_BEGIN_DECLS

typedef struct {
  TestDaemon      *daemon;
  guint            n_students;
  BelApplication  *app;
  BelWindow       *window;
  BelSignInPage   *sign_in;
  BelStudentsPage *students;
} UiFixture;

typedef gboolean (*UiCondition) (UiFixture *f, gconstpointer data);

/* @data: GUINT_TO_POINTER (number of demo students). */
/* The start of every UI test's main(): the build tree's GSettings schemas in
 * memory, GTK and libadwaita. */
void        ui_test_init         (int           *argc,
                                  char        ***argv);
/* The window's page @name ("surveys", "board"…), built when first shown. */
/* Whether the window shows the page @name ("sign-in", "main", "board", …). */
gboolean    ui_page_is           (UiFixture     *f,
                                  gconstpointer  name);
gpointer    ui_page              (UiFixture     *f,
                                  const char    *name);
/* @widget is mapped and laid out: on screen, as a window or dialog is before a
 * person can type into it or press its buttons (a condition for
 * ui_wait_until; @f is not used). A test that acts on a window before this
 * makes the app lay it out while the action's request is under way. */
gboolean    ui_on_screen         (UiFixture     *f,
                                  gconstpointer  widget);
/* The students page shows the Surveys button (a condition for ui_wait_until). */
gboolean    ui_surveys_available (UiFixture     *f,
                                  gconstpointer  data);
void        ui_fixture_set_up    (UiFixture     *f,
                                  gconstpointer  data);
void        ui_fixture_tear_down (UiFixture     *f,
                                  gconstpointer  data);
/* What set_up does after starting the daemon (@f->daemon): a new app and its window. */
void        ui_fixture_open_app  (UiFixture     *f);

/* Runs the main loop until @condition holds; fails the test after 30 s. */
void        ui_wait_until        (UiFixture     *f,
                                  UiCondition    condition,
                                  gconstpointer  data,
                                  const char    *what);
/* Runs the main loop for @ms milliseconds. */
void        ui_spin              (guint          ms);
/* Waits for a save dialog (GtkFileChooserNative without a portal) and clicks
 * its Save button: the file it proposed (in the working directory) is returned. */
GFile      *ui_save_dialog_accept (void);
gpointer    ui_child             (gpointer       widget,
                                  GType          type,
                                  const char    *name);
/* The text of the error a dialog shows (a visible label styled "error"
 * inside @widget), or NULL: why it stays open after saving. */
const char *ui_shown_error       (gpointer       widget);

/* Signs in as @username (demo password) and waits for the whole list. */
void        ui_sign_in           (UiFixture     *f,
                                  const char    *username);
/* The same, through another address (a test proxy in front of the daemon). */
void        ui_sign_in_at        (UiFixture     *f,
                                  const char    *url,
                                  const char    *username);
void        ui_sign_out          (UiFixture     *f);

/* A second client, signed in as @username, for checks over HTTP. */
BelClient  *ui_http_sign_in      (UiFixture     *f,
                                  const char    *username);
/* A JSON request and its reply (the test fails on an error). */
JsonNode   *ui_http_request      (BelClient     *client,
                                  const char    *method,
                                  const char    *path,
                                  JsonNode      *body,
                                  GError       **error);
/* The same with If-Match: "@version". */
JsonNode   *ui_http_request_if_match (BelClient *client,
                                      const char *method,
                                      const char *path,
                                      JsonNode   *body,
                                      gint64      version,
                                      GError    **error);

/* The board's staff member called @name (the board keeps it). */
BelBoardStaff *ui_board_staff_named (BelBoardModel *board,
                                     const char    *name);

G_END_DECLS
