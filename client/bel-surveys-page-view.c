/* bel-surveys-page-view.c - the widgets of the Surveys page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-surveys-page-private.h"

#include "bel-care-format.h"
#include "bel-date-row.h"
#include "bel-survey-export.h"
#include "bel-survey-table.h"

/* ---- showing the results ---- */

static void
render_table (BelSurveysPage *self,
              JsonObject     *results,
              JsonObject     *breakdown)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->bars))) != NULL;)
    gtk_flow_box_remove (self->bars, child);
  if (self->table != NULL)
    gtk_frame_set_child (GTK_FRAME (self->table_frame), NULL);
  self->table = bel_survey_table_build (results, breakdown, self->bars);
  gtk_frame_set_child (GTK_FRAME (self->table_frame), self->table);
  /* "Each question" has nothing to show while everyone is hidden */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->bars)),
                          gtk_widget_get_first_child (GTK_WIDGET (self->bars)) != NULL);
}

static gint64
trend_item (BelSurveysPage *self)
{
  guint i = gtk_drop_down_get_selected (self->trend_item);

  return i < self->item_ids->len ? g_array_index (self->item_ids, gint64, i) : 0;
}

void
bel_surveys_page_render_trend (BelSurveysPage *self)
{
  JsonObject *b = self->results ? bel_survey_results_breakdown (json_node_get_object (self->results),
                                                                self->breakdown) : NULL;
  gboolean by_group = b != NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->trend_item), by_group);
  if (by_group && b != NULL)
    /* Translators: "Over time: English learner status" */
    title = g_strdup_printf (_("Over time: %s"), json_object_get_string_member_with_default (b, "label", ""));
  gtk_label_set_text (self->trend_title, title ? title : _("Over time, everyone"));
  if (self->trend != NULL)
    bel_survey_trend_show (self->trend_chart, json_node_get_object (self->trend), by_group ? trend_item (self) : 0);
}

void
bel_surveys_page_fill_items (BelSurveysPage *self,
            JsonObject     *results)
{
  JsonArray *items = json_object_get_array_member (results, "items");
  gint64 was = trend_item (self);
  guint selected = 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->item_ids, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 id = json_object_get_int_member (item, "id");

      g_array_append_val (self->item_ids, id);
      /* the short name (as over the table's column): a whole question would widen the page */
      g_ptr_array_add (labels, bel_survey_item_short (item));
      if (id == was)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);
  g_signal_handlers_block_matched (self->trend_item, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->trend_item_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->trend_item_labels)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->trend_item, selected);
  g_signal_handlers_unblock_matched (self->trend_item, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
render_window (BelSurveysPage *self)
{
  BelSurveyWindow *window = bel_surveys_page_find_window (self, self->window_id);
  BelSurvey *survey = bel_surveys_page_find_survey (self, self->survey_id);
  const char *status = window ? bel_resource_get_string (window, "status") : "closed";
  g_autofree char *today = bel_date_from_today (0);
  g_autofree char *hint = NULL;
  g_autofree char *opens = window ? bel_care_format_date (bel_resource_get_string (window, "opens-on"), "") : NULL;
  g_autofree char *closes = window ? bel_care_format_date (bel_resource_get_string (window, "closes-on"), "") : NULL;

  gtk_label_set_text (self->status_tag, bel_surveys_page_status_label (status));
  for (const char * const *s = (const char * const[]) { "open", "scheduled", "closed", NULL }; *s; s++)
    {
      g_autofree char *css = g_strdup_printf ("survey-status-%s", *s);
      if (g_strcmp0 (status, *s) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_tag), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_tag), css);
    }
  if (window != NULL && g_strcmp0 (status, "scheduled") == 0)
    hint = g_strdup_printf (g_strcmp0 (bel_resource_get_string (window, "opens-on"), today) <= 0
                            ? _("Planned to open on %s: students can answer once it is opened.")
                            : _("Planned to open on %s, when a leader opens it. Print the code slips before then."),
                            opens);
  else if (window != NULL && g_strcmp0 (status, "open") == 0)
    hint = g_strdup_printf (_("Students answer at %s/survey with the code on their slip, until %s."),
                            bel_client_get_base_url (self->client), closes);
  gtk_label_set_text (self->hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint), hint != NULL);
  bel_survey_rates_view_set_window (self->rates, self->school ? bel_resource_get_id (self->school) : 0,
                                    self->window_id, status, self->printable);
  bel_surveys_page_place_rates (self, g_strcmp0 (status, "closed") != 0);
  bel_survey_adult_map_view_set_window (self->adult_map, self->window_id);
  gtk_widget_set_visible (GTK_WIDGET (self->adult_map),
                          self->privileged && survey != NULL && bel_resource_get_bool (survey, "ask-adults"));
  bel_surveys_page_update_actions (self);
}

void
bel_surveys_page_render (BelSurveysPage *self)
{
  JsonObject *results;
  g_autofree char *heading = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  const char *mode;
  g_autofree char *count = NULL;
  JsonObject *overall;
  gint64 answered;
  gint64 min;

  if (self->results == NULL)
    return;
  results = json_node_get_object (self->results);
  mode = json_object_get_string_member_with_default (results, "mode", "");
  opens = bel_care_format_date (json_object_get_string_member_with_default (results, "opens_on", NULL), "");
  closes = bel_care_format_date (json_object_get_string_member_with_default (results, "closes_on", NULL), "");
  heading = g_strdup_printf ("%s — %s", json_object_get_string_member_with_default (results, "survey_title", ""),
                             json_object_get_string_member_with_default (results, "window_name", ""));
  /* a suppressed everyone (1 .. min-1 answered) has no count: still some answers */
  overall = json_object_get_object_member (results, "overall");
  answered = json_object_get_boolean_member_with_default (overall, "suppressed", FALSE)
             ? -1 : json_object_get_int_member_with_default (overall, "respondents", 0);
  min = json_object_get_int_member_with_default (results, "min_respondents", 10);
  count = answered >= 0 ? g_strdup_printf (_("%" G_GINT64_FORMAT " answered"), answered)
                        : g_strdup_printf (_("fewer than %" G_GINT64_FORMAT " answered"), min);
  /* Translators: "Mon 9 Nov to Fri 20 Nov · Confidential · 337 answered · groups smaller than 10 are hidden" */
  sub = g_strdup_printf (_("%s to %s · %s · %s · groups smaller than %" G_GINT64_FORMAT " are hidden"),
                         opens, closes,
                         g_strcmp0 (mode, "anonymous") == 0 ? _("Anonymous") : _("Confidential"),
                         count, min);
  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->subheading, sub);
  gtk_widget_set_visible (self->findings, answered != 0);
  gtk_widget_set_visible (self->waiting, answered == 0);
  render_table (self, results, bel_survey_results_breakdown (results, self->breakdown));
  bel_surveys_page_render_trend (self);
  /* before render_window(): the actions it updates depend on the results being shown */
  gtk_stack_set_visible_child_name (self->content, "results");
  render_window (self);
}

/* ---- the widgets ---- */

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
action_button (const char *mnemonic,
               const char *action,
               const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

/* Title, status, dates; what the window asks of a leader. */
static GtkWidget *
heading_block (BelSurveysPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-2");
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  self->status_tag = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_tag), "survey-status");
  gtk_widget_set_valign (GTK_WIDGET (self->status_tag), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (title), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (title), GTK_WIDGET (self->status_tag));
  self->subheading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading), "dim-label");
  gtk_label_set_xalign (self->subheading, 0);
  gtk_label_set_wrap (self->subheading, TRUE);
  self->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hint, 0);
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_label_set_selectable (self->hint, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->subheading));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->hint));
  gtk_widget_set_hexpand (text, TRUE);

  self->open_button = action_button (_("_Open Now"), "surveys.open-window", "suggested-action");
  gtk_widget_set_tooltip_text (self->open_button, _("Students can answer with their codes from now on"));
  self->close_button = action_button (_("_Close Window…"), "surveys.close-window", "destructive-action");
  gtk_widget_set_tooltip_text (self->close_button, _("No more answers; a closed window never reopens"));
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), self->open_button);
  gtk_box_append (GTK_BOX (row), self->close_button);
  return row;
}

static GtkWidget *
table_section (BelSurveysPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (_("Share agreeing, by group"));
  GtkWidget *by = gtk_label_new_with_mnemonic (_("_Break down by"));
  GtkWidget *export = action_button (_("_Export CSV…"), "surveys.export-csv", NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_set_hexpand (title, TRUE);
  self->breakdown_labels = gtk_string_list_new (NULL);
  self->breakdown_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->breakdown_labels)),
                                                             NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (by), GTK_WIDGET (self->breakdown_choice));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->breakdown_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Break down by"), -1);
  gtk_widget_set_tooltip_text (export, _("The table as shown, hidden groups without numbers"));
  gtk_box_append (GTK_BOX (bar), title);
  gtk_box_append (GTK_BOX (bar), by);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->breakdown_choice));
  gtk_box_append (GTK_BOX (bar), export);
  self->table_frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (self->table_frame, "survey-table-frame");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), self->table_frame);
  return box;
}

static GtkWidget *
trend_section (BelSurveysPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->trend_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->trend_title, 0);
  gtk_label_set_wrap (self->trend_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->trend_title), "title-4");
  gtk_widget_set_hexpand (GTK_WIDGET (self->trend_title), TRUE);
  self->trend_item_labels = gtk_string_list_new (NULL);
  self->trend_item = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->trend_item_labels)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trend_item), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Question shown over time"), -1);
  self->trend_chart = BEL_SURVEY_TREND (bel_survey_trend_new ());
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->trend_title));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->trend_item));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->trend_chart));
  return box;
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static GtkWidget *
results_view (BelSurveysPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->results_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  self->bars = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->bars, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->bars, 2);
  gtk_flow_box_set_column_spacing (self->bars, 24);
  gtk_flow_box_set_homogeneous (self->bars, TRUE);
  self->rates = BEL_SURVEY_RATES_VIEW (bel_survey_rates_view_new ());
  self->rates_section = GTK_WIDGET (self->rates);
  self->adult_map = BEL_SURVEY_ADULT_MAP_VIEW (bel_survey_adult_map_view_new ());

  self->findings = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (self->findings), table_section (self));
  gtk_box_append (GTK_BOX (self->findings), section (_("Each question"), GTK_WIDGET (self->bars)));
  gtk_box_append (GTK_BOX (self->findings), trend_section (self));
  self->waiting = status_page ("document-edit-symbolic", _("No answers yet"),
                               _("Results appear here as students answer. Groups too small to hide a student "
                                 "stay hidden."));
  gtk_widget_add_css_class (self->waiting, "compact");
  gtk_box_append (GTK_BOX (self->results_box), heading_block (self));
  gtk_box_append (GTK_BOX (self->results_box), self->rates_section);
  gtk_box_append (GTK_BOX (self->results_box), self->waiting);
  gtk_box_append (GTK_BOX (self->results_box), self->findings);
  gtk_box_append (GTK_BOX (self->results_box), GTK_WIDGET (self->adult_map));
  gtk_widget_set_margin_start (self->results_box, 24);
  gtk_widget_set_margin_end (self->results_box, 24);
  gtk_widget_set_margin_top (self->results_box, 18);
  gtk_widget_set_margin_bottom (self->results_box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->results_box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
}

void
bel_surveys_page_place_rates (BelSurveysPage *self,
                              gboolean        first)
{
  GtkWidget *after = first ? gtk_widget_get_first_child (self->results_box)
                           : gtk_widget_get_prev_sibling (GTK_WIDGET (self->adult_map));

  if (after != self->rates_section)
    gtk_box_reorder_child_after (GTK_BOX (self->results_box), self->rates_section, after);
}

static GtkWidget *
header_bar (BelSurveysPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *title = adw_window_title_new (_("Surveys"), _("Belonging surveys"));
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-students");
  gtk_widget_set_tooltip_text (back, _("Back to students"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to students"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  g_menu_append (menu, _("_Schedule a Window…"), "surveys.schedule-window");
  g_menu_append (menu, _("Survey _Settings…"), "surveys.settings");
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->menu_button, _("Survey menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Survey menu"), -1);
  gtk_widget_set_visible (self->menu_button, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->menu_button);
  self->new_button = action_button (_("_New Survey…"), "surveys.new", "suggested-action");
  gtk_widget_set_visible (self->new_button, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->new_button);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  return header;
}

/* A survey's name over its windows in the list. */
static void
list_header (GtkListBoxRow  *row,
             GtkListBoxRow  *before,
             BelSurveysPage *self)
{
  gsize id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "survey-id"));
  BelSurvey *survey;
  GtkWidget *box, *title, *detail;

  if (before != NULL && GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (before), "survey-id")) == id)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  survey = bel_surveys_page_find_survey (self, (gint64) id);
  if (survey == NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  title = gtk_label_new (bel_resource_get_string (survey, "title"));
  detail = gtk_label_new (g_object_get_data (G_OBJECT (row), "survey-detail"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_add_css_class (box, "survey-list-header");
  gtk_list_box_row_set_header (row, box);
}

static void
row_selected (BelSurveysPage *self,
              GtkListBoxRow  *row)
{
  gint64 survey = row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "survey-id")) : 0;
  gint64 window = row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "window-id")) : 0;

  if (row != NULL && (survey != self->survey_id || window != self->window_id))
    bel_surveys_page_select (self, survey, window);
}

void
bel_surveys_page_build (BelSurveysPage *self)
{
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *no_window = status_page ("x-office-calendar-symbolic", NULL,
                                      _("Schedule a window to give this survey to students: print their code slips, "
                                        "open it, and results appear here as they answer."));
  GtkWidget *schedule = action_button (_("_Schedule a Window…"), "surveys.schedule-window", "suggested-action");

  gtk_box_append (GTK_BOX (self->box), header_bar (self));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Survey windows"), -1);
  gtk_list_box_set_header_func (self->list, (GtkListBoxUpdateHeaderFunc) list_header, self, NULL);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (side, 280, -1);
  gtk_box_append (GTK_BOX (body), side);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  self->no_window = ADW_STATUS_PAGE (no_window);
  gtk_widget_set_halign (schedule, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (schedule, "pill");
  adw_status_page_set_child (self->no_window, schedule);
  self->content = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->content, status_page ("x-office-document-symbolic", _("No surveys yet"),
                                                   _("Leaders make a survey with “New Survey”, print code slips for "
                                                     "each advisory, and results appear here as students answer.")),
                       "empty");
  gtk_stack_add_named (self->content, no_window, "no-window");
  gtk_stack_add_named (self->content, results_view (self), "results");
  gtk_widget_set_hexpand (GTK_WIDGET (self->content), TRUE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->content));
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (self->box), body);
}
