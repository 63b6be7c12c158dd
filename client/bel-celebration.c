/* bel-celebration.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-celebration.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bel-event-stream.h"

#define CONFETTI_USEC   (2200 * 1000)
#define N_PIECES        70

/* ---- the confetti ---- */

#define BEL_TYPE_CONFETTI (bel_confetti_get_type ())
G_DECLARE_FINAL_TYPE (BelConfetti, bel_confetti, BEL, CONFETTI, GtkWidget)

typedef struct {
  double x, y;          /* start, as a fraction of the width and height */
  double vx, vy;        /* px per second */
  double spin, angle;   /* radians per second, radians */
  double w, h;
  guint  color;
  double delay;         /* seconds */
} Piece;

struct _BelConfetti
{
  GtkWidget parent_instance;
  Piece     pieces[N_PIECES];
  gint64    start;
  double    t;          /* seconds since start */
  guint     tick;
};

G_DEFINE_FINAL_TYPE (BelConfetti, bel_confetti, GTK_TYPE_WIDGET)

static void
bel_confetti_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BelConfetti *self = BEL_CONFETTI (widget);
  /* the accent, then the GNOME palette's green, yellow and purple */
  const char * const names[] = { "accent_color", "green_3", "yellow_3", "purple_2" };
  const char * const fallbacks[] = { "#3584e4", "#33d17a", "#f6d32d", "#c061cb" };
  GdkRGBA colors[G_N_ELEMENTS (names)];
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), names[i], &colors[i]))
      gdk_rgba_parse (&colors[i], fallbacks[i]);
G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < N_PIECES; i++)
    {
      Piece *p = &self->pieces[i];
      double t = self->t - p->delay, life = CONFETTI_USEC / (double) G_USEC_PER_SEC - p->delay;
      double x, y, fade;
      GdkRGBA c;

      if (t <= 0)
        continue;
      x = p->x * width + p->vx * t;
      y = p->y * height + p->vy * t + 0.5 * 520 * t * t;   /* a gentle gravity */
      fade = CLAMP (1.0 - (t / life) * (t / life), 0, 1);
      c = colors[p->color % G_N_ELEMENTS (colors)];
      c.alpha *= fade * 0.9;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_rotate (snapshot, (p->angle + p->spin * t) * 180 / G_PI);
      /* flutter: the piece turns, so its height seems to change */
      gtk_snapshot_scale (snapshot, 1, fabs (cos (p->spin * t * 0.7)) * 0.8 + 0.2);
      gtk_snapshot_append_color (snapshot, &c, &GRAPHENE_RECT_INIT (-p->w / 2, -p->h / 2, p->w, p->h));
      gtk_snapshot_restore (snapshot);
    }
}

static gboolean
confetti_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  BelConfetti *self = BEL_CONFETTI (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  GtkWidget *parent;

  if (self->start == 0)
    self->start = now;
  self->t = (now - self->start) / (double) G_USEC_PER_SEC;
  if (now - self->start > CONFETTI_USEC)
    {
      self->tick = 0;
      parent = gtk_widget_get_parent (widget);
      if (GTK_IS_OVERLAY (parent))
        gtk_overlay_remove_overlay (GTK_OVERLAY (parent), widget);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
bel_confetti_class_init (BelConfettiClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = bel_confetti_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "confetti");
}

static void
bel_confetti_init (BelConfetti *self)
{
  GRand *rand = g_rand_new ();

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  /* two bursts from the lower corners, thrown up and inwards */
  for (guint i = 0; i < N_PIECES; i++)
    {
      Piece *p = &self->pieces[i];
      gboolean left = i % 2 == 0;
      double angle = g_rand_double_range (rand, 55, 82) * G_PI / 180;
      double speed = g_rand_double_range (rand, 420, 760);

      p->x = left ? 0.08 : 0.92;
      p->y = 1.02;
      p->vx = (left ? 1 : -1) * cos (angle) * speed;
      p->vy = -sin (angle) * speed;
      p->spin = g_rand_double_range (rand, -7, 7);
      p->angle = g_rand_double_range (rand, 0, G_PI);
      p->w = g_rand_double_range (rand, 5, 9);
      p->h = g_rand_double_range (rand, 9, 14);
      p->color = g_rand_int_range (rand, 0, 4);
      p->delay = g_rand_double_range (rand, 0, 0.35);
    }
  g_rand_free (rand);
}

void
bel_celebration_sparkle (GtkOverlay *overlay)
{
  GtkWidget *confetti;
  gboolean animations = TRUE;

  g_return_if_fail (GTK_IS_OVERLAY (overlay));
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (overlay)), "gtk-enable-animations", &animations, NULL);
  if (!animations)
    return;
  confetti = g_object_new (BEL_TYPE_CONFETTI, NULL);
  gtk_overlay_add_overlay (overlay, confetti);
  BEL_CONFETTI (confetti)->tick = gtk_widget_add_tick_callback (confetti, confetti_tick, NULL, NULL);
}

/* ---- the celebration ---- */

struct _BelCelebration
{
  GObject          parent_instance;

  BelClient       *client;
  AdwToastOverlay *toast_overlay;   /* weak: the window owns it */
  GtkOverlay      *overlay;         /* weak */
  BelEventStream  *stream;
  gint64           school_id;
  guint            n_shown;
  char            *last_text;
};

G_DEFINE_FINAL_TYPE (BelCelebration, bel_celebration, G_TYPE_OBJECT)

enum { SIGNAL_GOAL_EVENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
notifies_me (BelCelebration *self,
             JsonObject     *data)
{
  BelAccount *me = bel_client_get_account (self->client);
  JsonArray *notify;
  gint64 my_id;

  if (me == NULL || !json_object_has_member (data, "notify"))
    return FALSE;
  my_id = bel_resource_get_id (me);
  notify = json_object_get_array_member (data, "notify");
  for (guint i = 0; notify != NULL && i < json_array_get_length (notify); i++)
    {
      JsonObject *adult = json_array_get_object_element (notify, i);
      if (adult != NULL && json_object_get_int_member_with_default (adult, "account_id", 0) == my_id)
        return TRUE;
    }
  return FALSE;
}

static void
celebrate (BelCelebration *self,
           JsonObject     *data)
{
  const char *name = json_object_get_string_member_with_default (data, "student_name", "");
  const char *metric = json_object_get_string_member_with_default (data, "metric_name", "");
  double value = json_object_get_double_member_with_default (data, "value", 0);
  AdwToast *toast;

  g_free (self->last_text);
  /* Translators: "Joe Faleolo met a benchmark on Reading readiness, scaled score (182)" */
  self->last_text = g_strdup_printf (_("%s met a benchmark on %s (%g)"), name, metric, value);
  self->n_shown++;
  if (self->toast_overlay != NULL)
    {
      toast = adw_toast_new (self->last_text);
      adw_toast_set_timeout (toast, 6);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  if (self->overlay != NULL)
    bel_celebration_sparkle (self->overlay);
}

void
bel_celebration_handle_event (BelCelebration *self,
                              JsonNode       *event)
{
  JsonObject *obj, *data;
  const char *type;

  g_return_if_fail (BEL_IS_CELEBRATION (self));
  if (event == NULL || !JSON_NODE_HOLDS_OBJECT (event))
    return;
  obj = json_node_get_object (event);
  type = json_object_get_string_member_with_default (obj, "type", "");
  if (!g_str_has_prefix (type, "goal.") || !json_object_has_member (obj, "data"))
    return;
  data = json_object_get_object_member (obj, "data");
  if (data == NULL)
    return;
  if (g_str_equal (type, "goal.benchmark_met") && notifies_me (self, data))
    celebrate (self, data);
  g_signal_emit (self, signals[SIGNAL_GOAL_EVENT], 0, type, json_object_get_member (obj, "data"));
}

static void
stream_event (BelCelebration *self,
              JsonNode       *event)
{
  bel_celebration_handle_event (self, event);
}

static void
stop_stream (BelCelebration *self)
{
  if (self->stream == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->stream, self);
  bel_event_stream_stop (self->stream);
  g_clear_object (&self->stream);
}

void
bel_celebration_set_school (BelCelebration *self,
                            gint64          school_id)
{
  g_return_if_fail (BEL_IS_CELEBRATION (self));
  stop_stream (self);
  self->school_id = school_id;
  if (school_id <= 0 || bel_client_get_token (self->client) == NULL)
    return;
  self->stream = bel_event_stream_new_for_client (self->client, school_id);
  bel_event_stream_set_max_backoff (self->stream, 5000);
  g_signal_connect_swapped (self->stream, "event", G_CALLBACK (stream_event), self);
  bel_event_stream_start (self->stream);
}

gboolean
bel_celebration_get_live (BelCelebration *self)
{
  g_return_val_if_fail (BEL_IS_CELEBRATION (self), FALSE);
  return self->stream != NULL && bel_event_stream_get_connected (self->stream);
}

guint
bel_celebration_get_n_shown (BelCelebration *self)
{
  g_return_val_if_fail (BEL_IS_CELEBRATION (self), 0);
  return self->n_shown;
}

const char *
bel_celebration_get_last_text (BelCelebration *self)
{
  g_return_val_if_fail (BEL_IS_CELEBRATION (self), NULL);
  return self->last_text;
}

static void
bel_celebration_dispose (GObject *object)
{
  BelCelebration *self = BEL_CELEBRATION (object);

  stop_stream (self);
  g_clear_object (&self->client);
  g_clear_weak_pointer (&self->toast_overlay);
  g_clear_weak_pointer (&self->overlay);
  g_clear_pointer (&self->last_text, g_free);
  G_OBJECT_CLASS (bel_celebration_parent_class)->dispose (object);
}

static void
bel_celebration_class_init (BelCelebrationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_celebration_dispose;
  /* goal-event (const char *type, JsonNode *data): any goal.* live event */
  signals[SIGNAL_GOAL_EVENT] =
    g_signal_new ("goal-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, JSON_TYPE_NODE);
}

static void
bel_celebration_init (BelCelebration *self)
{
}

BelCelebration *
bel_celebration_attach (GtkWindow       *window,
                        AdwToastOverlay *toast_overlay,
                        BelClient       *client)
{
  BelCelebration *self = g_object_new (BEL_TYPE_CELEBRATION, NULL);
  GtkWidget *child = adw_toast_overlay_get_child (toast_overlay);
  GtkWidget *overlay = gtk_overlay_new ();

  self->client = g_object_ref (client);
  g_set_weak_pointer (&self->toast_overlay, toast_overlay);
  if (child != NULL)
    {
      g_object_ref (child);
      adw_toast_overlay_set_child (toast_overlay, NULL);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), child);
      g_object_unref (child);
    }
  adw_toast_overlay_set_child (toast_overlay, overlay);
  g_set_weak_pointer (&self->overlay, GTK_OVERLAY (overlay));
  g_object_set_data_full (G_OBJECT (window), "bel-celebration", self, g_object_unref);
  return self;
}

BelCelebration *
bel_celebration_get (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return root ? g_object_get_data (G_OBJECT (root), "bel-celebration") : NULL;
}
