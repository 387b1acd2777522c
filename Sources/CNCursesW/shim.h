#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
// SwiftPM drops the -D flags pkg-config prints, so the wide-character API must be enabled here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <curses.h>

// Swift 6 rejects reads of mutable C globals and cannot import macros that expand to
// expressions; these wrappers are the whole bridge, nothing more.

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cnc_attr_bold(void) { return A_BOLD; }
static inline attr_t cnc_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_attr_dim(void) { return A_DIM; }

static inline mmask_t cnc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnc_button5_pressed(void) { return BUTTON5_PRESSED; }

// ncurses numbers the cells of a wide character in the character bits of their attributes
// (0: narrow, 1: left half, 2: right half); getcchar hides that, the headless checks read it.
static inline int cnc_wide_cell_part(const cchar_t *cell) {
    return (int)(cell->attr & A_CHARTEXT);
}

// tigetstr returns (char *)-1 for a name that is not a string capability.
static inline const char *cnc_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

static inline int cnc_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL
        && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
