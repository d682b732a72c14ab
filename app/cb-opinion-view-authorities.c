/* Opinion view: the table of authorities, the cases then the statutes the opinion
 * cites, each with how often; choosing one goes to where the opinion first cites it. */
#define G_LOG_DOMAIN "cb-opinion-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-opinion-view-private.h"

/* A row of the table of authorities: the authority, wrapped at words if it must be,
 * and how often the opinion cites it. */
static GtkWidget *
authority_row_new (const CbAuthority *authority)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (authority->label);
  g_autofree char *count = g_strdup_printf ("%u", authority->count);
  GtkWidget *count_label = gtk_label_new (count);
  g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cited once", "Cited %u times",
                                                         authority->count),
                                            authority->count);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", authority->label, times);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wide enough for a case name and its citation on one line, as a table of
   * authorities sets them; a long one wraps at a word. */
  gtk_label_set_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_set_valign (count_label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (count_label, times);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The cases, then the statutes, each group headed with how many there are. */
void
_cb_opinion_view_update_authorities (CbOpinionView *self)
{
  guint n_cases = 0, n_statutes = 0;
  g_autofree char *cases = NULL;
  g_autofree char *statutes = NULL;

  clear_list (self->cases_list);
  clear_list (self->statutes_list);
  g_clear_pointer (&self->authorities, g_ptr_array_unref);
  g_ptr_array_set_size (self->authority_rows, 0);

  if (self->opinion == NULL)
    return;

  self->authorities = cb_citation_authorities (cb_opinion_get_citations (self->opinion));
  for (guint i = 0; i < self->authorities->len; i++)
    {
      const CbAuthority *authority = g_ptr_array_index (self->authorities, i);
      GtkWidget *row = authority_row_new (authority);
      gboolean statute = authority->kind == CB_CITATION_STATUTE;

      g_object_set_data (G_OBJECT (row), "cb-authority", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (statute ? self->statutes_list : self->cases_list, row);
      g_ptr_array_add (self->authority_rows, row);
      if (statute)
        n_statutes++;
      else
        n_cases++;
    }

  /* Translators: the heading of the cases an opinion cites, with how many */
  cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Case", "%u Cases", n_cases), n_cases);
  /* Translators: the heading of the statutes an opinion cites, with how many */
  statutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Statute", "%u Statutes", n_statutes), n_statutes);
  gtk_label_set_label (self->cases_heading, cases);
  gtk_label_set_label (self->statutes_heading, statutes);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_heading), n_cases > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_list), n_cases > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->statutes_heading), n_statutes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->statutes_list), n_statutes > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->authorities_button), self->authorities->len > 0);
}

static void
authority_activated_cb (CbOpinionView *self,
                        GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cb-authority"));
  const CbAuthority *authority;

  g_return_if_fail (index > 0 && index <= self->authorities->len);
  authority = g_ptr_array_index (self->authorities, index - 1);
  gtk_menu_button_popdown (self->authorities_button);
  cb_opinion_view_show_range (self, authority->first_start, authority->first_end);
}

void
_cb_opinion_view_authorities_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, authority_activated_cb);
}

/**
 * cb_opinion_view_get_authorities:
 * @self: the view
 *
 * Returns: (transfer none) (element-type CbAuthority) (nullable): the authorities listed
 */
GPtrArray *
cb_opinion_view_get_authorities (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return self->authorities;
}

/**
 * cb_opinion_view_activate_authority:
 * @self: the view
 * @index: an authority, by its place in cb_opinion_view_get_authorities()
 *
 * Goes to the first place the opinion cites that authority, as choosing it does.
 */
void
cb_opinion_view_activate_authority (CbOpinionView *self,
                                    guint          index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CB_IS_OPINION_VIEW (self));

  g_return_if_fail (index < self->authority_rows->len);
  row = g_ptr_array_index (self->authority_rows, index);
  authority_activated_cb (self, row);
}

/**
 * cb_opinion_view_get_authorities_popover:
 * @self: the view
 *
 * Returns: (transfer none): the popover of Authorities, the opinion's table of
 *   authorities
 */
GtkWidget *
cb_opinion_view_get_authorities_popover (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return GTK_WIDGET (gtk_menu_button_get_popover (self->authorities_button));
}
