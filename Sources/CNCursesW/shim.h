// The C side of the ncurses backend. SwiftPM drops pkg-config's -D flags, so the
// wide-character API is switched on here, before the header is read.
#ifndef CLIENTELE_CNCURSESW_SHIM_H
#define CLIENTELE_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/// `wcwidth` is not visible through Glibc's Swift overlay.
int wcwidth(wchar_t c);

// Macros Swift cannot import.
static inline attr_t clientele_attr_bold(void) { return A_BOLD; }
static inline attr_t clientele_attr_reverse(void) { return A_REVERSE; }
static inline attr_t clientele_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t clientele_attr_dim(void) { return A_DIM; }
static inline attr_t clientele_attr_normal(void) { return A_NORMAL; }
static inline int clientele_key_f(int n) { return KEY_F(n); }
static inline int clientele_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int clientele_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

#endif
