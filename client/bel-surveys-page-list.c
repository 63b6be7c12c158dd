/* bel-surveys-page-list.c - the survey windows on the left of the Surveys page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-survey-target.h"
#include "bel-surveys-page-private.h"

/* "Confidential · Grade 9, Okafor advisory" */
static char *
survey_detail (BelSurvey *survey)
{
  GListModel *targets = bel_resource_get_object (survey, "targets");
  guint n = targets ? g_list_model_get_n_items (targets) : 0;
  GString *out = g_string_new (g_strcmp0 (bel_resource_get_string (survey, "mode"), "anonymous") == 0
                               ? _("Anonymous") : _("Confidential"));

  g_string_append (out, " · ");
  if (n == 0)
    g_string_append (out, _("whole school"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelSurveyTarget) target = g_list_model_get_item (targets, i);
      const char *label = bel_resource_get_string (target, "label");

      if (i > 0)
        g_string_append (out, ", ");
      if (label != NULL)
        g_string_append (out, label);
      else
        g_string_append_printf (out, "%s %" G_GINT64_FORMAT, bel_resource_get_string (target, "kind"),
                                bel_resource_get_int (target, "value"));
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
new_row (BelSurvey *survey,
         gint64     window_id)
{
  GtkWidget *row = adw_action_row_new ();

  g_object_set_data (G_OBJECT (row), "survey-id", GSIZE_TO_POINTER ((gsize) bel_resource_get_id (survey)));
  g_object_set_data (G_OBJECT (row), "window-id", GSIZE_TO_POINTER ((gsize) window_id));
  g_object_set_data_full (G_OBJECT (row), "survey-detail", survey_detail (survey), g_free);
  return row;
}

static GtkWidget *
window_row (BelSurvey       *survey,
            BelSurveyWindow *window)
{
  GtkWidget *row = new_row (survey, bel_resource_get_id (window));
  const char *status = bel_resource_get_string (window, "status");
  g_autofree char *subtitle = NULL;
  g_autofree char *spoken = NULL;

  gint64 answers = bel_resource_get_int (window, "response-count");
  g_autofree char *opens = bel_care_format_date (bel_resource_get_string (window, "opens-on"), "");
  g_autofree char *closes = bel_care_format_date (bel_resource_get_string (window, "closes-on"), "");

  if (g_strcmp0 (status, "scheduled") == 0)
    /* Translators: "Opens Mon 30 Nov" */
    subtitle = g_strdup_printf (_("Opens %s"), opens);
  else if (g_strcmp0 (status, "open") == 0)
    /* Translators: "12 answers · until 22 Jan 2027" */
    subtitle = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " answer · until %s",
                                          "%" G_GINT64_FORMAT " answers · until %s", answers), answers, closes);
  else
    /* Translators: "337 answers · ended Fri 20 Nov" */
    subtitle = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " answer · ended %s",
                                          "%" G_GINT64_FORMAT " answers · ended %s", answers), answers, closes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bel_resource_get_string (window, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (status, "closed") != 0)
    {
      g_autofree char *css = g_strdup_printf ("survey-status-%s", status);
      GtkWidget *tag = gtk_label_new (bel_surveys_page_status_label (status));

      gtk_widget_add_css_class (tag, "survey-status");
      gtk_widget_add_css_class (tag, css);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  spoken = g_strdup_printf ("%s, %s: %s, %s", bel_resource_get_string (survey, "title"),
                            bel_resource_get_string (window, "name"), bel_surveys_page_status_label (status), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

void
bel_surveys_page_fill_list (BelSurveysPage *self)
{
  GtkWidget *child;
  gint64 pick_survey = 0, pick_window = 0;
  gint64 newest_of_selected = 0;
  gboolean still_there = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint s = 0; self->surveys != NULL && s < self->surveys->len; s++)
    {
      BelSurvey *survey = g_ptr_array_index (self->surveys, s);
      gint64 survey_id = bel_resource_get_id (survey);
      GPtrArray *windows = g_hash_table_lookup (self->windows, GSIZE_TO_POINTER ((gsize) survey_id));

      if (windows == NULL)
        {
          GtkWidget *row = new_row (survey, 0);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No window yet"));
          gtk_widget_add_css_class (row, "dim-label");
          gtk_list_box_append (self->list, row);
          still_there |= self->window_id == 0 && self->survey_id == survey_id;
          continue;
        }
      /* newest window first */
      for (guint w = windows->len; w > 0; w--)
        {
          BelSurveyWindow *window = g_ptr_array_index (windows, w - 1);
          gint64 id = bel_resource_get_id (window);

          gtk_list_box_append (self->list, window_row (survey, window));
          still_there |= id == self->window_id;
          if (survey_id == self->survey_id && newest_of_selected == 0)
            newest_of_selected = id;
          if (pick_window == 0 && bel_resource_get_int (window, "response-count") > 0)
            {
              pick_survey = survey_id;
              pick_window = id;
            }
        }
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL)
    {
      g_clear_pointer (&self->results, json_node_unref);
      self->survey_id = self->window_id = 0;
      gtk_stack_set_visible_child_name (self->content, "empty");
      bel_surveys_page_update_actions (self);
      return;
    }
  if (still_there)
    bel_surveys_page_select (self, self->survey_id, self->window_id);
  else if (newest_of_selected != 0) /* a survey just made: its first window */
    bel_surveys_page_select (self, self->survey_id, newest_of_selected);
  else if (pick_window != 0)
    bel_surveys_page_select (self, pick_survey, pick_window);
  else
    {
      GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->list));
      bel_surveys_page_select (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (first), "survey-id")),
                               (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (first), "window-id")));
    }
}
