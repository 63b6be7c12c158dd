/* fuzz-models.c - the JSON codec of every model object (bel-model.h)
 *
 * Input: one byte picking the model type (model_types[], by index), one byte
 * picking how it is decoded, then JSON text.  The daemon decodes request
 * bodies in CREATE and PATCH mode and clients decode replies in TRUST mode,
 * one object or a list of them.  A refusal must say why; an object decoded
 * from JSON that gave all its fields must encode to JSON that decodes again
 * to the same JSON.  New model types go at the END of
 * model_types[] (the seeds name types by index); check-model-types.sh fails
 * when a model type of common/ is missing here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"

#include "bel-error.h"
#include "bel-model.h"
#include "bel-account.h"
#include "bel-advisory-stint.h"
#include "bel-advisory.h"
#include "bel-advocate.h"
#include "bel-audit-entry.h"
#include "bel-benchmark.h"
#include "bel-checkin-duty.h"
#include "bel-checkin-rule.h"
#include "bel-checkin-settings.h"
#include "bel-checkin.h"
#include "bel-checklist-item.h"
#include "bel-contact.h"
#include "bel-date-range.h"
#include "bel-family-reach.h"
#include "bel-flag.h"
#include "bel-goal.h"
#include "bel-growth-metric.h"
#include "bel-mark.h"
#include "bel-measurement.h"
#include "bel-meeting-adult.h"
#include "bel-meeting-reason.h"
#include "bel-meeting-student.h"
#include "bel-membership.h"
#include "bel-observation.h"
#include "bel-plan-action.h"
#include "bel-plan-person.h"
#include "bel-plan-review.h"
#include "bel-profile-entry.h"
#include "bel-profile-search-hit.h"
#include "bel-profile-section-entries.h"
#include "bel-round.h"
#include "bel-school.h"
#include "bel-student.h"
#include "bel-support-plan.h"
#include "bel-survey-item.h"
#include "bel-survey-rate.h"
#include "bel-survey-settings.h"
#include "bel-survey-slip.h"
#include "bel-survey-target.h"
#include "bel-survey-window.h"
#include "bel-survey.h"

typedef GType (*TypeFunc) (void);

static const TypeFunc model_types[] = {
  bel_account_get_type,
  bel_advisory_stint_get_type,
  bel_advisory_get_type,
  bel_advocate_get_type,
  bel_audit_entry_get_type,
  bel_benchmark_get_type,
  bel_checkin_duty_get_type,
  bel_checkin_rule_get_type,
  bel_checkin_settings_get_type,
  bel_checkin_get_type,
  bel_checklist_item_get_type,
  bel_contact_get_type,
  bel_date_range_get_type,
  bel_family_reach_get_type,
  bel_flag_get_type,
  bel_goal_get_type,
  bel_growth_metric_get_type,
  bel_mark_get_type,
  bel_measurement_get_type,
  bel_meeting_adult_get_type,
  bel_meeting_reason_get_type,
  bel_meeting_student_get_type,
  bel_membership_get_type,
  bel_observation_get_type,
  bel_plan_action_get_type,
  bel_plan_person_get_type,
  bel_plan_review_get_type,
  bel_profile_entry_get_type,
  bel_profile_search_hit_get_type,
  bel_profile_section_entries_get_type,
  bel_round_get_type,
  bel_school_get_type,
  bel_student_get_type,
  bel_support_plan_get_type,
  bel_survey_item_get_type,
  bel_survey_rate_get_type,
  bel_survey_settings_get_type,
  bel_survey_slip_get_type,
  bel_survey_target_get_type,
  bel_survey_window_get_type,
  bel_survey_get_type,
};

/* Whether @input has every member that @output (its decoded object encoded
 * again) has, in nested objects and lists too: a reply that gives every
 * field of an object. */
static gboolean
gives_every_field (JsonNode *input,
                   JsonNode *output)
{
  if (JSON_NODE_HOLDS_OBJECT (output))
    {
      JsonObject *in = JSON_NODE_HOLDS_OBJECT (input) ? json_node_get_object (input) : NULL;
      JsonObject *out = json_node_get_object (output);
      g_autoptr(GList) members = json_object_get_members (out);

      if (in == NULL)
        return FALSE;
      for (GList *l = members; l != NULL; l = l->next)
        if (!json_object_has_member (in, l->data) ||
            !gives_every_field (json_object_get_member (in, l->data), json_object_get_member (out, l->data)))
          return FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (output))
    {
      JsonArray *in = JSON_NODE_HOLDS_ARRAY (input) ? json_node_get_array (input) : NULL;
      JsonArray *out = json_node_get_array (output);

      if (in == NULL || json_array_get_length (in) != json_array_get_length (out))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (out); i++)
        if (!gives_every_field (json_array_get_element (in, i), json_array_get_element (out, i)))
          return FALSE;
    }
  return TRUE;
}

/* An object decoded from a reply that gave all its fields encodes to JSON
 * that decodes again to the same JSON. */
static void
check_round_trip (GType     type,
                  GObject  *object,
                  JsonNode *input)
{
  g_autoptr(JsonNode) json = bel_model_to_json (object);
  g_autoptr(GObject) again = NULL;
  g_autoptr(JsonNode) json_again = NULL;
  g_autoptr(GError) error = NULL;

  if (!gives_every_field (input, json))
    return;
  again = bel_model_new_from_json (type, json, BEL_MODEL_TRUST, &error);
  g_assert_no_error (error);
  json_again = bel_model_to_json (again);
  if (!json_node_equal (json, json_again))
    g_error ("%s does not decode what it encodes", g_type_name (type));
}

/* A refusal says why, in the domain that maps to an HTTP status, as UTF-8
 * text (it becomes the problem+json the daemon answers). */
static void
check_refusal (const GError *error)
{
  g_assert_true (error != NULL && error->domain == BEL_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
decode_one (GType         type,
            JsonNode     *node,
            BelModelMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = bel_model_new_from_json (type, node, mode, &error);

  if (object == NULL)
    {
      check_refusal (error);
      return;
    }
  g_assert_no_error (error);
  check_round_trip (type, object, node);
}

static void
decode_list (GType     type,
             JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bel_model_list_from_json (type, node, &error);

  if (items == NULL)
    {
      check_refusal (error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    check_round_trip (type, items->pdata[i], json_array_get_element (json_node_get_array (node), i));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  GType type;

  bel_fuzz_init ();
  if (size < 2)
    return 0;
  type = model_types[data[0] % G_N_ELEMENTS (model_types)] ();
  node = bel_fuzz_json (data + 2, size - 2);
  if (node == NULL)
    return 0;
  switch (data[1] % 4)
    {
    case 0: decode_one (type, node, BEL_MODEL_CREATE); break;
    case 1: decode_one (type, node, BEL_MODEL_PATCH); break;
    case 2: decode_one (type, node, BEL_MODEL_TRUST); break;
    default: decode_list (type, node); break;
    }
  return 0;
}
