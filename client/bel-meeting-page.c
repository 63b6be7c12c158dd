/* bel-meeting-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-meeting-page.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-client-checkins.h"
#include "bel-error.h"
#include "bel-format.h"
#include "bel-meeting-print.h"
#include "bel-support-plan-dialog.h"
#include "bel-support-plan-view.h"

#define MEETING_LIMIT 25

struct _BelMeetingPage
{
  GtkWidget        parent_instance;

  BelClient       *client;
  BelSchool       *school;
  GPtrArray       *staff;        /* BelMembership, once loaded */
  GPtrArray       *students;     /* BelMeetingStudent, as shown */
  GPtrArray       *open_plans;   /* BelSupportPlan, as shown */
  GCancellable    *cancellable;
  guint            pending;
  int              grade;
  GArray          *grades;       /* the grade of each dropdown item after the first */
  gboolean         filling;
  BelCareDialog   *dialog;       /* weak */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *title;
  GtkDropDown     *grade_dropdown;
  GtkWidget       *spinner;
  GtkWidget       *ranking;      /* GtkBox of cards */
  GtkWidget       *empty;
  GtkListBox      *plans;
  GtkLabel        *count_label;
};

G_DEFINE_FINAL_TYPE (BelMeetingPage, bel_meeting_page, GTK_TYPE_WIDGET)

static void
set_pending (BelMeetingPage *self, int delta)
{
  self->pending += delta;
  gtk_widget_set_visible (self->spinner, self->pending > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->pending > 0);
}

static void
report (BelMeetingPage *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* ---- dialogs ---- */

static void
plan_saved (BelMeetingPage *self,
            GObject        *plan)
{
  g_autofree char *message = NULL;
  const char *status = bel_resource_get_string (plan, "status");
  const char *name = bel_resource_get_string (plan, "student-name");

  if (g_strcmp0 (status, "active") != 0)
    message = g_strdup_printf (_("%s's plan is closed"), name);
  else
    {
      g_autofree char *review = bel_care_format_date (bel_resource_get_string (plan, "review-on"), "");

      message = g_strdup_printf (_("%s's plan is saved; review on %s"), name, review);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  bel_meeting_page_reload (self);
}

static void
present (BelMeetingPage *self,
         BelCareDialog  *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (plan_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_plan (BelMeetingPage *self,
           gint64          plan_id,
           const char     *student_name)
{
  present (self, bel_support_plan_view_new (GTK_WIDGET (self), self->client, plan_id, student_name));
}

static void
plan_clicked (GtkButton      *button,
              BelMeetingPage *self)
{
  GtkWidget *card = g_object_get_data (G_OBJECT (button), "card");
  gint64 plan_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "plan-id"));
  const char *name = g_object_get_data (G_OBJECT (card), "student-name");
  BelAccount *me = bel_client_get_account (self->client);

  if (plan_id > 0)
    {
      open_plan (self, plan_id, name);
      return;
    }
  if (self->staff == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The staff list is still loading")));
      return;
    }
  present (self, bel_support_plan_dialog_new (GTK_WIDGET (self), self->client, self->staff,
                                              g_object_get_data (G_OBJECT (card), "known"),
                                              me != NULL ? bel_resource_get_id (me) : 0,
                                              GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "student-id")),
                                              name));
}

static void
plan_row_activated (GtkListBox     *list,
                    GtkListBoxRow  *row,
                    BelMeetingPage *self)
{
  open_plan (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "plan-id")),
             g_object_get_data (G_OBJECT (row), "student-name"));
}

/* ---- cards ---- */

static GtkWidget *
label_new (const char *text, const char *style, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
reason_chip (gpointer reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *evidence = bel_resource_get_string (reason, "evidence");
  g_autofree char *tooltip = g_strdup_printf (_("%s (weight %" G_GINT64_FORMAT ")"),
                                              bel_resource_get_string (reason, "label"),
                                              bel_resource_get_int (reason, "weight"));

  gtk_widget_add_css_class (box, "reason-chip");
  if (bel_resource_get_string (reason, "code") != NULL)
    {
      g_autofree char *style = g_strconcat ("reason-", bel_resource_get_string (reason, "code"), NULL);

      gtk_widget_add_css_class (box, style);
    }
  gtk_box_append (GTK_BOX (box), label_new (bel_resource_get_string (reason, "label"), "reason-title", TRUE));
  if (evidence != NULL)
    gtk_box_append (GTK_BOX (box), label_new (evidence, "reason-evidence", TRUE));
  gtk_widget_set_tooltip_text (box, tooltip);
  return box;
}

static GtkWidget *
student_card (BelMeetingPage *self,
              gpointer        student)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *rank, *name, *button, *reasons, *adults_box;
  g_autofree char *rank_text = g_strdup_printf ("%" G_GINT64_FORMAT, bel_resource_get_int (student, "rank"));
  g_autofree char *grade = bel_format_grade (bel_resource_get_int (student, "grade"));
  const char *advisory = bel_resource_get_string (student, "advisory-name");
  g_autofree char *where = advisory != NULL ? g_strdup_printf ("%s · %s", grade, advisory) : g_strdup (grade);
  g_autofree char *score = g_strdup_printf (_("score %" G_GINT64_FORMAT), bel_resource_get_int (student, "score"));
  gint64 plan_id = bel_resource_get_int (student, "open-plan-id");
  GListModel *list;
  GArray *known = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) adults_text = g_string_new (NULL);

  gtk_widget_add_css_class (card, "meeting-card");
  g_object_set_data (G_OBJECT (card), "student-id", GSIZE_TO_POINTER ((gsize) bel_resource_get_int (student, "student-id")));
  g_object_set_data_full (G_OBJECT (card), "student-name", g_strdup (bel_resource_get_string (student, "student-name")), g_free);
  g_object_set_data (G_OBJECT (card), "plan-id", GSIZE_TO_POINTER ((gsize) MAX (plan_id, 0)));

  rank = gtk_label_new (rank_text);
  gtk_widget_add_css_class (rank, "meeting-rank");
  gtk_widget_set_valign (rank, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), rank);
  name = label_new (bel_resource_get_string (student, "student-name"), "title-4", FALSE);
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), label_new (where, "dim-label", FALSE));
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (top), names);
  gtk_box_append (GTK_BOX (top), label_new (score, "dim-label", FALSE));
  gtk_widget_set_valign (gtk_widget_get_last_child (top), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (gtk_widget_get_last_child (top), "meeting-score");
  button = gtk_button_new_with_mnemonic (plan_id > 0 ? _("_Open Plan") : _("C_reate Plan"));
  if (plan_id <= 0)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "card", card);
  g_object_set_data (G_OBJECT (card), "plan-button", button);
  g_signal_connect (button, "clicked", G_CALLBACK (plan_clicked), self);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (card), top);

  reasons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (reasons), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (reasons), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (reasons), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (reasons), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (reasons), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (reasons), 8);
  list = bel_resource_get_object (student, "reasons");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) reason = g_list_model_get_item (list, i);

      gtk_flow_box_append (GTK_FLOW_BOX (reasons), reason_chip (reason));
    }
  g_object_set_data (G_OBJECT (card), "reasons", reasons);
  gtk_box_append (GTK_BOX (card), reasons);

  list = bel_resource_get_object (student, "adults");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) adult = g_list_model_get_item (list, i);
      gint64 id = bel_resource_get_int (adult, "account-id");
      const char *why = bel_resource_get_string (adult, "why");

      g_array_append_val (known, id);
      if (adults_text->len > 0)
        g_string_append (adults_text, "   ·   ");
      g_string_append (adults_text, bel_resource_get_string (adult, "display-name") ?: "");
      if (why != NULL)
        g_string_append_printf (adults_text, " (%s)", why);
    }
  g_object_set_data_full (G_OBJECT (card), "known", known, (GDestroyNotify) g_array_unref);
  adults_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (adults_box), gtk_image_new_from_icon_name (adults_text->len > 0 ? "system-users-symbolic"
                                                                                          : "dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (adults_box),
                  label_new (adults_text->len > 0 ? adults_text->str
                                                  : _("No adult knows this student well yet: who will reach out?"),
                             adults_text->len > 0 ? NULL : "warning", TRUE));
  gtk_widget_set_tooltip_text (adults_box, _("The adults who know this student best"));
  gtk_box_append (GTK_BOX (card), adults_box);
  return card;
}

/* ---- loading ---- */

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
fill_grades (BelMeetingPage *self, GPtrArray *students)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  char *owned = NULL;

  if (self->grades->len > 0 || students->len == 0)
    return;
  for (guint i = 0; i < students->len; i++)
    {
      gint64 grade = bel_resource_get_int (students->pdata[i], "grade");
      gboolean seen = FALSE;

      for (guint j = 0; j < self->grades->len && !seen; j++)
        seen = g_array_index (self->grades, int, j) == grade;
      if (!seen)
        {
          int g = (int) grade;
          g_array_append_val (self->grades, g);
        }
    }
  g_array_sort (self->grades, compare_ints);
  gtk_string_list_append (items, bel_care_grade_team_label (G_MININT, &owned));
  for (guint i = 0; i < self->grades->len; i++)
    {
      g_autofree char *label = NULL;

      gtk_string_list_append (items, bel_care_grade_team_label (g_array_index (self->grades, int, i), &label));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->grade_dropdown, 0);
  self->filling = FALSE;
}

static void
meeting_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BelMeetingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) students = bel_client_care_list_finish (BEL_CLIENT (source), result, &error);
  g_autofree char *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (students == NULL)
    {
      report (self, error);
      return;
    }
  if (self->grade == G_MININT)
    fill_grades (self, students);
  g_clear_pointer (&self->students, g_ptr_array_unref);
  self->students = g_ptr_array_ref (students);
  bel_care_clear (self->ranking);
  for (guint i = 0; i < students->len; i++)
    gtk_box_append (GTK_BOX (self->ranking), student_card (self, students->pdata[i]));
  gtk_widget_set_visible (self->empty, students->len == 0);
  count = g_strdup_printf (g_dngettext (NULL, "%u student, most pressing first", "%u students, most pressing first",
                                        students->len), students->len);
  gtk_label_set_text (self->count_label, count);
}

static void
plans_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelMeetingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = bel_client_care_list_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (plans == NULL)
    {
      report (self, error);
      return;
    }
  g_clear_pointer (&self->open_plans, g_ptr_array_unref);
  self->open_plans = g_ptr_array_ref (plans);
  bel_care_clear (GTK_WIDGET (self->plans));
  for (guint i = 0; i < plans->len; i++)
    {
      gpointer plan = plans->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      const char *review_on = bel_resource_get_string (plan, "review-on");
      g_autofree char *when = bel_care_format_date (review_on, "");
      g_autofree char *review = g_strdup_printf (_("review %s"), when);
      g_autofree char *tier = g_strdup_printf (_("Tier %" G_GINT64_FORMAT), bel_resource_get_int (plan, "tier"));
      g_autofree char *title = g_markup_escape_text (bel_resource_get_string (plan, "student-name") ?: "", -1);
      g_autofree char *subtitle_text = g_strdup_printf ("%s — %s", bel_resource_get_string (plan, "concern"),
                                                        bel_resource_get_string (plan, "owner-name") ?: "");
      g_autofree char *subtitle = g_markup_escape_text (subtitle_text, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bel_care_chip_new (tier, "need"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 bel_care_chip_new (review, bel_care_days_from_today (review_on) < 0 ? "missed" : "due"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "plan-id", GSIZE_TO_POINTER ((gsize) bel_resource_get_id (plan)));
      g_object_set_data_full (G_OBJECT (row), "student-name",
                              g_strdup (bel_resource_get_string (plan, "student-name")), g_free);
      gtk_list_box_append (self->plans, row);
    }
}

static void
staff_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BelMeetingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = bel_client_list_staff_finish (BEL_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_pending (self, -1);
  if (staff == NULL)
    {
      report (self, error);
      return;
    }
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->staff = g_steal_pointer (&staff);
}

void
bel_meeting_page_reload (BelMeetingPage *self)
{
  gint64 school_id;

  g_return_if_fail (BEL_IS_MEETING_PAGE (self));
  if (self->client == NULL || self->school == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  school_id = bel_resource_get_id (self->school);
  set_pending (self, 2);
  bel_client_get_meeting_async (self->client, school_id, self->grade, MEETING_LIMIT, self->cancellable,
                                meeting_cb, self);
  bel_client_list_support_plans_async (self->client, school_id, "active", 0, self->cancellable, plans_cb, self);
  if (self->staff == NULL)
    {
      set_pending (self, 1);
      bel_client_list_staff_async (self->client, school_id, self->cancellable, staff_cb, self);
    }
}

static void
grade_selected (BelMeetingPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->grade_dropdown);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;
  bel_meeting_page_set_grade (self, selected == 0 ? G_MININT : g_array_index (self->grades, int, selected - 1));
}

void
bel_meeting_page_set_grade (BelMeetingPage *self,
                            int             grade)
{
  g_return_if_fail (BEL_IS_MEETING_PAGE (self));
  if (self->grade == grade)
    return;
  self->grade = grade;
  self->filling = TRUE;
  if (grade == G_MININT)
    gtk_drop_down_set_selected (self->grade_dropdown, 0);
  for (guint i = 0; i < self->grades->len; i++)
    if (g_array_index (self->grades, int, i) == grade)
      gtk_drop_down_set_selected (self->grade_dropdown, i + 1);
  self->filling = FALSE;
  bel_meeting_page_reload (self);
}

/* ---- printing ---- */

static char *
print_title (BelMeetingPage *self)
{
  g_autofree char *owned = NULL;
  g_autofree char *today = bel_client_care_date (0);
  g_autofree char *date = bel_care_format_date (today, today);

  /* TRANSLATORS: title of the printed meeting notes: team and date */
  return g_strdup_printf (_("Who needs us most — %s — %s"), bel_care_grade_team_label (self->grade, &owned), date);
}

gboolean
bel_meeting_page_export_pdf (BelMeetingPage *self,
                             const char     *path,
                             GError        **error)
{
  g_autofree char *title = NULL;
  GtkRoot *root;

  g_return_val_if_fail (BEL_IS_MEETING_PAGE (self), FALSE);
  title = print_title (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return bel_meeting_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->students, self->open_plans,
                                title, self->school != NULL ? bel_resource_get_string (self->school, "name") : NULL,
                                path, error);
}

static void
print_clicked (BelMeetingPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!bel_meeting_page_export_pdf (self, NULL, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* ---- building ---- */

static GtkWidget *
header_bar (BelMeetingPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *reload = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *print = gtk_button_new_from_icon_name ("printer-symbolic");
  const char *empty[] = { NULL };

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-students");
  gtk_widget_set_tooltip_text (back, _("Students"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the students"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  self->grade_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (empty));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_dropdown), _("Grade team"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Grade team"), -1);
  g_signal_connect_swapped (self->grade_dropdown, "notify::selected", G_CALLBACK (grade_selected), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->grade_dropdown));

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Who Needs Us Most This Week?"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_widget_set_tooltip_text (reload, _("Reload"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reload), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reload"), -1);
  g_signal_connect_swapped (reload, "clicked", G_CALLBACK (bel_meeting_page_reload), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), reload);
  gtk_widget_set_tooltip_text (print, _("Print the meeting notes or save them as a PDF"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print the meeting notes"), -1);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  return header;
}

static void
build (BelMeetingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = bel_care_heading_new (_("Students to talk about"), NULL);
  GtkWidget *empty_label;

  gtk_box_append (GTK_BOX (box), header_bar (self));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (content), heading);
  self->ranking = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (content), self->ranking);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Nobody stands out this week"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("No open concerns, missed check-ins, unreached families or students without an adult."));
  gtk_widget_add_css_class (self->empty, "compact");
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_append (GTK_BOX (content), self->empty);

  gtk_box_append (GTK_BOX (content), bel_care_heading_new (_("Open support plans"), _("by review date")));
  self->plans = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->plans, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->plans), "boxed-list");
  empty_label = gtk_label_new (_("No open plans"));
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 18);
  gtk_widget_set_margin_bottom (empty_label, 18);
  gtk_list_box_set_placeholder (self->plans, empty_label);
  g_signal_connect (self->plans, "row-activated", G_CALLBACK (plan_row_activated), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->plans));

  self->toast_overlay = bel_care_page_finish (GTK_WIDGET (self), box, content, 980);
}

static void
bel_meeting_page_dispose (GObject *object)
{
  BelMeetingPage *self = BEL_MEETING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer ((GtkWidget **) &self->toast_overlay, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_object (&self->school);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->students, g_ptr_array_unref);
  g_clear_pointer (&self->open_plans, g_ptr_array_unref);
  g_clear_pointer (&self->grades, g_array_unref);
  G_OBJECT_CLASS (bel_meeting_page_parent_class)->dispose (object);
}

static void
bel_meeting_page_class_init (BelMeetingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bel_meeting_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingpage");
}

static void
bel_meeting_page_init (BelMeetingPage *self)
{
  bel_care_style_ensure ();
  self->cancellable = g_cancellable_new ();
  self->grade = G_MININT;
  self->grades = g_array_new (FALSE, FALSE, sizeof (int));
  build (self);
}

void
bel_meeting_page_set_client (BelMeetingPage *self,
                             BelClient      *client)
{
  g_return_if_fail (BEL_IS_MEETING_PAGE (self));
  g_set_object (&self->client, client);
}

void
bel_meeting_page_set_school (BelMeetingPage *self,
                             BelSchool      *school)
{
  g_return_if_fail (BEL_IS_MEETING_PAGE (self));
  if (!g_set_object (&self->school, school))
    return;
  adw_window_title_set_subtitle (self->title, school != NULL ? bel_resource_get_string (school, "name") : NULL);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_array_set_size (self->grades, 0);
  self->grade = G_MININT;
  if (school == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      bel_care_clear (self->ranking);
      bel_care_clear (GTK_WIDGET (self->plans));
    }
}

gboolean
bel_meeting_page_get_loading (BelMeetingPage *self)
{
  g_return_val_if_fail (BEL_IS_MEETING_PAGE (self), FALSE);
  return self->pending > 0;
}

GtkWidget *
bel_meeting_page_get_ranking (BelMeetingPage *self)
{
  g_return_val_if_fail (BEL_IS_MEETING_PAGE (self), NULL);
  return self->ranking;
}

GtkListBox *
bel_meeting_page_get_plans (BelMeetingPage *self)
{
  g_return_val_if_fail (BEL_IS_MEETING_PAGE (self), NULL);
  return self->plans;
}

BelCareDialog *
bel_meeting_page_get_dialog (BelMeetingPage *self)
{
  g_return_val_if_fail (BEL_IS_MEETING_PAGE (self), NULL);
  return self->dialog;
}
