import CNCursesW
import Glibc
import ReportUI

extension CursesTerminal {
    /// Bytes meant for the terminal itself rather than the screen (an OSC 52 clipboard
    /// request), written between frames so they never split a drawing sequence.
    public func sendControlSequence(_ bytes: [UInt8]) {
        guard isOpen else { return }
        fflush(output)
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, output) }
        fflush(output)
    }

    /// Gives the terminal to another program (an editor, a pager, a command's output) while
    /// `body` runs, as Ctrl-Z does but without stopping; the next frame is drawn in full.
    /// Ctrl-C meanwhile is the program's, as with less's `!`: it must not end the browser too.
    public func runOutside<Result>(_ body: () -> Result) -> Result {
        guard isOpen else { return body() }
        endwin()
        var kept = sigaction()
        sigaction(SIGINT, nil, &kept)
        var ignoring = kept
        ignoring.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGINT, &ignoring, nil)
        let result = body()
        sigaction(SIGINT, &kept, nil)
        invalidate()
        return result
    }

    /// While `runOutside` runs a program that Ctrl-Z stopped: stops the browser's process group
    /// as its own Ctrl-Z does, so the shell takes the terminal; returns after `fg`. Curses has
    /// already left the screen, so nothing is drawn; the redraw follows `runOutside`.
    public func stopWhileOutside() {
        TerminalSignals.stopUntilContinued()
        _ = TerminalSignals.takeContinued()
    }

    /// While `runOutside` waits in cooked mode on its own (for Return after a piped command):
    /// Ctrl-Z there is SIGTSTP to the browser, which only sets a flag; this stops as asked.
    /// True when it stopped (and has been continued).
    public func stopWhileOutsideIfAsked() -> Bool {
        guard TerminalSignals.takeSuspendRequest() else { return false }
        stopWhileOutside()
        return true
    }

    /// Mouse reporting on (clicks and the wheel come to the browser) or off (the terminal's own
    /// selection and scrolling work, as without a curses program).
    public func captureMouse(_ on: Bool) {
        guard isOpen else { return }
        mousemask(on ? MouseDecoder.reportedEvents : 0, nil)
    }
}
