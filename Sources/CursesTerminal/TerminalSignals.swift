import CSignals

/// The Swift face of the C signal helpers (Sources/CSignals). Stop signals only set a flag that
/// `nextEvent` polls, because nothing else is safe inside a handler; crashes and stray exit()
/// calls get a write()+tcsetattr() restore.
enum TerminalSignals {
    /// Must run before `newterm`: ncurses installs its own exiting SIGINT/SIGTERM handlers
    /// only where the disposition is still the default.
    static func installStopHandlers() { cnc_stop_signals_install() }

    static func removeStopHandlers() { cnc_stop_signals_remove() }

    /// The signal number that asked us to stop, if one arrived.
    static var stopSignal: Int32? {
        let received = cnc_stop_signal_received()
        return received == 0 ? nil : received
    }

    /// Remembers the tty modes as the shell left them; call before `newterm`.
    static func captureModes(of descriptor: Int32) { cnc_restore_capture_modes(descriptor) }

    static func armEmergencyRestore(resetSequence: [UInt8]) {
        resetSequence.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cnc_restore_arm(chars.baseAddress, chars.count)
            }
        }
    }

    static func disarmEmergencyRestore() { cnc_restore_disarm() }

    /// True once after SIGTSTP came from outside (`kill -TSTP`): suspend as for Ctrl-Z.
    static func takeSuspendRequest() -> Bool { cnc_take_suspend_request() != 0 }

    /// True once after SIGCONT: whatever was drawn while we were stopped must be drawn over.
    static func takeContinued() -> Bool { cnc_take_continued() != 0 }

    /// Stops the process group as a shell's Ctrl-Z would; returns after `fg`.
    static func stopUntilContinued() { cnc_suspend_process() }
}
