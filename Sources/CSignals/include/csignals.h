#ifndef CSIGNALS_H
#define CSIGNALS_H
// The terminal's signal state. Every function is defined once, in signals.c; nothing here is
// inline or static, so no caller can get a copy of the state of its own.
#include <stddef.h>

/// Catches SIGTERM, SIGHUP and SIGINT (and SIGTSTP/SIGCONT), and unblocks the stop signals on
/// the calling thread: a program started with them blocked could not be stopped otherwise.
void cnc_stop_signals_install(void);
void cnc_stop_signals_remove(void);
/// The signal that asked us to stop, or 0. Not cleared until the next install: a stop is final.
int cnc_stop_signal_received(void);

/// 1 once after a SIGTSTP arrived from outside (a raw-mode terminal sends Ctrl-Z as a key).
int cnc_take_suspend_request(void);
/// 1 once after a SIGCONT: the screen may have been drawn over while we were stopped.
int cnc_take_continued(void);
/// Stops the process group with SIGTSTP under its previous (default) disposition; returns once
/// the shell continues us.
void cnc_suspend_process(void);

/// Records the terminal modes of `fd` as they are before curses changes them.
void cnc_restore_capture_modes(int fd);
/// Arms the emergency restore with the bytes that undo curses' screen setup.
void cnc_restore_arm(const char *reset, size_t length);
void cnc_restore_disarm(void);
void cnc_restore_now(void);

#endif
