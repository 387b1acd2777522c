// Signal handlers must be async-signal-safe, so they live here in C and touch nothing but
// sig_atomic_t flags, write() and tcsetattr().
//
// The state is one object defined in this translation unit and nowhere else; Swift reaches it
// only through the out-of-line functions below, so the handlers, the installers and every Swift
// caller share one storage in every build configuration (DECISIONS.md, "Signal state lives in
// one C definition").
#include "csignals.h"
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
    // Job control (SIGTSTP from outside, SIGCONT after any stop): remembered for the run loop.
    volatile sig_atomic_t suspend_requested;
    volatile sig_atomic_t continued;
    struct sigaction tstp_previous;
    struct sigaction cont_previous;
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

static struct cnc_signal_state cnc_state;

static struct cnc_signal_state *cnc_signal_state(void) { return &cnc_state; }

static int cnc_stop_signal(int index) {
    switch (index) {
    case 0: return SIGTERM;
    case 1: return SIGHUP;
    default: return SIGINT;
    }
}

static int cnc_crash_signal(int index) {
    switch (index) {
    case 0: return SIGSEGV;
    case 1: return SIGBUS;
    case 2: return SIGILL;
    case 3: return SIGFPE;
    case 4: return SIGTRAP;
    default: return SIGABRT;
    }
}

static void cnc_stop_handler(int signal_number) {
    cnc_signal_state()->stop_received = signal_number;
}

static void cnc_job_control_handler(int signal_number) {
    if (signal_number == SIGTSTP) cnc_signal_state()->suspend_requested = 1;
    else cnc_signal_state()->continued = 1;
}

/// Catches the stop signals, and unblocks them on the calling thread: a program started with
/// them blocked (spawned from a thread pool that blocks signals) could not be stopped otherwise.
void cnc_stop_signals_install(void) {
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
    struct sigaction job_action = action;
    job_action.sa_handler = cnc_job_control_handler;
    job_action.sa_flags = SA_RESTART;
    state->suspend_requested = 0;
    state->continued = 0;
    sigaction(SIGTSTP, &job_action, &state->tstp_previous);
    sigaction(SIGCONT, &job_action, &state->cont_previous);
}

void cnc_stop_signals_remove(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    pthread_sigmask(SIG_BLOCK, &state->stop_previously_blocked, NULL);
    for (int i = 0; i < CNC_STOP_SIGNAL_COUNT; i++) {
        sigaction(cnc_stop_signal(i), &state->stop_previous[i], NULL);
    }
    sigaction(SIGTSTP, &state->tstp_previous, NULL);
    sigaction(SIGCONT, &state->cont_previous, NULL);
}

int cnc_take_suspend_request(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    int requested = state->suspend_requested;
    state->suspend_requested = 0;
    return requested;
}

int cnc_take_continued(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    int continued = state->continued;
    state->continued = 0;
    return continued;
}

void cnc_suspend_process(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    struct sigaction ours;
    sigaction(SIGTSTP, &state->tstp_previous, &ours);
    sigset_t tstp_set;
    sigemptyset(&tstp_set);
    sigaddset(&tstp_set, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &tstp_set, NULL);
    // The whole process group, as a shell's Ctrl-Z would: a pager in the same pipeline stops too.
    kill(0, SIGTSTP);
    // Execution resumes here after SIGCONT (`fg`).
    sigaction(SIGTSTP, &ours, NULL);
}

/// The signal that asked us to stop, or 0. Not cleared until the next install: a stop is final.
int cnc_stop_signal_received(void) { return cnc_signal_state()->stop_received; }

void cnc_restore_now(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    if (!state->restore_armed) return;
    state->restore_armed = 0;
    if (state->reset_length > 0) {
        ssize_t ignored = write(state->restore_fd, state->reset, state->reset_length);
        (void)ignored;
    }
    if (state->has_modes) tcsetattr(state->restore_fd, TCSANOW, &state->modes);
}

static void cnc_crash_handler(int signal_number) {
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
void cnc_restore_capture_modes(int fd) {
    struct cnc_signal_state *state = cnc_signal_state();
    state->restore_fd = fd;
    state->has_modes = tcgetattr(fd, &state->modes) == 0;
}

/// Arms the emergency restore with the bytes that undo curses' screen setup.
void cnc_restore_arm(const char *reset, size_t length) {
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

void cnc_restore_disarm(void) {
    struct cnc_signal_state *state = cnc_signal_state();
    state->restore_armed = 0;
    if (!state->crash_handlers_installed) return;
    state->crash_handlers_installed = 0;
    for (int i = 0; i < CNC_CRASH_SIGNAL_COUNT; i++) {
        sigaction(cnc_crash_signal(i), &state->crash_previous[i], NULL);
    }
}

