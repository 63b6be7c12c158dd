/* bel-survey-rates-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-rates-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-client-surveys.h"
#include "bel-event-stream.h"

#define RELOAD_DELAY_MS 400
#define POLL_SECONDS    30

struct _BelSurveyRatesView {
  GtkWidget       parent_instance;
  GtkWidget      *box;
  GtkLabel       *summary;
  GtkWidget      *live;
  GtkListBox     *list;
  BelClient      *client;
  GCancellable   *cancellable;
  gint64          school_id;
  gint64          window_id;
  char           *status;
  GArray         *printable;   /* gint64 advisory ids; NULL: all */
  GPtrArray      *rates;       /* BelSurveyRate */
  gboolean        loading;
  gboolean        again;       /* reload when the one on the way is back */
  BelEventStream *stream;
  guint           reload_id;
  guint           poll_id;
};

G_DEFINE_FINAL_TYPE (BelSurveyRatesView, bel_survey_rates_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *props[N_PROPS];

enum { PRINT_SLIPS, RESPONDED, WINDOW_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_open (BelSurveyRatesView *self)
{
  return g_strcmp0 (self->status, "open") == 0;
}

static gboolean
may_print (BelSurveyRatesView *self,
           gint64              advisory_id)
{
  if (advisory_id == 0 || g_strcmp0 (self->status, "closed") == 0)
    return FALSE;
  if (self->printable == NULL)
    return TRUE;
  for (guint i = 0; i < self->printable->len; i++)
    if (g_array_index (self->printable, gint64, i) == advisory_id)
      return TRUE;
  return FALSE;
}

static void
set_loading (BelSurveyRatesView *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

/* ---- the rows ---- */

static void
print_clicked (GtkButton          *button,
               BelSurveyRatesView *self)
{
  gint64 advisory_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "advisory-id");

  g_signal_emit (self, signals[PRINT_SLIPS], 0, advisory_id);
}

static GtkWidget *
rate_row (BelSurveyRatesView *self,
          BelSurveyRate      *rate)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *count;
  gint64 students = bel_resource_get_int (rate, "students");
  gint64 responded = bel_resource_get_int (rate, "responded");
  gint64 codes = bel_resource_get_int (rate, "codes-issued");
  gint64 advisory_id = bel_resource_get_int (rate, "advisory-id");
  const char *name = bel_resource_get_string (rate, "advisory-name");
  const char *advisor = bel_resource_get_string (rate, "advisor-name");
  g_autofree char *codes_text = codes == 0 ? g_strdup (_("no codes printed yet"))
    : g_strdup_printf (ngettext ("codes printed for %" G_GINT64_FORMAT " student",
                                 "codes printed for %" G_GINT64_FORMAT " students", codes), codes);
  g_autofree char *subtitle = advisor ? g_strdup_printf ("%s · %s", advisor, codes_text) : g_strdup (codes_text);
  /* Translators: "14 of 22 answered" */
  g_autofree char *answered = g_strdup_printf (_("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " answered"),
                                               responded, students);
  g_autofree char *spoken = g_strdup_printf ("%s: %s, %s", name, answered, codes_text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), students > 0 ? (double) responded / (double) students : 0);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, answered, -1);
  count = gtk_label_new (answered);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_size_request (count, 120, -1);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  if (may_print (self, advisory_id))
    {
      GtkWidget *print = gtk_button_new_from_icon_name ("printer-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Print code slips for %s"), name);

      gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (print, "flat");
      gtk_widget_set_tooltip_text (print, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data_full (G_OBJECT (print), "advisory-id", g_memdup2 (&advisory_id, sizeof advisory_id), g_free);
      g_signal_connect (print, "clicked", G_CALLBACK (print_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (row), "advisory-id", g_memdup2 (&advisory_id, sizeof advisory_id), g_free);
  return row;
}

static void
fill (BelSurveyRatesView *self)
{
  gint64 students = 0, responded = 0;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; self->rates != NULL && i < self->rates->len; i++)
    {
      BelSurveyRate *rate = g_ptr_array_index (self->rates, i);

      students += bel_resource_get_int (rate, "students");
      responded += bel_resource_get_int (rate, "responded");
      gtk_list_box_append (self->list, rate_row (self, rate));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rates != NULL && self->rates->len > 0);
  if (self->rates == NULL || self->rates->len == 0)
    summary = g_strdup (_("No advisory of yours takes this survey."));
  else if (g_strcmp0 (self->status, "scheduled") == 0)
    summary = g_strdup_printf (_("Not open yet. %" G_GINT64_FORMAT " students will be asked; print their code "
                                 "slips before it opens."), students);
  else
    /* Translators: "280 of 400 students answered (70%)" */
    summary = g_strdup_printf (_("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " students answered (%.0f%%)"),
                               responded, students, students > 0 ? 100.0 * responded / students : 0.0);
  gtk_label_set_text (self->summary, summary);
}

/* ---- loading ---- */

static void load (BelSurveyRatesView *self);

static void
rates_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BelSurveyRatesView) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rates = bel_client_surveys_list_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rates == NULL)
    g_debug ("response rates: %s", error->message);
  else
    {
      g_clear_pointer (&self->rates, g_ptr_array_unref);
      self->rates = rates;
      fill (self);
    }
  self->loading = FALSE;
  if (self->again)
    {
      self->again = FALSE;
      load (self);
      return;
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

static void
load (BelSurveyRatesView *self)
{
  if (self->client == NULL || self->window_id == 0)
    return;
  if (self->loading)
    {
      self->again = TRUE;
      return;
    }
  set_loading (self, TRUE);
  bel_client_get_survey_rates_async (self->client, self->window_id, self->cancellable, rates_cb,
                                     g_object_ref (self));
}

void
bel_survey_rates_view_reload (BelSurveyRatesView *self)
{
  g_return_if_fail (BEL_IS_SURVEY_RATES_VIEW (self));
  load (self);
}

/* ---- live ---- */

static gboolean
reload_now (gpointer data)
{
  BelSurveyRatesView *self = data;

  self->reload_id = 0;
  load (self);
  g_signal_emit (self, signals[RESPONDED], 0, self->window_id);
  return G_SOURCE_REMOVE;
}

static void
stream_event (BelSurveyRatesView *self,
              JsonNode           *event)
{
  JsonObject *obj = event && JSON_NODE_HOLDS_OBJECT (event) ? json_node_get_object (event) : NULL;
  JsonObject *data = obj && json_object_has_member (obj, "data") ? json_object_get_object_member (obj, "data") : NULL;
  const char *type = obj ? json_object_get_string_member_with_default (obj, "type", "") : "";

  if (data == NULL || json_object_get_int_member_with_default (data, "window_id", 0) != self->window_id)
    return;
  /* answers often come in bursts (a class at once): one reload for a burst */
  if (g_str_equal (type, "survey.responded") && self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_now, self);
  else if (g_str_equal (type, "survey_window.updated"))
    g_signal_emit (self, signals[WINDOW_CHANGED], 0, self->window_id);
}

static void
live_changed (BelSurveyRatesView *self)
{
  gtk_widget_set_visible (self->live, bel_survey_rates_view_get_live (self));
}

static gboolean
poll_cb (gpointer data)
{
  BelSurveyRatesView *self = data;

  if (!bel_survey_rates_view_get_live (self))
    load (self);
  return G_SOURCE_CONTINUE;
}

static void
stop_live (BelSurveyRatesView *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stream, self);
      bel_event_stream_stop (self->stream);
      g_clear_object (&self->stream);
    }
  gtk_widget_set_visible (self->live, FALSE);
}

/* Live only while the window is open and the view is on screen. */
static void
update_live (BelSurveyRatesView *self)
{
  gboolean want = is_open (self) && gtk_widget_get_mapped (GTK_WIDGET (self)) && self->client != NULL &&
                  bel_client_get_token (self->client) != NULL;

  if (!want)
    {
      stop_live (self);
      return;
    }
  if (self->stream != NULL && bel_event_stream_get_school_id (self->stream) == self->school_id)
    return;
  stop_live (self);
  self->stream = bel_event_stream_new (bel_client_get_base_url (self->client), bel_client_get_token (self->client),
                                       self->school_id);
  bel_event_stream_set_max_backoff (self->stream, 5000);
  g_signal_connect_swapped (self->stream, "event", G_CALLBACK (stream_event), self);
  g_signal_connect_swapped (self->stream, "notify::connected", G_CALLBACK (live_changed), self);
  bel_event_stream_start (self->stream);
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
}

/* ---- the widget ---- */

void
bel_survey_rates_view_set_window (BelSurveyRatesView *self,
                                  gint64              school_id,
                                  gint64              window_id,
                                  const char         *status,
                                  GArray             *printable)
{
  gboolean same = window_id == self->window_id && g_strcmp0 (status, self->status) == 0;

  g_return_if_fail (BEL_IS_SURVEY_RATES_VIEW (self));
  g_clear_pointer (&self->printable, g_array_unref);
  self->printable = printable ? g_array_ref (printable) : NULL;
  g_free (self->status);
  self->status = g_strdup (status);
  if (same)
    {
      /* the same window shown again (another breakdown): the counts keep themselves up to date */
      fill (self);
      return;
    }
  if (self->window_id != window_id)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      set_loading (self, FALSE);
      self->again = FALSE;
      g_clear_pointer (&self->rates, g_ptr_array_unref);
    }
  self->school_id = school_id;
  self->window_id = window_id;
  fill (self);
  update_live (self);
  load (self);
}

void
bel_survey_rates_view_set_client (BelSurveyRatesView *self,
                                  BelClient          *client)
{
  g_return_if_fail (BEL_IS_SURVEY_RATES_VIEW (self));
  g_set_object (&self->client, client);
}

gboolean
bel_survey_rates_view_get_loading (BelSurveyRatesView *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_RATES_VIEW (self), FALSE);
  return self->loading;
}

gboolean
bel_survey_rates_view_get_live (BelSurveyRatesView *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_RATES_VIEW (self), FALSE);
  return self->stream != NULL && bel_event_stream_get_connected (self->stream);
}

BelSurveyRate *
bel_survey_rates_view_get_rate (BelSurveyRatesView *self,
                                gint64              advisory_id)
{
  g_return_val_if_fail (BEL_IS_SURVEY_RATES_VIEW (self), NULL);
  for (guint i = 0; self->rates != NULL && i < self->rates->len; i++)
    if (bel_resource_get_int (g_ptr_array_index (self->rates, i), "advisory-id") == advisory_id)
      return g_ptr_array_index (self->rates, i);
  return NULL;
}

GtkWidget *
bel_survey_rates_view_get_row (BelSurveyRatesView *self,
                               gint64              advisory_id)
{
  g_return_val_if_fail (BEL_IS_SURVEY_RATES_VIEW (self), NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "advisory-id") == advisory_id)
      return row;
  return NULL;
}

static void
bel_survey_rates_view_map (GtkWidget *widget)
{
  BelSurveyRatesView *self = BEL_SURVEY_RATES_VIEW (widget);

  GTK_WIDGET_CLASS (bel_survey_rates_view_parent_class)->map (widget);
  /* nothing listened while it was hidden: catch up on what came then */
  if (self->rates != NULL && is_open (self))
    load (self);
  update_live (self);
}

static void
bel_survey_rates_view_unmap (GtkWidget *widget)
{
  stop_live (BEL_SURVEY_RATES_VIEW (widget));
  GTK_WIDGET_CLASS (bel_survey_rates_view_parent_class)->unmap (widget);
}

static void
bel_survey_rates_view_dispose (GObject *object)
{
  BelSurveyRatesView *self = BEL_SURVEY_RATES_VIEW (object);

  stop_live (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->printable, g_array_unref);
  g_clear_pointer (&self->rates, g_ptr_array_unref);
  G_OBJECT_CLASS (bel_survey_rates_view_parent_class)->dispose (object);
}

static void
bel_survey_rates_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, BEL_SURVEY_RATES_VIEW (object)->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_survey_rates_view_class_init (BelSurveyRatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bel_survey_rates_view_dispose;
  object_class->get_property = bel_survey_rates_view_get_property;
  widget_class->map = bel_survey_rates_view_map;
  widget_class->unmap = bel_survey_rates_view_unmap;
  props[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
  signals[PRINT_SLIPS] = g_signal_new ("print-slips", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[RESPONDED] = g_signal_new ("responded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[WINDOW_CHANGED] = g_signal_new ("window-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bel_survey_rates_view_init (BelSurveyRatesView *self)
{
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (_("Who has answered"));

  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  self->live = gtk_label_new (_("Live"));
  gtk_widget_add_css_class (self->live, "survey-live-tag");
  gtk_widget_set_valign (self->live, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->live, _("Counts update as students answer"));
  gtk_widget_set_visible (self->live, FALSE);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), self->live);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who has answered, by advisory"), -1);
  gtk_box_append (GTK_BOX (self->box), head);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
}

GtkWidget *
bel_survey_rates_view_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_RATES_VIEW, NULL);
}
