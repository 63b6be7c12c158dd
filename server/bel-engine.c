/* bel-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-engine-private.h"

#include "bel-error.h"
#include "bel-membership.h"

struct _BelEngine
{
  GObject     parent_instance;
  BelStore   *store;
  BelConfig  *config;
  BelAccount *system_actor;
};

G_DEFINE_FINAL_TYPE (BelEngine, bel_engine, G_TYPE_OBJECT)

/* The connection a worker thread (bel-workers.h) uses for one engine. */
typedef struct {
  BelEngine *engine;
  BelStore  *store;
} ThreadStore;

static GPrivate thread_store;

static void
bel_engine_finalize (GObject *object)
{
  BelEngine *self = BEL_ENGINE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->config);
  g_clear_object (&self->system_actor);
  G_OBJECT_CLASS (bel_engine_parent_class)->finalize (object);
}

static void
bel_engine_class_init (BelEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_engine_finalize;
}

static void
bel_engine_init (BelEngine *self)
{
  g_autoptr(GListStore) memberships = g_list_store_new (BEL_TYPE_MEMBERSHIP);

  self->system_actor = g_object_new (BEL_TYPE_ACCOUNT,
                                     "id", (gint64) 0,
                                     "username", "system",
                                     "display-name", "System",
                                     "server-role", "admin",
                                     "active", TRUE,
                                     "memberships", memberships,
                                     NULL);
}

BelEngine *
bel_engine_new (BelStore  *store,
                BelConfig *config)
{
  BelEngine *self;

  g_return_val_if_fail (BEL_IS_STORE (store), NULL);
  g_return_val_if_fail (config == NULL || BEL_IS_CONFIG (config), NULL);

  self = g_object_new (BEL_TYPE_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->config = config ? g_object_ref (config) : bel_config_new ();
  return self;
}

BelEngine *
bel_engine_open (BelConfig  *config,
                 GError    **error)
{
  g_autoptr(BelStore) store = NULL;

  g_return_val_if_fail (BEL_IS_CONFIG (config), NULL);

  store = bel_store_open (bel_config_get_database (config), error);
  if (store == NULL)
    return NULL;
  return bel_engine_new (store, config);
}

BelStore *
bel_engine_get_store (BelEngine *self)
{
  ThreadStore *bound = g_private_get (&thread_store);

  g_return_val_if_fail (BEL_IS_ENGINE (self), NULL);

  if (bound != NULL && bound->engine == self)
    return bound->store;
  return self->store;
}

void
bel_engine_bind_thread_store (BelEngine *self,
                              BelStore  *store)
{
  ThreadStore *bound = g_private_get (&thread_store);

  g_return_if_fail (BEL_IS_ENGINE (self));
  g_return_if_fail (store == NULL || BEL_IS_STORE (store));

  if (store == NULL)
    {
      g_private_set (&thread_store, NULL);
      g_free (bound);
      return;
    }
  g_return_if_fail (bound == NULL);
  bound = g_new (ThreadStore, 1);
  bound->engine = self;
  bound->store = store;
  g_private_set (&thread_store, bound);
}

void
bel_engine_run_on_main (BelEngine      *self,
                        GSourceFunc     func,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  ThreadStore *bound = g_private_get (&thread_store);
  g_autoptr(GSource) source = NULL;

  g_return_if_fail (BEL_IS_ENGINE (self));

  if (bound == NULL || bound->engine != self)
    {
      func (data);
      if (destroy != NULL)
        destroy (data);
      return;
    }
  /* An idle source, not g_main_context_invoke(): that would run @func right
   * here whenever this thread manages to acquire the main context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, NULL);
}

BelConfig *
bel_engine_get_config (BelEngine *self)
{
  g_return_val_if_fail (BEL_IS_ENGINE (self), NULL);
  return self->config;
}

BelAccount *
bel_engine_system_actor (BelEngine *self)
{
  g_return_val_if_fail (BEL_IS_ENGINE (self), NULL);
  return self->system_actor;
}

BelTransaction *
bel_engine_begin (BelEngine  *self,
                  GError    **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (self), NULL);
  return bel_transaction_begin (bel_engine_get_store (self), error);
}

gboolean
bel_engine_require_admin (BelAccount  *actor,
                          GError     **error)
{
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), FALSE);

  if (bel_account_is_admin (actor))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN, "Only a server admin may do this");
  return FALSE;
}

gboolean
bel_engine_school_exists (BelEngine  *self,
                          gint64      school_id,
                          GError    **error)
{
  BelStore *store = bel_engine_get_store (self);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT 1 FROM school WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  if (bel_store_step_row (store, stmt, error))
    return TRUE;
  if (error == NULL || *error == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No school with id %" G_GINT64_FORMAT,
                 school_id);
  return FALSE;
}

static BelRoleMask
role_mask (const char *role)
{
  if (g_strcmp0 (role, "teacher") == 0)
    return BEL_ROLE_TEACHER;
  if (g_strcmp0 (role, "counselor") == 0)
    return BEL_ROLE_COUNSELOR;
  if (g_strcmp0 (role, "leader") == 0)
    return BEL_ROLE_LEADER;
  return 0;
}

gboolean
bel_engine_require_school_role (BelEngine   *self,
                                BelAccount  *actor,
                                gint64       school_id,
                                BelRoleMask  roles,
                                GError     **error)
{
  const char *role;

  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), FALSE);

  if (!bel_engine_school_exists (self, school_id, error))
    return FALSE;
  if (bel_account_is_admin (actor))
    return TRUE;
  role = bel_account_role_in (actor, school_id);
  if (role == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN, "You are not a member of this school");
      return FALSE;
    }
  if ((role_mask (role) & roles) == 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_FORBIDDEN, "A %s may not do this", role);
      return FALSE;
    }
  return TRUE;
}

gint64
bel_engine_actor_id (BelAccount *actor)
{
  return actor ? bel_resource_get_id (actor) : 0;
}

gboolean
bel_engine_audit (BelEngine  *self,
                  BelAccount *actor,
                  const char *action,
                  gint64      student_id,
                  const char *detail)
{
  BelStore *store = bel_engine_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();

  stmt = bel_store_prepare (store,
                            "INSERT INTO audit (at, actor_id, action, student_id, detail) "
                            "VALUES (?, ?, ?, ?, ?)", &error);
  if (stmt != NULL)
    {
      bel_bind_text (stmt, 1, now);
      bel_bind_id (stmt, 2, bel_engine_actor_id (actor));
      bel_bind_text (stmt, 3, action);
      bel_bind_id (stmt, 4, student_id);
      bel_bind_text (stmt, 5, detail);
      if (bel_store_step_done (store, stmt, &error))
        return TRUE;
    }
  g_warning ("Could not write the audit log: %s", error->message);
  return FALSE;
}

gboolean
bel_engine_fields_contain (const char * const *fields,
                           const char         *property)
{
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i]), "_", '-');
      if (g_strcmp0 (name, property) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
bel_engine_copy_fields (gpointer            target,
                        gpointer            source,
                        const char * const *fields,
                        GError            **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i]), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), name);
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec == NULL)
        {
          bel_validation_add (v, fields[i], "is not a known field");
          continue;
        }
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (source, name, &value);
      g_object_set_property (target, name, &value);
    }
  return bel_validation_finish (v, error);
}

gboolean
bel_engine_check_version (gint64   expected,
                          gint64   actual,
                          GError **error)
{
  if (expected == 0 || expected == actual)
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_PRECONDITION_FAILED,
               "It was changed meanwhile (version %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT ")",
               actual, expected);
  return FALSE;
}

gboolean
bel_engine_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
bel_engine_step_unique (BelStore     *store,
                        BelStmt *stmt,
                        const char   *conflict_message,
                        GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (bel_store_step_done (store, stmt, &local_error))
    return TRUE;
  if (g_error_matches (local_error, BEL_ERROR, BEL_ERROR_CONFLICT))
    {
      g_debug ("%s", local_error->message);
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_CONFLICT, conflict_message);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gpointer
bel_engine_load_row (BelEngine   *self,
                     const char  *sql,
                     gint64       id,
                     BelRowFunc   from_row,
                     const char  *noun,
                     GError     **error)
{
  BelStore *store = bel_engine_get_store (self);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, id);
  if (bel_store_step_row (store, stmt, error))
    return from_row (stmt);
  if (error == NULL || *error == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No %s with id %" G_GINT64_FORMAT, noun, id);
  return NULL;
}

gpointer
bel_engine_first_row (GPtrArray   *items,
                      const char  *noun,
                      gint64       id,
                      GError     **error)
{
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No %s with id %" G_GINT64_FORMAT, noun, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

gboolean
bel_engine_get_bool (gpointer    resource,
                     const char *property)
{
  gboolean value = FALSE;

  g_object_get (resource, property, &value, NULL);
  return value;
}
