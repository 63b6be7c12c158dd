/* bel-profile-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-profile-search.h"

#include <glib/gi18n.h>

#include "bel-client-profiles.h"
#include "bel-profile-format.h"
#include "bel-profile-search-hit.h"

#define SEARCH_LIMIT 50

struct _BelProfileSearch
{
  AdwWindow       parent_instance;

  BelClient      *client;
  gint64          school_id;
  GListStore     *hits;
  GCancellable   *cancellable;  /* the running search */
  gboolean        loading;

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkListView    *list_view;
};

enum { OPEN_STUDENT, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelProfileSearch, bel_profile_search, ADW_TYPE_WINDOW)

static void
search_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BelProfileSearch *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = bel_client_search_profiles_finish (BEL_CLIENT (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (hits == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       hits->pdata, hits->len);
  gtk_stack_set_visible_child_name (self->stack, hits->len > 0 ? "results" : "empty");
}

static void
search_changed (BelProfileSearch *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (*q == '\0')
    {
      self->loading = FALSE;
      g_list_store_remove_all (self->hits);
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->hits)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  bel_client_search_profiles_async (self->client, self->school_id, q, SEARCH_LIMIT, NULL, self->cancellable,
                                    search_cb, self);
}

void
bel_profile_search_activate (BelProfileSearch *self,
                             guint             position)
{
  g_autoptr(BelProfileSearchHit) hit = NULL;

  g_return_if_fail (BEL_IS_PROFILE_SEARCH (self));
  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  if (hit != NULL)
    g_signal_emit (self, signals[OPEN_STUDENT], 0, bel_resource_get_int (hit, "student-id"));
}

static void
hit_activated (BelProfileSearch *self,
               guint             position)
{
  bel_profile_search_activate (self, position);
}

static void
search_activated (BelProfileSearch *self)
{
  if (!self->loading && g_list_model_get_n_items (G_LIST_MODEL (self->hits)) > 0)
    bel_profile_search_activate (self, 0);
}

/* ---- rows ---- */

static GtkWidget *
row_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_add_css_class (box, "search-hit");
  row_label (box, "heading");
  row_label (box, "snippet");
  row_label (box, "caption");
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  BelProfileSearchHit *hit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (name);
  GtkWidget *meta = gtk_widget_get_next_sibling (snippet);
  g_autofree char *markup = bel_profile_snippet_markup (bel_resource_get_string (hit, "snippet"));
  g_autofree char *year = bel_profile_format_school_year (bel_resource_get_string (hit, "school-year"));
  const char *author = bel_resource_get_string (hit, "author-name");
  /* Translators: under a search match, "Strengths · 2026–2027 · Chinedu Okafor" */
  g_autofree char *text = g_strdup_printf (_("%s · %s · %s"),
                                           bel_profile_section_title (bel_resource_get_string (hit, "section")),
                                           year, author ? author : "");

  gtk_label_set_label (GTK_LABEL (name), bel_resource_get_string (hit, "student-name"));
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_label (GTK_LABEL (meta), text);
}

/* ---- object ---- */

static void
bel_profile_search_dispose (GObject *object)
{
  BelProfileSearch *self = BEL_PROFILE_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->hits);
  G_OBJECT_CLASS (bel_profile_search_parent_class)->dispose (object);
}

static void
bel_profile_search_class_init (BelProfileSearchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_profile_search_dispose;

  signals[OPEN_STUDENT] = g_signal_new ("open-student", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-profile-search.ui");
  gtk_widget_class_bind_template_child (widget_class, BelProfileSearch, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BelProfileSearch, stack);
  gtk_widget_class_bind_template_child (widget_class, BelProfileSearch, error_page);
  gtk_widget_class_bind_template_child (widget_class, BelProfileSearch, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, hit_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bel_profile_search_init (BelProfileSearch *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bel_profile_style_ensure ();
  self->hits = g_list_store_new (BEL_TYPE_PROFILE_SEARCH_HIT);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->hits)))));
}

BelProfileSearch *
bel_profile_search_new (GtkWindow *parent,
                        BelClient *client,
                        gint64     school_id)
{
  BelProfileSearch *self;

  g_return_val_if_fail (BEL_IS_CLIENT (client), NULL);
  self = g_object_new (BEL_TYPE_PROFILE_SEARCH, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->client = g_object_ref (client);
  self->school_id = school_id;
  return self;
}

void
bel_profile_search_set_query (BelProfileSearch *self,
                              const char       *query)
{
  g_return_if_fail (BEL_IS_PROFILE_SEARCH (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  search_changed (self);
}

GListModel *
bel_profile_search_get_hits (BelProfileSearch *self)
{
  g_return_val_if_fail (BEL_IS_PROFILE_SEARCH (self), NULL);
  return G_LIST_MODEL (self->hits);
}

gboolean
bel_profile_search_get_loading (BelProfileSearch *self)
{
  g_return_val_if_fail (BEL_IS_PROFILE_SEARCH (self), FALSE);
  return self->loading;
}
