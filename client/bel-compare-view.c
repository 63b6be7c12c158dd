/* bel-compare-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-compare-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-board-chart.h"
#include "bel-client-board.h"
#include "bel-round.h"

static const char * const figures[] = { "gained", "lost", "none_before", "none_after", NULL };

struct _BelCompareView
{
  GtkWidget      parent_instance;

  BelClient     *client;
  GPtrArray     *rounds;
  JsonNode      *comparison;
  GCancellable  *cancellable;
  GtkStringList *students;
  gboolean       updating;

  GtkWidget     *scroller;
  GtkDropDown   *from_dropdown;
  GtkDropDown   *to_dropdown;
  GtkWidget     *figure_labels[4];
  BelBoardChart *chart;
  GtkWidget     *summary;
  GtkWidget     *list_title;
};

G_DEFINE_FINAL_TYPE (BelCompareView, bel_compare_view, GTK_TYPE_WIDGET)

static JsonObject *
totals (BelCompareView *self)
{
  JsonNode *node;

  if (self->comparison == NULL)
    return NULL;
  node = json_object_get_member (json_node_get_object (self->comparison), "totals");
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gint64
bel_compare_view_get_figure (BelCompareView *self,
                             const char     *field)
{
  JsonObject *t;

  g_return_val_if_fail (BEL_IS_COMPARE_VIEW (self), -1);
  t = totals (self);
  return t && json_object_has_member (t, field) ? json_object_get_int_member (t, field) : -1;
}

static const char *
round_name (JsonObject *comparison,
            const char *which)
{
  JsonObject *round = json_object_get_object_member (comparison, which);

  return round ? json_object_get_string_member_with_default (round, "name", "") : "";
}

static void
show_comparison (BelCompareView *self)
{
  JsonObject *object = json_node_get_object (self->comparison);
  JsonObject *t = totals (self);
  JsonArray *students = json_object_get_array_member (object, "students");
  const char *from = round_name (object, "from");
  const char *to = round_name (object, "to");
  guint before[3], after[3];
  g_autofree char *title = NULL;
  guint listed = 0;

  for (guint i = 0; figures[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (t, figures[i]));
      gtk_label_set_label (GTK_LABEL (self->figure_labels[i]), text);
    }
  before[0] = json_object_get_int_member (t, "none_before");
  before[1] = json_object_get_int_member (t, "one_before");
  before[2] = json_object_get_int_member (t, "many_before");
  after[0] = json_object_get_int_member (t, "none_after");
  after[1] = json_object_get_int_member (t, "one_after");
  after[2] = json_object_get_int_member (t, "many_after");
  bel_board_chart_set_values (self->chart, from, before, to, after);
  gtk_label_set_label (GTK_LABEL (self->summary), bel_board_chart_get_summary (self->chart));

  gtk_string_list_splice (self->students, 0, g_list_model_get_n_items (G_LIST_MODEL (self->students)), NULL);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; students != NULL && i < json_array_get_length (students); i++)
      {
        JsonObject *s = json_array_get_object_element (students, i);
        const char *change = json_object_get_string_member_with_default (s, "change", "");
        gint64 b = json_object_get_int_member (s, "before");
        gint64 a = json_object_get_int_member (s, "after");
        g_autofree char *line = NULL;

        /* First who lost an adult, then who still has none. */
        if (pass == 0 && g_strcmp0 (change, "lost") == 0)
          line = g_strdup_printf (_("%s, grade %d — lost an adult: %d → %d"),
                                  json_object_get_string_member (s, "display_name"),
                                  (int) json_object_get_int_member (s, "grade"), (int) b, (int) a);
        else if (pass == 1 && a == 0 && g_strcmp0 (change, "lost") != 0)
          line = g_strdup_printf (_("%s, grade %d — still no adult"),
                                  json_object_get_string_member (s, "display_name"),
                                  (int) json_object_get_int_member (s, "grade"));
        if (line != NULL)
          {
            gtk_string_list_append (self->students, line);
            listed++;
          }
      }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student lost an adult or still has none",
                                        "%u students lost an adult or still have none", listed), listed);
  gtk_label_set_label (GTK_LABEL (self->list_title), title);
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BelCompareView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_compare_rounds_finish (BEL_CLIENT (source), result, &error);

  if (node == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (GTK_LABEL (self->summary), error->message);
      return;
    }
  g_clear_pointer (&self->comparison, json_node_unref);
  self->comparison = g_steal_pointer (&node);
  show_comparison (self);
}

static void
compare (BelCompareView *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);

  if (self->updating || self->client == NULL || self->rounds == NULL ||
      from >= self->rounds->len || to >= self->rounds->len)
    return;
  if (from == to)
    {
      gtk_label_set_label (GTK_LABEL (self->summary), _("Choose two different rounds."));
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  bel_client_compare_rounds_async (self->client, bel_resource_get_id (self->rounds->pdata[to]),
                                   bel_resource_get_id (self->rounds->pdata[from]), self->cancellable,
                                   compared_cb, self);
}

void
bel_compare_view_set_client (BelCompareView *self,
                             BelClient      *client)
{
  g_return_if_fail (BEL_IS_COMPARE_VIEW (self));
  g_set_object (&self->client, client);
}

void
bel_compare_view_set_rounds (BelCompareView *self,
                             GPtrArray      *rounds)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (BEL_IS_COMPARE_VIEW (self));
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_ptr_array_ref (rounds);
  for (guint i = 0; i < rounds->len; i++)
    gtk_string_list_append (names, bel_resource_get_string (rounds->pdata[i], "name"));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (names));
  /* Newest first: the latest round against the one before it. */
  gtk_drop_down_set_selected (self->to_dropdown, 0);
  gtk_drop_down_set_selected (self->from_dropdown, rounds->len > 1 ? 1 : 0);
  self->updating = FALSE;
  if (rounds->len > 1)
    compare (self);
  else
    gtk_label_set_label (GTK_LABEL (self->summary), _("A comparison needs two rounds."));
}

GListModel *
bel_compare_view_get_students (BelCompareView *self)
{
  return G_LIST_MODEL (self->students);
}

const char *
bel_compare_view_get_summary (BelCompareView *self)
{
  return gtk_label_get_label (GTK_LABEL (self->summary));
}

/* ---- object ---- */

static void
bel_compare_view_dispose (GObject *object)
{
  BelCompareView *self = BEL_COMPARE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, json_node_unref);
  g_clear_object (&self->students);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_compare_view_parent_class)->dispose (object);
}

static void
bel_compare_view_class_init (BelCompareViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_compare_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
figure_box (BelCompareView *self,
            guint           i,
            const char     *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new ("–");
  GtkWidget *words = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (words, "caption");
  gtk_widget_add_css_class (words, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_justify (GTK_LABEL (words), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), words);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, words, NULL, -1);
  self->figure_labels[i] = label;
  return box;
}

static void
setup_line (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_line (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
bel_compare_view_init (BelCompareView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *pickers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *figures_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *arrow = gtk_label_new ("→");
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  self->students = gtk_string_list_new (NULL);
  self->from_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->to_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Earlier round"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Later round"), -1);
  g_signal_connect_swapped (self->from_dropdown, "notify::selected", G_CALLBACK (compare), self);
  g_signal_connect_swapped (self->to_dropdown, "notify::selected", G_CALLBACK (compare), self);
  gtk_widget_set_halign (pickers, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (pickers), GTK_WIDGET (self->from_dropdown));
  gtk_box_append (GTK_BOX (pickers), arrow);
  gtk_box_append (GTK_BOX (pickers), GTK_WIDGET (self->to_dropdown));

  gtk_box_append (GTK_BOX (figures_box), figure_box (self, 0, _("gained an adult")));
  gtk_box_append (GTK_BOX (figures_box), figure_box (self, 1, _("lost an adult")));
  gtk_box_append (GTK_BOX (figures_box), figure_box (self, 2, _("had no adult before")));
  gtk_box_append (GTK_BOX (figures_box), figure_box (self, 3, _("have no adult now")));

  self->chart = BEL_BOARD_CHART (bel_board_chart_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->chart), "card");
  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_add_css_class (self->summary, "dim-label");
  self->list_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->list_title), 0);
  gtk_widget_add_css_class (self->list_title, "heading");

  g_signal_connect (factory, "setup", G_CALLBACK (setup_line), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_line), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->students)))),
                            factory);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Students who lost an adult or still have none"), -1);

  gtk_box_append (GTK_BOX (box), pickers);
  gtk_box_append (GTK_BOX (box), figures_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (box), self->summary);
  gtk_box_append (GTK_BOX (box), self->list_title);
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}
