/* Test helpers: this process's windows read as a screen reader reads them, through
 * AT-SPI on the accessibility bus. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CbAtspi CbAtspi;

/* One object of the accessible tree: its D-Bus path, with what a screen reader asks of
 * every object first. */
typedef struct
{
  char *path;
  char *name;
  char *description;
  guint role;        /* an AtspiRole */
  char *role_name;   /* the toolkit's name for it: "push button", "text box" … */
  guint64 states;    /* a bit per AtspiStateType */
  char **interfaces;
} CbAtspiNode;

/* The AT-SPI roles the tests look for (AtspiRole). */
enum {
  CB_ATSPI_ROLE_INVALID = 0,
  CB_ATSPI_ROLE_CHECK_BOX = 7,
  CB_ATSPI_ROLE_COMBO_BOX = 11,
  CB_ATSPI_ROLE_FILLER = 20,
  CB_ATSPI_ROLE_LABEL = 29,
  CB_ATSPI_ROLE_LIST_ITEM = 32,
  CB_ATSPI_ROLE_MENU_ITEM = 35,
  CB_ATSPI_ROLE_PAGE_TAB = 37,
  CB_ATSPI_ROLE_PANEL = 39,
  CB_ATSPI_ROLE_PUSH_BUTTON = 43,
  CB_ATSPI_ROLE_RADIO_BUTTON = 44,
  CB_ATSPI_ROLE_SCROLL_PANE = 49,
  CB_ATSPI_ROLE_SLIDER = 51,
  CB_ATSPI_ROLE_SPIN_BUTTON = 52,
  CB_ATSPI_ROLE_SPLIT_PANE = 53,
  CB_ATSPI_ROLE_TEXT = 61,
  CB_ATSPI_ROLE_TOGGLE_BUTTON = 62,
  CB_ATSPI_ROLE_ENTRY = 79,
  CB_ATSPI_ROLE_SECTION = 85,
};

/* The AT-SPI states the tests look at (AtspiStateType). */
enum {
  CB_ATSPI_STATE_EDITABLE = 7,
  CB_ATSPI_STATE_EXPANDABLE = 9,
  CB_ATSPI_STATE_EXPANDED = 10,
  CB_ATSPI_STATE_FOCUSABLE = 11,
  CB_ATSPI_STATE_FOCUSED = 12,
  CB_ATSPI_STATE_SHOWING = 25,
  CB_ATSPI_STATE_VISIBLE = 30,
};

CbAtspi     *cb_test_atspi_new            (void);
void         cb_test_atspi_free           (CbAtspi     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAtspi, cb_test_atspi_free)

GVariant    *cb_test_atspi_call           (CbAtspi     *self,
                                           const char  *path,
                                           const char  *interface,
                                           const char  *method,
                                           GVariant    *parameters,
                                           const char  *reply_type);
CbAtspiNode *cb_test_atspi_node           (CbAtspi     *self,
                                           const char  *path);
void         cb_test_atspi_node_free      (CbAtspiNode *node);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAtspiNode, cb_test_atspi_node_free)
gboolean     cb_test_atspi_node_has_state (CbAtspiNode *node,
                                           guint        state);
gboolean     cb_test_atspi_node_implements (CbAtspiNode *node,
                                            const char  *interface);
GPtrArray   *cb_test_atspi_children       (CbAtspi     *self,
                                           const char  *path);
GPtrArray   *cb_test_atspi_walk           (CbAtspi     *self,
                                           const char  *path);
CbAtspiNode *cb_test_atspi_find           (CbAtspi     *self,
                                           guint        role,
                                           const char  *name);
const char  *cb_test_atspi_root           (CbAtspi     *self);
char        *cb_test_atspi_get_string     (CbAtspi     *self,
                                           const char  *path,
                                           const char  *interface,
                                           const char  *property);
int          cb_test_atspi_get_int        (CbAtspi     *self,
                                           const char  *path,
                                           const char  *interface,
                                           const char  *property);
CbAtspiNode *cb_test_atspi_find_window    (CbAtspi     *self,
                                           const char  *name);

/* What a screen reader hears: the object that last reported the focus, and the last
 * description a focused object changed to. */
const char  *cb_test_atspi_focus_reported (CbAtspi     *self);
void         cb_test_atspi_forget_events  (CbAtspi     *self);
const char  *cb_test_atspi_description_heard (CbAtspi  *self,
                                              const char **path);

G_END_DECLS
