/* bel-checkins-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-checkins-page.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-checkin-dialog.h"
#include "bel-client-board.h"
#include "bel-client-checkins.h"
#include "bel-contact-dialog.h"
#include "bel-error.h"

struct _BelCheckinsPage
{
  GtkWidget           parent_instance;

  BelClient          *client;
  BelSchool          *school;
  BelCheckinSettings *settings;
  GCancellable       *cancellable;
  guint               pending;
  BelCareDialog      *dialog;   /* weak */

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *title;
  GtkToggleButton    *everyone;
  GtkWidget          *spinner;
  GtkWidget          *stats;
  GtkLabel           *stat_numbers[4];
  GtkListBox         *due_list;
  GtkListBox         *missed_list;
  GtkWidget          *missed_section;
  GtkListBox         *family_list;
  GtkListBox         *advocacy_list;
  GtkWidget          *advocacy_section;
  GtkLabel           *family_subtitle;
};

G_DEFINE_FINAL_TYPE (BelCheckinsPage, bel_checkins_page, GTK_TYPE_WIDGET)

enum { STAT_MISSED, STAT_OVERDUE, STAT_DUE, STAT_FAMILIES };

/* One student's duties, merged over the school's rules */
typedef struct {
  gint64      student_id;
  char       *name;
  char       *advisory;
  char       *kind;        /* the kind the most pressing rule asks for */
  char       *rule;
  char       *due_on;
  char       *last_on;
  int         level;       /* 0 ok, 1 due, 2 overdue */
  gint64      missed;
} Student;

static void
student_free (Student *s)
{
  g_free (s->name);
  g_free (s->advisory);
  g_free (s->kind);
  g_free (s->rule);
  g_free (s->due_on);
  g_free (s->last_on);
  g_free (s);
}

static int
duty_level (const char *state)
{
  if (g_strcmp0 (state, "overdue") == 0)
    return 2;
  if (g_strcmp0 (state, "due") == 0)
    return 1;
  return 0;
}

static int
compare_students (gconstpointer a, gconstpointer b)
{
  const Student *x = *(Student **) a, *y = *(Student **) b;

  if ((x->missed > 0) != (y->missed > 0))
    return x->missed > 0 ? -1 : 1;
  if (x->level != y->level)
    return y->level - x->level;
  if (x->missed != y->missed)
    return y->missed > x->missed ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static gint64
my_account_id (BelCheckinsPage *self)
{
  BelAccount *account = self->client != NULL ? bel_client_get_account (self->client) : NULL;

  return account != NULL ? bel_resource_get_id (account) : 0;
}

static gboolean
only_mine (BelCheckinsPage *self)
{
  return !gtk_toggle_button_get_active (self->everyone);
}

static void
set_pending (BelCheckinsPage *self, int delta)
{
  self->pending += delta;
  gtk_widget_set_visible (self->spinner, self->pending > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->pending > 0);
}

static void
set_stat (BelCheckinsPage *self, guint which, guint value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_text (self->stat_numbers[which], text);
}

static void
report (BelCheckinsPage *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* ---- dialogs ---- */

static void
dialog_saved (BelCheckinsPage *self,
              GObject         *resource)
{
  g_autofree char *message = NULL;
  const char *name = bel_resource_get_string (resource, "student-name");

  if (BEL_IS_CHECKIN (resource))
    message = g_strdup_printf (_("Check-in with %s logged"), name != NULL ? name : _("the student"));
  else
    message = g_strdup_printf (_("Contact with %s's family logged"), name != NULL ? name : _("the student"));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  bel_checkins_page_reload (self);
}

static void
present_dialog (BelCheckinsPage *self,
                BelCareDialog   *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
checkin_clicked (GtkButton       *button,
                 BelCheckinsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));

  present_dialog (self, bel_checkin_dialog_new (GTK_WIDGET (self), self->client, self->settings, student_id,
                                                g_object_get_data (G_OBJECT (row), "student-name"),
                                                g_object_get_data (G_OBJECT (row), "kind")));
}

static void
call_clicked (GtkButton       *button,
              BelCheckinsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "student-id"));

  present_dialog (self, bel_contact_dialog_new (GTK_WIDGET (self), self->client, student_id,
                                                g_object_get_data (G_OBJECT (row), "student-name"),
                                                g_object_get_data (G_OBJECT (row), "language"), TRUE));
}

/* ---- rows ---- */

static GtkWidget *
student_row (BelCheckinsPage *self,
             gint64           student_id,
             const char      *name,
             const char      *subtitle,
             const char      *button_label,
             GCallback        clicked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "student-id", GSIZE_TO_POINTER ((gsize) student_id));
  g_object_set_data_full (G_OBJECT (row), "student-name", g_strdup (name), g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (row), "action-button", button);
  g_signal_connect (button, "clicked", clicked, self);
  return row;
}

/* The button comes last, after the chips */
static GtkWidget *
finish_row (GtkWidget *row)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_get_data (G_OBJECT (row), "action-button"));
  return row;
}

static char *
duty_subtitle (Student *s, gboolean with_due)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *last = bel_care_format_date (s->last_on, NULL);
  g_autofree char *due = bel_care_format_date (s->due_on, NULL);

  if (s->advisory != NULL)
    g_string_append (text, s->advisory);
  if (text->len > 0)
    g_string_append (text, " · ");
  if (last != NULL)
    g_string_append_printf (text, _("last check-in %s"), last);
  else
    g_string_append (text, _("no check-in yet"));
  if (with_due && due != NULL)
    g_string_append_printf (text, s->level == 2 ? _(" · was due %s") : _(" · due by %s"), due);
  if (s->missed > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (NULL, "missed %" G_GINT64_FORMAT " period in the last 8 weeks",
                                                 "missed %" G_GINT64_FORMAT " periods in the last 8 weeks",
                                                 (gulong) s->missed), s->missed);
    }
  return g_markup_escape_text (text->str, -1);
}

static GtkWidget *
duty_row (BelCheckinsPage *self, Student *s, gboolean due_list)
{
  g_autofree char *subtitle = duty_subtitle (s, due_list);
  GtkWidget *row = student_row (self, s->student_id, s->name, subtitle, _("_Check In"), G_CALLBACK (checkin_clicked));
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (s->kind), g_free);
  gtk_widget_set_valign (chips, GTK_ALIGN_CENTER);
  if (s->missed > 0)
    {
      g_autofree char *missed = g_strdup_printf (_("Missed %" G_GINT64_FORMAT), s->missed);

      gtk_box_append (GTK_BOX (chips), bel_care_chip_new (missed, "missed"));
      if (due_list)
        gtk_widget_add_css_class (row, "care-missed-row");
    }
  if (s->level == 2)
    gtk_box_append (GTK_BOX (chips), bel_care_chip_new (_("Overdue"), "overdue"));
  else if (s->level == 1)
    gtk_box_append (GTK_BOX (chips), bel_care_chip_new (_("Due"), "due"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chips);
  if (due_list && s->missed > 0)
    gtk_widget_add_css_class (g_object_get_data (G_OBJECT (row), "action-button"), "suggested-action");
  return finish_row (row);
}

/* ---- loading ---- */

static void
duties_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BelCheckinsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) duties = bel_client_care_list_finish (BEL_CLIENT (source), result, &error);
  g_autoptr(GHashTable) by_student = NULL;
  g_autoptr(GPtrArray) students = NULL;
  guint n_missed = 0, n_overdue = 0, n_due = 0, n_missed_rows = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (duties == NULL)
    {
      report (self, error);
      return;
    }

  by_student = g_hash_table_new (g_int64_hash, g_int64_equal);
  students = g_ptr_array_new_with_free_func ((GDestroyNotify) student_free);
  for (guint i = 0; i < duties->len; i++)
    {
      gpointer duty = duties->pdata[i];
      gint64 id = bel_resource_get_int (duty, "student-id");
      Student *s = g_hash_table_lookup (by_student, &id);
      int level = duty_level (bel_resource_get_string (duty, "state"));
      const char *last = bel_resource_get_string (duty, "last-checkin-on");

      if (s == NULL)
        {
          s = g_new0 (Student, 1);
          s->student_id = id;
          s->name = g_strdup (bel_resource_get_string (duty, "student-name"));
          s->advisory = g_strdup (bel_resource_get_string (duty, "advisory-name"));
          s->level = -1;
          g_ptr_array_add (students, s);
          g_hash_table_insert (by_student, &s->student_id, s);
        }
      s->missed += bel_resource_get_int (duty, "missed-count");
      if (last != NULL && g_strcmp0 (last, s->last_on) > 0)
        {
          g_free (s->last_on);
          s->last_on = g_strdup (last);
        }
      if (level > s->level)
        {
          s->level = level;
          g_free (s->kind);
          g_free (s->rule);
          g_free (s->due_on);
          s->kind = g_strdup (bel_resource_get_string (duty, "kind"));
          s->rule = g_strdup (bel_resource_get_string (duty, "rule"));
          s->due_on = g_strdup (bel_resource_get_string (duty, "due-on"));
        }
    }
  g_ptr_array_sort (students, compare_students);

  bel_care_clear (GTK_WIDGET (self->due_list));
  bel_care_clear (GTK_WIDGET (self->missed_list));
  for (guint i = 0; i < students->len; i++)
    {
      Student *s = students->pdata[i];

      if (s->missed > 0)
        n_missed++;
      if (s->level == 2)
        n_overdue++;
      else if (s->level == 1)
        n_due++;
      if (s->level > 0)
        gtk_list_box_append (self->due_list, duty_row (self, s, TRUE));
      else if (s->missed > 0)
        {
          gtk_list_box_append (self->missed_list, duty_row (self, s, FALSE));
          n_missed_rows++;
        }
    }
  gtk_widget_set_visible (self->missed_section, n_missed_rows > 0);
  set_stat (self, STAT_MISSED, n_missed);
  set_stat (self, STAT_OVERDUE, n_overdue);
  set_stat (self, STAT_DUE, n_due);
}

static void
families_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BelCheckinsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) families = bel_client_care_list_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (families == NULL)
    {
      report (self, error);
      return;
    }
  bel_care_clear (GTK_WIDGET (self->family_list));
  for (guint i = 0; i < families->len; i++)
    {
      gpointer reach = families->pdata[i];
      const char *language = bel_resource_get_string (reach, "home-language");
      g_autofree char *last = bel_care_format_date (bel_resource_get_string (reach, "last-contact-on"), NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *row, *chips;

      if (last != NULL)
        subtitle = g_strdup_printf (_("%s · no good news yet this quarter · last contact %s"),
                                    bel_resource_get_string (reach, "advisory-name") ?: "", last);
      else
        subtitle = g_strdup_printf (_("%s · no contact yet this quarter"),
                                    bel_resource_get_string (reach, "advisory-name") ?: "");
      markup = g_markup_escape_text (subtitle, -1);
      row = student_row (self, bel_resource_get_int (reach, "student-id"),
                         bel_resource_get_string (reach, "student-name"), markup, _("_Log Call"),
                         G_CALLBACK (call_clicked));
      g_object_set_data_full (G_OBJECT (row), "language", g_strdup (language), g_free);
      chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (chips, GTK_ALIGN_CENTER);
      /* English needs no note; another home language and an interpreter do */
      if (bel_care_needs_interpreter (language))
        {
          gtk_box_append (GTK_BOX (chips), bel_care_chip_new (language, "language"));
          gtk_box_append (GTK_BOX (chips), bel_care_chip_new (_("Interpreter"), "need"));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chips);
      gtk_list_box_append (self->family_list, finish_row (row));
    }
  set_stat (self, STAT_FAMILIES, families->len);
  if (families->len > 0)
    {
      const char *quarter = bel_resource_get_string (families->pdata[0], "quarter");
      g_autofree char *text = g_strdup_printf (_("Families not reached with good news in %s"),
                                               quarter != NULL ? quarter : _("this quarter"));

      gtk_label_set_text (self->family_subtitle, text);
    }
}

static void
advocacy_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BelCheckinsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) advocates = bel_client_advocates_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (advocates == NULL)
    {
      report (self, error);
      return;
    }
  bel_care_clear (GTK_WIDGET (self->advocacy_list));
  for (guint i = 0; i < advocates->len; i++)
    {
      gpointer advocate = advocates->pdata[i];
      const char *follow_up = bel_resource_get_string (advocate, "follow-up-on");
      g_autofree char *when = bel_care_format_date (follow_up, "");
      g_autofree char *subtitle = g_strdup_printf (_("You are their advocate · follow up by %s"), when);
      GtkWidget *row = student_row (self, bel_resource_get_int (advocate, "student-id"),
                                    bel_resource_get_string (advocate, "student-name"), subtitle, _("_Check In"),
                                    G_CALLBACK (checkin_clicked));

      if (bel_care_days_from_today (follow_up) < 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), bel_care_chip_new (_("Follow-up due"), "overdue"));
      gtk_list_box_append (self->advocacy_list, finish_row (row));
    }
  gtk_widget_set_visible (self->advocacy_section, advocates->len > 0);
}

static void
settings_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BelCheckinsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) settings = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (settings == NULL)
    {
      report (self, error);
      return;
    }
  g_set_object (&self->settings, BEL_CHECKIN_SETTINGS (settings));
}

void
bel_checkins_page_reload (BelCheckinsPage *self)
{
  gint64 school_id, me;

  g_return_if_fail (BEL_IS_CHECKINS_PAGE (self));
  if (self->client == NULL || self->school == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  school_id = bel_resource_get_id (self->school);
  me = only_mine (self) ? my_account_id (self) : 0;
  set_pending (self, 3);
  bel_client_get_checkin_settings_async (self->client, school_id, self->cancellable, settings_cb, self);
  bel_client_list_checkin_duties_async (self->client, school_id, NULL, me, G_MININT, 0, self->cancellable,
                                        duties_cb, self);
  bel_client_list_family_reach_async (self->client, school_id, NULL, me, G_MININT, self->cancellable,
                                      families_cb, self);
  gtk_widget_set_visible (self->advocacy_section, FALSE);
  if (me > 0)
    {
      set_pending (self, 1);
      bel_client_my_advocacy_async (self->client, self->cancellable, advocacy_cb, self);
    }
}

static void
everyone_toggled (BelCheckinsPage *self)
{
  adw_window_title_set_title (self->title, only_mine (self) ? _("My Students This Week")
                                                            : _("Everyone This Week"));
  bel_checkins_page_reload (self);
}

/* ---- building ---- */

static GtkWidget *
stat_card (BelCheckinsPage *self, guint which, const char *style, const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new ("–");
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "care-stat");
  gtk_widget_add_css_class (box, style);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (number, "number");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  self->stat_numbers[which] = GTK_LABEL (number);
  return box;
}

static GtkListBox *
boxed_list (const char *placeholder)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *empty = gtk_label_new (placeholder);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), empty);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
header_bar (BelCheckinsPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_toggle_button_new_with_label (_("Mine"));
  GtkWidget *everyone = gtk_toggle_button_new_with_label (_("Everyone"));
  GtkWidget *reload = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-students");
  gtk_widget_set_tooltip_text (back, _("Students"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the students"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  gtk_widget_add_css_class (toggles, "linked");
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (everyone), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);
  gtk_widget_set_tooltip_text (mine, _("Students you advise or support"));
  gtk_widget_set_tooltip_text (everyone, _("Every student of the school"));
  gtk_box_append (GTK_BOX (toggles), mine);
  gtk_box_append (GTK_BOX (toggles), everyone);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), toggles);
  self->everyone = GTK_TOGGLE_BUTTON (everyone);
  g_signal_connect_swapped (everyone, "toggled", G_CALLBACK (everyone_toggled), self);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("My Students This Week"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_widget_set_tooltip_text (reload, _("Reload"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reload), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reload"), -1);
  g_signal_connect_swapped (reload, "clicked", G_CALLBACK (bel_checkins_page_reload), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), reload);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  return header;
}

static void
build (BelCheckinsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *family_heading;

  gtk_box_append (GTK_BOX (box), header_bar (self));

  self->stats = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (self->stats), stat_card (self, STAT_MISSED, "stat-missed", _("missed check-ins")));
  gtk_box_append (GTK_BOX (self->stats), stat_card (self, STAT_OVERDUE, "stat-overdue", _("overdue")));
  gtk_box_append (GTK_BOX (self->stats), stat_card (self, STAT_DUE, "stat-due", _("due now")));
  gtk_box_append (GTK_BOX (self->stats), stat_card (self, STAT_FAMILIES, "stat-families", _("families to call")));
  gtk_widget_set_margin_top (self->stats, 18);
  gtk_box_append (GTK_BOX (content), self->stats);

  gtk_box_append (GTK_BOX (content), bel_care_heading_new (_("Check in with"),
                                                           _("missed first, then overdue, then due")));
  self->due_list = boxed_list (_("Nobody is due for a check-in. Nice work."));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->due_list));

  self->missed_section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->missed_section),
                  bel_care_heading_new (_("Missed earlier"), _("up to date now; keep them close")));
  self->missed_list = boxed_list ("");
  gtk_box_append (GTK_BOX (self->missed_section), GTK_WIDGET (self->missed_list));
  gtk_widget_set_visible (self->missed_section, FALSE);
  gtk_box_append (GTK_BOX (content), self->missed_section);

  self->advocacy_section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->advocacy_section),
                  bel_care_heading_new (_("My advocacy students"), _("you said you would reach out")));
  self->advocacy_list = boxed_list ("");
  gtk_box_append (GTK_BOX (self->advocacy_section), GTK_WIDGET (self->advocacy_list));
  gtk_widget_set_visible (self->advocacy_section, FALSE);
  gtk_box_append (GTK_BOX (content), self->advocacy_section);

  family_heading = bel_care_heading_new (_("Families to call"), NULL);
  self->family_subtitle = GTK_LABEL (gtk_label_new (_("Families not reached with good news this quarter")));
  gtk_widget_add_css_class (GTK_WIDGET (self->family_subtitle), "dim-label");
  gtk_box_append (GTK_BOX (family_heading), GTK_WIDGET (self->family_subtitle));
  gtk_box_append (GTK_BOX (content), family_heading);
  self->family_list = boxed_list (_("Every family heard good news this quarter."));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->family_list));

  self->toast_overlay = bel_care_page_finish (GTK_WIDGET (self), box, content, 860);
}

static void
bel_checkins_page_dispose (GObject *object)
{
  BelCheckinsPage *self = BEL_CHECKINS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer ((GtkWidget **) &self->toast_overlay, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_object (&self->school);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bel_checkins_page_parent_class)->dispose (object);
}

static void
bel_checkins_page_class_init (BelCheckinsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_checkins_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkinspage");
}

static void
bel_checkins_page_init (BelCheckinsPage *self)
{
  bel_care_style_ensure ();
  self->cancellable = g_cancellable_new ();
  build (self);
}

void
bel_checkins_page_set_client (BelCheckinsPage *self,
                              BelClient       *client)
{
  g_return_if_fail (BEL_IS_CHECKINS_PAGE (self));
  g_set_object (&self->client, client);
}

void
bel_checkins_page_set_school (BelCheckinsPage *self,
                              BelSchool       *school)
{
  g_return_if_fail (BEL_IS_CHECKINS_PAGE (self));
  if (!g_set_object (&self->school, school))
    return;
  adw_window_title_set_subtitle (self->title, school != NULL ? bel_resource_get_string (school, "name") : NULL);
  if (school == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      bel_care_clear (GTK_WIDGET (self->due_list));
      bel_care_clear (GTK_WIDGET (self->missed_list));
      bel_care_clear (GTK_WIDGET (self->family_list));
      gtk_toggle_button_set_active (self->everyone, FALSE);
      return;
    }
  bel_checkins_page_reload (self);
}

gboolean
bel_checkins_page_get_loading (BelCheckinsPage *self)
{
  g_return_val_if_fail (BEL_IS_CHECKINS_PAGE (self), FALSE);
  return self->pending > 0;
}

GtkListBox *
bel_checkins_page_get_due_list (BelCheckinsPage *self)
{
  g_return_val_if_fail (BEL_IS_CHECKINS_PAGE (self), NULL);
  return self->due_list;
}

GtkListBox *
bel_checkins_page_get_missed_list (BelCheckinsPage *self)
{
  g_return_val_if_fail (BEL_IS_CHECKINS_PAGE (self), NULL);
  return self->missed_list;
}

GtkListBox *
bel_checkins_page_get_family_list (BelCheckinsPage *self)
{
  g_return_val_if_fail (BEL_IS_CHECKINS_PAGE (self), NULL);
  return self->family_list;
}

GtkToggleButton *
bel_checkins_page_get_everyone_toggle (BelCheckinsPage *self)
{
  g_return_val_if_fail (BEL_IS_CHECKINS_PAGE (self), NULL);
  return self->everyone;
}

BelCareDialog *
bel_checkins_page_get_dialog (BelCheckinsPage *self)
{
  g_return_val_if_fail (BEL_IS_CHECKINS_PAGE (self), NULL);
  return self->dialog;
}
