#ifndef CNCURSESW_SIGNALS_H
#define CNCURSESW_SIGNALS_H
// Signal handlers must be async-signal-safe, so they live here in C and touch nothing but
// sig_atomic_t flags, write() and tcsetattr().
//
// The state sits in a function-local static: Swift does not emit file-scope statics of an
// imported header (they end up as undefined symbols), but it does emit the statics of the
// inline functions it calls. Being `static`, each Swift file calling these functions gets its
// own copy of the state, so only TerminalSignals.swift may call them.
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum {
    CNC_STOP_SIGNAL_COUNT = 3,
    CNC_CRASH_SIGNAL_COUNT = 6,
    CNC_RESET_CAPACITY = 256,
};

struct cnc_signal_state {
    // Stop requests (SIGTERM, SIGHUP, SIGINT): remembered, acted on by the run loop.
    volatile sig_atomic_t stop_received;
    struct sigaction stop_previous[CNC_STOP_SIGNAL_COUNT];
    sigset_t stop_previously_blocked;
    // Emergency restore: on a crash or an exit() that skipped close(), put the terminal back.
    volatile sig_atomic_t restore_armed;
    int restore_fd;
    int has_modes;
    struct termios modes;
    char reset[CNC_RESET_CAPACITY];
    size_t reset_length;
    int crash_handlers_installed;
    int atexit_registered;
    struct sigaction crash_previous[CNC_CRASH_SIGNAL_COUNT];
};

static inline struct cnc_signal_state *cnc_signal_state(void) {
    static struct cnc_signal_state state;
    return &state;
}

static inline int cnc_stop_signal(int index) {
    switch (index) {
    case 0: return SIGTERM;
    case 1: return SIGHUP;
    default: return SIGINT;
    }
}

static inline int cnc_crash_signal(int index) {
    switch (index) {
    case 0: return SIGSEGV;
    case 1: return SIGBUS;
    case 2: return SIGILL;
    case 3: return SIGFPE;
    case 4: return SIGTRAP;
    default: return SIGABRT;
    }
}

static inline void cnc_stop_handler(int signal_number) {
    cnc_signal_state()->stop_received = signal_number;
}

/// Catches the stop signals, and unblocks them on the calling thread: a program started with
/// them blocked (spawned from a thread pool that blocks signals) could not be stopped otherwise.
static inline void cnc_stop_signals_install(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cnc_stop_handler;
    sigemptyset(&action.sa_mask);
    state->stop_received = 0;
    sigset_t stop_set, current;
    sigemptyset(&stop_set);
    sigemptyset(&state->stop_previously_blocked);
    pthread_sigmask(SIG_BLOCK, NULL, &current);
    for (int i = 0; i < CNC_STOP_SIGNAL_COUNT; i++) {
        int signal_number = cnc_stop_signal(i);
        sigaction(signal_number, &action, &state->stop_previous[i]);
        sigaddset(&stop_set, signal_number);
        if (sigismember(&current, signal_number)) sigaddset(&state->stop_previously_blocked, signal_number);
    }
    pthread_sigmask(SIG_UNBLOCK, &stop_set, NULL);
}

static inline void cnc_stop_signals_remove(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    pthread_sigmask(SIG_BLOCK, &state->stop_previously_blocked, NULL);
    for (int i = 0; i < CNC_STOP_SIGNAL_COUNT; i++) {
        sigaction(cnc_stop_signal(i), &state->stop_previous[i], NULL);
    }
}

/// The signal that asked us to stop, or 0. Not cleared until the next install: a stop is final.
static inline int cnc_stop_signal_received(void) { return cnc_signal_state()->stop_received; }

static inline void cnc_restore_now(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    if (!state->restore_armed) return;
    state->restore_armed = 0;
    if (state->reset_length > 0) {
        ssize_t ignored = write(state->restore_fd, state->reset, state->reset_length);
        (void)ignored;
    }
    if (state->has_modes) tcsetattr(state->restore_fd, TCSANOW, &state->modes);
}

static inline void cnc_crash_handler(int signal_number) {
    struct cnc_signal_state *state = cnc_signal_state();
    cnc_restore_now();
    for (int i = 0; i < CNC_CRASH_SIGNAL_COUNT; i++) {
        if (cnc_crash_signal(i) == signal_number) sigaction(signal_number, &state->crash_previous[i], NULL);
    }
    // A fault re-executes the faulting instruction on return and so reaches the previous handler
    // (the Swift backtracer, or the default) with its real context; abort() and traps must be
    // raised again, and stay pending until this handler returns.
    if (signal_number == SIGABRT || signal_number == SIGTRAP) raise(signal_number);
}

/// Records the terminal modes of `fd` as they are before curses changes them.
static inline void cnc_restore_capture_modes(int fd) {
    struct cnc_signal_state *state = cnc_signal_state();
    state->restore_fd = fd;
    state->has_modes = tcgetattr(fd, &state->modes) == 0;
}

/// Arms the emergency restore with the bytes that undo curses' screen setup.
static inline void cnc_restore_arm(const char *reset, size_t length) {
    struct cnc_signal_state *state = cnc_signal_state();
    if (length > CNC_RESET_CAPACITY) length = CNC_RESET_CAPACITY;
    memcpy(state->reset, reset, length);
    state->reset_length = length;
    if (!state->crash_handlers_installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cnc_crash_handler;
        sigemptyset(&action.sa_mask);
        state->crash_handlers_installed = 1;
        for (int i = 0; i < CNC_CRASH_SIGNAL_COUNT; i++) {
            sigaction(cnc_crash_signal(i), &action, &state->crash_previous[i]);
        }
    }
    if (!state->atexit_registered) {
        state->atexit_registered = 1;
        atexit(cnc_restore_now);
    }
    state->restore_armed = 1;
}

static inline void cnc_restore_disarm(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    state->restore_armed = 0;
    if (!state->crash_handlers_installed) return;
    state->crash_handlers_installed = 0;
    for (int i = 0; i < CNC_CRASH_SIGNAL_COUNT; i++) {
        sigaction(cnc_crash_signal(i), &state->crash_previous[i], NULL);
    }
}

#endif
