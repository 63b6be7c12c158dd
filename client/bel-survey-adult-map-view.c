/* bel-survey-adult-map-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-survey-adult-map-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-client-surveys.h"
#include "bel-format.h"

#define N_ROWS 4

struct _BelSurveyAdultMapView {
  GtkWidget     parent_instance;
  GtkWidget    *box;
  GtkWidget    *button;
  GtkLabel     *summary;
  GtkListBox   *list;
  GtkWidget    *rows[N_ROWS];
  BelClient    *client;
  GCancellable *cancellable;
  gint64        window_id;
  JsonNode     *map;
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (BelSurveyAdultMapView, bel_survey_adult_map_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *props[N_PROPS];

static void
set_loading (BelSurveyAdultMapView *self,
             gboolean               loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_widget_set_sensitive (self->button, !loading);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

static char *
student_line (JsonObject *student)
{
  g_autofree char *grade = bel_format_grade ((int) json_object_get_int_member_with_default (student, "grade", 0));
  const char *advisory = json_object_get_string_member_with_default (student, "advisory_name", NULL);

  if (advisory != NULL)
    return g_strdup_printf ("%s · %s", grade, advisory);
  return g_steal_pointer (&grade);
}

static void
add_line (AdwExpanderRow *expander,
          const char     *title,
          const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_expander_row_add_row (expander, row);
}

/* A fresh expander row at @index with @count in its title. */
static AdwExpanderRow *
expander (BelSurveyAdultMapView *self,
          guint                  index,
          const char            *title,
          const char            *subtitle,
          guint                  count)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *number = gtk_label_new (NULL);
  g_autofree char *text = g_strdup_printf ("%u", count);

  if (self->rows[index] != NULL)
    gtk_list_box_remove (self->list, self->rows[index]);
  self->rows[index] = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_label_set_text (GTK_LABEL (number), text);
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "title-4");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), number);
  gtk_list_box_append (self->list, row);
  return ADW_EXPANDER_ROW (row);
}

static void
fill_students (BelSurveyAdultMapView *self,
               JsonObject            *map,
               guint                  index,
               const char            *member,
               const char            *title,
               const char            *subtitle,
               guint                  count)
{
  JsonArray *list = json_object_get_array_member (map, member);
  AdwExpanderRow *row = expander (self, index, title, subtitle, count);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *student = json_array_get_object_element (list, i);
      g_autofree char *line = student_line (student);

      add_line (row, json_object_get_string_member (student, "student_name"), line);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (row), list != NULL && json_array_get_length (list) > 0);
}

static void
fill (BelSurveyAdultMapView *self)
{
  JsonObject *map = json_node_get_object (self->map);
  gboolean identified = json_object_get_boolean_member_with_default (map, "identified", FALSE);
  JsonArray *missed = json_object_get_array_member (map, "missed");
  JsonArray *adults = json_object_get_array_member (map, "adults");
  g_autofree char *summary = NULL;
  AdwExpanderRow *row;

  summary = g_strdup_printf (_("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " students answered. Compared with "
                               "the relationship map “%s”.%s"),
                             json_object_get_int_member_with_default (map, "respondents", 0),
                             json_object_get_int_member_with_default (map, "students", 0),
                             json_object_get_string_member_with_default (map, "round_name", ""),
                             identified ? "" : _(" This survey is anonymous: it gives counts, never names."));
  gtk_label_set_text (self->summary, summary);
  fill_students (self, map, 0, "named_nobody", _("Named no adult"),
                 _("Answered, but chose nobody they could go to"),
                 (guint) json_object_get_int_member_with_default (map, "named_nobody_count", 0));
  fill_students (self, map, 1, "unmarked", _("No adult marked them"),
                 _("Students of the survey no adult marked on the map"),
                 json_array_get_length (json_object_get_array_member (map, "unmarked")));
  row = expander (self, 2, _("Adults the map missed"), _("A student named them, but they did not mark the student"),
                  missed ? json_array_get_length (missed) : 0);
  for (guint i = 0; missed != NULL && i < json_array_get_length (missed); i++)
    {
      JsonObject *link = json_array_get_object_element (missed, i);
      /* Translators: "Grace Okafor, named by Ana Ruiz" */
      g_autofree char *title = g_strdup_printf (_("%s, named by %s"),
                                                json_object_get_string_member (link, "account_name"),
                                                json_object_get_string_member (link, "student_name"));
      g_autofree char *line = student_line (link);

      add_line (row, title, line);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (row), missed != NULL && json_array_get_length (missed) > 0);
  row = expander (self, 3, _("Adults students named"), _("How many students would go to each adult"),
                  adults ? json_array_get_length (adults) : 0);
  for (guint i = 0; adults != NULL && i < json_array_get_length (adults); i++)
    {
      JsonObject *adult = json_array_get_object_element (adults, i);
      gint64 named_by = json_object_get_int_member_with_default (adult, "named_by", 0);
      g_autofree char *line = NULL;

      if (!json_object_get_null_member (adult, "missed_by_map"))
        line = g_strdup_printf (ngettext ("named by %" G_GINT64_FORMAT " student, %" G_GINT64_FORMAT
                                          " not marked by them on the map",
                                          "named by %" G_GINT64_FORMAT " students, %" G_GINT64_FORMAT
                                          " not marked by them on the map", named_by),
                                named_by, json_object_get_int_member (adult, "missed_by_map"));
      else
        line = g_strdup_printf (ngettext ("named by %" G_GINT64_FORMAT " student",
                                          "named by %" G_GINT64_FORMAT " students", named_by), named_by);
      add_line (row, json_object_get_string_member (adult, "name"), line);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (row), adults != NULL && json_array_get_length (adults) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
  gtk_widget_set_visible (self->button, FALSE);
}

static void
map_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(BelSurveyAdultMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node = bel_client_survey_json_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (node == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  g_clear_pointer (&self->map, json_node_unref);
  self->map = node;
  fill (self);
}

void
bel_survey_adult_map_view_load (BelSurveyAdultMapView *self)
{
  g_return_if_fail (BEL_IS_SURVEY_ADULT_MAP_VIEW (self));
  if (self->client == NULL || self->window_id == 0 || self->loading)
    return;
  set_loading (self, TRUE);
  bel_client_get_survey_adult_map_async (self->client, self->window_id, self->cancellable, map_cb,
                                         g_object_ref (self));
}

void
bel_survey_adult_map_view_set_window (BelSurveyAdultMapView *self,
                                      gint64                 window_id)
{
  g_return_if_fail (BEL_IS_SURVEY_ADULT_MAP_VIEW (self));
  if (window_id == self->window_id)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, FALSE);
  self->window_id = window_id;
  g_clear_pointer (&self->map, json_node_unref);
  for (guint i = 0; i < N_ROWS; i++)
    if (self->rows[i] != NULL)
      {
        gtk_list_box_remove (self->list, self->rows[i]);
        self->rows[i] = NULL;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  gtk_widget_set_visible (self->button, TRUE);
  gtk_label_set_text (self->summary, _("Which adults students say they could go to for help, next to who marked "
                                       "them on the relationship map. Each look is recorded in the audit log."));
}

void
bel_survey_adult_map_view_set_client (BelSurveyAdultMapView *self,
                                      BelClient             *client)
{
  g_return_if_fail (BEL_IS_SURVEY_ADULT_MAP_VIEW (self));
  g_set_object (&self->client, client);
}

gboolean
bel_survey_adult_map_view_get_loading (BelSurveyAdultMapView *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_ADULT_MAP_VIEW (self), FALSE);
  return self->loading;
}

JsonObject *
bel_survey_adult_map_view_get_map (BelSurveyAdultMapView *self)
{
  g_return_val_if_fail (BEL_IS_SURVEY_ADULT_MAP_VIEW (self), NULL);
  return self->map ? json_node_get_object (self->map) : NULL;
}

GtkWidget *
bel_survey_adult_map_view_get_row (BelSurveyAdultMapView *self,
                                   guint                  index)
{
  g_return_val_if_fail (BEL_IS_SURVEY_ADULT_MAP_VIEW (self), NULL);
  g_return_val_if_fail (index < N_ROWS, NULL);
  return self->rows[index];
}

static void
bel_survey_adult_map_view_dispose (GObject *object)
{
  BelSurveyAdultMapView *self = BEL_SURVEY_ADULT_MAP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_pointer (&self->map, json_node_unref);
  G_OBJECT_CLASS (bel_survey_adult_map_view_parent_class)->dispose (object);
}

static void
bel_survey_adult_map_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, BEL_SURVEY_ADULT_MAP_VIEW (object)->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_survey_adult_map_view_class_init (BelSurveyAdultMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bel_survey_adult_map_view_dispose;
  object_class->get_property = bel_survey_adult_map_view_get_property;
  props[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bel_survey_adult_map_view_init (BelSurveyAdultMapView *self)
{
  GtkWidget *title = gtk_label_new (_("Adults students would go to"));

  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  self->button = gtk_button_new_with_mnemonic (_("_Compare With the Map"));
  gtk_widget_set_halign (self->button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->button, "pill");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (bel_survey_adult_map_view_load), self);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Adults students would go to, next to the relationship map"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  gtk_box_append (GTK_BOX (self->box), title);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self->box), self->button);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
  self->window_id = -1;
  bel_survey_adult_map_view_set_window (self, 0);
}

GtkWidget *
bel_survey_adult_map_view_new (void)
{
  return g_object_new (BEL_TYPE_SURVEY_ADULT_MAP_VIEW, NULL);
}
