/* bel-support-plan-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-support-plan-dialog.h"

#include <glib/gi18n.h>

#include "bel-care-format.h"
#include "bel-client-checkins.h"
#include "bel-membership.h"
#include "bel-plan-action.h"
#include "bel-plan-person.h"

typedef struct {
  BelClient *client;
  gint64     student_id;
  GPtrArray *staff;          /* BelMembership, by name */
  GtkWidget *actions_group;
  guint      n_actions;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->client);
  g_clear_pointer (&form->staff, g_ptr_array_unref);
  g_free (form);
}

static char *
field_text (BelCareDialog *dialog,
            const char    *name)
{
  GtkWidget *widget = bel_care_dialog_get_field (dialog, name);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
}

static gboolean
is_date (const char *text)
{
  return g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0) &&
         bel_care_days_from_today (text) != G_MININT;
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BelCareDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) plan = bel_client_care_object_finish (BEL_CLIENT (source), result, &error);

  if (plan == NULL)
    {
      bel_care_dialog_set_busy (dialog, FALSE);
      bel_care_dialog_show_error (dialog, error->message);
      return;
    }
  bel_care_dialog_saved (dialog, plan);
}

static void
save (BelCareDialog *dialog,
      Form          *form)
{
  g_autoptr(BelSupportPlan) plan = bel_support_plan_new ();
  g_autoptr(GListStore) contributors = g_list_store_new (BEL_TYPE_PLAN_PERSON);
  g_autoptr(GListStore) actions = g_list_store_new (BEL_TYPE_PLAN_ACTION);
  g_autofree char *concern = field_text (dialog, "concern");
  g_autofree char *review_on = field_text (dialog, "review-on");
  guint owner = adw_combo_row_get_selected (ADW_COMBO_ROW (bel_care_dialog_get_field (dialog, "owner")));
  gint64 owner_id = bel_resource_get_int (form->staff->pdata[owner], "account-id");
  int tier = 1;

  for (int t = 1; t <= 3; t++)
    {
      g_autofree char *name = g_strdup_printf ("tier-%d", t);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bel_care_dialog_get_field (dialog, name))))
        tier = t;
    }
  for (guint i = 0; i < form->staff->len; i++)
    {
      gint64 id = bel_resource_get_int (form->staff->pdata[i], "account-id");
      g_autofree char *name = g_strdup_printf ("contributor:%" G_GINT64_FORMAT, id);
      GtkWidget *check = bel_care_dialog_get_field (dialog, name);

      if (id != owner_id && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          g_autoptr(BelPlanPerson) person = bel_plan_person_new ();

          g_object_set (person, "account-id", id, NULL);
          g_list_store_append (contributors, person);
        }
    }
  for (guint i = 0; i < form->n_actions; i++)
    {
      g_autofree char *name = g_strdup_printf ("action-%u", i);
      g_autofree char *due_name = g_strdup_printf ("action-due-%u", i);
      g_autofree char *description = field_text (dialog, name);
      g_autofree char *due = field_text (dialog, due_name);
      g_autoptr(BelPlanAction) action = NULL;

      if (*description == '\0')
        continue;
      if (!is_date (due))
        {
          bel_care_dialog_show_error (dialog, _("Give each action a due date as YYYY-MM-DD."));
          return;
        }
      action = bel_plan_action_new ();
      g_object_set (action, "description", description, "due-on", due, "owner-id", owner_id, NULL);
      g_list_store_append (actions, action);
    }
  if (!is_date (review_on))
    {
      bel_care_dialog_show_error (dialog, _("Give the review date as YYYY-MM-DD."));
      return;
    }
  g_object_set (plan, "concern", concern, "tier", (gint64) tier, "owner-id", owner_id,
                "contributors", contributors, "actions", actions, "review-on", review_on, NULL);
  bel_care_dialog_set_busy (dialog, TRUE);
  bel_client_create_support_plan_async (form->client, form->student_id, plan, NULL, created_cb,
                                        g_object_ref (dialog));
}

static void
concern_changed (BelCareDialog *dialog)
{
  g_autofree char *concern = field_text (dialog, "concern");

  bel_care_dialog_set_can_save (dialog, *concern != '\0');
}

static GtkWidget *
entry_row (BelCareDialog *dialog,
           GtkWidget     *group,
           const char    *name,
           const char    *title,
           const char    *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  bel_care_dialog_set_field (dialog, name, row);
  return row;
}

static void
add_action (BelCareDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "bel-plan-form");
  g_autofree char *name = g_strdup_printf ("action-%u", form->n_actions);
  g_autofree char *due_name = g_strdup_printf ("action-due-%u", form->n_actions);
  g_autofree char *title = g_strdup_printf (_("Action %u"), form->n_actions + 1);
  g_autofree char *due = bel_client_care_date (7);

  entry_row (dialog, form->actions_group, name, title, NULL);
  entry_row (dialog, form->actions_group, due_name, _("Due on (YYYY-MM-DD)"), due);
  form->n_actions++;
}

static gboolean
known (GArray *ids, gint64 id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static GtkWidget *
people_group (BelCareDialog *dialog,
              Form          *form,
              GArray        *known_ids,
              gint64         owner_id)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *owner = adw_combo_row_new ();
  GtkWidget *contributors = adw_expander_row_new ();
  guint n_known = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("People"));
  for (guint i = 0; i < form->staff->len; i++)
    {
      gpointer member = form->staff->pdata[i];
      gint64 id = bel_resource_get_int (member, "account-id");
      g_autofree char *check_name = g_strdup_printf ("contributor:%" G_GINT64_FORMAT, id);
      const char *title = bel_resource_get_string (member, "title");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *escaped = g_markup_escape_text (bel_resource_get_string (member, "display-name"), -1);
      g_autofree char *escaped_title = title != NULL ? g_markup_escape_text (title, -1) : NULL;

      gtk_string_list_append (names, bel_resource_get_string (member, "display-name"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (known (known_ids, id))
        {
          g_autofree char *subtitle = g_strdup_printf (_("%s · knows this student well"),
                                                       escaped_title != NULL ? escaped_title : "");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), id != owner_id);
          n_known++;
        }
      else if (escaped_title != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_title);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (contributors), row);
      bel_care_dialog_set_field (dialog, check_name, check);
      if (id == owner_id)
        adw_combo_row_set_selected (ADW_COMBO_ROW (owner), i);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner), _("Owner"));
  adw_combo_row_set_model (ADW_COMBO_ROW (owner), G_LIST_MODEL (names));
  for (guint i = 0; i < form->staff->len; i++)
    if (bel_resource_get_int (form->staff->pdata[i], "account-id") == owner_id)
      adw_combo_row_set_selected (ADW_COMBO_ROW (owner), i);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (owner), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), owner);
  bel_care_dialog_set_field (dialog, "owner", owner);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (contributors), _("Contributors"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (contributors),
                                 n_known > 0 ? _("The adults who know this student best are ticked")
                                             : _("Who else helps"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), contributors);
  return group;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (bel_resource_get_string (*(gpointer *) a, "display-name") ?: "",
                         bel_resource_get_string (*(gpointer *) b, "display-name") ?: "");
}

BelCareDialog *
bel_support_plan_dialog_new (GtkWidget  *parent,
                             BelClient  *client,
                             GPtrArray  *staff,
                             GArray     *known_ids,
                             gint64      owner_id,
                             gint64      student_id,
                             const char *student_name)
{
  BelCareDialog *dialog = bel_care_dialog_new (parent, _("New Support Plan"), student_name, _("C_reate Plan"));
  Form *form = g_new0 (Form, 1);
  GtkWidget *concern_group = adw_preferences_group_new ();
  GtkWidget *tiers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *first = NULL;
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("Add _Action"));
  GtkWidget *review_group = adw_preferences_group_new ();
  g_autofree char *review_on = bel_client_care_date (14);
  static const char *tier_labels[] = { N_("Tier 1 · everyone"), N_("Tier 2 · targeted"), N_("Tier 3 · intensive") };

  form->client = g_object_ref (client);
  form->student_id = student_id;
  form->staff = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < staff->len; i++)
    g_ptr_array_add (form->staff, g_object_ref (staff->pdata[i]));
  g_ptr_array_sort (form->staff, compare_names);
  g_object_set_data_full (G_OBJECT (dialog), "bel-plan-form", form, (GDestroyNotify) form_free);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 720);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (concern_group), _("Concern"));
  g_signal_connect_swapped (entry_row (dialog, concern_group, "concern", _("What worries us, in a sentence"), NULL),
                            "changed", G_CALLBACK (concern_changed), dialog);
  gtk_widget_add_css_class (tiers, "linked");
  gtk_widget_set_halign (tiers, GTK_ALIGN_START);
  gtk_widget_set_margin_top (tiers, 12);
  for (int t = 1; t <= 3; t++)
    {
      g_autofree char *name = g_strdup_printf ("tier-%d", t);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(tier_labels[t - 1]));

      if (first == NULL)
        first = toggle;
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), GTK_TOGGLE_BUTTON (first));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), t == 2);
      gtk_box_append (GTK_BOX (tiers), toggle);
      bel_care_dialog_set_field (dialog, name, toggle);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (concern_group), tiers);
  bel_care_dialog_add (dialog, concern_group);

  bel_care_dialog_add (dialog, people_group (dialog, form, known_ids, owner_id));

  form->actions_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form->actions_group), _("Actions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (form->actions_group),
                                         _("Small steps with dates; the owner follows up"));
  gtk_widget_add_css_class (add_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (form->actions_group), add_button);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_action), dialog);
  bel_care_dialog_set_field (dialog, "add-action", add_button);
  bel_care_dialog_add (dialog, form->actions_group);
  add_action (dialog);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (review_group), _("Review"));
  entry_row (dialog, review_group, "review-on", _("Review on (YYYY-MM-DD)"), review_on);
  bel_care_dialog_add (dialog, review_group);

  bel_care_dialog_set_can_save (dialog, FALSE);
  g_signal_connect (dialog, "save", G_CALLBACK (save), form);
  return dialog;
}
