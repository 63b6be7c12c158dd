/* bel-board-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-board-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bel-advocacy-view.h"
#include "bel-advocate-dialog.h"
#include "bel-board-export.h"
#include "bel-board-print.h"
#include "bel-client-board.h"
#include "bel-compare-view.h"
#include "bel-error.h"
#include "bel-event-stream.h"
#include "bel-round-dialogs.h"
#include "bel-save-chooser.h"

struct _BelBoardPage
{
  GtkWidget       parent_instance;

  BelClient      *client;
  BelSchool      *school;
  BelBoardModel  *board;
  BelEventStream *stream;
  GPtrArray      *rounds;          /* BelRound, as in the dropdown */
  GCancellable   *cancellable;     /* rounds, board: cancelled when the school changes */
  GCancellable   *board_cancellable;
  gboolean        manager;
  gboolean        updating;
  gboolean        reload_pending;
  guint           connect_wait_id;  /* the first board waits for the live events, briefly */

  GtkWidget      *content;
  GtkDropDown    *round_dropdown;
  GtkWidget      *live_indicator;
  GtkImage       *live_icon;
  GtkLabel       *live_label;
  GtkRevealer    *closed_revealer;
  GtkLabel       *closed_label;
  AdwViewStack   *view_stack;
  BelBoardMap    *map;
  BelAdvocacyView *advocacy;
  BelCompareView *compare;
};

G_DEFINE_FINAL_TYPE (BelBoardPage, bel_board_page, GTK_TYPE_WIDGET)
#define CONNECT_WAIT_MSEC 1500

static void load_board (BelBoardPage *self);
static void load_rounds (BelBoardPage *self);

static void
toast (BelBoardPage *self,
       const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static gint64
school_id (BelBoardPage *self)
{
  return self->school ? bel_resource_get_id (self->school) : 0;
}

static gint64
my_id (BelBoardPage *self)
{
  BelAccount *account = bel_client_get_account (self->client);

  return account ? bel_resource_get_id (account) : 0;
}

static void
update_actions (BelBoardPage *self)
{
  gboolean open = self->board && bel_board_model_get_editable (self->board);
  gboolean any_open = FALSE;

  for (guint i = 0; self->rounds && i < self->rounds->len; i++)
    any_open |= g_strcmp0 (bel_resource_get_string (self->rounds->pdata[i], "status"), "open") == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new-round", self->manager && !any_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.close-round", self->manager && open);
}

/* ---- the live events ---- */

static void
update_live (BelBoardPage *self)
{
  gboolean live = bel_board_page_get_live (self);

  gtk_image_set_from_icon_name (self->live_icon, live ? "network-transmit-receive-symbolic"
                                                      : "network-wireless-offline-symbolic");
  gtk_label_set_label (self->live_label, live ? _("Live") : _("Reconnecting…"));
  gtk_widget_set_tooltip_text (self->live_indicator,
                               live ? _("Marks from everyone appear as they are made")
                                    : _("Not connected to live updates; trying again"));
  if (live)
    {
      gtk_widget_add_css_class (self->live_indicator, "live");
      gtk_widget_remove_css_class (self->live_indicator, "offline");
    }
  else
    {
      gtk_widget_add_css_class (self->live_indicator, "offline");
      gtk_widget_remove_css_class (self->live_indicator, "live");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->live_indicator), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  live ? _("Live updates connected") : _("Live updates reconnecting"), -1);
}

static void
stream_connected (BelBoardPage *self)
{
  update_live (self);
  if (!bel_event_stream_get_connected (self->stream))
    return;
  /* The first board is read once the events flow, so no mark falls between
   * them; the rounds came meanwhile (or their answer reads it). */
  if (self->connect_wait_id != 0)
    {
      g_clear_handle_id (&self->connect_wait_id, g_source_remove);
      load_board (self);
      return;
    }
  /* Until the first event the stream has no seq to resume from: whatever
   * happened while it was away comes with a fresh board. */
  if (bel_event_stream_get_last_seq (self->stream) < 0)
    load_board (self);
}

static gboolean
connect_wait_over (gpointer user_data)
{
  BelBoardPage *self = user_data;

  /* No live events yet (a proxy in the way?): show the board anyway. */
  self->connect_wait_id = 0;
  load_board (self);
  return G_SOURCE_REMOVE;
}

static void
stream_event (BelBoardPage *self,
              JsonNode     *event)
{
  if (self->board != NULL)
    bel_board_model_apply_event (self->board, event);
}

static void
student_changed (BelBoardPage    *self,
                 BelBoardStudent *student,
                 gboolean         remote)
{
  if (remote)
    bel_board_map_flash (self->map, student);
}

static void
rounds_changed (BelBoardPage *self)
{
  load_rounds (self);
}

static void
stop_stream (BelBoardPage *self)
{
  if (self->stream == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->stream, self);
  bel_event_stream_stop (self->stream);
  g_clear_object (&self->stream);
}

static void
start_stream (BelBoardPage *self)
{
  stop_stream (self);
  self->stream = bel_event_stream_new_for_client (self->client, school_id (self));
  bel_event_stream_set_max_backoff (self->stream, 5000);
  g_signal_connect_swapped (self->stream, "event", G_CALLBACK (stream_event), self);
  g_signal_connect_swapped (self->stream, "notify::connected", G_CALLBACK (stream_connected), self);
  bel_event_stream_start (self->stream);
  update_live (self);
}

gboolean
bel_board_page_get_live (BelBoardPage *self)
{
  g_return_val_if_fail (BEL_IS_BOARD_PAGE (self), FALSE);
  return self->stream != NULL && bel_event_stream_get_connected (self->stream);
}

/* ---- the board ---- */

static BelRound *
selected_round (BelBoardPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->round_dropdown);

  if (self->rounds == NULL || pos >= self->rounds->len)
    return NULL;
  return self->rounds->pdata[pos];
}

static void
update_closed_banner (BelBoardPage *self)
{
  BelRound *round = self->board ? bel_board_model_get_round (self->board) : NULL;
  const char *status = round ? bel_resource_get_string (round, "status") : NULL;
  g_autofree char *text = NULL;

  if (round != NULL && g_strcmp0 (status, "open") != 0)
    {
      text = g_strcmp0 (status, "closed") == 0
             ? g_strdup_printf (_("“%s” is closed. You are looking at an earlier map; it can't change."),
                                bel_resource_get_string (round, "name"))
             : g_strdup_printf (_("“%s” hasn't opened yet."), bel_resource_get_string (round, "name"));
      gtk_label_set_label (self->closed_label, text);
    }
  gtk_revealer_set_reveal_child (self->closed_revealer, text != NULL);
  update_actions (self);
}

static void
board_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelBoardPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_get_board_finish (BEL_CLIENT (source), result, &error);
  gint64 old_round;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->board_cancellable);
  old_round = bel_board_model_get_round_id (self->board);
  if (node == NULL || !bel_board_model_load (self->board, node, &error))
    {
      toast (self, error->message);
      return;
    }
  bel_board_map_board_loaded (self->map, old_round != bel_board_model_get_round_id (self->board));
  update_closed_banner (self);
  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      load_board (self);
    }
}

static void
load_board (BelBoardPage *self)
{
  BelRound *round = selected_round (self);

  if (round == NULL || self->client == NULL)
    return;
  if (self->board_cancellable != NULL)
    {
      /* One request at a time; the newest state wins. */
      if (bel_board_model_get_round_id (self->board) == bel_resource_get_id (round))
        {
          self->reload_pending = TRUE;
          return;
        }
      g_cancellable_cancel (self->board_cancellable);
      g_clear_object (&self->board_cancellable);
    }
  if (bel_board_model_get_round_id (self->board) != bel_resource_get_id (round))
    bel_board_map_set_loading (self->map);
  self->board_cancellable = g_cancellable_new ();
  bel_client_get_board_async (self->client, bel_resource_get_id (round), NULL, self->board_cancellable,
                              board_cb, self);
}

static void
round_selected (BelBoardPage *self)
{
  if (self->updating)
    return;
  load_board (self);
}

static void
rounds_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BelBoardPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = bel_client_list_rounds_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;
  gint64 keep;

  /* Cancelled means the school changed or the page went away: self->board may be gone. */
  if (rounds == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  keep = bel_board_model_get_round_id (self->board);
  for (guint i = 0; i < rounds->len; i++)
    {
      g_autofree char *label = bel_round_dialogs_label (rounds->pdata[i]);
      gtk_string_list_append (labels, label);
      if (bel_resource_get_id (rounds->pdata[i]) == keep)
        selected = i;
    }
  /* Without a choice yet: the open round, else the newest. */
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && i < rounds->len; i++)
    if (g_strcmp0 (bel_resource_get_string (rounds->pdata[i], "status"), "open") == 0)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION && rounds->len > 0)
    selected = 0;

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_ptr_array_ref (rounds);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->round_dropdown, selected);
  self->updating = FALSE;
  bel_compare_view_set_rounds (self->compare, rounds);
  update_actions (self);
  if (rounds->len == 0)
    {
      bel_board_model_clear (self->board);
      bel_board_map_board_loaded (self->map, TRUE);
      toast (self, _("There is no relationship map yet. A counselor or leader can start one."));
      return;
    }
  /* Still waiting for the live events: the board is read when they flow. */
  if (self->connect_wait_id == 0)
    load_board (self);
}

static void
load_rounds (BelBoardPage *self)
{
  if (self->school == NULL)
    return;
  bel_client_list_rounds_async (self->client, school_id (self), self->cancellable, rounds_cb, self);
}

gboolean
bel_board_page_select_round (BelBoardPage *self,
                             gint64        round_id)
{
  g_return_val_if_fail (BEL_IS_BOARD_PAGE (self), FALSE);
  for (guint i = 0; self->rounds && i < self->rounds->len; i++)
    if (bel_resource_get_id (self->rounds->pdata[i]) == round_id)
      {
        gtk_drop_down_set_selected (self->round_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* ---- marks ---- */

typedef struct {
  BelBoardPage    *self;
  BelBoardStudent *student;
  gint64           account_id;
  BelMarkKind      kind;
  gboolean         present;
} MarkCall;

static void
mark_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  MarkCall *call = user_data;
  g_autoptr(GError) error = NULL;

  if (!bel_client_set_mark_finish (BEL_CLIENT (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Undo the optimistic change, unless something newer replaced it. */
      if (bel_board_student_has_mark (call->student, call->kind, call->account_id) == call->present)
        bel_board_model_set_mark (call->self->board, call->student, call->kind, call->account_id, !call->present);
      toast (call->self, error->message);
    }
  g_object_unref (call->student);
  g_object_unref (call->self);
  g_free (call);
}

static void
set_mark (BelBoardPage    *self,
          BelBoardStudent *student,
          gint64           account_id,
          BelMarkKind      kind,
          gboolean         present)
{
  MarkCall *call;

  if (!bel_board_model_get_editable (self->board))
    {
      toast (self, _("This round is closed, so its marks can't change."));
      return;
    }
  if (!bel_board_model_set_mark (self->board, student, kind, account_id, present))
    return;
  bel_board_map_flash (self->map, student);
  call = g_new0 (MarkCall, 1);
  call->self = g_object_ref (self);
  call->student = g_object_ref (student);
  call->account_id = account_id;
  call->kind = kind;
  call->present = present;
  bel_client_set_mark_async (self->client, bel_board_model_get_round_id (self->board),
                             bel_board_student_get_id (student), account_id, kind, present, NULL,
                             mark_cb, call);
}

static void
toggle_mine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  BelBoardStudent *student = bel_board_model_lookup_student (self->board, g_variant_get_int64 (parameter));

  if (student != NULL)
    set_mark (self, student, my_id (self), BEL_MARK_RELATIONSHIP,
              !bel_board_student_has_mark (student, BEL_MARK_RELATIONSHIP, my_id (self)));
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  gint64 student_id, account_id;
  const char *kind_name;
  gboolean present;
  BelMarkKind kind;
  BelBoardStudent *student;

  g_variant_get (parameter, "(xx&sb)", &student_id, &account_id, &kind_name, &present);
  student = bel_board_model_lookup_student (self->board, student_id);
  if (student == NULL || !bel_mark_kind_from_string (kind_name, &kind))
    return;
  if (account_id != my_id (self) && !self->manager)
    {
      toast (self, _("Only counselors and leaders place marks for colleagues."));
      return;
    }
  set_mark (self, student, account_id, kind, present);
}

/* ---- advocates ---- */

static void
advocate_assigned (BelBoardPage *self,
                   BelAdvocate  *advocate)
{
  g_autofree char *message = g_strdup_printf (_("%s is now %s's advocate"),
                                              bel_resource_get_string (advocate, "display-name"),
                                              bel_resource_get_string (advocate, "student-name"));
  toast (self, message);
  bel_advocacy_view_reload (self->advocacy);
}

static void
assign_advocate_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  BelBoardStudent *student = bel_board_model_lookup_student (self->board, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (student == NULL)
    return;
  dialog = bel_advocate_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                    bel_board_model_get_staff (self->board), student);
  g_signal_connect_object (dialog, "assigned", G_CALLBACK (advocate_assigned), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (toast), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}


/* ---- rounds ---- */

static void
round_changed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BelBoardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) round = bel_client_round_finish (BEL_CLIENT (source), result, &error);

  if (round == NULL)
    {
      toast (self, error->message);
      return;
    }
  load_rounds (self);
}

static void
start_round (const char *name,
             gpointer    user_data)
{
  BelBoardPage *self = user_data;

  bel_board_model_clear (self->board);
  bel_client_create_round_async (self->client, school_id (self), name, self->cancellable,
                                 round_changed_cb, g_object_ref (self));
}

static void
new_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bel_round_dialogs_new_round (GTK_WINDOW (gtk_widget_get_root (widget)), start_round, widget);
}

static void
close_round (gpointer user_data)
{
  BelBoardPage *self = user_data;
  BelRound *round = self->board ? bel_board_model_get_round (self->board) : NULL;

  if (round != NULL)
    bel_client_set_round_status_async (self->client, round, "closed", self->cancellable,
                                       round_changed_cb, g_object_ref (self));
}

static void
close_round_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  BelRound *round = bel_board_model_get_round (self->board);

  if (round != NULL)
    bel_round_dialogs_close_round (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   bel_resource_get_string (round, "name"), close_round, self);
}

/* ---- print and export ---- */

static char *
print_subtitle (BelBoardPage *self)
{
  g_autofree char *view = bel_board_map_describe_view (self->map);

  return g_strdup_printf ("%s — %s", view, bel_board_map_get_headline (self->map));
}

gboolean
bel_board_page_export_pdf (BelBoardPage *self,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *subtitle = NULL;
  BelRound *round;

  g_return_val_if_fail (BEL_IS_BOARD_PAGE (self), FALSE);
  round = bel_board_model_get_round (self->board);
  subtitle = print_subtitle (self);
  return bel_board_print_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->board,
                              bel_board_map_get_shown (self->map),
                              round ? bel_resource_get_string (round, "name") : "", subtitle, path, error);
}

gboolean
bel_board_page_export_csv (BelBoardPage *self,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BEL_IS_BOARD_PAGE (self), FALSE);
  text = bel_board_export_csv (self->board, bel_board_map_get_shown (self->map));
  return g_file_set_contents (path, text, -1, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!bel_board_page_export_pdf (self, NULL, &error))
    toast (self, error->message);
}

static void
csv_chosen (GtkWidget *widget,
            GFile     *file,
            gpointer   data)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    toast (self, _("Choose a folder on this computer."));
  else if (!bel_board_page_export_csv (self, path, &error))
    toast (self, error->message);
  else
    toast (self, _("The list is saved"));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);
  BelRound *round = bel_board_model_get_round (self->board);
  g_autofree char *name = g_strdup_printf ("%s.csv", round ? bel_resource_get_string (round, "name")
                                                           : _("Relationship map"));

  bel_save_chooser_show (widget, _("Export the list"), _("_Export"), name, csv_chosen, NULL, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BelBoardPage *self = BEL_BOARD_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  bel_board_map_focus_search (self->map);
}

/* ---- public ---- */

static gboolean
is_manager (BelBoardPage *self)
{
  BelAccount *account = bel_client_get_account (self->client);
  const char *role;

  if (account == NULL || self->school == NULL)
    return FALSE;
  if (bel_account_is_admin (account))
    return TRUE;
  role = bel_account_role_in (account, school_id (self));
  return g_strcmp0 (role, "counselor") == 0 || g_strcmp0 (role, "leader") == 0;
}

void
bel_board_page_set_client (BelBoardPage *self,
                           BelClient    *client)
{
  g_return_if_fail (BEL_IS_BOARD_PAGE (self));
  g_set_object (&self->client, client);
}

void
bel_board_page_set_school (BelBoardPage *self,
                           BelSchool    *school)
{
  g_return_if_fail (BEL_IS_BOARD_PAGE (self));

  /* The same school again (the window reloads it when the connection comes back): keep the live board. */
  if (school != NULL && self->school != NULL && bel_resource_get_id (school) == school_id (self))
    {
      g_set_object (&self->school, school);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->board_cancellable)
    g_cancellable_cancel (self->board_cancellable);
  g_clear_object (&self->board_cancellable);
  self->reload_pending = FALSE;
  g_clear_handle_id (&self->connect_wait_id, g_source_remove);
  stop_stream (self);
  g_set_object (&self->school, school);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_clear_object (&self->board);
  if (school == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->manager = is_manager (self);
  self->board = bel_board_model_new (my_id (self));
  g_signal_connect_swapped (self->board, "student-changed", G_CALLBACK (student_changed), self);
  g_signal_connect_swapped (self->board, "rounds-changed", G_CALLBACK (rounds_changed), self);
  bel_board_map_set_board (self->map, self->client, self->board, self->manager);
  bel_advocacy_view_set_school (self->advocacy, self->client, school_id (self), my_id (self), self->manager);
  bel_compare_view_set_client (self->compare, self->client);
  start_stream (self);
  self->connect_wait_id = g_timeout_add (CONNECT_WAIT_MSEC, connect_wait_over, self);
  load_rounds (self);
}

void
bel_board_page_reload (BelBoardPage *self)
{
  g_return_if_fail (BEL_IS_BOARD_PAGE (self));
  if (self->school == NULL)
    return;
  if (self->stream != NULL && !bel_event_stream_get_connected (self->stream))
    {
      bel_event_stream_stop (self->stream);
      bel_event_stream_start (self->stream);
    }
  load_rounds (self);
  bel_advocacy_view_reload (self->advocacy);
}

BelBoardModel *bel_board_page_get_board (BelBoardPage *self) { return self->board; }
BelBoardMap *bel_board_page_get_map (BelBoardPage *self) { return self->map; }
gboolean bel_board_page_get_manager (BelBoardPage *self) { return self->manager; }
/* ---- object ---- */

static void
bel_board_page_dispose (GObject *object)
{
  BelBoardPage *self = BEL_BOARD_PAGE (object);

  bel_board_page_set_school (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEL_TYPE_BOARD_PAGE);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (bel_board_page_parent_class)->dispose (object);
}

static void
bel_board_page_class_init (BelBoardPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_board_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (BEL_TYPE_BOARD_MAP);
  g_type_ensure (BEL_TYPE_ADVOCACY_VIEW);
  g_type_ensure (BEL_TYPE_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/belonging/Belonging/ui/bel-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, content);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, live_indicator);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, live_icon);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, live_label);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, closed_revealer);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, closed_label);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, map);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, advocacy);
  gtk_widget_class_bind_template_child (widget_class, BelBoardPage, compare);
  gtk_widget_class_bind_template_callback (widget_class, round_selected);

  gtk_widget_class_install_action (widget_class, "board.toggle-mine", "x", toggle_mine_action);
  gtk_widget_class_install_action (widget_class, "board.mark", "(xxsb)", mark_action);
  gtk_widget_class_install_action (widget_class, "board.assign-advocate", "x", assign_advocate_action);
  gtk_widget_class_install_action (widget_class, "board.new-round", NULL, new_round_action);
  gtk_widget_class_install_action (widget_class, "board.close-round", NULL, close_round_action);
  gtk_widget_class_install_action (widget_class, "board.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "board.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "board.reload", NULL, (GtkWidgetActionActivateFunc) bel_board_page_reload);
  gtk_widget_class_install_action (widget_class, "board.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "board.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "board.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "board.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "board.reload", NULL);
}

static void
bel_board_page_init (BelBoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_live (self);
  update_actions (self);
}
