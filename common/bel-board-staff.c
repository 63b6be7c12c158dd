/* bel-board-staff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-staff.h"

#include "bel-json.h"

struct _BelBoardStaff
{
  GObject  parent_instance;

  gint64   account_id;
  char    *display_name;
  char    *role;
  char    *title;
  char    *search_key;
  guint    mark_count;
};

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_DISPLAY_NAME,
  PROP_TITLE,
  PROP_MARK_COUNT,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (BelBoardStaff, bel_board_staff, G_TYPE_OBJECT)

static void
bel_board_staff_finalize (GObject *object)
{
  BelBoardStaff *self = BEL_BOARD_STAFF (object);

  g_free (self->display_name);
  g_free (self->role);
  g_free (self->title);
  g_free (self->search_key);
  G_OBJECT_CLASS (bel_board_staff_parent_class)->finalize (object);
}

static void
bel_board_staff_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BelBoardStaff *self = BEL_BOARD_STAFF (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MARK_COUNT:
      g_value_set_uint (value, self->mark_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_board_staff_class_init (BelBoardStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bel_board_staff_finalize;
  object_class->get_property = bel_board_staff_get_property;

  props[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_MARK_COUNT] = g_param_spec_uint ("mark-count", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
bel_board_staff_init (BelBoardStaff *self)
{
}

BelBoardStaff *
bel_board_staff_new_from_json (JsonObject *object)
{
  BelBoardStaff *self = g_object_new (BEL_TYPE_BOARD_STAFF, NULL);

  bel_board_staff_update_from_json (self, object);
  return self;
}

void
bel_board_staff_update_from_json (BelBoardStaff *self,
                                  JsonObject    *object)
{
  g_autofree char *words = NULL;
  g_autofree char *ascii = NULL;

  g_return_if_fail (BEL_IS_BOARD_STAFF (self));

  self->account_id = bel_json_int_member (object, "account_id", 0);
  g_free (self->display_name);
  self->display_name = g_strdup (bel_json_string_member (object, "display_name", ""));
  g_free (self->role);
  self->role = g_strdup (bel_json_string_member (object, "role", NULL));
  g_free (self->title);
  self->title = g_strdup (bel_json_string_member (object, "title", NULL));
  words = g_strjoin (" ", self->display_name, self->title ? self->title : "", NULL);
  ascii = g_str_to_ascii (words, "C");
  g_free (self->search_key);
  self->search_key = g_ascii_strdown (ascii, -1);
  bel_board_staff_set_mark_count (self, bel_json_int_member (object, "mark_count", 0));
}

gint64 bel_board_staff_get_account_id (BelBoardStaff *self) { return self->account_id; }
const char *bel_board_staff_get_display_name (BelBoardStaff *self) { return self->display_name; }
const char *bel_board_staff_get_role (BelBoardStaff *self) { return self->role; }
const char *bel_board_staff_get_title (BelBoardStaff *self) { return self->title; }
guint bel_board_staff_get_mark_count (BelBoardStaff *self) { return self->mark_count; }
const char *bel_board_staff_get_search_key (BelBoardStaff *self) { return self->search_key; }

void
bel_board_staff_set_mark_count (BelBoardStaff *self,
                                guint          count)
{
  g_return_if_fail (BEL_IS_BOARD_STAFF (self));
  if (self->mark_count == count)
    return;
  self->mark_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MARK_COUNT]);
}
