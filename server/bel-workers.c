/* bel-workers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-workers.h"

#include "bel-error.h"
#include "bel-store-private.h"

struct _BelWorkers
{
  BelEngine   *engine;
  char        *location;
  GThreadPool *pool;
  GMutex       lock;
  GPtrArray   *idle;    /* BelStore */
};

typedef struct {
  BelWorkFunc  func;
  BelWorkDone  done;
  gpointer     data;
} Work;

static GQuark
workers_quark (void)
{
  return g_quark_from_static_string ("bel-workers");
}

static BelStore *
take_store (BelWorkers  *self,
            GError     **error)
{
  BelStore *store = NULL;

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    store = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);
  return store != NULL ? store : bel_store_connect (self->location, error);
}

static void
give_back (BelWorkers *self,
           BelStore   *store)
{
  g_mutex_lock (&self->lock);
  /* Work never leaves a transaction open (BelTransaction rolls back when
   * dropped); a connection that is in one anyway is not trusted again. */
  if (bel_store_in_transaction (store))
    {
      g_warning ("A worker's database connection was left in a transaction: closing it");
      g_object_unref (store);
    }
  else
    g_ptr_array_add (self->idle, store);
  g_mutex_unlock (&self->lock);
}

static gboolean
work_done (gpointer data)
{
  Work *work = data;

  work->done (work->data);
  return G_SOURCE_REMOVE;
}

/* Leaves the work's `done` for the main loop, after what the work itself
 * left there (e.g. live events). */
static void
hand_back (Work *work)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, work_done, work, g_free);
  g_source_attach (source, NULL);
}

static void
run_work (gpointer data,
          gpointer user_data)
{
  Work *work = data;
  BelWorkers *self = user_data;
  g_autoptr(GError) error = NULL;
  BelStore *store = take_store (self, &error);

  if (store == NULL)
    {
      g_warning ("A worker could not connect to the database: %s", error->message);
      g_prefix_error (&error, "The database is unavailable: ");
      work->func (work->data, error);
    }
  else
    {
      bel_engine_bind_thread_store (self->engine, store);
      work->func (work->data, NULL);
      bel_engine_bind_thread_store (self->engine, NULL);
      give_back (self, store);
    }
  hand_back (work);
}

BelWorkers *
bel_workers_new (BelEngine  *engine,
                 guint       n_threads,
                 GError    **error)
{
  g_autoptr(BelWorkers) self = g_new0 (BelWorkers, 1);

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (n_threads > 0, NULL);

  self->engine = g_object_ref (engine);
  self->location = g_strdup (bel_store_get_path (bel_engine_get_store (engine)));
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (g_object_unref);
  self->pool = g_thread_pool_new (run_work, self, (int) n_threads, FALSE, error);
  if (self->pool == NULL)
    return NULL;
  g_object_set_qdata (G_OBJECT (engine), workers_quark (), self);
  return g_steal_pointer (&self);
}

static Work *
work_new (BelWorkFunc func,
          BelWorkDone done,
          gpointer    data)
{
  Work *work = g_new (Work, 1);

  work->func = func;
  work->done = done;
  work->data = data;
  return work;
}

void
bel_workers_push (BelWorkers  *self,
                  BelWorkFunc  func,
                  BelWorkDone  done,
                  gpointer     data)
{
  /* A pool that is not exclusive only fails to start a thread if it has
   * none yet; then the work waits for one. */
  g_thread_pool_push (self->pool, work_new (func, done, data), NULL);
}

void
bel_workers_run (BelEngine   *engine,
                 BelWorkFunc  func,
                 BelWorkDone  done,
                 gpointer     data)
{
  BelWorkers *self;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BEL_IS_ENGINE (engine));

  self = g_object_get_qdata (G_OBJECT (engine), workers_quark ());
  if (self != NULL)
    {
      bel_workers_push (self, func, done, data);
      return;
    }
  /* Stopping (or never served): no worker, so no connection. */
  error = g_error_new_literal (BEL_ERROR, BEL_ERROR_UNAVAILABLE, "The daemon is stopping");
  func (data, error);
  hand_back (work_new (func, done, data));
}

void
bel_workers_free (BelWorkers *self)
{
  if (self == NULL)
    return;
  if (g_object_get_qdata (G_OBJECT (self->engine), workers_quark ()) == self)
    g_object_set_qdata (G_OBJECT (self->engine), workers_quark (), NULL);
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->location, g_free);
  g_clear_object (&self->engine);
  g_free (self);
}
