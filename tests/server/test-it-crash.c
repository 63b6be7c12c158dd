/* test-it-crash.c - acknowledged writes survive SIGKILL (docs/reliability.md)
 *
 * Trial after trial on one database: start the real belongingd, check that
 * everything acknowledged so far is there, stream writes over a few
 * keep-alive connections (relationship and personal marks placed and
 * removed, profile entries added), SIGKILL the daemon after a random delay,
 * then check the killed database with PRAGMA integrity_check and
 * `belongingctl check`.  Every write whose 2xx arrived must survive; a write
 * in flight at the kill must be wholly there (row, content and its live
 * event) or wholly absent.
 *
 *   BEL_CRASH_TRIALS=500 _build/tests/server/test-it-crash     (default 25)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-board.h"
#include "bel-test-it.h"
#include "../bel-test-slowdown.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_TRIALS   25
#define N_WRITERS        4
#define N_STUDENTS       12
#define KILL_MIN_MS      20
#define KILL_MAX_MS      700
#define ENTRY_PERCENT    30
#define BODY_PREFIX      "crash trial "

typedef struct {
  gint64      student_id;
  gint64      account_id;
  const char *kind;
  gboolean    present;      /* as last acknowledged (or found after a lost answer) */
  gboolean    event_present; /* as the live events say */
} Key;

typedef struct {
  gint64  student_id;
  char   *body;
  gint64  id;               /* 0 while unknown */
} Entry;

typedef enum { OP_NONE, OP_PUT, OP_DELETE, OP_ENTRY } Op;

typedef struct _Crash Crash;

typedef struct {
  Crash       *crash;
  SoupSession *session;     /* one keep-alive connection */
  char        *token;
  gint64       account_id;
  GPtrArray   *keys;        /* the Keys only this writer changes */
  Op           op;          /* in flight, or whose answer was lost */
  Key         *key;
  Entry       *entry;
  gboolean     busy;
} Writer;

struct _Crash {
  BelTestDaemon *d;
  BelTestSeed    seed;
  gint64         round_id;
  gint64         students[N_STUDENTS];
  char          *leader;
  Writer         writers[N_WRITERS];
  GPtrArray     *entries;   /* Entry, acknowledged or in doubt */
  gint64         last_seq;  /* events folded so far */
  gboolean       killed;
  guint          serial;
  /* figures */
  guint          acked_marks, acked_entries, in_doubt, in_doubt_applied;
};

static void
entry_free (Entry *e)
{
  g_free (e->body);
  g_free (e);
}

static void writer_next (Writer *w);

static const char *
op_method (Op op)
{
  return op == OP_PUT ? "PUT" : op == OP_DELETE ? "DELETE" : "POST";
}

static void
writer_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Writer *w = user_data;
  Crash *c = w->crash;
  SoupMessage *msg = soup_session_get_async_result_message (w->session, result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (w->session, result, &error);
  g_autoptr(BelTestResponse) r = NULL;

  w->busy = FALSE;
  if (body == NULL)
    {
      /* The daemon died before answering: the write is in doubt. */
      g_assert_true (c->killed);
      return;
    }
  r = bel_test_response_new (msg, body);
  if (!SOUP_STATUS_IS_SUCCESSFUL (r->status))
    g_error ("%s answered %u: %.*s", op_method (w->op), r->status,
             (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  if (w->op == OP_ENTRY)
    {
      w->entry->id = bel_test_response_int (r, "id");
      g_assert_cmpstr (bel_test_response_string (r, "body"), ==, w->entry->body);
      c->acked_entries++;
    }
  else
    {
      w->key->present = w->op == OP_PUT;
      c->acked_marks++;
    }
  w->op = OP_NONE;
  if (!c->killed)
    writer_next (w);
}

static SoupMessage *
writer_message (Writer *w)
{
  Crash *c = w->crash;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  if (g_random_int_range (0, 100) < ENTRY_PERCENT)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      w->op = OP_ENTRY;
      w->entry = g_new0 (Entry, 1);
      w->entry->student_id = c->students[g_random_int_range (0, N_STUDENTS)];
      w->entry->body = g_strdup_printf (BODY_PREFIX "%u: helped a classmate, é ü ✓", ++c->serial);
      g_ptr_array_add (c->entries, w->entry);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "section");
      json_builder_add_string_value (b, "strengths");
      json_builder_set_member_name (b, "body");
      json_builder_add_string_value (b, w->entry->body);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json = json_to_string (root, FALSE);
      path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", w->entry->student_id);
    }
  else
    {
      w->key = g_ptr_array_index (w->keys, g_random_int_range (0, (gint32) w->keys->len));
      w->op = g_random_boolean () ? OP_PUT : OP_DELETE;
      path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT "/%"
                              G_GINT64_FORMAT "/%s", c->round_id, w->key->student_id,
                              w->key->account_id, w->key->kind);
    }
  return bel_test_daemon_message (c->d, op_method (w->op), path, w->token, json, NULL);
}

static void
writer_next (Writer *w)
{
  g_autoptr(SoupMessage) msg = writer_message (w);

  w->busy = TRUE;
  soup_session_send_and_read_async (w->session, msg, G_PRIORITY_DEFAULT, NULL, writer_done, w);
}

static gboolean
kill_daemon (gpointer user_data)
{
  Crash *c = user_data;

  c->killed = TRUE;
  bel_test_daemon_kill (c->d);
  return G_SOURCE_REMOVE;
}

/* Streams writes until the SIGKILL, then waits for every answer or failure. */
static void
stream_and_kill (Crash *c)
{
  gboolean settled = FALSE;

  c->killed = FALSE;
  for (guint i = 0; i < N_WRITERS; i++)
    writer_next (&c->writers[i]);
  /* Under the sanitizers the daemon starts and writes slower: so does the kill. */
  g_timeout_add (g_random_int_range (KILL_MIN_MS, KILL_MAX_MS) * bel_test_slowdown (), kill_daemon, c);
  while (!settled)
    {
      g_main_context_iteration (NULL, TRUE);
      settled = c->killed;
      for (guint i = 0; i < N_WRITERS; i++)
        settled = settled && !c->writers[i].busy;
    }
}

static GPtrArray *
read_events (Crash *c)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events?since=%"
                                               G_GINT64_FORMAT, c->seed.school_id, c->last_seq);
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (c->d, "GET", path, c->leader, NULL, NULL);
      JsonArray *page;

      g_assert_cmpuint (r->status, ==, 200);
      page = json_object_get_array_member (bel_test_response_object (r), "items");
      if (json_array_get_length (page) == 0)
        return items;
      for (guint i = 0; i < json_array_get_length (page); i++)
        g_ptr_array_add (items, json_node_ref (json_array_get_element (page, i)));
      c->last_seq = json_object_get_int_member (json_array_get_object_element (page, json_array_get_length (page) - 1),
                                                "seq");
    }
}

static Key *
find_key (Crash      *c,
          JsonObject *mark)
{
  for (guint i = 0; i < N_WRITERS; i++)
    for (guint k = 0; k < c->writers[i].keys->len; k++)
      {
        Key *key = g_ptr_array_index (c->writers[i].keys, k);

        if (key->student_id == json_object_get_int_member (mark, "student_id") &&
            key->account_id == json_object_get_int_member (mark, "account_id") &&
            g_str_equal (key->kind, json_object_get_string_member (mark, "kind")))
          return key;
      }
  g_error ("an event for a mark nobody placed");
}

/* Folds the new live events: marks added/removed, entry ids added. */
static void
fold_events (Crash      *c,
             GHashTable *entry_events)
{
  g_autoptr(GPtrArray) items = read_events (c);

  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *event = json_node_get_object (g_ptr_array_index (items, i));
      const char *type = json_object_get_string_member (event, "type");
      JsonObject *data = json_object_get_object_member (event, "data");

      if (g_str_equal (type, "mark.added") || g_str_equal (type, "mark.removed"))
        find_key (c, data)->event_present = g_str_equal (type, "mark.added");
      else if (g_str_equal (type, "profile.entry_added"))
        g_hash_table_add (entry_events, GINT_TO_POINTER (json_object_get_int_member (data, "entry_id")));
    }
}

static gboolean
board_has (JsonObject *board,
           Key        *key)
{
  return bel_test_board_has_mark (bel_test_board_student (board, key->student_id), key->kind, key->account_id);
}

/* The writer's lost answer, if any, for @key; decides it from what is there. */
static void
check_mark (Crash    *c,
            Writer   *w,
            Key      *key,
            gboolean  on_board)
{
  if (w->op != OP_NONE && w->op != OP_ENTRY && w->key == key)
    {
      c->in_doubt++;
      if (on_board != key->present)
        {
          g_assert_cmpint (on_board, ==, w->op == OP_PUT);
          c->in_doubt_applied++;
        }
      key->present = on_board;
    }
  if (on_board != key->present)
    g_error ("acknowledged %s of mark %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s lost",
             key->present ? "PUT" : "DELETE", key->student_id, key->account_id, key->kind);
  /* Atomic: the live event was recorded exactly when the change committed. */
  g_assert_cmpint (key->event_present, ==, on_board);
}

static void
check_marks (Crash *c)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", c->round_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (c->d, "GET", path, c->leader, NULL, NULL);
  JsonObject *board;
  guint marks_on_board = 0, keys_present = 0;

  g_assert_cmpuint (r->status, ==, 200);
  board = bel_test_response_object (r);
  for (guint s = 0; s < N_STUDENTS; s++)
    {
      JsonObject *student = bel_test_board_student (board, c->students[s]);

      marks_on_board += bel_test_board_n_marks (student, "relationship") +
                        bel_test_board_n_marks (student, "personal");
    }
  for (guint i = 0; i < N_WRITERS; i++)
    {
      Writer *w = &c->writers[i];

      for (guint k = 0; k < w->keys->len; k++)
        {
          Key *key = g_ptr_array_index (w->keys, k);

          check_mark (c, w, key, board_has (board, key));
          keys_present += key->present;
        }
      if (w->op != OP_ENTRY)
        w->op = OP_NONE;
    }
  /* No mark that nobody placed. */
  g_assert_cmpuint (marks_on_board, ==, keys_present);
}

/* The crash entries of @student_id in its profile, body -> id. */
static void
profile_entries (Crash      *c,
                 gint64      student_id,
                 GHashTable *found)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile?section=strengths",
                                           student_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (c->d, "GET", path, c->leader, NULL, NULL);
  JsonArray *sections;

  g_assert_cmpuint (r->status, ==, 200);
  sections = json_object_get_array_member (bel_test_response_object (r), "sections");
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonArray *entries = json_object_get_array_member (json_array_get_object_element (sections, s), "entries");

      for (guint i = 0; i < json_array_get_length (entries); i++)
        {
          JsonObject *e = json_array_get_object_element (entries, i);
          const char *body = json_object_get_string_member (e, "body");

          if (!g_str_has_prefix (body, BODY_PREFIX))
            continue;
          /* Each write is one entry: never twice. */
          g_assert_false (g_hash_table_contains (found, body));
          g_assert_cmpstr (json_object_get_string_member (e, "section"), ==, "strengths");
          g_hash_table_insert (found, g_strdup (body), GINT_TO_POINTER (json_object_get_int_member (e, "id")));
        }
    }
}

static void
check_entries (Crash      *c,
               GHashTable *entry_events)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gpointer id;

  for (guint s = 0; s < N_STUDENTS; s++)
    profile_entries (c, c->students[s], found);
  for (guint i = 0; i < c->entries->len;)
    {
      Entry *e = g_ptr_array_index (c->entries, i);
      gboolean there = g_hash_table_lookup_extended (found, e->body, NULL, &id);

      if (e->id == 0)
        {
          /* In doubt: wholly there (text, its event) or wholly absent. */
          c->in_doubt++;
          c->in_doubt_applied += there;
          if (!there)
            {
              g_ptr_array_remove_index (c->entries, i);
              continue;
            }
          e->id = GPOINTER_TO_INT (id);
        }
      if (!there)
        g_error ("acknowledged entry %" G_GINT64_FORMAT " (\"%s\") lost", e->id, e->body);
      g_assert_cmpint (GPOINTER_TO_INT (id), ==, e->id);
      g_assert_true (g_hash_table_contains (entry_events, GINT_TO_POINTER (e->id)));
      i++;
    }
  /* No entry that nobody wrote, and one event per entry. */
  g_assert_cmpuint (g_hash_table_size (found), ==, c->entries->len);
  g_assert_cmpuint (g_hash_table_size (entry_events), ==, c->entries->len);
  for (guint i = 0; i < N_WRITERS; i++)
    c->writers[i].op = OP_NONE;
}

static void
check_everything (Crash      *c,
                  GHashTable *entry_events)
{
  fold_events (c, entry_events);
  check_marks (c);
  check_entries (c, entry_events);
}

/* The killed database, before anything opens it again. */
static void
check_database (Crash *c)
{
  g_autoptr(BelTestCtl) check = NULL;

  /* On PostgreSQL the server keeps the files: belongingctl check is what there is to see. */
  if (!bel_test_postgresql ())
    {
      g_autofree char *integrity = bel_test_it_query_text (c->d->db_path, "PRAGMA integrity_check");

      g_assert_cmpstr (integrity, ==, "ok");
    }
  check = bel_test_it_ctl (c->d, 0, "check", NULL);
  g_assert_nonnull (strstr (check->out, "No problems found"));
}

static void
setup_writers (Crash *c)
{
  const char *names[N_WRITERS] = { "teacher", "counselor", "leader", "counselor" };
  gint64 accounts[N_WRITERS] = { c->seed.teacher_id, c->seed.counselor_id, c->seed.leader_id,
                                 c->seed.counselor_id };
  const char *kinds[] = { "relationship", "personal" };

  for (guint i = 0; i < N_WRITERS; i++)
    {
      Writer *w = &c->writers[i];

      w->crash = c;
      w->session = soup_session_new_with_options ("max-conns", 1, "max-conns-per-host", 1, "timeout", 60, NULL);
      w->token = bel_test_daemon_sign_in (c->d, names[i], BEL_TEST_PASSWORD);
      w->account_id = accounts[i];
      w->keys = g_ptr_array_new_with_free_func (g_free);
      /* Two writers of one account own different students: one writer per key. */
      for (guint s = 0; s < N_STUDENTS; s++)
        {
          if (accounts[i] == c->seed.counselor_id && s % 2 != (i == 1 ? 0u : 1u))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
            {
              Key *key = g_new0 (Key, 1);

              key->student_id = c->students[s];
              key->account_id = w->account_id;
              key->kind = kinds[k];
              g_ptr_array_add (w->keys, key);
            }
        }
    }
}

static void
setup (Crash *c)
{
  c->d = bel_test_daemon_new ();
  bel_test_daemon_seed (c->d, &c->seed);
  {
    g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (c->d);

    for (guint s = 0; s < N_STUDENTS; s++)
      {
        g_autofree char *given = g_strdup_printf ("Student%u", s);

        c->students[s] = bel_test_board_add_student (engine, c->seed.school_id, given, "Crash", 9 + s % 4, 0, "");
      }
    c->round_id = bel_test_board_add_round (engine, c->seed.school_id, "Crash map", "open");
  }
  c->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  bel_test_daemon_start (c->d);
  c->leader = bel_test_daemon_sign_in (c->d, "leader", BEL_TEST_PASSWORD);
  setup_writers (c);
}

static void
teardown (Crash *c)
{
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_clear_object (&c->writers[i].session);
      g_free (c->writers[i].token);
      g_ptr_array_unref (c->writers[i].keys);
    }
  g_ptr_array_unref (c->entries);
  g_free (c->leader);
  bel_test_daemon_free (c->d);
}

static guint
trials (void)
{
  const char *text = g_getenv ("BEL_CRASH_TRIALS");

  return text != NULL && *text != '\0' ? (guint) g_ascii_strtoull (text, NULL, 10) : DEFAULT_TRIALS;
}

static void
test_acknowledged_writes_survive (void)
{
  Crash c = { 0 };
  g_autoptr(GHashTable) entry_events = g_hash_table_new (NULL, NULL);
  guint n = trials ();
  gint64 start = g_get_monotonic_time ();
  double load[1] = { 0 };

  setup (&c);
  for (guint t = 0; t < n; t++)
    {
      if (t > 0)
        bel_test_daemon_start (c.d);
      check_everything (&c, entry_events);
      stream_and_kill (&c);
      check_database (&c);
    }
  bel_test_daemon_start (c.d);
  check_everything (&c, entry_events);
  g_assert_cmpint (bel_test_daemon_stop (c.d), ==, 0);
  check_database (&c);

  getloadavg (load, 1);
  g_test_message ("crash: %u trials (SIGKILL after %d-%d ms) in %.1f s, load average %.1f: "
                  "%u marks and %u entries acknowledged, 0 lost; %u writes in doubt at a kill, "
                  "%u of them found applied, all atomic; integrity_check ok and belongingctl check "
                  "clean after every kill",
                  n, KILL_MIN_MS, KILL_MAX_MS, (g_get_monotonic_time () - start) / 1e6, load[0],
                  c.acked_marks, c.acked_entries, c.in_doubt, c.in_doubt_applied);
  teardown (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/acknowledged-writes-survive-sigkill", test_acknowledged_writes_survive);
  return g_test_run ();
}
