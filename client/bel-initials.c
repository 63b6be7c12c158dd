/* bel-initials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-initials.h"

/* libadwaita's avatar palette: avatar.color1 … avatar.color14 */
#define N_COLORS 14

struct _BelInitials
{
  GtkWidget    parent_instance;

  int          size;
  char        *text;
  guint        color;
  PangoLayout *layout;         /* made when first drawn */
  guint        layout_serial;  /* of the pango context it was made with */
};

G_DEFINE_FINAL_TYPE (BelInitials, bel_initials, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SIZE, PROP_TEXT, N_PROPS };
static GParamSpec *props[N_PROPS];

/* The first letter of the first and of the last word, as AdwAvatar takes them. */
static char *
initials_of (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *normalized = g_utf8_normalize (g_strstrip (upper), -1, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *initials = g_string_new (NULL);
  const char *last_space;

  if (normalized == NULL || *normalized == '\0')
    return g_string_free (initials, FALSE);
  g_string_append_unichar (initials, g_utf8_get_char (normalized));
  last_space = g_utf8_strrchr (normalized, -1, ' ');
  if (last_space != NULL && g_utf8_get_char (g_utf8_next_char (last_space)) != 0)
    g_string_append_unichar (initials, g_utf8_get_char (g_utf8_next_char (last_space)));
  return g_string_free (initials, FALSE);
}

/* The initials at the size AdwAvatar gives them: the largest that fits the
 * square inside the disc, less a padding that grows with the disc. */
static PangoLayout *
make_layout (BelInitials *self)
{
  g_autofree char *initials = initials_of (self->text);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), initials);
  double max_size = self->size / 1.4142 - MAX (self->size * 0.4 - 5, 0);
  PangoAttrList *attributes;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (width > 0)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes,
                              pango_attr_size_new_absolute (CLAMP (height * max_size / width, 0, max_size) * PANGO_SCALE));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  return layout;
}

static void
bel_initials_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BelInitials *self = BEL_INITIALS (widget);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (widget));
  GdkRGBA color;
  int width, height;

  if (self->text == NULL || *self->text == '\0')
    return;
  /* Made again when the font changed (text scaling, another display). */
  if (self->layout == NULL || self->layout_serial != serial)
    {
      g_clear_object (&self->layout);
      self->layout = make_layout (self);
      self->layout_serial = serial;
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  pango_layout_get_pixel_size (self->layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((gtk_widget_get_width (widget) - width) / 2.f,
                                                          (gtk_widget_get_height (widget) - height) / 2.f));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
bel_initials_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = BEL_INITIALS (widget)->size;
}

static void
bel_initials_finalize (GObject *object)
{
  BelInitials *self = BEL_INITIALS (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (bel_initials_parent_class)->finalize (object);
}

static void
bel_initials_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BelInitials *self = BEL_INITIALS (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_initials_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BelInitials *self = BEL_INITIALS (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      self->size = g_value_get_int (value);
      /* white initials on a small disc, as AdwAvatar */
      if (self->size < 25)
        gtk_widget_add_css_class (GTK_WIDGET (self), "contrasted");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "contrasted");
      g_clear_object (&self->layout);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_TEXT:
      bel_initials_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_initials_class_init (BelInitialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bel_initials_finalize;
  object_class->get_property = bel_initials_get_property;
  object_class->set_property = bel_initials_set_property;
  props[PROP_SIZE] = g_param_spec_int ("size", NULL, NULL, 0, G_MAXINT, 32,
                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  widget_class->snapshot = bel_initials_snapshot;
  widget_class->measure = bel_initials_measure;
  gtk_widget_class_set_css_name (widget_class, "avatar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bel_initials_init (BelInitials *self)
{
  self->size = 32;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
bel_initials_new (int         size,
                  const char *text)
{
  return g_object_new (BEL_TYPE_INITIALS, "size", size, "text", text, NULL);
}

void
bel_initials_set_text (BelInitials *self,
                       const char  *text)
{
  char color_class[16];
  guint color;

  g_return_if_fail (BEL_IS_INITIALS (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  /* the colour AdwAvatar picks for the same text */
  color = text != NULL && *text != '\0' ? g_str_hash (text) % N_COLORS + 1 : 1;
  if (color != self->color)
    {
      if (self->color != 0)
        {
          g_snprintf (color_class, sizeof color_class, "color%u", self->color);
          gtk_widget_remove_css_class (GTK_WIDGET (self), color_class);
        }
      g_snprintf (color_class, sizeof color_class, "color%u", color);
      gtk_widget_add_css_class (GTK_WIDGET (self), color_class);
      self->color = color;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bel_initials_get_text (BelInitials *self)
{
  g_return_val_if_fail (BEL_IS_INITIALS (self), NULL);
  return self->text;
}
