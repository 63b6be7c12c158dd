/* bel-board-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-model.h"

#include "bel-error.h"
#include "bel-json.h"
#include "bel-model.h"

struct _BelBoardModel
{
  GObject     parent_instance;

  gint64      account_id;
  BelRound   *round;
  GListStore *students;
  GListStore *staff;
  GHashTable *student_by_id;   /* gint64* -> BelBoardStudent (borrowed from the store) */
  GHashTable *staff_by_id;     /* gint64* -> BelBoardStaff */
  GHashTable *advisory_names;  /* gint64* -> advisory name, from the board's "advisories" */
  JsonNode   *summary;
  guint       none, one, many;
};

enum {
  PROP_0,
  PROP_ROUND,
  PROP_NONE,
  PROP_ONE,
  PROP_MANY,
  N_PROPS
};

enum {
  STUDENT_CHANGED,
  ROUNDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelBoardModel, bel_board_model, G_TYPE_OBJECT)

static void
bel_board_model_finalize (GObject *object)
{
  BelBoardModel *self = BEL_BOARD_MODEL (object);

  g_clear_object (&self->round);
  g_clear_object (&self->students);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->student_by_id, g_hash_table_unref);
  g_clear_pointer (&self->staff_by_id, g_hash_table_unref);
  g_clear_pointer (&self->advisory_names, g_hash_table_unref);
  g_clear_pointer (&self->summary, json_node_unref);
  G_OBJECT_CLASS (bel_board_model_parent_class)->finalize (object);
}

static void
bel_board_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BelBoardModel *self = BEL_BOARD_MODEL (object);

  switch (prop_id)
    {
    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;
    case PROP_NONE:
      g_value_set_uint (value, self->none);
      break;
    case PROP_ONE:
      g_value_set_uint (value, self->one);
      break;
    case PROP_MANY:
      g_value_set_uint (value, self->many);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_board_model_class_init (BelBoardModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bel_board_model_finalize;
  object_class->get_property = bel_board_model_get_property;

  props[PROP_ROUND] = g_param_spec_object ("round", NULL, NULL, BEL_TYPE_ROUND, flags);
  props[PROP_NONE] = g_param_spec_uint ("none", NULL, NULL, 0, G_MAXUINT, 0, flags);
  props[PROP_ONE] = g_param_spec_uint ("one", NULL, NULL, 0, G_MAXUINT, 0, flags);
  props[PROP_MANY] = g_param_spec_uint ("many", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* student-changed (BelBoardStudent *student, gboolean remote) */
  signals[STUDENT_CHANGED] =
    g_signal_new ("student-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, BEL_TYPE_BOARD_STUDENT, G_TYPE_BOOLEAN);
  /* rounds-changed: a round of the school was created, opened or closed. */
  signals[ROUNDS_CHANGED] =
    g_signal_new ("rounds-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
bel_board_model_init (BelBoardModel *self)
{
  self->students = g_list_store_new (BEL_TYPE_BOARD_STUDENT);
  self->staff = g_list_store_new (BEL_TYPE_BOARD_STAFF);
  self->student_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->staff_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->advisory_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static BelBoardNames
names_of (BelBoardModel *self)
{
  return (BelBoardNames) { self->advisory_names, self->staff_by_id };
}

BelBoardModel *
bel_board_model_new (gint64 account_id)
{
  BelBoardModel *self = g_object_new (BEL_TYPE_BOARD_MODEL, NULL);

  self->account_id = account_id;
  return self;
}

static void
recount (BelBoardModel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->students));
  guint counts[3] = { 0, 0, 0 };
  guint old[3] = { self->none, self->one, self->many };

  for (guint i = 0; i < n; i++)
    {
      BelBoardStudent *student = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      counts[MIN (bel_board_student_get_adult_count (student), 2)]++;
      g_object_unref (student);
    }
  self->none = counts[0];
  self->one = counts[1];
  self->many = counts[2];
  for (guint i = 0; i < 3; i++)
    if (old[i] != counts[i])
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NONE + i]);
}

static void
load_students (BelBoardModel *self,
               JsonArray     *array,
               gboolean       same_round)
{
  guint n = array ? json_array_get_length (array) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  gboolean same_set = same_round && n == g_list_model_get_n_items (G_LIST_MODEL (self->students));
  BelBoardNames names = names_of (self);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = bel_json_object_element (array, i);
      gint64 id = bel_json_int_member (object, "student_id", 0);
      BelBoardStudent *student = same_round ? g_hash_table_lookup (self->student_by_id, &id) : NULL;

      if (object == NULL)
        {
          same_set = FALSE;
          continue;
        }

      if (student != NULL)
        {
          if (bel_board_student_update_from_json (student, object, &names))
            g_signal_emit (self, signals[STUDENT_CHANGED], 0, student, TRUE);
          g_ptr_array_add (items, g_object_ref (student));
          if (same_set)
            {
              BelBoardStudent *at = g_list_model_get_item (G_LIST_MODEL (self->students), i);
              same_set = at == student;
              g_object_unref (at);
            }
        }
      else
        {
          g_ptr_array_add (items, bel_board_student_new_from_json (object, &names));
          same_set = FALSE;
        }
    }
  if (same_set)
    return; /* every object updated in place; the list itself is the same */

  g_hash_table_remove_all (self->student_by_id);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 *key = g_new (gint64, 1);
      *key = bel_board_student_get_id (items->pdata[i]);
      g_hash_table_insert (self->student_by_id, key, items->pdata[i]);
    }
  g_list_store_splice (self->students, 0, g_list_model_get_n_items (G_LIST_MODEL (self->students)),
                       items->pdata, items->len);
}

static void
load_staff (BelBoardModel *self,
            JsonArray     *array)
{
  guint n = array ? json_array_get_length (array) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  gboolean same_set = n == g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = bel_json_object_element (array, i);
      gint64 id = bel_json_int_member (object, "account_id", 0);
      BelBoardStaff *staff = g_hash_table_lookup (self->staff_by_id, &id);

      if (object == NULL)
        {
          same_set = FALSE;
          continue;
        }

      if (staff != NULL)
        {
          bel_board_staff_update_from_json (staff, object);
          g_ptr_array_add (items, g_object_ref (staff));
          if (same_set)
            {
              BelBoardStaff *at = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
              same_set = at == staff;
              g_object_unref (at);
            }
        }
      else
        {
          g_ptr_array_add (items, bel_board_staff_new_from_json (object));
          same_set = FALSE;
        }
    }
  if (same_set)
    return;
  g_hash_table_remove_all (self->staff_by_id);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 *key = g_new (gint64, 1);
      *key = bel_board_staff_get_account_id (items->pdata[i]);
      g_hash_table_insert (self->staff_by_id, key, items->pdata[i]);
    }
  g_list_store_splice (self->staff, 0, g_list_model_get_n_items (G_LIST_MODEL (self->staff)),
                       items->pdata, items->len);
}

static void
load_advisories (BelBoardModel *self,
                 JsonArray     *array)
{
  guint n = array ? json_array_get_length (array) : 0;

  g_hash_table_remove_all (self->advisory_names);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = bel_json_object_element (array, i);
      gint64 *key;

      if (object == NULL)
        continue;
      key = g_new (gint64, 1);
      *key = bel_json_int_member (object, "advisory_id", 0);
      g_hash_table_insert (self->advisory_names, key,
                           g_strdup (bel_json_string_member (object, "name", NULL)));
    }
}

gboolean
bel_board_model_load (BelBoardModel  *self,
                      JsonNode       *board,
                      GError        **error)
{
  JsonObject *object;
  JsonNode *round_node;
  JsonNode *summary;
  g_autoptr(BelRound) round = NULL;
  gboolean same_round;

  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), FALSE);

  if (board == NULL || !JSON_NODE_HOLDS_OBJECT (board))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, "The board could not be read.");
      return FALSE;
    }
  object = json_node_get_object (board);
  round_node = json_object_get_member (object, "round");
  round = bel_model_new_from_json (BEL_TYPE_ROUND, round_node, BEL_MODEL_TRUST, error);
  if (round == NULL)
    return FALSE;

  same_round = self->round != NULL && bel_resource_get_id (self->round) == bel_resource_get_id (round);
  g_set_object (&self->round, round);
  load_staff (self, bel_json_array_member (object, "staff"));
  load_advisories (self, bel_json_array_member (object, "advisories"));
  load_students (self, bel_json_array_member (object, "students"), same_round);
  summary = json_object_get_member (object, "summary");
  g_clear_pointer (&self->summary, json_node_unref);
  self->summary = summary ? json_node_copy (summary) : NULL;
  recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROUND]);
  return TRUE;
}

void
bel_board_model_clear (BelBoardModel *self)
{
  g_return_if_fail (BEL_IS_BOARD_MODEL (self));
  g_hash_table_remove_all (self->student_by_id);
  g_hash_table_remove_all (self->staff_by_id);
  g_hash_table_remove_all (self->advisory_names);
  g_list_store_remove_all (self->students);
  g_list_store_remove_all (self->staff);
  g_clear_object (&self->round);
  g_clear_pointer (&self->summary, json_node_unref);
  recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROUND]);
}

static void
count_staff_mark (BelBoardModel *self,
                  gint64         account_id,
                  int            delta)
{
  BelBoardStaff *staff = g_hash_table_lookup (self->staff_by_id, &account_id);

  if (staff != NULL)
    bel_board_staff_set_mark_count (staff, MAX (0, (int) bel_board_staff_get_mark_count (staff) + delta));
}

gboolean
bel_board_model_set_mark (BelBoardModel   *self,
                          BelBoardStudent *student,
                          BelMarkKind      kind,
                          gint64           account_id,
                          gboolean         present)
{
  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), FALSE);
  g_return_val_if_fail (BEL_IS_BOARD_STUDENT (student), FALSE);

  if (!bel_board_student_set_mark (student, kind, account_id, present))
    return FALSE;
  if (kind == BEL_MARK_RELATIONSHIP)
    {
      count_staff_mark (self, account_id, present ? 1 : -1);
      recount (self);
    }
  g_signal_emit (self, signals[STUDENT_CHANGED], 0, student, FALSE);
  return TRUE;
}

static gboolean
apply_mark_event (BelBoardModel *self,
                  JsonObject    *data,
                  gboolean       present)
{
  gint64 student_id = bel_json_int_member (data, "student_id", 0);
  gint64 account_id = bel_json_int_member (data, "account_id", 0);
  BelBoardStudent *student = g_hash_table_lookup (self->student_by_id, &student_id);
  BelMarkKind kind;

  if (student == NULL ||
      !bel_mark_kind_from_string (bel_json_string_member (data, "kind", NULL), &kind))
    return FALSE;
  if (!bel_board_student_set_mark (student, kind, account_id, present))
    return FALSE;
  if (kind == BEL_MARK_RELATIONSHIP)
    {
      count_staff_mark (self, account_id, present ? 1 : -1);
      recount (self);
    }
  g_signal_emit (self, signals[STUDENT_CHANGED], 0, student, TRUE);
  return TRUE;
}

static gboolean
apply_advocate_event (BelBoardModel *self,
                      JsonObject    *data)
{
  gint64 student_id = bel_json_int_member (data, "student_id", 0);
  BelBoardStudent *student = g_hash_table_lookup (self->student_by_id, &student_id);
  BelBoardNames names = names_of (self);

  if (student == NULL)
    return FALSE;
  bel_board_student_set_advocate_json (student, data, &names);
  g_signal_emit (self, signals[STUDENT_CHANGED], 0, student, TRUE);
  return TRUE;
}

static gboolean
apply_round_event (BelBoardModel *self,
                   JsonNode      *data)
{
  g_autoptr(BelRound) round = bel_model_new_from_json (BEL_TYPE_ROUND, data, BEL_MODEL_TRUST, NULL);
  gboolean ours = round != NULL && self->round != NULL &&
                  bel_resource_get_id (round) == bel_resource_get_id (self->round);

  if (ours)
    {
      g_set_object (&self->round, round);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROUND]);
    }
  g_signal_emit (self, signals[ROUNDS_CHANGED], 0);
  return ours;
}

gboolean
bel_board_model_apply_event (BelBoardModel *self,
                             JsonNode      *event)
{
  JsonObject *object;
  JsonNode *data;
  const char *type;

  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), FALSE);

  if (event == NULL || !JSON_NODE_HOLDS_OBJECT (event) || self->round == NULL)
    return FALSE;
  object = json_node_get_object (event);
  type = bel_json_string_member (object, "type", "");
  data = json_object_get_member (object, "data");
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return FALSE;

  if (g_str_has_prefix (type, "round."))
    return apply_round_event (self, data);
  if (g_str_has_prefix (type, "advocate."))
    return apply_advocate_event (self, json_node_get_object (data));
  if (bel_json_int_member (object, "round_id", 0) != bel_resource_get_id (self->round))
    return FALSE;
  if (g_strcmp0 (type, "mark.added") == 0)
    return apply_mark_event (self, json_node_get_object (data), TRUE);
  if (g_strcmp0 (type, "mark.removed") == 0)
    return apply_mark_event (self, json_node_get_object (data), FALSE);
  return FALSE;
}

gint64 bel_board_model_get_account_id (BelBoardModel *self) { return self->account_id; }
BelRound *bel_board_model_get_round (BelBoardModel *self) { return self->round; }
GListModel *bel_board_model_get_students (BelBoardModel *self) { return G_LIST_MODEL (self->students); }
GListModel *bel_board_model_get_staff (BelBoardModel *self) { return G_LIST_MODEL (self->staff); }

gint64
bel_board_model_get_round_id (BelBoardModel *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), 0);
  return self->round ? bel_resource_get_id (self->round) : 0;
}

gboolean
bel_board_model_get_editable (BelBoardModel *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), FALSE);
  return self->round != NULL && g_strcmp0 (bel_resource_get_string (self->round, "status"), "open") == 0;
}

BelBoardStudent *
bel_board_model_lookup_student (BelBoardModel *self,
                                gint64         student_id)
{
  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), NULL);
  return g_hash_table_lookup (self->student_by_id, &student_id);
}

BelBoardStaff *
bel_board_model_lookup_staff (BelBoardModel *self,
                              gint64         account_id)
{
  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), NULL);
  return g_hash_table_lookup (self->staff_by_id, &account_id);
}

void
bel_board_model_get_counts (BelBoardModel *self,
                            guint         *none,
                            guint         *one,
                            guint         *many)
{
  g_return_if_fail (BEL_IS_BOARD_MODEL (self));
  if (none) *none = self->none;
  if (one) *one = self->one;
  if (many) *many = self->many;
}

JsonArray *
bel_board_model_get_groups (BelBoardModel *self,
                            const char    *name)
{
  g_return_val_if_fail (BEL_IS_BOARD_MODEL (self), NULL);
  if (self->summary == NULL || !JSON_NODE_HOLDS_OBJECT (self->summary))
    return NULL;
  return bel_json_array_member (json_node_get_object (self->summary), name);
}
