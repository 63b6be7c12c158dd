/* bel-board-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-board-map.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bel-client-board.h"
#include "bel-staff-chip.h"

struct _BelBoardMap
{
  GtkWidget           parent_instance;

  BelClient          *client;
  BelBoardModel      *board;
  gboolean            manager;
  BelBoardFilter     *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *staff_filter;
  GHashTable         *cards;          /* BelBoardStudent -> BelStudentCard (bound now) */
  GPtrArray          *grade_keys;     /* int as pointer, dropdown position - 1 */
  GPtrArray          *advisory_keys;  /* gint64 ids as strings */
  GPtrArray          *subgroup_keys;  /* strings */
  GCancellable       *subgroup_cancellable;
  char               *staff_words;
  char               *headline;
  gboolean            updating;
  guint               columns_id;     /* idle: the grid's max-columns to set */

  GtkWidget          *content;
  GtkWidget          *rail;
  GtkSearchEntry     *rail_search;
  GtkListView        *staff_list;
  GtkLabel           *headline_label;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *all_button;
  GtkToggleButton    *none_button;
  GtkToggleButton    *one_button;
  GtkToggleButton    *many_button;
  GtkDropDown        *grade_dropdown;
  GtkDropDown        *advisory_dropdown;
  GtkDropDown        *subgroup_dropdown;
  GtkStack           *grid_stack;
  GtkGridView        *grid_view;
};

G_DEFINE_FINAL_TYPE (BelBoardMap, bel_board_map, GTK_TYPE_WIDGET)

/* The narrowest a card's cell gets (board.css: a card's min-width and
 * padding, and the cell's padding), until a card on screen says. */
#define CELL_MIN_WIDTH 266
#define MAX_COLUMNS    8

static void apply_columns (BelBoardMap *self);

/* ---- counts and headline ---- */

static void
set_button (GtkToggleButton *button,
            const char      *words,
            guint            count)
{
  g_autofree char *label = g_strdup_printf ("%s  <b>%u</b>", words, count);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (!GTK_IS_LABEL (child))
    {
      child = gtk_label_new (NULL);
      gtk_button_set_child (GTK_BUTTON (button), child);
    }
  gtk_label_set_markup (GTK_LABEL (child), label);
  {
    g_autofree char *name = g_strdup_printf ("%s, %u", words, count);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

static void
update_counts (BelBoardMap *self)
{
  GListModel *students;
  guint counts[3] = { 0, 0, 0 };
  guint total = 0;
  guint n;

  if (self->board == NULL)
    return;
  students = bel_board_model_get_students (self->board);
  n = g_list_model_get_n_items (students);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelBoardStudent) student = g_list_model_get_item (students, i);

      if (!bel_board_filter_match_except_connection (self->filter, student))
        continue;
      total++;
      counts[MIN (bel_board_student_get_adult_count (student), 2)]++;
    }
  set_button (self->all_button, _("All"), total);
  set_button (self->none_button, _("No adult yet"), counts[0]);
  set_button (self->one_button, _("One adult"), counts[1]);
  set_button (self->many_button, _("Two or more"), counts[2]);

  g_free (self->headline);
  if (total == 0)
    self->headline = g_strdup (_("No students here yet"));
  else if (counts[0] == 0)
    self->headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every one of the %u student has an adult",
                                                   "Every one of the %u students has an adult", total), total);
  else
    /* Translators: "38 of 400 students have no adult yet" */
    self->headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u student has no adult yet",
                                                   "%u of %u students have no adult yet", total),
                                      counts[0], total);
  gtk_label_set_label (self->headline_label, self->headline);
}

const char *
bel_board_map_get_headline (BelBoardMap *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_MAP (self), NULL);
  return self->headline;
}

static void
update_stack (BelBoardMap *self)
{
  if (self->board == NULL || bel_board_model_get_round (self->board) == NULL)
    gtk_stack_set_visible_child_name (self->grid_stack, "loading");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0)
    gtk_stack_set_visible_child_name (self->grid_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->grid_stack, "grid");
}

/* ---- sorting: no adult yet first, then by family name ---- */

static int
compare_students (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  BelBoardStudent *x = (BelBoardStudent *) a;
  BelBoardStudent *y = (BelBoardStudent *) b;
  gboolean xnone = bel_board_student_get_adult_count (x) == 0;
  gboolean ynone = bel_board_student_get_adult_count (y) == 0;

  if (xnone != ynone)
    return xnone ? -1 : 1;
  return g_strcmp0 (bel_board_student_get_sort_name (x), bel_board_student_get_sort_name (y));
}

/* ---- filters ---- */

static void
refilter (BelBoardMap *self)
{
  /* Sorting again too: students who got their first adult move to their place now. */
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
  update_counts (self);
  update_stack (self);
}

static void
search_changed (BelBoardMap *self)
{
  bel_board_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  refilter (self);
}

static void
connection_toggled (BelBoardMap     *self,
                    GtkToggleButton *button)
{
  BelConnection connection = BEL_CONNECTION_ANY;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->none_button)
    connection = BEL_CONNECTION_NONE;
  else if (button == self->one_button)
    connection = BEL_CONNECTION_ONE;
  else if (button == self->many_button)
    connection = BEL_CONNECTION_MANY;
  bel_board_filter_set_connection (self->filter, connection);
  refilter (self);
}

void
bel_board_map_set_connection (BelBoardMap   *self,
                              BelConnection  connection)
{
  GtkToggleButton *buttons[] = { self->none_button, self->one_button, self->many_button };

  g_return_if_fail (BEL_IS_BOARD_MAP (self));
  gtk_toggle_button_set_active (connection == BEL_CONNECTION_ANY ? self->all_button : buttons[connection], TRUE);
}

static void
subgroup_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BelBoardMap *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_get_board_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GHashTable) members = NULL;
  JsonArray *students;
  const char *key;

  if (node == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Subgroup not loaded: %s", error->message);
      return;
    }
  key = g_object_get_data (G_OBJECT (self->subgroup_cancellable), "key");
  members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  students = json_object_get_array_member (json_node_get_object (node), "students");
  for (guint i = 0; students != NULL && i < json_array_get_length (students); i++)
    {
      gint64 *id = g_new (gint64, 1);
      *id = json_object_get_int_member (json_array_get_object_element (students, i), "student_id");
      g_hash_table_add (members, id);
    }
  bel_board_filter_set_subgroup (self->filter, key, members);
  refilter (self);
}

static void
apply_subgroup (BelBoardMap *self,
                const char  *key)
{
  g_autoptr(GHashTable) query = NULL;

  g_cancellable_cancel (self->subgroup_cancellable);
  g_clear_object (&self->subgroup_cancellable);
  if (key == NULL || bel_board_filter_subgroup_is_local (key))
    {
      bel_board_filter_set_subgroup (self->filter, key, NULL);
      return;
    }
  /* Plans and roster attributes aren't on the board rows: the daemon picks them. */
  bel_board_filter_set_subgroup (self->filter, key, NULL);
  self->subgroup_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self->subgroup_cancellable), "key", g_strdup (key), g_free);
  query = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (query, "subgroup", (gpointer) key);
  bel_client_get_board_async (self->client, bel_board_model_get_round_id (self->board), query,
                              self->subgroup_cancellable, subgroup_loaded, self);
}

static void
dropdowns_changed (BelBoardMap *self)
{
  guint grade = gtk_drop_down_get_selected (self->grade_dropdown);
  guint advisory = gtk_drop_down_get_selected (self->advisory_dropdown);
  guint subgroup = gtk_drop_down_get_selected (self->subgroup_dropdown);

  if (self->updating || self->board == NULL)
    return;
  bel_board_filter_set_grade (self->filter, grade > 0 && grade <= self->grade_keys->len
                              ? GPOINTER_TO_INT (self->grade_keys->pdata[grade - 1])
                              : BEL_BOARD_FILTER_ANY_GRADE);
  bel_board_filter_set_advisory (self->filter, advisory > 0 && advisory <= self->advisory_keys->len
                                 ? g_ascii_strtoll (self->advisory_keys->pdata[advisory - 1], NULL, 10)
                                 : 0);
  apply_subgroup (self, subgroup > 0 && subgroup <= self->subgroup_keys->len
                  ? self->subgroup_keys->pdata[subgroup - 1] : NULL);
  refilter (self);
}

/* Fills a dropdown from a summary group array, keeping the selection by key. */
static void
fill_dropdown (BelBoardMap *self,
               GtkDropDown *dropdown,
               GPtrArray   *keys,
               JsonArray   *groups,
               const char  *all_label,
               gboolean     as_int)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree char *old_key = NULL;
  guint new_selected = 0;

  if (selected > 0 && selected <= keys->len)
    old_key = as_int ? g_strdup_printf ("%d", GPOINTER_TO_INT (keys->pdata[selected - 1]))
                     : g_strdup (keys->pdata[selected - 1]);
  g_ptr_array_set_size (keys, 0);
  gtk_string_list_append (labels, all_label);
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);
      const char *key = json_object_get_string_member_with_default (group, "key", "");

      if (g_strcmp0 (key, "none") == 0)
        continue;
      if (as_int)
        g_ptr_array_add (keys, GINT_TO_POINTER ((int) g_ascii_strtoll (key, NULL, 10)));
      else
        g_ptr_array_add (keys, g_strdup (key));
      gtk_string_list_append (labels, json_object_get_string_member_with_default (group, "label", key));
      if (g_strcmp0 (old_key, key) == 0)
        new_selected = keys->len;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, new_selected);
}

void
bel_board_map_board_loaded (BelBoardMap *self,
                            gboolean     fresh)
{
  g_return_if_fail (BEL_IS_BOARD_MAP (self));

  self->updating = TRUE;
  fill_dropdown (self, self->grade_dropdown, self->grade_keys,
                 bel_board_model_get_groups (self->board, "by_grade"), _("All grades"), TRUE);
  fill_dropdown (self, self->advisory_dropdown, self->advisory_keys,
                 bel_board_model_get_groups (self->board, "by_advisory"), _("All advisories"), FALSE);
  fill_dropdown (self, self->subgroup_dropdown, self->subgroup_keys,
                 bel_board_model_get_groups (self->board, "by_subgroup"), _("All students"), FALSE);
  self->updating = FALSE;
  gtk_widget_set_visible (self->rail, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rail_search), self->manager);
  if (fresh)
    {
      refilter (self);
      return;
    }
  /* A refresh of the same round: cards stay where they are under the pointer. */
  update_counts (self);
  update_stack (self);
}

void
bel_board_map_set_loading (BelBoardMap *self)
{
  g_return_if_fail (BEL_IS_BOARD_MAP (self));
  gtk_stack_set_visible_child_name (self->grid_stack, "loading");
  /* before the students arrive and the grid makes their cards */
  g_clear_handle_id (&self->columns_id, g_source_remove);
  apply_columns (self);
}

/* ---- the staff rail ---- */

static gboolean
match_staff (gpointer item,
             gpointer user_data)
{
  BelBoardMap *self = user_data;

  return self->staff_words == NULL || *self->staff_words == '\0' ||
         strstr (bel_board_staff_get_search_key (item), self->staff_words) != NULL;
}

static void
rail_search_changed (BelBoardMap *self)
{
  g_autofree char *ascii = g_str_to_ascii (gtk_editable_get_text (GTK_EDITABLE (self->rail_search)), "C");

  g_free (self->staff_words);
  self->staff_words = g_strstrip (g_ascii_strdown (ascii, -1));
  gtk_filter_changed (GTK_FILTER (self->staff_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_chip (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gtk_list_item_set_child (item, bel_staff_chip_new ());
}

static void
bind_chip (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BelBoardMap              *self)
{
  bel_staff_chip_bind (BEL_STAFF_CHIP (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                       self->manager && bel_board_model_get_editable (self->board));
}

static void
unbind_chip (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  bel_staff_chip_unbind (BEL_STAFF_CHIP (gtk_list_item_get_child (item)));
}

/* ---- the cards ---- */

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gtk_list_item_set_child (item, bel_student_card_new ());
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BelBoardMap              *self)
{
  BelStudentCard *card = BEL_STUDENT_CARD (gtk_list_item_get_child (item));
  BelBoardStudent *student = gtk_list_item_get_item (item);

  bel_student_card_bind (card, self->board, student, self->manager);
  g_hash_table_insert (self->cards, student, card);
}

static void
unbind_card (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BelBoardMap              *self)
{
  BelStudentCard *card = BEL_STUDENT_CARD (gtk_list_item_get_child (item));
  BelBoardStudent *student = bel_student_card_get_student (card);

  if (student != NULL && g_hash_table_lookup (self->cards, student) == card)
    g_hash_table_remove (self->cards, student);
  bel_student_card_unbind (card);
}

BelStudentCard *
bel_board_map_get_card (BelBoardMap     *self,
                        BelBoardStudent *student)
{
  g_return_val_if_fail (BEL_IS_BOARD_MAP (self), NULL);
  return g_hash_table_lookup (self->cards, student);
}

void
bel_board_map_flash (BelBoardMap     *self,
                     BelBoardStudent *student)
{
  BelStudentCard *card;

  g_return_if_fail (BEL_IS_BOARD_MAP (self));
  update_counts (self);
  card = g_hash_table_lookup (self->cards, student);
  if (card != NULL)
    bel_student_card_flash (card);
}

static BelStudentCard *
focused_card (BelBoardMap *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus == NULL)
    return NULL;
  if (BEL_IS_STUDENT_CARD (focus))
    return BEL_STUDENT_CARD (focus);
  child = gtk_widget_get_first_child (focus);  /* the grid's item widget holds the card */
  if (child != NULL && BEL_IS_STUDENT_CARD (child))
    return BEL_STUDENT_CARD (child);
  return (BelStudentCard *) gtk_widget_get_ancestor (focus, BEL_TYPE_STUDENT_CARD);
}

static gboolean
grid_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  BelBoardMap           *self)
{
  BelStudentCard *card = focused_card (self);
  BelBoardStudent *student = card ? bel_student_card_get_student (card) : NULL;

  if (student == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) && !(state & GDK_SHIFT_MASK))
    return gtk_widget_activate_action (GTK_WIDGET (card), "board.toggle-mine", "x",
                                       bel_board_student_get_id (student));
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      bel_student_card_popup_menu (card);
      return TRUE;
    }
  if (keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add)
    {
      bel_student_card_pick_staff (card);
      return TRUE;
    }
  return FALSE;
}

static void
grid_activated (BelBoardMap *self,
                guint        position)
{
  g_autoptr(BelBoardStudent) student = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  BelStudentCard *card = student ? g_hash_table_lookup (self->cards, student) : NULL;

  /* Enter opens the card's menu: every mark and "Add a check for…". */
  if (card != NULL)
    bel_student_card_popup_menu (card);
}

void
bel_board_map_focus_student (BelBoardMap     *self,
                             BelBoardStudent *student)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  BelStudentCard *card;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BelBoardStudent) item = g_list_model_get_item (model, i);

      if (item == student)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", i);
          break;
        }
    }
  card = g_hash_table_lookup (self->cards, student);
  if (card != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
}

/* ---- public ---- */

void
bel_board_map_set_board (BelBoardMap   *self,
                         BelClient     *client,
                         BelBoardModel *board,
                         gboolean       manager)
{
  g_autoptr(GtkFilterListModel) staff = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (BEL_IS_BOARD_MAP (self));

  g_set_object (&self->client, client);
  g_set_object (&self->board, board);
  self->manager = manager;
  gtk_filter_list_model_set_model (self->filtered, bel_board_model_get_students (board));
  staff = gtk_filter_list_model_new (g_object_ref (bel_board_model_get_staff (board)),
                                     g_object_ref (GTK_FILTER (self->staff_filter)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&staff))));
  gtk_list_view_set_model (self->staff_list, selection);
  update_stack (self);
}

GListModel *
bel_board_map_get_shown (BelBoardMap *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_MAP (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

BelBoardFilter *
bel_board_map_get_filter (BelBoardMap *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_MAP (self), NULL);
  return self->filter;
}

static void
append_selected (GString     *text,
                 GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (gtk_drop_down_get_selected (dropdown) == 0 || item == NULL)
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, gtk_string_object_get_string (item));
}

char *
bel_board_map_describe_view (BelBoardMap *self)
{
  GString *text = g_string_new (NULL);
  BelConnection connection = bel_board_filter_get_connection (self->filter);
  const char *words[] = { N_("No adult yet"), N_("One adult"), N_("Two or more adults") };
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (connection != BEL_CONNECTION_ANY)
    g_string_append (text, _(words[connection]));
  append_selected (text, self->grade_dropdown);
  append_selected (text, self->advisory_dropdown);
  append_selected (text, self->subgroup_dropdown);
  if (search != NULL && *search != '\0')
    g_string_append_printf (text, "%s“%s”", text->len > 0 ? " · " : "", search);
  if (text->len == 0)
    g_string_append (text, _("Every student"));
  return g_string_free (text, FALSE);
}

void
bel_board_map_focus_search (BelBoardMap *self)
{
  g_return_if_fail (BEL_IS_BOARD_MAP (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- columns ---- */

/* GtkGridView keeps max-columns × 30 cards alive, however few fit, and makes
 * them as soon as the students arrive: with max-columns at what fits, a
 * board shows its first screen building a half or a third as many cards. */
static guint
columns_that_fit (BelBoardMap *self)
{
  GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->grid_view));
  GtkBorder padding;
  int width, cell_width = CELL_MIN_WIDTH;

  gtk_style_context_get_padding (gtk_widget_get_style_context (GTK_WIDGET (self->grid_view)), &padding);
  width = gtk_widget_get_width (GTK_WIDGET (self->grid_stack)) - padding.left - padding.right;
  if (cell != NULL && gtk_widget_get_visible (cell))
    gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &cell_width, NULL, NULL, NULL);
  return CLAMP (width / MAX (cell_width, 1), 1, MAX_COLUMNS);
}

static void
apply_columns (BelBoardMap *self)
{
  if (gtk_widget_get_width (GTK_WIDGET (self->grid_stack)) > 0)
    gtk_grid_view_set_max_columns (self->grid_view, columns_that_fit (self));
}

static gboolean
apply_columns_idle (gpointer user_data)
{
  BelBoardMap *self = user_data;

  self->columns_id = 0;
  apply_columns (self);
  return G_SOURCE_REMOVE;
}

/* The grid's width changed (its page size): set the columns when it is laid out. */
static void
width_changed (BelBoardMap *self)
{
  if (self->columns_id == 0 && columns_that_fit (self) != gtk_grid_view_get_max_columns (self->grid_view))
    self->columns_id = g_idle_add (apply_columns_idle, self);
}

/* ---- object ---- */

static void
bel_board_map_dispose (GObject *object)
{
  BelBoardMap *self = BEL_BOARD_MAP (object);

  g_cancellable_cancel (self->subgroup_cancellable);
  g_clear_object (&self->subgroup_cancellable);
  g_clear_handle_id (&self->columns_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_BOARD_MAP);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->staff_filter);
  g_clear_object (&self->board);
  g_clear_object (&self->client);
  g_clear_pointer (&self->grade_keys, g_ptr_array_unref);
  g_clear_pointer (&self->advisory_keys, g_ptr_array_unref);
  g_clear_pointer (&self->subgroup_keys, g_ptr_array_unref);
  g_clear_pointer (&self->staff_words, g_free);
  g_clear_pointer (&self->headline, g_free);
  G_OBJECT_CLASS (bel_board_map_parent_class)->dispose (object);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/app/belonging/Belonging/board.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
bel_board_map_class_init (BelBoardMapClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_board_map_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-board-map.ui");
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, content);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, rail);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, rail_search);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, staff_list);
  gtk_widget_class_bind_template_child_full (widget_class, "headline", FALSE,
                                             G_STRUCT_OFFSET (BelBoardMap, headline_label));
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, all_button);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, none_button);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, one_button);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, many_button);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, advisory_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, subgroup_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, BelBoardMap, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, rail_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, connection_toggled);
  gtk_widget_class_bind_template_callback (widget_class, dropdowns_changed);
}

static void
bel_board_map_init (BelBoardMap *self)
{
  GtkListItemFactory *cards = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *chips = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new (NULL, NULL);
  self->grade_keys = g_ptr_array_new ();
  self->advisory_keys = g_ptr_array_new_with_free_func (g_free);
  self->subgroup_keys = g_ptr_array_new_with_free_func (g_free);

  self->filter = bel_board_filter_new ();
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          GTK_SORTER (gtk_custom_sorter_new (compare_students, NULL, NULL)));
  g_signal_connect (cards, "setup", G_CALLBACK (setup_card), self);
  g_signal_connect (cards, "bind", G_CALLBACK (bind_card), self);
  g_signal_connect (cards, "unbind", G_CALLBACK (unbind_card), self);
  gtk_grid_view_set_factory (self->grid_view, cards);
  g_object_unref (cards);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_grid_view_set_model (self->grid_view, selection);
  g_signal_connect_swapped (self->grid_view, "activate", G_CALLBACK (grid_activated), self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)), "notify::page-size",
                           G_CALLBACK (width_changed), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (grid_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_view), keys);

  self->staff_filter = gtk_custom_filter_new (match_staff, self, NULL);
  g_signal_connect (chips, "setup", G_CALLBACK (setup_chip), NULL);
  g_signal_connect (chips, "bind", G_CALLBACK (bind_chip), self);
  g_signal_connect (chips, "unbind", G_CALLBACK (unbind_chip), NULL);
  gtk_list_view_set_factory (self->staff_list, chips);
  g_object_unref (chips);
}
