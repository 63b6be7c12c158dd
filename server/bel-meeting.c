/* bel-meeting.c - the working set and the ranking of "who needs us most"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-meeting-private.h"

#include "bel-calendar.h"

#include "bel-meeting-adult.h"
#include "bel-meeting-reason.h"

#define DEFAULT_LIMIT 50
#define MAX_LIMIT     500

static void
adult_row_free (gpointer data)
{
  BelMeetingAdultRow *adult = data;

  g_free (adult->display_name);
  g_free (adult->advocate_status);
  g_free (adult);
}

static void
row_free (gpointer data)
{
  BelMeetingRow *row = data;

  g_free (row->name);
  g_free (row->advisory_name);
  g_ptr_array_unref (row->reasons);
  g_hash_table_unref (row->adults);
  g_free (row);
}

BelMeetingRow *
bel_meeting_row (BelMeeting *meeting,
                 gint64      student_id)
{
  return g_hash_table_lookup (meeting->rows, &student_id);
}

void
bel_meeting_add (BelMeetingRow *row,
                 const char    *code,
                 gint64         weight,
                 const char    *label,
                 const char    *evidence)
{
  g_ptr_array_add (row->reasons, g_object_new (BEL_TYPE_MEETING_REASON, "code", code, "weight", weight,
                                               "label", label, "evidence", evidence, NULL));
  row->score += weight;
}

void
bel_meeting_knows (BelMeetingRow *row,
                   gint64         account_id,
                   const char    *display_name,
                   BelKnows       how,
                   const char    *advocate_status)
{
  BelMeetingAdultRow *adult = g_hash_table_lookup (row->adults, &account_id);

  if (adult == NULL)
    {
      adult = g_new0 (BelMeetingAdultRow, 1);
      adult->account_id = account_id;
      adult->display_name = g_strdup (display_name);
      g_hash_table_insert (row->adults, &adult->account_id, adult);
    }
  adult->knows |= how;
  if (advocate_status != NULL)
    {
      g_free (adult->advocate_status);
      adult->advocate_status = g_strdup (advocate_status);
    }
}

static gboolean
load_rows (BelMeeting             *meeting,
           const BelMeetingQuery  *query,
           GError                **error)
{
  BelStore *store = bel_engine_get_store (meeting->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT st.id, st.given_name, st.preferred_name, st.family_name, st.grade, st.advisory_id, adv.name, "
      "(SELECT MAX(p.id) FROM support_plan p WHERE p.student_id = st.id AND p.status = 'active') "
      "FROM student st LEFT JOIN advisory adv ON adv.id = st.advisory_id "
      "WHERE st.school_id = ?1 AND st.active = 1 AND (?2 = 0 OR st.grade = ?3) "
      "ORDER BY st.family_key, st.given_key, st.id", error);
  guint order = 0;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, meeting->school_id);
  bel_bind_int64 (stmt, 2, query->has_grade);
  bel_bind_int64 (stmt, 3, query->grade);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelMeetingRow *row = g_new0 (BelMeetingRow, 1);

      row->id = bel_column_int64 (stmt, 0);
      row->name = bel_care_student_name (bel_column_text (stmt, 1), bel_column_text (stmt, 2),
                                         bel_column_text (stmt, 3));
      row->grade = bel_column_int64 (stmt, 4);
      row->advisory_id = bel_column_int64 (stmt, 5);
      row->advisory_name = g_strdup (bel_column_text (stmt, 6));
      row->open_plan_id = bel_column_int64 (stmt, 7);
      row->order = order++;
      row->reasons = g_ptr_array_new_with_free_func (g_object_unref);
      row->adults = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, adult_row_free);
      g_hash_table_insert (meeting->rows, &row->id, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* g_hash_table_get_values_as_ptr_array() is newer than GLib 2.74 */
static GPtrArray *
values_of (GHashTable *table)
{
  GPtrArray *out = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (out, value);
  return out;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const BelMeetingRow *x = *(BelMeetingRow * const *) a;
  const BelMeetingRow *y = *(BelMeetingRow * const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->reasons->len != y->reasons->len)
    return x->reasons->len > y->reasons->len ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order ? 1 : 0;
}

static int
knows_weight (BelKnows knows)
{
  /* advocate, then "knows something personal", then a relationship, then advisor */
  return (int) knows;
}

static int
compare_adults (gconstpointer a,
                gconstpointer b)
{
  const BelMeetingAdultRow *x = *(BelMeetingAdultRow * const *) a;
  const BelMeetingAdultRow *y = *(BelMeetingAdultRow * const *) b;
  int w = knows_weight (y->knows) - knows_weight (x->knows);

  return w != 0 ? w : g_strcmp0 (x->display_name, y->display_name);
}

char *
bel_meeting_day (const char *iso)
{
  g_autofree char *day = g_strndup (iso, 10);
  guint32 julian = bel_date_parse (day);

  return julian != 0 ? bel_date_format_words (julian, "%-d %b %Y") : g_strdup (iso);
}

/* The words a person would use for an advocate's status. */
static const char *
advocate_status_text (const char *status)
{
  if (g_strcmp0 (status, "reached_out") == 0)
    return "reached out";
  if (g_strcmp0 (status, "needs_help") == 0)
    return "needs help";
  return status;
}

static char *
describe (const BelMeetingAdultRow *adult)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (adult->knows & BEL_KNOWS_ADVOCATE)
    g_ptr_array_add (parts, g_strdup_printf ("advocate: %s", advocate_status_text (adult->advocate_status)));
  if (adult->knows & BEL_KNOWS_PERSONAL)
    g_ptr_array_add (parts, g_strdup ("knows something personal"));
  if (adult->knows & BEL_KNOWS_RELATIONSHIP)
    g_ptr_array_add (parts, g_strdup ("relationship mark"));
  if (adult->knows & BEL_KNOWS_ADVISOR)
    g_ptr_array_add (parts, g_strdup ("advisor"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static BelMeetingStudent *
student_from_row (BelMeetingRow *row,
                  gint64         rank)
{
  g_autoptr(GListStore) reasons = g_list_store_new (BEL_TYPE_MEETING_REASON);
  g_autoptr(GListStore) adults = g_list_store_new (BEL_TYPE_MEETING_ADULT);
  g_autoptr(GPtrArray) sorted = values_of (row->adults);

  for (guint i = 0; i < row->reasons->len; i++)
    g_list_store_append (reasons, g_ptr_array_index (row->reasons, i));
  g_ptr_array_sort (sorted, compare_adults);
  for (guint i = 0; i < sorted->len; i++)
    {
      BelMeetingAdultRow *adult = g_ptr_array_index (sorted, i);
      g_autofree char *why = describe (adult);
      g_autoptr(BelMeetingAdult) item = g_object_new (BEL_TYPE_MEETING_ADULT,
                                                      "account-id", adult->account_id,
                                                      "display-name", adult->display_name,
                                                      "why", why, NULL);
      g_list_store_append (adults, item);
    }
  return g_object_new (BEL_TYPE_MEETING_STUDENT,
                       "student-id", row->id,
                       "student-name", row->name,
                       "grade", row->grade,
                       "advisory-id", row->advisory_id,
                       "advisory-name", row->advisory_name,
                       "rank", rank,
                       "score", row->score,
                       "reasons", reasons,
                       "adults", adults,
                       "open-plan-id", row->open_plan_id,
                       NULL);
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = bel_resource_get_int (*(gpointer const *) a, "weight");
  gint64 y = bel_resource_get_int (*(gpointer const *) b, "weight");

  return x > y ? -1 : x < y ? 1 : 0;
}

static void
meeting_clear (BelMeeting *meeting)
{
  g_clear_pointer (&meeting->rows, g_hash_table_unref);
  g_clear_pointer (&meeting->round_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BelMeeting, meeting_clear)

GPtrArray *
bel_meeting_list (BelEngine              *engine,
                  BelAccount             *actor,
                  gint64                  school_id,
                  const BelMeetingQuery  *query,
                  GError                **error)
{
  g_auto(BelMeeting) meeting = { engine, actor, school_id, 0, NULL, 0, NULL };
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  guint limit = query->limit ? MIN (query->limit, MAX_LIMIT) : DEFAULT_LIMIT;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !bel_care_query_date ("as_of", query->as_of, error))
    return NULL;
  meeting.as_of = query->as_of ? bel_date_parse (query->as_of) : bel_date_today ();
  meeting.rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, row_free);
  if (!load_rows (&meeting, query, error) ||
      !bel_meeting_flags (&meeting, error) ||
      !bel_meeting_board (&meeting, error) ||
      !bel_meeting_attendance (&meeting, error) ||
      !bel_meeting_goals (&meeting, error) ||
      !bel_meeting_contacts (&meeting, error) ||
      !bel_meeting_checkins (&meeting, error))
    return NULL;
  ranked = values_of (meeting.rows);
  g_ptr_array_sort (ranked, compare_rows);
  for (guint i = 0; i < ranked->len && top->len < limit; i++)
    {
      BelMeetingRow *row = g_ptr_array_index (ranked, i);

      if (row->score == 0)
        break;
      g_ptr_array_sort (row->reasons, compare_reasons);
      g_ptr_array_add (top, row);
    }
  /* Only the listed students need to know who knows them. */
  g_hash_table_steal_all (meeting.rows);
  for (guint i = 0; i < ranked->len; i++)
    {
      BelMeetingRow *row = g_ptr_array_index (ranked, i);
      if (i < top->len)
        g_hash_table_insert (meeting.rows, &row->id, row);
      else
        row_free (row);
    }
  if (!bel_meeting_known_by (&meeting, error))
    return NULL;
  for (guint i = 0; i < top->len; i++)
    g_ptr_array_add (out, student_from_row (g_ptr_array_index (top, i), i + 1));
  bel_engine_audit (engine, actor, "meeting.read", 0, NULL);
  return g_steal_pointer (&out);
}
