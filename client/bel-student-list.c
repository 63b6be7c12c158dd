/* bel-student-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-student-list.h"

#define PAGE_SIZE 250

struct _BelStudentList
{
  GObject       parent_instance;

  BelClient    *client;
  GListStore   *store;
  GCancellable *cancellable;
  GError       *error;

  gint64        school_id;
  char         *q;
  int           grade;
  gint64        advisory_id;

  gint64        total;
  gboolean      loading;
  gboolean      first_page;
};

enum {
  PROP_0,
  PROP_LOADING,
  PROP_TOTAL,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
bel_student_list_get_item_type (GListModel *model)
{
  return BEL_TYPE_STUDENT;
}

static guint
bel_student_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (BEL_STUDENT_LIST (model)->store));
}

static gpointer
bel_student_list_get_item (GListModel *model,
                           guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (BEL_STUDENT_LIST (model)->store), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bel_student_list_get_item_type;
  iface->get_n_items = bel_student_list_get_n_items;
  iface->get_item = bel_student_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BelStudentList, bel_student_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
store_items_changed (GListModel     *store,
                     guint           position,
                     guint           removed,
                     guint           added,
                     BelStudentList *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
bel_student_list_dispose (GObject *object)
{
  BelStudentList *self = BEL_STUDENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_student_list_parent_class)->dispose (object);
}

static void
bel_student_list_finalize (GObject *object)
{
  BelStudentList *self = BEL_STUDENT_LIST (object);

  g_clear_error (&self->error);
  g_free (self->q);
  G_OBJECT_CLASS (bel_student_list_parent_class)->finalize (object);
}

static void
bel_student_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BelStudentList *self = BEL_STUDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_student_list_class_init (BelStudentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bel_student_list_dispose;
  object_class->finalize = bel_student_list_finalize;
  object_class->get_property = bel_student_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bel_student_list_init (BelStudentList *self)
{
  self->store = g_list_store_new (BEL_TYPE_STUDENT);
  self->grade = BEL_CLIENT_ANY_GRADE;
  g_signal_connect (self->store, "items-changed", G_CALLBACK (store_items_changed), self);
}

BelStudentList *
bel_student_list_new (BelClient *client)
{
  BelStudentList *self = g_object_new (BEL_TYPE_STUDENT_LIST, NULL);

  self->client = g_object_ref (client);
  return self;
}

static void
set_loading (BelStudentList *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (BelStudentList *self,
           GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void request_page (BelStudentList *self, const char *cursor);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BelStudentList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *next_cursor = NULL;
  gint64 total = 0;
  guint n_old;

  items = bel_client_list_students_finish (BEL_CLIENT (source), result, &total, &next_cursor, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (items == NULL)
    {
      /* Keep what is shown: stale students are more use than none. */
      set_error (self, g_steal_pointer (&error));
      set_loading (self, FALSE);
      return;
    }

  if (self->error != NULL)
    set_error (self, NULL);
  n_old = self->first_page ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
  g_list_store_splice (self->store, self->first_page ? 0 : g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       n_old, items->pdata, items->len);
  if (self->first_page || self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  self->first_page = FALSE;

  if (next_cursor != NULL && *next_cursor != '\0' && items->len > 0)
    request_page (self, next_cursor);
  else
    set_loading (self, FALSE);
}

static void
request_page (BelStudentList *self,
              const char     *cursor)
{
  bel_client_list_students_async (self->client, self->school_id, self->q, self->grade,
                                  self->advisory_id, cursor, PAGE_SIZE, self->cancellable,
                                  page_cb, g_object_ref (self));
}

void
bel_student_list_load (BelStudentList *self,
                       gint64          school_id,
                       const char     *q,
                       int             grade,
                       gint64          advisory_id)
{
  g_return_if_fail (BEL_IS_STUDENT_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (school_id != self->school_id)
    g_list_store_remove_all (self->store);
  self->school_id = school_id;
  g_free (self->q);
  self->q = g_strdup (q);
  self->grade = grade;
  self->advisory_id = advisory_id;
  self->first_page = TRUE;

  set_loading (self, TRUE);
  request_page (self, NULL);
}

void
bel_student_list_clear (BelStudentList *self)
{
  g_return_if_fail (BEL_IS_STUDENT_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_list_store_remove_all (self->store);
  self->school_id = 0;
  self->total = 0;
  set_loading (self, FALSE);
  if (self->error != NULL)
    set_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

gboolean
bel_student_list_get_loading (BelStudentList *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_LIST (self), FALSE);
  return self->loading;
}

gint64
bel_student_list_get_total (BelStudentList *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_LIST (self), 0);
  return self->total;
}

const GError *
bel_student_list_get_error (BelStudentList *self)
{
  g_return_val_if_fail (BEL_IS_STUDENT_LIST (self), NULL);
  return self->error;
}
