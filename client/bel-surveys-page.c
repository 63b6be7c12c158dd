/* bel-surveys-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-surveys-page-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-advisory.h"
#include "bel-client-surveys.h"
#include "bel-survey-export.h"

G_DEFINE_FINAL_TYPE (BelSurveysPage, bel_surveys_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *props[N_PROPS];
guint bel_surveys_page_signals[N_SIGNALS];

static void load_trend (BelSurveysPage *self);

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/app/belonging/Belonging/surveys.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
bel_surveys_page_toast (BelSurveysPage *self,
                        const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

void
bel_surveys_page_busy (BelSurveysPage *self,
                       int             delta)
{
  gboolean was = self->pending > 0;

  /* An answer that was already on its way when the school changed (its
   * cancellation came too late) arrives after the count was reset: it
   * must not wrap the count round and leave the page loading for ever. */
  if (delta < 0 && self->pending < (guint) -delta)
    {
      g_debug ("surveys page: an answer from before the school changed");
      delta = -(int) self->pending;
    }
  self->pending += delta;
  /* The list is filled once everything it depends on is back, whichever
   * answer (surveys, their windows, who I am) comes last. */
  if (self->pending == 0 && self->list_stale)
    {
      self->list_stale = FALSE;
      bel_surveys_page_fill_list (self);   /* may ask for results: busy again */
    }
  if (was != (self->pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

void
bel_surveys_page_report (BelSurveysPage *self,
                         GError         *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bel_surveys_page_busy (self, -1);
  bel_surveys_page_toast (self, error->message);
}

BelSurvey *
bel_surveys_page_find_survey (BelSurveysPage *self,
                              gint64          survey_id)
{
  for (guint i = 0; self->surveys != NULL && i < self->surveys->len; i++)
    if (bel_resource_get_id (g_ptr_array_index (self->surveys, i)) == survey_id)
      return g_ptr_array_index (self->surveys, i);
  return NULL;
}

BelSurveyWindow *
bel_surveys_page_find_window (BelSurveysPage *self,
                              gint64          window_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->windows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
      if (bel_resource_get_id (g_ptr_array_index ((GPtrArray *) value, i)) == window_id)
        return g_ptr_array_index ((GPtrArray *) value, i);
  return NULL;
}

const char *
bel_surveys_page_status_label (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return _("Open");
  if (g_strcmp0 (status, "scheduled") == 0)
    return _("Scheduled");
  return _("Closed");
}

/* ---- the breakdown choice ---- */

static void
fill_breakdowns (BelSurveysPage *self)
{
  JsonArray *breakdowns = json_object_get_array_member (json_node_get_object (self->results), "breakdowns");
  guint selected = 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->breakdown_labels));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_set_size (self->breakdown_keys, 0);
  g_ptr_array_add (self->breakdown_keys, g_strdup (""));
  g_ptr_array_add (labels, (gpointer) _("Everyone only"));
  for (guint i = 0; i < json_array_get_length (breakdowns); i++)
    {
      JsonObject *b = json_array_get_object_element (breakdowns, i);
      const char *key = json_object_get_string_member (b, "key");

      g_ptr_array_add (self->breakdown_keys, g_strdup (key));
      g_ptr_array_add (labels, (gpointer) json_object_get_string_member (b, "label"));
      if (g_strcmp0 (key, self->breakdown) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (labels, NULL);
  g_signal_handlers_block_matched (self->breakdown_choice, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->breakdown_labels, 0, n_old, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->breakdown_choice, selected);
  g_signal_handlers_unblock_matched (self->breakdown_choice, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  /* the key asked for stays wished for when this window lacks it (a teacher, an anonymous survey) */
  if (selected > 0 || self->breakdown == NULL)
    {
      g_free (self->breakdown);
      self->breakdown = g_strdup (g_ptr_array_index (self->breakdown_keys, selected));
    }
}

static void
breakdown_chosen (BelSurveysPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->breakdown_choice);

  if (selected >= self->breakdown_keys->len)
    return;
  g_free (self->breakdown);
  self->breakdown = g_strdup (g_ptr_array_index (self->breakdown_keys, selected));
  bel_surveys_page_render (self);
  load_trend (self);
}

void
bel_surveys_page_set_breakdown (BelSurveysPage *self,
                                const char     *key)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  for (guint i = 0; i < self->breakdown_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->breakdown_keys, i), key) == 0)
      {
        gtk_drop_down_set_selected (self->breakdown_choice, i);
        breakdown_chosen (self);
        return;
      }
  g_free (self->breakdown);
  self->breakdown = g_strdup (key);
  if (self->results != NULL)
    {
      bel_surveys_page_render (self);
      load_trend (self);
    }
}

void
bel_surveys_page_set_trend_item (BelSurveysPage *self,
                                 gint64          item_id)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  for (guint i = 0; i < self->item_ids->len; i++)
    if (g_array_index (self->item_ids, gint64, i) == item_id)
      gtk_drop_down_set_selected (self->trend_item, i);
}

/* ---- results and trend of a window ---- */

/* A request for what is shown: only the answer to the latest one is shown
 * (an earlier one still counts as on the way until it is back). */
typedef struct {
  BelSurveysPage *self;
  guint           serial;
} Ticket;

static Ticket *
ticket_new (BelSurveysPage *self,
            guint           serial)
{
  Ticket *ticket = g_new0 (Ticket, 1);

  ticket->self = g_object_ref (self);
  ticket->serial = serial;
  bel_surveys_page_busy (self, +1);
  return ticket;
}

static void
ticket_free (Ticket *ticket)
{
  g_object_unref (ticket->self);
  g_free (ticket);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ticket, ticket_free)

/* Keeps @node in @field when it answers the @latest request; FALSE (and the
 * request done) when it does not, or the error reported when it failed. */
static gboolean
take_latest (BelSurveysPage  *self,
             JsonNode       **field,
             JsonNode        *node,
             GError          *error,
             gboolean         latest)
{
  if (node == NULL)
    {
      bel_surveys_page_report (self, error);
      return FALSE;
    }
  if (!latest)
    {
      json_node_unref (node);
      bel_surveys_page_busy (self, -1);
      return FALSE;
    }
  g_clear_pointer (field, json_node_unref);
  *field = node;
  return TRUE;
}

static void
trend_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Ticket) ticket = user_data;
  BelSurveysPage *self = ticket->self;
  g_autoptr(GError) error = NULL;
  JsonNode *node = bel_client_survey_json_finish (BEL_CLIENT (source), result, &error);

  if (!take_latest (self, &self->trend, node, error, ticket->serial == self->trend_serial))
    return;
  bel_surveys_page_render_trend (self);
  bel_surveys_page_busy (self, -1);
}

static void
load_trend (BelSurveysPage *self)
{
  const char *breakdown = self->breakdown && *self->breakdown ? self->breakdown : NULL;

  if (self->results == NULL || self->client == NULL)
    return;
  bel_client_get_survey_trend_async (self->client,
                                     json_object_get_int_member (json_node_get_object (self->results), "survey_id"),
                                     breakdown, self->cancellable, trend_cb,
                                     ticket_new (self, ++self->trend_serial));
}

static void
results_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Ticket) ticket = user_data;
  BelSurveysPage *self = ticket->self;
  g_autoptr(GError) error = NULL;
  JsonNode *node = bel_client_survey_json_finish (BEL_CLIENT (source), result, &error);

  if (!take_latest (self, &self->results, node, error, ticket->serial == self->results_serial))
    return;
  fill_breakdowns (self);
  bel_surveys_page_fill_items (self, json_node_get_object (node));
  bel_surveys_page_render (self);
  load_trend (self);
  bel_surveys_page_busy (self, -1);
}

static void
load_results (BelSurveysPage *self)
{
  bel_client_get_survey_results_async (self->client, self->window_id, self->cancellable, results_cb,
                                       ticket_new (self, ++self->results_serial));
}

static void
show_no_window (BelSurveysPage *self)
{
  BelSurvey *survey = bel_surveys_page_find_survey (self, self->survey_id);
  g_autofree char *title = g_strdup_printf (_("“%s” has no window yet"),
                                            survey ? bel_resource_get_string (survey, "title") : "");

  g_clear_pointer (&self->results, json_node_unref);
  adw_status_page_set_title (self->no_window, title);
  gtk_stack_set_visible_child_name (self->content, "no-window");
  bel_surveys_page_update_actions (self);
}

void
bel_surveys_page_select (BelSurveysPage *self,
                         gint64          survey_id,
                         gint64          window_id)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  self->survey_id = survey_id;
  self->window_id = window_id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "window-id")) == (gsize) window_id &&
        GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "survey-id")) == (gsize) survey_id)
      {
        g_signal_handlers_block_matched (self->list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        g_signal_handlers_unblock_matched (self->list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      }
  if (self->client == NULL)
    return;
  if (window_id == 0)
    show_no_window (self);
  else
    load_results (self);
}

void
bel_surveys_page_select_window (BelSurveysPage *self,
                                gint64          window_id)
{
  BelSurveyWindow *window;

  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  window = bel_surveys_page_find_window (self, window_id);
  bel_surveys_page_select (self, window ? bel_resource_get_int (window, "survey-id") : self->survey_id, window_id);
}

/* A student answered: new counts, so new results (the rates view reloads itself). */
static void
responded (BelSurveysPage *self,
           gint64          window_id)
{
  if (window_id == self->window_id && self->results != NULL)
    load_results (self);
}

/* ---- the surveys and their windows ---- */

/* Keeps a list that came back in @field (FALSE and the error reported when it did not). */
static gboolean
take_list (BelSurveysPage  *self,
           GPtrArray      **field,
           GPtrArray       *list,
           GError          *error)
{
  if (list == NULL)
    {
      bel_surveys_page_report (self, error);
      return FALSE;
    }
  g_clear_pointer (field, g_ptr_array_unref);
  *field = list;
  return TRUE;
}


static void
windows_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *windows = bel_client_surveys_list_finish (BEL_CLIENT (source), result, &error);

  if (windows == NULL)
    {
      bel_surveys_page_report (self, error);
      return;
    }
  if (windows->len > 0)
    g_hash_table_replace (self->windows, GSIZE_TO_POINTER ((gsize) bel_resource_get_int (g_ptr_array_index (windows, 0),
                                                                                           "survey-id")), windows);
  else
    g_ptr_array_unref (windows);
  self->list_stale = TRUE;
  bel_surveys_page_busy (self, -1);
}

static void
surveys_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *surveys = bel_client_surveys_list_finish (BEL_CLIENT (source), result, &error);

  if (!take_list (self, &self->surveys, surveys, error))
    return;
  g_hash_table_remove_all (self->windows);
  for (guint i = 0; i < surveys->len; i++)
    {
      bel_surveys_page_busy (self, +1);
      bel_client_list_survey_windows_async (self->client, bel_resource_get_id (g_ptr_array_index (surveys, i)),
                                            self->cancellable, windows_cb, g_object_ref (self));
    }
  self->list_stale = TRUE;
  bel_surveys_page_busy (self, -1);
}

void
bel_surveys_page_reload (BelSurveysPage *self)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  if (self->client == NULL || self->school == NULL)
    return;
  bel_surveys_page_busy (self, +1);
  bel_client_list_surveys_async (self->client, bel_resource_get_id (self->school), self->cancellable,
                                 surveys_cb, g_object_ref (self));
}

/* ---- who I am: what I may see and do ---- */

gboolean
bel_surveys_page_may_see (BelAccount *me,
                          gint64      school_id,
                          GPtrArray  *advisories)
{
  BelMembership *membership;
  const char *role;

  if (me == NULL)
    return FALSE;
  membership = bel_account_membership_in (me, school_id);
  role = membership != NULL ? bel_resource_get_string (membership, "role") : NULL;
  if (bel_account_is_admin (me) || g_strcmp0 (role, "leader") == 0 || g_strcmp0 (role, "counselor") == 0)
    return TRUE;
  /* teachers see the results of the classes they teach and of their own advisory */
  if (membership != NULL && bel_resource_get_int (membership, "classes") > 0)
    return TRUE;
  for (guint i = 0; advisories != NULL && i < advisories->len; i++)
    if (bel_resource_get_int (g_ptr_array_index (advisories, i), "advisor-id") == bel_resource_get_id (me))
      return TRUE;
  return FALSE;
}

static void
me_cb (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) me = bel_client_get_me_finish (BEL_CLIENT (source), result, &error);
  const char *role;

  if (me == NULL)
    {
      bel_surveys_page_report (self, error);
      return;
    }
  role = self->school ? bel_account_role_in (me, bel_resource_get_id (self->school)) : NULL;
  self->leader = bel_account_is_admin (me) || g_strcmp0 (role, "leader") == 0;
  self->privileged = self->leader || g_strcmp0 (role, "counselor") == 0;
  g_clear_pointer (&self->printable, g_array_unref);
  if (!self->leader)
    self->printable = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; self->advisories != NULL && i < self->advisories->len; i++)
    {
      BelAdvisory *advisory = g_ptr_array_index (self->advisories, i);
      gint64 id = bel_resource_get_id (advisory);

      if (bel_resource_get_int (advisory, "advisor-id") != bel_resource_get_id (me))
        continue;
      if (self->printable != NULL)
        g_array_append_val (self->printable, id);
    }
  gtk_widget_set_visible (self->new_button, self->leader);
  gtk_widget_set_visible (self->menu_button, self->leader);
  bel_surveys_page_update_actions (self);
  bel_surveys_page_busy (self, -1);
}

static void
advisories_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *advisories = bel_client_list_advisories_finish (BEL_CLIENT (source), result, &error);

  if (!take_list (self, &self->advisories, advisories, error))
    return;
  bel_client_get_me_async (self->client, self->cancellable, me_cb, g_object_ref (self));
}

void
bel_surveys_page_set_school (BelSurveysPage *self,
                             BelSchool      *school)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  self->list_stale = FALSE;
  g_set_object (&self->school, school);
  g_clear_pointer (&self->results, json_node_unref);
  g_clear_pointer (&self->trend, json_node_unref);
  self->survey_id = self->window_id = 0;
  self->leader = self->privileged = FALSE;
  gtk_stack_set_visible_child_name (self->content, "empty");
  bel_surveys_page_update_actions (self);
  if (school == NULL || self->client == NULL)
    return;
  bel_surveys_page_busy (self, +1);
  bel_client_list_advisories_async (self->client, bel_resource_get_id (school), self->cancellable,
                                    advisories_cb, g_object_ref (self));
  bel_surveys_page_reload (self);
}

/* ---- the widget ---- */

gboolean
bel_surveys_page_get_loading (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), FALSE);
  return self->pending > 0;
}

gint64
bel_surveys_page_get_window (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), 0);
  return self->results ? self->window_id : 0;
}

gint64
bel_surveys_page_get_survey (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), 0);
  return self->survey_id;
}

const char *
bel_surveys_page_get_window_status (BelSurveysPage *self)
{
  BelSurveyWindow *window;

  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  window = bel_surveys_page_find_window (self, self->window_id);
  return window ? bel_resource_get_string (window, "status") : NULL;
}

GtkWidget *
bel_surveys_page_get_heat_table (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  return self->table;
}

BelSurveyTrend *
bel_surveys_page_get_trend (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  return self->trend_chart;
}

BelSurveyRatesView *
bel_surveys_page_get_rates (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  return self->rates;
}

BelSurveyAdultMapView *
bel_surveys_page_get_adult_map (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  return self->adult_map;
}

void
bel_surveys_page_set_client (BelSurveysPage *self,
                             BelClient      *client)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  g_set_object (&self->client, client);
  bel_survey_rates_view_set_client (self->rates, client);
  bel_survey_adult_map_view_set_client (self->adult_map, client);
}

static void
bel_surveys_page_dispose (GObject *object)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_object (&self->school);
  g_clear_object (&self->breakdown_labels);
  g_clear_object (&self->trend_item_labels);
  g_clear_pointer (&self->surveys, g_ptr_array_unref);
  g_clear_pointer (&self->windows, g_hash_table_unref);
  g_clear_pointer (&self->advisories, g_ptr_array_unref);
  g_clear_pointer (&self->printable, g_array_unref);
  g_clear_pointer (&self->breakdown_keys, g_ptr_array_unref);
  g_clear_pointer (&self->item_ids, g_array_unref);
  g_clear_pointer (&self->results, json_node_unref);
  g_clear_pointer (&self->trend, json_node_unref);
  g_clear_pointer (&self->breakdown, g_free);
  G_OBJECT_CLASS (bel_surveys_page_parent_class)->dispose (object);
}

static void
bel_surveys_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BelSurveysPage *self = BEL_SURVEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->pending > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_surveys_page_class_init (BelSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bel_surveys_page_dispose;
  object_class->get_property = bel_surveys_page_get_property;
  props[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
  bel_surveys_page_signals[SLIPS_PRINTED] = g_signal_new ("slips-printed", G_TYPE_FROM_CLASS (klass),
                                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                          G_TYPE_INT);
  bel_surveys_page_signals[WINDOW_CHANGED] = g_signal_new ("window-changed", G_TYPE_FROM_CLASS (klass),
                                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                           G_TYPE_INT64);
  bel_surveys_page_install_window_actions (widget_class);
  bel_surveys_page_install_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bel_surveys_page_init (BelSurveysPage *self)
{
  load_css ();
  self->windows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->breakdown_keys = g_ptr_array_new_with_free_func (g_free);
  self->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->breakdown = g_strdup ("el_status");
  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  bel_surveys_page_build (self);
  g_signal_connect_swapped (self->breakdown_choice, "notify::selected", G_CALLBACK (breakdown_chosen), self);
  g_signal_connect_swapped (self->trend_item, "notify::selected", G_CALLBACK (bel_surveys_page_render_trend), self);
  g_signal_connect_swapped (self->rates, "responded", G_CALLBACK (responded), self);
  g_signal_connect_swapped (self->rates, "window-changed", G_CALLBACK (bel_surveys_page_reload), self);
  g_signal_connect_swapped (self->rates, "print-slips", G_CALLBACK (bel_surveys_page_confirm_slips), self);
  bel_surveys_page_update_actions (self);
}
