/* bel-events.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-events.h"

#include "bel-engine-private.h"
#include "bel-error.h"

G_STATIC_ASSERT (BEL_EVENT_EVERYONE == BEL_ROLE_ANY);

#define LISTENERS "bel-events-listeners"
#define EVENT_COLUMNS "seq, school_id, type, round_id, payload, visible_roles, visible_account, created_at"

typedef struct {
  guint             id;
  BelEventsListener func;
  gpointer          user_data;
} Listener;

typedef struct {
  GArray *items; /* of Listener */
  guint   next_id;
} Listeners;

static void
listeners_free (Listeners *listeners)
{
  g_array_unref (listeners->items);
  g_free (listeners);
}

static Listeners *
get_listeners (BelEngine *engine,
               gboolean   create)
{
  Listeners *listeners = g_object_get_data (G_OBJECT (engine), LISTENERS);

  if (listeners == NULL && create)
    {
      listeners = g_new0 (Listeners, 1);
      listeners->items = g_array_new (FALSE, FALSE, sizeof (Listener));
      g_object_set_data_full (G_OBJECT (engine), LISTENERS, listeners,
                              (GDestroyNotify) listeners_free);
    }
  return listeners;
}

guint
bel_events_add_listener (BelEngine         *engine,
                         BelEventsListener  func,
                         gpointer           user_data)
{
  Listeners *listeners;
  Listener listener = { 0, func, user_data };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), 0);
  g_return_val_if_fail (func != NULL, 0);

  listeners = get_listeners (engine, TRUE);
  listener.id = ++listeners->next_id;
  g_array_append_val (listeners->items, listener);
  return listener.id;
}

void
bel_events_remove_listener (BelEngine *engine,
                            guint      id)
{
  Listeners *listeners;

  g_return_if_fail (BEL_IS_ENGINE (engine));

  listeners = get_listeners (engine, FALSE);
  for (guint i = 0; listeners != NULL && i < listeners->items->len; i++)
    if (g_array_index (listeners->items, Listener, i).id == id)
      {
        g_array_remove_index (listeners->items, i);
        return;
      }
}

static gboolean
notify_listeners (gpointer user_data)
{
  BelEngine *engine = user_data;
  Listeners *listeners = get_listeners (engine, FALSE);
  g_autoptr(GArray) copy = NULL;

  if (listeners == NULL || listeners->items->len == 0)
    return G_SOURCE_REMOVE;
  /* A listener may remove itself (or others) while called. */
  copy = g_array_copy (listeners->items);
  for (guint i = 0; i < copy->len; i++)
    g_array_index (copy, Listener, i).func (engine, g_array_index (copy, Listener, i).user_data);
  return G_SOURCE_REMOVE;
}

/* Listeners (the hub and its sockets) live on the main loop. */
static void
events_committed (BelStore *store,
                  gpointer  user_data)
{
  BelEngine *engine = user_data;

  bel_engine_run_on_main (engine, notify_listeners, g_object_ref (engine), g_object_unref);
}

gboolean
bel_events_record_restricted (BelEngine   *engine,
                              gint64       school_id,
                              const char  *type,
                              gint64       round_id,
                              JsonNode    *data,
                              guint        roles,
                              gint64       account_id,
                              GError     **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *now = bel_store_now_iso ();

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);
  g_return_val_if_fail (school_id > 0, FALSE);
  g_return_val_if_fail (type != NULL && *type != '\0', FALSE);
  g_return_val_if_fail ((roles & ~BEL_EVENT_EVERYONE) == 0, FALSE);

  store = bel_engine_get_store (engine);
  payload = data != NULL ? json_to_string (data, FALSE) : g_strdup ("{}");
  stmt = bel_store_prepare (store,
                            "INSERT INTO event (school_id, type, round_id, payload, visible_roles,"
                            " visible_account, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, type);
  bel_bind_id (stmt, 3, round_id);
  bel_bind_text (stmt, 4, payload);
  bel_bind_int64 (stmt, 5, (int) roles);
  bel_bind_id (stmt, 6, account_id);
  bel_bind_text (stmt, 7, now);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  /* Inside a transaction: once the outermost one commits; otherwise now.
   * Other daemons of the database hear of it at the commit too. */
  bel_transaction_on_commit (store, events_committed, engine);
  bel_store_notify (store, BEL_EVENTS_CHANNEL);
  return TRUE;
}

gboolean
bel_events_record (BelEngine   *engine,
                   gint64       school_id,
                   const char  *type,
                   gint64       round_id,
                   JsonNode    *data,
                   GError     **error)
{
  return bel_events_record_restricted (engine, school_id, type, round_id, data,
                                       BEL_EVENT_EVERYONE, 0, error);
}

void
bel_event_free (BelEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->json);
  g_free (event);
}

static guint
role_bit (const char *role)
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
bel_events_reader_init (BelEngine       *engine,
                        BelAccount      *actor,
                        gint64           school_id,
                        BelEventReader  *reader,
                        GError         **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (reader != NULL, FALSE);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return FALSE;
  reader->school_id = school_id;
  reader->account_id = bel_engine_actor_id (actor);
  reader->roles = bel_account_is_admin (actor)
                  ? BEL_EVENT_EVERYONE
                  : role_bit (bel_account_role_in (actor, school_id));
  return TRUE;
}

gboolean
bel_events_reader_may_see (const BelEventReader *reader,
                           const BelEvent       *event)
{
  g_return_val_if_fail (reader != NULL && event != NULL, FALSE);

  if (event->school_id != reader->school_id)
    return FALSE;
  if (reader->roles == BEL_EVENT_EVERYONE || (reader->roles & event->roles) != 0)
    return TRUE;
  return reader->account_id > 0 && event->account_id == reader->account_id;
}

static char *
event_json (BelStmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) data = json_from_string (bel_column_text (stmt, 4), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, bel_column_int64 (stmt, 0));
  json_builder_set_member_name (builder, "school_id");
  json_builder_add_int_value (builder, bel_column_int64 (stmt, 1));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, bel_column_text (stmt, 2));
  json_builder_set_member_name (builder, "round_id");
  if (bel_column_is_null (stmt, 3))
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, bel_column_int64 (stmt, 3));
  json_builder_set_member_name (builder, "data");
  if (data != NULL)
    json_builder_add_value (builder, g_steal_pointer (&data));
  else
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, bel_column_text (stmt, 7));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

GPtrArray *
bel_events_fetch (BelEngine            *engine,
                  const BelEventReader *reader,
                  gint64                since,
                  gint64                until,
                  guint                 limit,
                  GError              **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_event_free);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  store = bel_engine_get_store (engine);
  /* ?1 school (NULL: all), ?2 since, ?3 until, ?4 roles, ?5 account, ?6 limit */
  stmt = bel_store_prepare (store,
                            "SELECT " EVENT_COLUMNS " FROM event"
                            " WHERE (school_id = ?1 OR ?1 IS NULL) AND seq > ?2"
                            "   AND (seq <= ?3 OR ?3 IS NULL)"
                            "   AND ((visible_roles & ?4) != 0 OR visible_account = ?5 OR ?4 IS NULL)"
                            " ORDER BY seq LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;
  if (reader != NULL)
    {
      bel_bind_int64 (stmt, 1, reader->school_id);
      if (reader->roles != BEL_EVENT_EVERYONE)
        bel_bind_int64 (stmt, 4, (int) reader->roles);
      bel_bind_int64 (stmt, 5, reader->account_id);
    }
  bel_bind_int64 (stmt, 2, since);
  bel_bind_id (stmt, 3, until);
  bel_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : G_MAXINT64);

  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelEvent *event = g_new0 (BelEvent, 1);

      event->seq = bel_column_int64 (stmt, 0);
      event->school_id = bel_column_int64 (stmt, 1);
      event->roles = (guint) bel_column_int (stmt, 5);
      event->account_id = bel_column_int64 (stmt, 6);
      event->json = event_json (stmt);
      g_ptr_array_add (events, event);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&events);
}

gint64
bel_events_last_seq (BelEngine  *engine,
                     GError    **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), -1);

  store = bel_engine_get_store (engine);
  /* SQLite: the AUTOINCREMENT counter.  PostgreSQL: the last committed event
   * (a sequence also counts values of transactions still open). */
  stmt = bel_store_prepare (store, bel_store_get_dialect (store) == BEL_DIALECT_SQLITE
                                   ? "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'event'), 0)"
                                   : "SELECT COALESCE(MAX(seq), 0) FROM event", error);
  if (stmt == NULL || !bel_store_step_row (store, stmt, error))
    return -1;
  return bel_column_int64 (stmt, 0);
}

JsonNode *
bel_events_replay (BelEngine            *engine,
                   const BelEventReader *reader,
                   gint64                since,
                   guint                 limit,
                   GError              **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 last_seq;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  /* Read the bound first: events committed after it are left for next time. */
  last_seq = bel_events_last_seq (engine, error);
  if (last_seq < 0)
    return NULL;
  events = bel_events_fetch (engine, reader, since, last_seq, limit, error);
  if (events == NULL)
    return NULL;
  if (events->len == limit)
    last_seq = ((BelEvent *) g_ptr_array_index (events, events->len - 1))->seq;
  last_seq = MAX (last_seq, since);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      BelEvent *event = g_ptr_array_index (events, i);

      json_builder_add_value (builder, json_from_string (event->json, NULL));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "last_seq");
  json_builder_add_int_value (builder, last_seq);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
