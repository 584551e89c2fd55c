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
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
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

static inline attr_t clientele_attr_italic(void) { return A_ITALIC; }

/// Sets a window's attributes and colour pair through the extended-colour argument, so pairs
/// above 255 (and above 32767 with extended colours) work; `COLOR_PAIR()` keeps only 8 bits.
static inline int clientele_set_style(WINDOW *w, attr_t attributes, int pair) {
    return wattr_set(w, attributes, (short)(pair > 32767 ? 0 : pair), &pair);
}

// ---------------------------------------------------------------------------------------------
// Giving the terminal back from a signal handler.
//
// A handler may only call async-signal-safe functions, and endwin() is not one. So while the UI
// runs, the bytes that leave full-screen mode (sgr0, rmkx, rmcup, cnorm, read from terminfo at
// start) and the shell's termios are kept here; a handler writes the bytes with write(2),
// restores the termios with tcsetattr(3) (both async-signal-safe), then exits with 128+signal
// (termination signals) or re-raises under the previous disposition (crash signals, so Swift's
// backtracer or the default core dump still happen).
//
// The state is `static` in a header, so every Swift file that calls these functions gets its own
// copy: only Sources/Terminal/SignalGuard.swift may call them.
// ---------------------------------------------------------------------------------------------

struct clientele_restore_state {
    volatile sig_atomic_t armed;
    volatile sig_atomic_t handlers_installed;
    int fd;
    int has_termios;
    struct termios termios;
    char sequence[512];
    size_t length;
    struct sigaction previous_actions[NSIG];
};

/// The one state record. A function-local static, because Swift only emits what a header's
/// inline functions contain, not file-scope statics.
static inline struct clientele_restore_state *clientele_state(void) {
    static struct clientele_restore_state state;
    return &state;
}

// Signal lists as macros: file-scope arrays would not be emitted either.
#define CLIENTELE_TERMINATION_SIGNALS { SIGTERM, SIGHUP, SIGINT, SIGQUIT }
#define CLIENTELE_CRASH_SIGNALS { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP }

/// Writes the leave-full-screen bytes and restores the shell's termios, once.
static void clientele_restore_from_signal(void) {
    struct clientele_restore_state *state = clientele_state();
    if (!state->armed) return;
    state->armed = 0;
    size_t written = 0;
    while (written < state->length) {
        ssize_t n = write(state->fd, state->sequence + written,
                          state->length - written);
        if (n <= 0) break;
        written += (size_t)n;
    }
    if (state->has_termios) {
        tcsetattr(state->fd, TCSANOW, &state->termios);
    }
}

static void clientele_on_termination(int sig) {
    clientele_restore_from_signal();
    _exit(128 + sig);
}

static void clientele_on_crash(int sig) {
    struct clientele_restore_state *state = clientele_state();
    clientele_restore_from_signal();
    // Blocked while this handler runs: delivered to the previous disposition on return.
    sigaction(sig, &state->previous_actions[sig], (struct sigaction *)0);
    raise(sig);
}

/// Remembers the shell's termios of `fd`; call before ncurses changes it.
static inline void clientele_restore_prepare(int fd) {
    struct clientele_restore_state *state = clientele_state();
    state->armed = 0;
    state->fd = fd;
    state->length = 0;
    state->has_termios = tcgetattr(fd, &state->termios) == 0;
}

static inline void clientele_restore_append(const char *capability) {
    struct clientele_restore_state *state = clientele_state();
    const char *value = tigetstr((char *)capability);
    if (value == (const char *)0 || value == (const char *)-1) return;
    size_t length = strlen(value);
    if (state->length + length >= sizeof(state->sequence)) return;
    memcpy(state->sequence + state->length, value, length);
    state->length += length;
}

/// Reads the leave-full-screen bytes from the terminfo entry ncurses loaded; arms the handlers.
static inline void clientele_restore_arm(void) {
    struct clientele_restore_state *state = clientele_state();
    state->armed = 0;
    state->length = 0;
    clientele_restore_append("sgr0");
    clientele_restore_append("rmkx");
    clientele_restore_append("rmcup");
    clientele_restore_append("cnorm");
    state->armed = 1;
}

/// Stops handlers from touching the terminal (it has been given back normally).
static inline void clientele_restore_disarm(void) { clientele_state()->armed = 0; }

static inline void clientele_install_one(int sig, void (*handler)(int), int flags) {
    struct clientele_restore_state *state = clientele_state();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    sigaction(sig, &action, &state->previous_actions[sig]);
}

/// Installs the termination and crash handlers; call before `newterm`, so ncurses keeps its own
/// off SIGINT and SIGTERM (it only installs where the disposition is still the default).
static inline void clientele_install_signal_handlers(void) {
    struct clientele_restore_state *state = clientele_state();
    const int termination[] = CLIENTELE_TERMINATION_SIGNALS;
    const int crash[] = CLIENTELE_CRASH_SIGNALS;
    if (state->handlers_installed) return;
    for (size_t i = 0; i < sizeof termination / sizeof(int); i++) {
        int sig = termination[i];
        struct sigaction current;
        // A signal the parent ignores (nohup, a background job) stays ignored.
        if (sigaction(sig, (struct sigaction *)0, &current) == 0 && current.sa_handler == SIG_IGN) {
            state->previous_actions[sig] = current;
            continue;
        }
        clientele_install_one(sig, clientele_on_termination, 0);
    }
    for (size_t i = 0; i < sizeof crash / sizeof(int); i++) {
        clientele_install_one(crash[i], clientele_on_crash, SA_ONSTACK);
    }
    state->handlers_installed = 1;
}

/// Puts back the dispositions found at install time.
static inline void clientele_uninstall_signal_handlers(void) {
    struct clientele_restore_state *state = clientele_state();
    const int termination[] = CLIENTELE_TERMINATION_SIGNALS;
    const int crash[] = CLIENTELE_CRASH_SIGNALS;
    if (!state->handlers_installed) return;
    for (size_t i = 0; i < sizeof termination / sizeof(int); i++) {
        int sig = termination[i];
        sigaction(sig, &state->previous_actions[sig], (struct sigaction *)0);
    }
    for (size_t i = 0; i < sizeof crash / sizeof(int); i++) {
        int sig = crash[i];
        sigaction(sig, &state->previous_actions[sig], (struct sigaction *)0);
    }
    state->handlers_installed = 0;
}

/// Stops the process group as the terminal's own Ctrl-Z would, and returns once continued.
/// Returns 0 without stopping when SIGTSTP is ignored (no job control: nobody could resume us).
static inline int clientele_stop_for_job_control(void) {
    struct sigaction current;
    if (sigaction(SIGTSTP, (struct sigaction *)0, &current) != 0) return 0;
    if (current.sa_handler == SIG_IGN) return 0;
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, (struct sigaction *)0);
    sigset_t unblock, previous_mask;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, &previous_mask);
    kill(0, SIGTSTP);
    sigprocmask(SIG_SETMASK, &previous_mask, (sigset_t *)0);
    sigaction(SIGTSTP, &current, (struct sigaction *)0);
    return 1;
}

#endif
