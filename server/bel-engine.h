/* bel-engine.h - the daemon's domain core: the store, the settings, the actors
 *
 * Every engine function (bel-schools.h, bel-accounts.h, bel-students.h,
 * bel-advisories.h, bel-auth.h) takes the engine and the acting account (with
 * its memberships loaded), checks the actor's role, validates, writes, records
 * audit, and returns model objects or a GError from BEL_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-account.h"
#include "bel-config.h"
#include "bel-store.h"
#include "bel-transaction.h"

G_BEGIN_DECLS

#define BEL_TYPE_ENGINE (bel_engine_get_type ())
G_DECLARE_FINAL_TYPE (BelEngine, bel_engine, BEL, ENGINE, GObject)

BelEngine      *bel_engine_new          (BelStore    *store,
                                         BelConfig   *config);
BelEngine      *bel_engine_open         (BelConfig   *config,
                                         GError     **error);
/* The calling thread's connection: a worker's own (bel-workers.h), else the
 * main one. */
BelStore       *bel_engine_get_store    (BelEngine   *self);
/* Makes @store the calling thread's connection for @self (NULL: no more). */
void            bel_engine_bind_thread_store (BelEngine      *self,
                                              BelStore       *store);
/* Calls @func on the main loop: from a worker thread later, in the order of
 * the calls; on the main thread now. */
void            bel_engine_run_on_main  (BelEngine      *self,
                                         GSourceFunc     func,
                                         gpointer        data,
                                         GDestroyNotify  destroy);
BelConfig      *bel_engine_get_config   (BelEngine   *self);

/* The built-in server admin that belongingctl acts as (id 0, never signs in). */
BelAccount     *bel_engine_system_actor (BelEngine   *self);

/* Groups several engine calls into one atomic transaction; see bel-transaction.h. */
BelTransaction *bel_engine_begin        (BelEngine   *self,
                                         GError     **error);

G_END_DECLS
