/* bel-board-student.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-student.h"

#include <string.h>

#include "bel-json.h"

struct _BelBoardStudent
{
  GObject  parent_instance;

  gint64   id;
  char    *display_name;
  char    *sort_name;
  char    *search_key;
  int      grade;
  gint64   advisory_id;
  char    *advisory_name;
  char    *el_status;
  gboolean iep;
  gboolean section_504;
  GArray  *marks[BEL_N_MARK_KINDS];   /* gint64 account ids, ascending */
  guint    revision;

  gint64   advocate_id;
  gint64   advocate_account;
  char    *advocate_name;
  char    *advocate_status;
  char    *follow_up_on;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_GRADE,
  PROP_ADULT_COUNT,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (BelBoardStudent, bel_board_student, G_TYPE_OBJECT)

static const char * const kind_names[BEL_N_MARK_KINDS] = { "relationship", "personal", "concern" };

const char *
bel_mark_kind_to_string (BelMarkKind kind)
{
  g_return_val_if_fail (kind < BEL_N_MARK_KINDS, NULL);
  return kind_names[kind];
}

gboolean
bel_mark_kind_from_string (const char  *text,
                           BelMarkKind *kind)
{
  for (guint i = 0; i < BEL_N_MARK_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
bel_board_student_finalize (GObject *object)
{
  BelBoardStudent *self = BEL_BOARD_STUDENT (object);

  g_free (self->display_name);
  g_free (self->sort_name);
  g_free (self->search_key);
  g_free (self->advisory_name);
  g_free (self->el_status);
  g_free (self->advocate_name);
  g_free (self->advocate_status);
  g_free (self->follow_up_on);
  for (guint i = 0; i < BEL_N_MARK_KINDS; i++)
    g_array_unref (self->marks[i]);
  G_OBJECT_CLASS (bel_board_student_parent_class)->finalize (object);
}

static void
bel_board_student_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BelBoardStudent *self = BEL_BOARD_STUDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_GRADE:
      g_value_set_int (value, self->grade);
      break;
    case PROP_ADULT_COUNT:
      g_value_set_uint (value, bel_board_student_get_adult_count (self));
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_board_student_class_init (BelBoardStudentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bel_board_student_finalize;
  object_class->get_property = bel_board_student_get_property;

  props[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_GRADE] = g_param_spec_int ("grade", NULL, NULL, -1, 13, 0,
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_ADULT_COUNT] = g_param_spec_uint ("adult-count", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  props[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
bel_board_student_init (BelBoardStudent *self)
{
  for (guint i = 0; i < BEL_N_MARK_KINDS; i++)
    self->marks[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
changed (BelBoardStudent *self,
         guint            old_adults)
{
  self->revision++;
  if (old_adults != bel_board_student_get_adult_count (self))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ADULT_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_REVISION]);
}

static gboolean
set_string (char      **field,
            const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_ids (GArray    *ids,
         JsonArray *array)
{
  guint n = array ? json_array_get_length (array) : 0;
  gboolean same = ids->len == n;

  for (guint i = 0; same && i < n; i++)
    same = g_array_index (ids, gint64, i) == bel_json_int_element (array, i);
  if (same)
    return FALSE;
  g_array_set_size (ids, n);
  for (guint i = 0; i < n; i++)
    g_array_index (ids, gint64, i) = bel_json_int_element (array, i);
  return TRUE;
}

static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");

  return g_ascii_strdown (ascii, -1);
}

static const char *
advisory_name (const BelBoardNames *names,
               gint64               advisory_id)
{
  if (advisory_id == 0 || names == NULL || names->advisories == NULL)
    return NULL;
  return g_hash_table_lookup (names->advisories, &advisory_id);
}

static const char *
staff_name (const BelBoardNames *names,
            gint64               account_id)
{
  BelBoardStaff *staff = names && names->staff ? g_hash_table_lookup (names->staff, &account_id) : NULL;

  return staff ? bel_board_staff_get_display_name (staff) : NULL;
}

/* Returns whether the advocate changed. */
static gboolean
take_advocate (BelBoardStudent     *self,
               JsonObject          *advocate,
               const BelBoardNames *names)
{
  const char *status = advocate ? bel_json_string_member (advocate, "status", NULL) : NULL;
  gint64 id = advocate ? bel_json_int_member (advocate, "id", 0) : 0;
  gint64 account = advocate ? bel_json_int_member (advocate, "account_id", 0) : 0;
  const char *name = advocate ? staff_name (names, account) ?: bel_json_string_member (advocate, "display_name", NULL)
                              : NULL;
  gboolean any = self->advocate_id != id || self->advocate_account != account;

  self->advocate_id = id;
  self->advocate_account = account;
  any |= set_string (&self->advocate_name, name);
  any |= set_string (&self->advocate_status, status);
  any |= set_string (&self->follow_up_on, advocate ? bel_json_string_member (advocate, "follow_up_on", NULL) : NULL);
  return any;
}

/* Members at their default are left out of a BoardStudent: no preferred
 * name, no advisory, el_status "none", false flags, no marks of a kind, no
 * advocate. */
static gboolean
take_json (BelBoardStudent     *self,
           JsonObject          *object,
           const BelBoardNames *names)
{
  const char *given = bel_json_string_member (object, "given_name", NULL);
  const char *family = bel_json_string_member (object, "family_name", NULL);
  const char *preferred = bel_json_string_member (object, "preferred_name", NULL);
  const char *first = preferred && *preferred ? preferred : given;
  g_autofree char *display_name = g_strdup_printf ("%s %s", first ?: "", family ?: "");
  g_autofree char *key = NULL;
  g_autofree char *sort = NULL;
  gboolean any = FALSE;
  JsonNode *advocate;

  self->id = bel_json_int_member (object, "student_id", 0);
  any |= set_string (&self->display_name, display_name);
  key = g_strjoin (" ", display_name, given ? given : "", family ? family : "", preferred ? preferred : "", NULL);
  g_free (self->search_key);
  self->search_key = fold (key);
  sort = g_strconcat (family ? family : "", " ", preferred ? preferred : (given ? given : ""), NULL);
  g_free (self->sort_name);
  self->sort_name = g_utf8_collate_key (sort, -1);
  if (self->grade != bel_json_int_member (object, "grade", 0))
    {
      self->grade = bel_json_int_member (object, "grade", 0);
      any = TRUE;
    }
  self->advisory_id = bel_json_int_member (object, "advisory_id", 0);
  any |= set_string (&self->advisory_name, advisory_name (names, self->advisory_id));
  any |= set_string (&self->el_status, bel_json_string_member (object, "el_status", NULL) ?: "none");
  self->iep = bel_json_bool_member (object, "iep", FALSE);
  self->section_504 = bel_json_bool_member (object, "section_504", FALSE);
  for (guint i = 0; i < BEL_N_MARK_KINDS; i++)
    {
      JsonNode *node = json_object_get_member (object, kind_names[i]);
      any |= set_ids (self->marks[i], node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL);
    }
  advocate = json_object_get_member (object, "advocate");
  any |= take_advocate (self, advocate && JSON_NODE_HOLDS_OBJECT (advocate) ? json_node_get_object (advocate) : NULL,
                        names);
  return any;
}

BelBoardStudent *
bel_board_student_new_from_json (JsonObject          *object,
                                 const BelBoardNames *names)
{
  BelBoardStudent *self = g_object_new (BEL_TYPE_BOARD_STUDENT, NULL);

  g_return_val_if_fail (object != NULL, self);
  take_json (self, object, names);
  return self;
}

gboolean
bel_board_student_update_from_json (BelBoardStudent     *self,
                                    JsonObject          *object,
                                    const BelBoardNames *names)
{
  guint old_adults;

  g_return_val_if_fail (BEL_IS_BOARD_STUDENT (self), FALSE);
  old_adults = bel_board_student_get_adult_count (self);
  if (!take_json (self, object, names))
    return FALSE;
  changed (self, old_adults);
  return TRUE;
}

gint64 bel_board_student_get_id (BelBoardStudent *self) { return self->id; }
const char *bel_board_student_get_display_name (BelBoardStudent *self) { return self->display_name; }
const char *bel_board_student_get_sort_name (BelBoardStudent *self) { return self->sort_name; }
int bel_board_student_get_grade (BelBoardStudent *self) { return self->grade; }
gint64 bel_board_student_get_advisory_id (BelBoardStudent *self) { return self->advisory_id; }
const char *bel_board_student_get_advisory_name (BelBoardStudent *self) { return self->advisory_name; }
const char *bel_board_student_get_el_status (BelBoardStudent *self) { return self->el_status; }
gboolean bel_board_student_get_iep (BelBoardStudent *self) { return self->iep; }
gboolean bel_board_student_get_section_504 (BelBoardStudent *self) { return self->section_504; }
guint bel_board_student_get_revision (BelBoardStudent *self) { return self->revision; }
const char *bel_board_student_get_search_key (BelBoardStudent *self) { return self->search_key; }
gint64 bel_board_student_get_advocate_id (BelBoardStudent *self) { return self->advocate_id; }
gint64 bel_board_student_get_advocate_account (BelBoardStudent *self) { return self->advocate_account; }
const char *bel_board_student_get_advocate_name (BelBoardStudent *self) { return self->advocate_name; }
const char *bel_board_student_get_advocate_status (BelBoardStudent *self) { return self->advocate_status; }
const char *bel_board_student_get_follow_up_on (BelBoardStudent *self) { return self->follow_up_on; }

guint
bel_board_student_get_adult_count (BelBoardStudent *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_STUDENT (self), 0);
  return self->marks[BEL_MARK_RELATIONSHIP]->len;
}

const GArray *
bel_board_student_get_marks (BelBoardStudent *self,
                             BelMarkKind      kind)
{
  g_return_val_if_fail (BEL_IS_BOARD_STUDENT (self), NULL);
  g_return_val_if_fail (kind < BEL_N_MARK_KINDS, NULL);
  return self->marks[kind];
}

static guint
find_id (GArray  *ids,
         gint64   id,
         gboolean *found)
{
  guint i;

  for (i = 0; i < ids->len && g_array_index (ids, gint64, i) < id; i++)
    ;
  *found = i < ids->len && g_array_index (ids, gint64, i) == id;
  return i;
}

gboolean
bel_board_student_has_mark (BelBoardStudent *self,
                            BelMarkKind      kind,
                            gint64           account_id)
{
  gboolean found;

  g_return_val_if_fail (BEL_IS_BOARD_STUDENT (self), FALSE);
  g_return_val_if_fail (kind < BEL_N_MARK_KINDS, FALSE);
  find_id (self->marks[kind], account_id, &found);
  return found;
}

gboolean
bel_board_student_set_mark (BelBoardStudent *self,
                            BelMarkKind      kind,
                            gint64           account_id,
                            gboolean         present)
{
  guint old_adults;
  gboolean found;
  guint pos;

  g_return_val_if_fail (BEL_IS_BOARD_STUDENT (self), FALSE);
  g_return_val_if_fail (kind < BEL_N_MARK_KINDS, FALSE);

  old_adults = bel_board_student_get_adult_count (self);
  pos = find_id (self->marks[kind], account_id, &found);
  if (found == present)
    return FALSE;
  if (present)
    g_array_insert_val (self->marks[kind], pos, account_id);
  else
    g_array_remove_index (self->marks[kind], pos);
  changed (self, old_adults);
  return TRUE;
}

void
bel_board_student_set_advocate_json (BelBoardStudent     *self,
                                     JsonObject          *advocate,
                                     const BelBoardNames *names)
{
  g_return_if_fail (BEL_IS_BOARD_STUDENT (self));

  if (advocate != NULL && g_strcmp0 (bel_json_string_member (advocate, "status", NULL), "ended") == 0)
    {
      /* Only the advocate shown ends; another current one stays. */
      if (bel_json_int_member (advocate, "id", 0) != self->advocate_id)
        return;
      advocate = NULL;
    }
  take_advocate (self, advocate, names);
  changed (self, bel_board_student_get_adult_count (self));
}
