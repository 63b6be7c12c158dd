/* bel-workers.h - worker threads that run requests, each with its own connection
 *
 * The main loop never waits for the database.  belongingd hands each request
 * to a pool of worker threads ([database] workers in belongingd.conf).  A
 * worker takes an idle connection (a BelStore opened with
 * bel_store_connect() the first time one is missing, then kept for the next
 * piece of work), binds it as its thread's store for the engine, so that
 * bel_engine_get_store() returns it, runs the work and gives it back.  What
 * must happen on the main loop (sockets, live events) goes through
 * bel_engine_run_on_main().
 *
 * SQLite lets readers of the other connections go on while one writes (WAL);
 * PostgreSQL runs them at once.  Write transactions still come one at a time
 * (bel-transaction.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"

G_BEGIN_DECLS

typedef struct _BelWorkers BelWorkers;

/* Runs on a worker thread.  @error is set when no connection could be had
 * (then no store is bound): the work should answer with it. */
typedef void (*BelWorkFunc) (gpointer  data,
                             GError   *error);
/* Runs on the main loop once the work is done. */
typedef void (*BelWorkDone) (gpointer  data);

BelWorkers *bel_workers_new  (BelEngine    *engine,
                              guint         n_threads,
                              GError      **error);
void        bel_workers_push (BelWorkers   *self,
                              BelWorkFunc   func,
                              BelWorkDone   done,
                              gpointer      data);
/* Runs @func on a worker of the BelWorkers made for @engine, then @done on
 * the main loop; from any thread.  Once they are freed (the daemon is
 * stopping) @func is called at once with an error and no store. */
void        bel_workers_run  (BelEngine    *engine,
                              BelWorkFunc   func,
                              BelWorkDone   done,
                              gpointer      data);
/* Waits for the work queued and running, then closes the connections.
 * Their `done` calls are left on the main loop. */
void        bel_workers_free (BelWorkers   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelWorkers, bel_workers_free)

G_END_DECLS
