#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a break between two pieces of text is: a line break, or a new paragraph. */
#define CB_TEXT_SINK_LINE 1
#define CB_TEXT_SINK_PARAGRAPH 2

typedef struct _CbTextSink CbTextSink;

CbTextSink *cb_text_sink_new               (void);
void        cb_text_sink_free              (CbTextSink *self);
void        cb_text_sink_append            (CbTextSink *self,
                                            const char *text);
void        cb_text_sink_append_line       (CbTextSink *self,
                                            const char *text);
void        cb_text_sink_break             (CbTextSink *self,
                                            guint       kind);
void        cb_text_sink_space             (CbTextSink *self);
gboolean    cb_text_sink_set_preformatted  (CbTextSink *self,
                                            gboolean    preformatted);
void        cb_text_sink_marker            (CbTextSink *self,
                                            guint       reporter,
                                            guint       page);
void        cb_text_sink_reference         (CbTextSink *self,
                                            const char *label);
CbTextSink *cb_text_sink_begin_note        (CbTextSink *self,
                                            const char *label);
void        cb_text_sink_end_note          (CbTextSink *note);
char       *cb_text_sink_finish            (CbTextSink *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbTextSink, cb_text_sink_free)

G_END_DECLS
