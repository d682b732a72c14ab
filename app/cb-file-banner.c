/* The file banner: a strip at the top of a window saying what became of its file on
 * disk (changed by another program, deleted, unreadable), with what can be done. Its
 * buttons name the window's document.reload, document.keep-mine and document.save-as
 * actions (cb-document-window.c). */
#define G_LOG_DOMAIN "cb-file-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-file-banner.h"

struct _CbFileBanner
{
  AdwBin parent_instance;

  CbDocument *document;
  char *message;

  GtkRevealer *revealer;
  GtkLabel *label;
  GtkWidget *reload_button;
};

G_DEFINE_FINAL_TYPE (CbFileBanner, cb_file_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe (CbDocument *document)
{
  g_autofree char *name = cb_document_dup_file_name (document);
  const GError *error = cb_document_get_disk_error (document);

  switch (cb_document_get_disk_state (document))
    {
    case CB_DOCUMENT_DISK_CHANGED:
      /* Translators: a file's name */
      return g_strdup_printf (_("“%s” was changed by another program. This window still shows your version."),
                              name);
    case CB_DOCUMENT_DISK_DELETED:
      /* Translators: a file's name */
      return g_strdup_printf (_("“%s” was deleted or moved away. Your work is kept in this window."), name);
    case CB_DOCUMENT_DISK_UNREADABLE:
      /* Translators: a file's name, then why it cannot be read */
      return g_strdup_printf (_("“%s” changed on disk and cannot be opened (%s). Your work is kept in this window."),
                              name, error != NULL ? error->message : "");
    case CB_DOCUMENT_DISK_UNCHANGED:
    default:
      return NULL;
    }
}

static void
update (CbFileBanner *self)
{
  CbDocumentDiskState state = self->document ? cb_document_get_disk_state (self->document)
                                             : CB_DOCUMENT_DISK_UNCHANGED;
  /* A change to an unmodified document is read again at once, with nothing to ask. */
  gboolean reveal = state == CB_DOCUMENT_DISK_DELETED || state == CB_DOCUMENT_DISK_UNREADABLE ||
                    (state == CB_DOCUMENT_DISK_CHANGED && cb_document_get_modified (self->document));

  g_clear_pointer (&self->message, g_free);
  if (reveal)
    {
      self->message = describe (self->document);
      gtk_label_set_label (self->label, self->message);
      gtk_widget_set_visible (self->reload_button, state != CB_DOCUMENT_DISK_DELETED);
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
    }
  gtk_revealer_set_reveal_child (self->revealer, reveal);
}

static void
child_revealed_cb (CbFileBanner *self)
{
  /* Hidden once it slid away, so nothing in it takes the focus. */
  if (!gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
cb_file_banner_dispose (GObject *object)
{
  CbFileBanner *self = CB_FILE_BANNER (object);

  cb_file_banner_set_document (self, NULL);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (cb_file_banner_parent_class)->dispose (object);
}

static void
cb_file_banner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CbFileBanner *self = CB_FILE_BANNER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_file_banner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CbFileBanner *self = CB_FILE_BANNER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cb_file_banner_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_file_banner_class_init (CbFileBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_file_banner_dispose;
  object_class->get_property = cb_file_banner_get_property;
  object_class->set_property = cb_file_banner_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-file-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CbFileBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, CbFileBanner, label);
  gtk_widget_class_bind_template_child (widget_class, CbFileBanner, reload_button);
  gtk_widget_class_bind_template_callback (widget_class, child_revealed_cb);
}

static void
cb_file_banner_init (CbFileBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cb_file_banner_get_document:
 * @self: a banner
 *
 * Returns: (transfer none) (nullable): the document whose file the banner speaks of
 */
CbDocument *
cb_file_banner_get_document (CbFileBanner *self)
{
  g_return_val_if_fail (CB_IS_FILE_BANNER (self), NULL);
  return self->document;
}

/**
 * cb_file_banner_set_document:
 * @self: a banner
 * @document: (nullable): the document whose file the banner speaks of
 *
 * Sets the document; the banner shows itself when its file changes on disk under
 * unsaved work, is deleted or can no longer be read, and hides when that is settled.
 */
void
cb_file_banner_set_document (CbFileBanner *self,
                             CbDocument   *document)
{
  g_return_if_fail (CB_IS_FILE_BANNER (self));
  g_return_if_fail (document == NULL || CB_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::disk-state", G_CALLBACK (update), self);
      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (update), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (update), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cb_file_banner_get_revealed:
 * @self: a banner
 *
 * Returns: whether the banner is shown (or sliding in)
 */
gboolean
cb_file_banner_get_revealed (CbFileBanner *self)
{
  g_return_val_if_fail (CB_IS_FILE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * cb_file_banner_get_message:
 * @self: a banner
 *
 * Returns: (nullable): what the banner says, while it is shown
 */
const char *
cb_file_banner_get_message (CbFileBanner *self)
{
  g_return_val_if_fail (CB_IS_FILE_BANNER (self), NULL);
  return self->message;
}
