#define G_LOG_DOMAIN "cb-excerpt-block"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-excerpt-block.h"

/* A quotation of the opinion inside a section: the quoted text in typographic quotes,
 * then its pin cite. It is read-only and linked: activating it shows the source. */
struct _CbExcerptBlock
{
  AdwBin parent_instance;

  CbBrief *brief;
  CbExcerpt *excerpt;

  GtkButton *button;
  GtkLabel *quote_label;
  GtkLabel *cite_label;
  GtkImage *status_image;
  GtkPopoverMenu *context_menu;
};

G_DEFINE_FINAL_TYPE (CbExcerptBlock, cb_excerpt_block, ADW_TYPE_BIN)

static void
update (CbExcerptBlock *self)
{
  CbAnchorStatus status = cb_excerpt_get_status (self->excerpt);
  g_autofree char *quote = cb_brief_dup_quotation (self->brief, self->excerpt);
  g_autofree char *cite = cb_brief_dup_pin_cite (self->brief, self->excerpt);
  g_autofree char *accessible = NULL;
  const char *problem = NULL;

  gtk_label_set_label (self->quote_label, quote);
  gtk_label_set_label (self->cite_label, cite ? cite : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cite_label), cite != NULL);

  if (status == CB_ANCHOR_ORPHAN)
    problem = _("This passage is no longer in the opinion. It is kept as you quoted it.");
  else if (status == CB_ANCHOR_NEEDS_REVIEW)
    problem = _("The opinion changed here. Check that this quotation is still right.");

  gtk_widget_set_visible (GTK_WIDGET (self->status_image), problem != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), problem);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               problem ? problem : _("Show this passage in the opinion"));

  accessible = g_strdup_printf ("%s %s", quote, cite ? cite : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : _("Quotation from the opinion. Activate to show it there."),
                                  -1);
}

static void
clicked_cb (CbExcerptBlock *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-excerpt", "s",
                              cb_excerpt_get_id (self->excerpt));
}

/* The menu is made when first asked for: a brief may show thousands of quotations. */
static GtkPopover *
ensure_context_menu (CbExcerptBlock *self)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("_Show in Opinion"), "excerpt.show");
      g_menu_append (menu, _("_Remove Excerpt"), "excerpt.remove");
      self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));
    }
  return GTK_POPOVER (self->context_menu);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CbExcerptBlock  *self)
{
  GtkPopover *menu = ensure_context_menu (self);

  gtk_popover_set_pointing_to (menu, &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (menu);
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  clicked_cb (CB_EXCERPT_BLOCK (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CbExcerptBlock *self = CB_EXCERPT_BLOCK (widget);

  gtk_widget_activate_action (widget, "section.remove-excerpt", "s",
                              cb_excerpt_get_id (self->excerpt));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkPopover *menu = ensure_context_menu (CB_EXCERPT_BLOCK (widget));

  gtk_popover_set_pointing_to (menu, NULL);
  gtk_popover_popup (menu);
}

static void
cb_excerpt_block_dispose (GObject *object)
{
  CbExcerptBlock *self = CB_EXCERPT_BLOCK (object);

  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->context_menu));
  self->context_menu = NULL;
  g_clear_object (&self->excerpt);
  g_clear_object (&self->brief);
  /* The bin's child is a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_EXCERPT_BLOCK);

  G_OBJECT_CLASS (cb_excerpt_block_parent_class)->dispose (object);
}

static void
cb_excerpt_block_class_init (CbExcerptBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_excerpt_block_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-excerpt-block.ui");
  gtk_widget_class_bind_template_child (widget_class, CbExcerptBlock, button);
  gtk_widget_class_bind_template_child (widget_class, CbExcerptBlock, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CbExcerptBlock, cite_label);
  gtk_widget_class_bind_template_child (widget_class, CbExcerptBlock, status_image);
  gtk_widget_class_bind_template_callback (widget_class, clicked_cb);

  gtk_widget_class_install_action (widget_class, "excerpt.show", NULL, show_action);
  gtk_widget_class_install_action (widget_class, "excerpt.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "excerpt.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "excerpt.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "excerpt.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "excerpt.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "excerpt.menu", NULL);
}

static void
cb_excerpt_block_init (CbExcerptBlock *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/**
 * cb_excerpt_block_new:
 * @brief: the brief
 * @excerpt: one of its excerpts
 * @color_index: the colour of the excerpt's section
 *
 * Returns: (transfer floating): a block showing @excerpt as a quotation
 */
CbExcerptBlock *
cb_excerpt_block_new (CbBrief   *brief,
                      CbExcerpt *excerpt,
                      guint      color_index)
{
  CbExcerptBlock *self;
  g_autofree char *css_class = g_strdup_printf ("section-color-%u", color_index % 8);

  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (CB_IS_EXCERPT (excerpt), NULL);

  self = g_object_new (CB_TYPE_EXCERPT_BLOCK, NULL);
  self->brief = g_object_ref (brief);
  self->excerpt = g_object_ref (excerpt);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), css_class);

  g_signal_connect_object (excerpt, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (brief, "notify::citation", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (brief, "notify::cite-style", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

/**
 * cb_excerpt_block_get_excerpt:
 * @self: the block
 *
 * Returns: (transfer none): the excerpt shown
 */
CbExcerpt *
cb_excerpt_block_get_excerpt (CbExcerptBlock *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT_BLOCK (self), NULL);
  return self->excerpt;
}

/**
 * cb_excerpt_block_get_quote:
 * @self: the block
 *
 * Returns: the quotation as shown, in typographic quotes
 */
const char *
cb_excerpt_block_get_quote (CbExcerptBlock *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT_BLOCK (self), NULL);
  return gtk_label_get_label (self->quote_label);
}

/**
 * cb_excerpt_block_get_pin_cite:
 * @self: the block
 *
 * Returns: the pin cite as shown, or "" when the opinion has no pages
 */
const char *
cb_excerpt_block_get_pin_cite (CbExcerptBlock *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT_BLOCK (self), NULL);
  return gtk_label_get_label (self->cite_label);
}
