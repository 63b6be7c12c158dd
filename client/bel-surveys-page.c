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
#include "bel-survey-dialog.h"
#include "bel-survey-export.h"
#include "bel-survey-table.h"
#include "bel-survey-trend.h"


G_DEFINE_FINAL_TYPE (BelSurveysPage, bel_surveys_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_AVAILABLE, PROP_LOADING, N_PROPS };
static GParamSpec *props[N_PROPS];
guint bel_surveys_page_signals[N_SIGNALS];

static void render (BelSurveysPage *self);

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

  self->pending += delta;
  if (was != (self->pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

static gboolean
report (BelSurveysPage *self,
        GError         *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  bel_surveys_page_busy (self, -1);
  bel_surveys_page_toast (self, error->message);
  return FALSE;
}

static void
render_table (BelSurveysPage *self,
              JsonObject     *results,
              JsonObject     *breakdown)
{
  GtkWidget *table;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->bars))) != NULL;)
    gtk_flow_box_remove (self->bars, child);
  table = bel_survey_table_build (results, breakdown, self->bars);
  if (self->table != NULL)
    gtk_frame_set_child (GTK_FRAME (self->table_frame), NULL);
  self->table = table;
  gtk_frame_set_child (GTK_FRAME (self->table_frame), self->table);
}

static void
render_trend (BelSurveysPage *self)
{
  JsonObject *trend;
  JsonArray *items, *windows;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) item_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  if (self->trend == NULL)
    return;
  trend = json_node_get_object (self->trend);
  items = json_object_get_array_member (trend, "items");
  windows = json_object_get_array_member (trend, "windows");
  for (guint w = 0; w < json_array_get_length (windows); w++)
    g_ptr_array_add (names, g_strdup (json_object_get_string_member (json_array_get_object_element (windows, w),
                                                                      "window_name")));
  g_ptr_array_add (names, NULL);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_ptr_array_add (item_names, bel_survey_item_short (item));
      for (guint w = 0; w < json_array_get_length (windows); w++)
        {
          JsonObject *overall = json_object_get_object_member (json_array_get_object_element (windows, w), "overall");
          double v = bel_survey_cell_share (overall, json_object_get_int_member (item, "id"));
          g_array_append_val (values, v);
        }
    }
  g_ptr_array_add (item_names, NULL);
  bel_survey_trend_set (self->trend_chart, (const char * const *) names->pdata,
                        (const char * const *) item_names->pdata, (double *) (gpointer) values->data);
}

static void
render (BelSurveysPage *self)
{
  JsonObject *results;
  g_autofree char *heading = NULL;
  g_autofree char *sub = NULL;

  if (self->results == NULL)
    {
      gtk_stack_set_visible_child_name (self->content, "empty");
      return;
    }
  results = json_node_get_object (self->results);
  heading = g_strdup_printf ("%s — %s", json_object_get_string_member_with_default (results, "survey_title", ""),
                             json_object_get_string_member_with_default (results, "window_name", ""));
  sub = g_strdup_printf (_("%s to %s · %s · %s · %" G_GINT64_FORMAT " answered · groups smaller than %"
                           G_GINT64_FORMAT " are hidden"),
                         json_object_get_string_member_with_default (results, "opens_on", ""),
                         json_object_get_string_member_with_default (results, "closes_on", ""),
                         json_object_get_string_member_with_default (results, "status", ""),
                         json_object_get_string_member_with_default (results, "mode", ""),
                         json_object_get_int_member_with_default (json_object_get_object_member (results, "overall"),
                                                                  "respondents", 0),
                         json_object_get_int_member_with_default (results, "min_respondents", 10));
  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->subheading, sub);
  render_table (self, results, bel_survey_results_breakdown (results, self->breakdown));
  render_trend (self);
  gtk_stack_set_visible_child_name (self->content, "results");
}

/* ---- the breakdown choice ---- */

static void
fill_breakdowns (BelSurveysPage *self)
{
  JsonArray *breakdowns = json_object_get_array_member (json_node_get_object (self->results), "breakdowns");
  guint selected = 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->breakdown_labels));

  g_ptr_array_set_size (self->breakdown_keys, 0);
  g_ptr_array_add (self->breakdown_keys, g_strdup (""));
  for (guint i = 0; i < json_array_get_length (breakdowns); i++)
    {
      JsonObject *b = json_array_get_object_element (breakdowns, i);
      const char *key = json_object_get_string_member (b, "key");

      g_ptr_array_add (self->breakdown_keys, g_strdup (key));
      if (g_strcmp0 (key, self->breakdown) == 0)
        selected = i + 1;
    }
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    g_ptr_array_add (labels, (gpointer) _("Everyone only"));
    for (guint i = 0; i < json_array_get_length (breakdowns); i++)
      g_ptr_array_add (labels, (gpointer) json_object_get_string_member (json_array_get_object_element (breakdowns, i),
                                                                         "label"));
    g_ptr_array_add (labels, NULL);
    g_signal_handlers_block_matched (self->breakdown_choice, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    gtk_string_list_splice (self->breakdown_labels, 0, n_old, (const char * const *) labels->pdata);
    gtk_drop_down_set_selected (self->breakdown_choice, selected);
    g_signal_handlers_unblock_matched (self->breakdown_choice, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  }
  g_free (self->breakdown);
  self->breakdown = g_strdup (g_ptr_array_index (self->breakdown_keys, selected));
}

static void
breakdown_chosen (BelSurveysPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->breakdown_choice);

  if (selected >= self->breakdown_keys->len)
    return;
  g_free (self->breakdown);
  self->breakdown = g_strdup (g_ptr_array_index (self->breakdown_keys, selected));
  render (self);
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
    render (self);
}

/* ---- results of a window ---- */

static void
trend_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node = bel_client_survey_json_finish (BEL_CLIENT (source), result, &error);

  if (node == NULL)
    {
      report (self, error);
      return;
    }
  g_clear_pointer (&self->trend, json_node_unref);
  self->trend = node;
  render_trend (self);
  bel_surveys_page_busy (self, -1);
}

static void
results_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node = bel_client_survey_json_finish (BEL_CLIENT (source), result, &error);

  if (node == NULL)
    {
      report (self, error);
      return;
    }
  g_clear_pointer (&self->results, json_node_unref);
  self->results = node;
  fill_breakdowns (self);
  render (self);
  bel_surveys_page_busy (self, +1);
  bel_client_get_survey_trend_async (self->client,
                                     json_object_get_int_member (json_node_get_object (node), "survey_id"),
                                     NULL, self->cancellable, trend_cb, g_object_ref (self));
  bel_surveys_page_busy (self, -1);
}

void
bel_surveys_page_select_window (BelSurveysPage *self,
                                gint64          window_id)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  self->window_id = window_id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "window-id")) == (gsize) window_id)
      {
        g_signal_handlers_block_matched (self->list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        g_signal_handlers_unblock_matched (self->list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      }
  if (window_id == 0 || self->client == NULL)
    return;
  bel_surveys_page_busy (self, +1);
  bel_client_get_survey_results_async (self->client, window_id, self->cancellable, results_cb, g_object_ref (self));
}

static void
row_selected (BelSurveysPage *self,
              GtkListBoxRow  *row)
{
  gint64 id = row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "window-id")) : 0;

  if (id != 0 && id != self->window_id)
    bel_surveys_page_select_window (self, id);
}

/* ---- the list of windows ---- */

static void
fill_list (BelSurveysPage *self)
{
  GtkWidget *child;
  gint64 pick = 0;
  gboolean still_there = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint s = 0; s < self->surveys->len; s++)
    {
      BelSurvey *survey = g_ptr_array_index (self->surveys, s);
      GPtrArray *windows = g_hash_table_lookup (self->windows, GINT_TO_POINTER ((gint) bel_resource_get_id (survey)));

      for (guint w = windows ? windows->len : 0; w > 0; w--)
        {
          BelSurveyWindow *window = g_ptr_array_index (windows, w - 1);
          GtkWidget *row = adw_action_row_new ();
          gint64 id = bel_resource_get_id (window);
          g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %" G_GINT64_FORMAT " answered"),
                                                       bel_resource_get_string (window, "name"),
                                                       bel_resource_get_string (window, "status"),
                                                       bel_resource_get_int (window, "response-count"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bel_resource_get_string (survey, "title"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (g_strcmp0 (bel_resource_get_string (window, "status"), "open") == 0)
            {
              GtkWidget *tag = gtk_label_new (_("Open"));
              gtk_widget_add_css_class (tag, "survey-open-tag");
              gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
            }
          g_object_set_data (G_OBJECT (row), "window-id", GSIZE_TO_POINTER ((gsize) id));
          gtk_list_box_append (self->list, row);
          still_there |= id == self->window_id;
          if (pick == 0 && bel_resource_get_int (window, "response-count") > 0)
            pick = id;
        }
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL)
    {
      g_clear_pointer (&self->results, json_node_unref);
      gtk_stack_set_visible_child_name (self->content, "empty");
      return;
    }
  bel_surveys_page_select_window (self, still_there ? self->window_id : pick);
}

static void
windows_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *windows = bel_client_surveys_list_finish (BEL_CLIENT (source), result, &error);
  gint64 survey_id;

  if (windows == NULL)
    {
      report (self, error);
      return;
    }
  survey_id = windows->len > 0 ? bel_resource_get_int (g_ptr_array_index (windows, 0), "survey-id") : 0;
  g_hash_table_replace (self->windows, GINT_TO_POINTER ((gint) survey_id), windows);
  bel_surveys_page_busy (self, -1);
  if (self->pending == 0)
    fill_list (self);
}

static void
surveys_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *surveys = bel_client_surveys_list_finish (BEL_CLIENT (source), result, &error);

  if (surveys == NULL)
    {
      report (self, error);
      return;
    }
  g_clear_pointer (&self->surveys, g_ptr_array_unref);
  self->surveys = surveys;
  g_hash_table_remove_all (self->windows);
  for (guint i = 0; i < surveys->len; i++)
    {
      bel_surveys_page_busy (self, +1);
      bel_client_list_survey_windows_async (self->client, bel_resource_get_id (g_ptr_array_index (surveys, i)),
                                            self->cancellable, windows_cb, g_object_ref (self));
    }
  bel_surveys_page_busy (self, -1);
  if (self->pending == 0)
    fill_list (self);
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

/* ---- who may see it, and the advisories for slips ---- */

static void
set_available (BelSurveysPage *self,
               gboolean        available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_AVAILABLE]);
}

static void me_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
advisories_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BelSurveysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *advisories = bel_client_list_advisories_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (advisories == NULL)
    {
      report (self, error);
      return;
    }
  g_clear_pointer (&self->advisories, g_ptr_array_unref);
  self->advisories = advisories;
  for (guint i = 0; i < advisories->len; i++)
    gtk_string_list_append (names, bel_resource_get_string (g_ptr_array_index (advisories, i), "name"));
  gtk_drop_down_set_model (self->advisory_choice, G_LIST_MODEL (names));
  /* then who I am: teachers see the page for their own advisory's results */
  bel_client_get_me_async (self->client, self->cancellable, me_cb, g_object_ref (self));
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
  gboolean privileged;

  if (me == NULL)
    {
      report (self, error);
      return;
    }
  role = self->school ? bel_account_role_in (me, bel_resource_get_id (self->school)) : NULL;
  privileged = bel_account_is_admin (me) || g_strcmp0 (role, "leader") == 0 ||
               g_strcmp0 (role, "counselor") == 0;
  gtk_widget_set_visible (self->new_button, privileged && g_strcmp0 (role, "counselor") != 0);
  if (privileged)
    set_available (self, TRUE);
  else
    for (guint i = 0; self->advisories != NULL && i < self->advisories->len; i++)
      if (bel_resource_get_int (g_ptr_array_index (self->advisories, i), "advisor-id") == bel_resource_get_id (me))
        set_available (self, TRUE); /* their own advisory's results */
  bel_surveys_page_busy (self, -1);
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
  g_set_object (&self->school, school);
  g_clear_pointer (&self->results, json_node_unref);
  g_clear_pointer (&self->trend, json_node_unref);
  self->window_id = 0;
  set_available (self, FALSE);
  gtk_stack_set_visible_child_name (self->content, "empty");
  if (school == NULL || self->client == NULL)
    return;
  bel_surveys_page_busy (self, +1);
  bel_client_list_advisories_async (self->client, bel_resource_get_id (school), self->cancellable,
                                    advisories_cb, g_object_ref (self));
  bel_surveys_page_reload (self);
}

/* ---- the widget ---- */

gboolean
bel_surveys_page_get_available (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), FALSE);
  return self->available;
}

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

GtkWidget *
bel_surveys_page_get_heat_table (BelSurveysPage *self)
{
  g_return_val_if_fail (BEL_IS_SURVEYS_PAGE (self), NULL);
  return self->table;
}

void
bel_surveys_page_set_client (BelSurveysPage *self,
                             BelClient      *client)
{
  g_return_if_fail (BEL_IS_SURVEYS_PAGE (self));
  g_set_object (&self->client, client);
}

static GtkWidget *
section (const char *title,
         GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

static GtkWidget *
results_view (BelSurveysPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print Code Slips…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  GtkWidget *by = gtk_label_new (_("Break down by"));

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-2");
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  self->subheading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading), "dim-label");
  gtk_label_set_xalign (self->subheading, 0);
  gtk_label_set_wrap (self->subheading, TRUE);
  self->breakdown_labels = gtk_string_list_new (NULL);
  self->breakdown_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->breakdown_labels)),
                                                             NULL));
  g_signal_connect_swapped (self->breakdown_choice, "notify::selected", G_CALLBACK (breakdown_chosen), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->breakdown_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Break down by"), -1);
  self->advisory_choice = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->advisory_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Advisory to print slips for"), -1);
  gtk_widget_set_tooltip_text (print, _("New one-time codes for the advisory's students who have not answered"));
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (bel_surveys_page_print_clicked), self);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (bel_surveys_page_export_clicked), self);
  gtk_box_append (GTK_BOX (bar), by);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->breakdown_choice));
  gtk_widget_set_hexpand (export, TRUE);
  gtk_widget_set_halign (export, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (bar), export);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->advisory_choice));
  gtk_box_append (GTK_BOX (bar), print);

  self->table_frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (self->table_frame, "survey-table-frame");
  self->bars = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->bars, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->bars, 2);
  gtk_flow_box_set_column_spacing (self->bars, 24);
  gtk_flow_box_set_homogeneous (self->bars, TRUE);
  self->trend_chart = BEL_SURVEY_TREND (bel_survey_trend_new ());

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subheading));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), section (_("Share agreeing, by group"), self->table_frame));
  gtk_box_append (GTK_BOX (box), section (_("Each question"), GTK_WIDGET (self->bars)));
  gtk_box_append (GTK_BOX (box), section (_("Over time, everyone"), GTK_WIDGET (self->trend_chart)));
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
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
  g_clear_pointer (&self->surveys, g_ptr_array_unref);
  g_clear_pointer (&self->windows, g_hash_table_unref);
  g_clear_pointer (&self->advisories, g_ptr_array_unref);
  g_clear_pointer (&self->breakdown_keys, g_ptr_array_unref);
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
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
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

  object_class->dispose = bel_surveys_page_dispose;
  object_class->get_property = bel_surveys_page_get_property;
  props[PROP_AVAILABLE] = g_param_spec_boolean ("available", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
  bel_surveys_page_signals[SLIPS_PRINTED] = g_signal_new ("slips-printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bel_surveys_page_init (BelSurveysPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *title = adw_window_title_new (_("Surveys"), _("Belonging surveys"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  load_css ();
  self->windows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->breakdown_keys = g_ptr_array_new_with_free_func (g_free);
  self->breakdown = g_strdup ("el_status");
  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-students");
  gtk_widget_set_tooltip_text (back, _("Back to students"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to students"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  self->new_button = gtk_button_new_with_mnemonic (_("_New Survey…"));
  gtk_widget_add_css_class (self->new_button, "suggested-action");
  gtk_widget_set_visible (self->new_button, FALSE);
  g_signal_connect_swapped (self->new_button, "clicked", G_CALLBACK (bel_surveys_page_new_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->new_button);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (self->box), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Survey windows"), -1);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (side, 260, -1);
  gtk_box_append (GTK_BOX (body), side);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No survey results yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Make a survey, print code slips for each advisory, and results appear here "
                                     "as students answer."));
  self->content = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->content, empty, "empty");
  gtk_stack_add_named (self->content, results_view (self), "results");
  gtk_widget_set_hexpand (GTK_WIDGET (self->content), TRUE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->content));
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (self->box), body);
}
