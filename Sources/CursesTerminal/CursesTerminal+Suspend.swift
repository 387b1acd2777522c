import CNCursesW
import ReportUI

extension CursesTerminal {
    /// Ctrl-Z, the way curses programs do it: the shell's modes and screen back, SIGTSTP to our
    /// process group under its default disposition, and after `fg` the next frame drawn in full.
    /// Where there is no job control (SIGTSTP ignored, or an orphaned process group) the stop
    /// does not happen and the browser simply redraws.
    public func suspend() {
        guard isOpen else { return }
        endwin()
        TerminalSignals.stopUntilContinued()
        _ = TerminalSignals.takeContinued()
        // doupdate after endwin puts curses' modes back; the full redraw follows in `present`.
        invalidate()
    }

    /// A suspension asked for by signal (`kill -TSTP`; in raw mode the terminal sends Ctrl-Z as
    /// a key instead), or a continue after someone else stopped us: either way the screen must
    /// be drawn again. Returns true when the caller should redraw.
    func handleJobControlSignals() -> Bool {
        if TerminalSignals.takeSuspendRequest() {
            suspend()
            return true
        }
        if TerminalSignals.takeContinued() {
            invalidate()
            return true
        }
        return false
    }
}
